"""Build the spaCy pipeline and run it on a Document.

The pipeline is a blank `zh` Language with our character/word tokenizer and five
components, in order: gazetteer -> names -> actors -> dates -> events. It runs on the
Document's Simplified view; the sentences, their reference times and the original
text travel in `doc.user_data`.
"""
from __future__ import annotations

import gc
from functools import lru_cache

import spacy
from spacy.language import Language

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
    text = document.simplified or document.text
    doc = nlp.make_doc(text)
    doc.user_data["text"] = text  # what doc.text would rebuild from the tokens, at a cost
    doc.user_data["doc_id"] = document.id
    doc.user_data["dct"] = document.dct
    doc.user_data["original"] = document.text
    doc.user_data["sentences"] = [(s.start, s.end, document.section_dct(s)) for s in document.sentences]
    doc.user_data["trace"] = trace
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return list(doc.user_data.get("mentions", []))
