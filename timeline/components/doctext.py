"""The text of a Doc, computed once: spaCy rebuilds `Doc.text` from its tokens on every access."""
from __future__ import annotations

from spacy.tokens import Doc


def doc_text(doc: Doc) -> str:
    """`doc.text`, cached in `doc.user_data` (the components read it thousands of times)."""
    text = doc.user_data.get("text")
    if text is None:
        text = doc.user_data["text"] = doc.text
    return text
