"""Running the pipeline up to, not including, the events component: what the recognizer resolves."""
from __future__ import annotations

from pathlib import Path

from spacy.tokens import Doc

from timeline.pipeline import get_nlp
from timeline.readers import read_path


def recognized(text: str, dct: str, tmp_path: Path) -> Doc:
    """The Doc of `text` (published on `dct`, read as a file is) after every component before the events."""
    path = tmp_path / "case.txt"
    path.write_text(f"---\npublished: {dct}\n---\n{text}\n", encoding="utf-8")
    document = next(read_path(path))
    nlp = get_nlp()
    doc = nlp.make_doc(document.simplified or document.text)
    doc.user_data.update(doc_id=document.id, dct=document.dct, original=document.text,
                         sentences=[(s.start, s.end, document.section_dct(s)) for s in document.sentences])
    for name, proc in nlp.pipeline:
        if name == "timeline_events":
            break
        doc = proc(doc)
    return doc
