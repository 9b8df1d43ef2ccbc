"""The text of a Doc, computed once: spaCy rebuilds `Doc.text` from its tokens on every access."""
from __future__ import annotations

from spacy.tokens import Doc, Span


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached in `doc.user_data` (the components read it thousands of times)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text


def span_text(span: Span) -> str:
    """`span.text` from the cached text: spaCy joins the span's tokens, one per character here."""
    return doc_text(span.doc)[span.start_char:span.end_char]
