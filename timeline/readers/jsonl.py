"""JSON Lines: one article a line, {"id", "text", "published", "url", "lang"}."""
from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path
from typing import Iterator

from timeline.document import Document
from timeline.readers.build import build_document
from timeline.readers.errors import ReadError
from timeline.readers.text import PUBLISHED_KEYS, mask_markup


def read_jsonl(text: str, path: Path, dct: datetime | None = None,
               first_line: int = 1) -> Iterator[Document | ReadError]:
    """One Document per good line; a ReadError naming the line for each bad one.

    `first_line` is the number of the first line of `text` in the file (a chunk of a file).
    """
    for n, line in enumerate(text.splitlines(), first_line):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as e:
            yield ReadError(str(path), f"line {n}: malformed JSON ({e.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str) or not rec["text"].strip():
            yield ReadError(str(path), f"line {n}: no \"text\" field")
            continue
        body = rec["text"]
        yield build_document(str(rec.get("id") or f"{path.stem}-{n}"), body, body=mask_markup(body),
                             dct=dct, published=next((rec[k] for k in PUBLISHED_KEYS if rec.get(k)), None), url=rec.get("url"),
                             lang=rec.get("lang"), path=str(path))
