"""Build the spaCy pipeline and run it on a Document.

The pipeline is a blank `zh` Language with our character/word tokenizer and five
components, in order: gazetteer -> names -> actors -> dates -> events. It runs on the
Document's Simplified view; the sentences, their reference times and the original
text travel in `doc.user_data`.

A text longer than spaCy's `max_length` is run in pieces, cut at a section boundary where
one falls in the window, else at a sentence start (`pieces`); the mentions' offsets are
moved back into the whole text. Every mention carries its document's `url` and
publication time (`published`), so a record leads back to its source.
"""
from __future__ import annotations

import gc
from bisect import bisect_left, bisect_right
from functools import lru_cache

import spacy
from spacy.language import Language

from timeline.home import home_country
from timeline.components import actors as _actors  # noqa: F401  (registers the factories)
from timeline.components import events as _events  # noqa: F401
from timeline.components import gazetteer as _gazetteer  # noqa: F401
from timeline.components import names as _names  # noqa: F401
from timeline.components import tokenizer as _tokenizer  # noqa: F401
from timeline.temporal import component as _dates  # noqa: F401
from timeline.document import Document
from timeline.record import Event

COMPONENTS = ("timeline_gazetteer", "timeline_names", "timeline_actors", "timeline_dates", "timeline_events")


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The pipeline, built once per process.

    Its tables live as long as the process, so they are moved out of the garbage collector's
    generations (`gc.freeze`): collections no longer walk them (a few % of the run time), and
    worker processes forked from here do not copy the pages they share with it."""
    nlp = spacy.blank("zh", config={"nlp": {"tokenizer": {"@tokenizers": "timeline.char_word_tokenizer.v1"}}})
    for name in COMPONENTS:
        nlp.add_pipe(name)
    gc.freeze()
    return nlp


def mentions(document: Document, trace: list | None = None) -> list[Event]:
    """Every event mention in a document, before merging; with a `trace` list, the fate of
    every trigger is appended to it (`timeline.events.trace`)."""
    nlp = get_nlp()
    found: list[Event] = []
    for start, end in pieces(document, nlp.max_length):
        found += _piece_mentions(nlp, document, start, end, trace)
    published = document.dct.isoformat() if document.dct else None
    return [m.with_(url=document.url, published=published) for m in found]


def pieces(document: Document, limit: int) -> list[tuple[int, int]]:
    """Consecutive spans of at most `limit` characters covering the text, each ending at the
    last section start in its window, else at the last sentence start, else at the limit."""
    n = len(document.text)
    sections = sorted({s.start for s in document.sections})
    sentences = sorted({s.start for s in document.sentences})
    out: list[tuple[int, int]] = []
    start = 0
    while start < n:
        end = min(start + limit, n)
        if end < n:  # a cut point p always lies after `start`, so it is never 0
            end = _last(sections, start, end) or _last(sentences, start, end) or end
        out.append((start, end))
        start = end
    return out


def _last(points: list[int], start: int, end: int) -> int | None:
    """The last point p with start < p <= end."""
    i = bisect_right(points, end)
    return points[i - 1] if i and points[i - 1] > start else None


def _piece_mentions(nlp: Language, document: Document, start: int, end: int,
                    trace: list | None = None) -> list[Event]:
    """The mentions of `text[start:end]`, with offsets into the whole text."""
    text = (document.simplified or document.text)[start:end]
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # what doc.text would rebuild from the tokens, at a cost
    doc.user_data["doc_id"] = document.id
    doc.user_data["dct"] = document.dct
    doc.user_data["home"] = home_country(document.url, document.simplified or document.text)
    doc.user_data["original"] = document.text[start:end]
    doc.user_data["offset"] = start  # where this piece begins in the document (for the trace)
    doc.user_data["trace"] = trace
    first = bisect_left([s.start for s in document.sentences], start) if start else 0
    sentences = []
    for s in document.sentences[first:]:
        if s.start >= end:
            break
        sentences.append((s.start - start, min(s.end, end) - start, document.section_dct(s)))
    doc.user_data["sentences"] = sentences
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    found = list(doc.user_data.get("mentions", []))
    if start:
        found = [m.with_(char_start=m.char_start + start, char_end=m.char_end + start) for m in found]
    return found
