"""The extract step: paths -> documents -> mentions -> merged event records.

The one step that the CLI, the Python API, the SQLite store and the parallel engines
all call; they wrap it, they do not fork it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from timeline.document import Document
from timeline.merge import merge
from timeline.pipeline import mentions
from timeline.readers import ReadError, read_paths
from timeline.record import Event


def events_of(document: Document) -> list[Event]:
    """The merged events of one document."""
    return merge(mentions(document))


def iter_documents(paths: Iterable[str | Path], dct: datetime | None = None,
                   on_error: Callable[[ReadError], None] | None = None) -> Iterator[Document]:
    """Documents from files and directories; unreadable ones go to `on_error` and are skipped."""
    for item in read_paths([str(p) for p in paths], dct=dct):
        if isinstance(item, ReadError):
            if on_error is not None:
                on_error(item)
            continue
        yield item


def extract_events(documents: Iterable[Document],
                   on_document: Callable[[Document], None] | None = None) -> list[Event]:
    """Mentions of every document, merged across documents, in chronological order."""
    found: list[Event] = []
    for document in documents:
        found.extend(mentions(document))
        if on_document is not None:
            on_document(document)
    return sort_events(merge(found))


def sort_events(events: list[Event]) -> list[Event]:
    """By start date (undated last), then the more precise first, then order of mention."""
    return sorted(events, key=lambda e: (e.when.date_start is None, e.when.date_start or "", e.when.days,
                                         e.doc_id, e.char_start))


def extract_records(paths: Iterable[str | Path] | str | Path, dct: datetime | None = None,
                    on_error: Callable[[ReadError], None] | None = None) -> list[dict]:
    """SPEC.md records for every event in the given files and directories."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    return [e.to_record() for e in extract_events(iter_documents(paths, dct, on_error))]
