"""Turn read text plus metadata into a complete Document (script, DCT, sections, sentences)."""
from __future__ import annotations

from datetime import datetime

from timeline.document import Document, Section, Sentence
from timeline.readers.dateline import with_datelines
from timeline.readers.dct import resolve_dct
from timeline.readers.glosses import drop_pinyin
from timeline.script import detect_script, to_simplified
from timeline.segment import sentences, split_sections


def build_document(doc_id: str, text: str, *, body: str | None = None, body_start: int = 0,
                   dct: datetime | None = None, published: object = None, url: str | None = None,
                   lang: str | None = None, path: str | None = None, warnings: list[str] | None = None) -> Document:
    """A Document over `text`; `body` is `text` with markup/front matter masked by spaces;
    `warnings`: what the reader had to leave out."""
    body = text if body is None else body
    text, body, body_start = drop_pinyin(text, body, body_start)
    when, source = resolve_dct(text, cli=dct, metadata=published, url=url)
    sections = with_datelines(body, split_sections(body, body_start), when)
    simplified = to_simplified(text)
    return Document(id=doc_id, text=text, dct=when, dct_source=source, url=url,
                    lang=lang or detect_script(body[body_start:]), path=path,
                    simplified=simplified, sentences=sentences_of(text, body, sections),
                    sections=sections, warnings=list(warnings or []))


def sentences_of(text: str, body: str, sections: list[Section]) -> list[Sentence]:
    """Sentences found in the masked `body`, with their text taken from `text`."""
    return [Sentence(s.start, s.end, text[s.start:s.end], s.section) for s in sentences(body, sections)]
