"""Read files and directories into Documents; unreadable inputs become ReadErrors."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Iterable, Iterator

from timeline.document import Document
from timeline.readers.encoding import UndecodableError, decode_bytes
from timeline.readers.errors import ReadError
from timeline.readers.html import read_html
from timeline.readers.jsonl import read_jsonl
from timeline.readers.text import read_text

SUPPORTED = (".txt", ".md", ".html", ".htm", ".jsonl")

__all__ = ["ReadError", "SUPPORTED", "read_file", "read_path", "read_paths"]


def read_decoded(path: Path) -> str | ReadError:
    """The text of a file, its encoding detected; a ReadError when unreadable, empty or undecodable."""
    try:
        data = path.read_bytes()
    except OSError as e:
        return ReadError(str(path), e.strerror or str(e))
    if not data.strip():
        return ReadError(str(path), "empty file")
    try:
        return decode_bytes(data)[0]
    except UndecodableError as e:
        return ReadError(str(path), str(e))


def read_file(path: Path, dct: datetime | None = None) -> Iterator[Document | ReadError]:
    """The Documents of one file (several for JSONL), or ReadErrors."""
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        yield ReadError(str(path), f"unsupported file type {suffix or '(none)'!r}")
        return
    text = read_decoded(path)
    if isinstance(text, ReadError):
        yield text
        return
    if suffix == ".jsonl":
        yield from read_jsonl(text, path, dct)
    elif suffix in (".html", ".htm"):
        yield read_html(text, path, dct)
    else:
        yield read_text(text, path, dct)


def read_path(path: str | Path, dct: datetime | None = None) -> Iterator[Document | ReadError]:
    """Documents from a file, or from every supported file under a directory (sorted)."""
    p = Path(path)
    if p.is_dir():
        files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
        if not files:
            yield ReadError(str(p), "directory has no readable files (.txt .md .html .htm .jsonl)")
        for f in files:
            yield from read_file(f, dct)
    elif not p.exists():
        yield ReadError(str(p), "no such file or directory")
    else:
        yield from read_file(p, dct)


def read_paths(paths: Iterable[str | Path], dct: datetime | None = None) -> Iterator[Document | ReadError]:
    """`read_path` over several paths, in the order given."""
    for p in paths:
        yield from read_path(p, dct)
