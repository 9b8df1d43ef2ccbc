"""The Document every reader produces and every later stage consumes.

One object carries the text exactly as read (offsets point into it), a Simplified
view of the same length for matching, the publication time (DCT) with where it came
from, and the sentences and sections with their character offsets.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Sentence:
    """A sentence: `text == doc.text[start:end]`; `section` indexes `Document.sections`."""

    start: int
    end: int
    text: str
    section: int = 0


@dataclass(frozen=True)
class Section:
    """A story inside a page (a main article, a related-article blurb) with its own DCT."""

    start: int
    end: int
    dct: datetime | None = None
    dct_source: str | None = None
    title: str | None = None


@dataclass
class Document:
    """A news article as read from one file or one JSONL line.

    `dct_source` says where the publication time came from: ``cli``, ``metadata``,
    ``page`` (a date printed in the page, an epoch comment, a byline) or ``lead``
    (the latest full date in the lead paragraph); None when there is no DCT.
    `simplified` has the same length as `text`, character for character. `warnings` says what
    the reader could not use (front matter that is not valid YAML); the CLI prints them.
    """

    id: str
    text: str
    dct: datetime | None = None
    dct_source: str | None = None
    url: str | None = None
    lang: str | None = None
    path: str | None = None
    simplified: str = ""
    sentences: list[Sentence] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def section_dct(self, sentence: Sentence) -> datetime | None:
        """The reference time for a sentence: its section's DCT, else the document's."""
        if 0 <= sentence.section < len(self.sections):
            dct = self.sections[sentence.section].dct
            if dct is not None:
                return dct
        return self.dct
