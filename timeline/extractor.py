"""The extract step: paths -> documents -> mentions -> merged event records.

The one step that the CLI, the Python API, the SQLite store and the parallel engines
all call; they wrap it, they do not fork it.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import datetime
from pathlib import Path

from timeline.document import Document
from timeline.merge import Merger, merge
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
                   on_document: Callable[[Document], None] | None = None,
                   trace: list | None = None,
                   on_error: Callable[[ReadError], None] | None = None) -> list[Event]:
    """Mentions of every document, merged across documents (`timeline.merge`), in chronological
    order (with a `trace` list, what became of every trigger is appended to it). A document the
    pipeline fails on goes to `on_error` (else the error is raised) and the rest still run."""
    merger = Merger()
    for document in documents:
        try:
            found = mentions(document, trace)
        except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
            if on_error is None:
                raise
            on_error(ReadError(document.path or document.id, f"extraction failed: {type(exc).__name__}: {exc}"))
            continue
        merger.add(found)
        if on_document is not None:
            on_document(document)
    return sort_events(merger.result())


def extract_paths(paths: Iterable[str | Path], dct: datetime | None = None, jobs: int = 1,
                  chunksize: int | None = None,
                  on_error: Callable[[ReadError], None] | None = None,
                  on_document: Callable[[object], None] | None = None) -> list[Event]:
    """`extract_events` of files and directories, streamed, in `jobs` processes.

    Documents are read as they are needed and only their mentions come back, each
    document's merged as they arrive: memory holds the documents' events, not the corpus.
    The result does not depend on `jobs`.
    """
    from timeline.parallel import run_units

    merger = Merger()
    consume(run_units(paths, dct, jobs=jobs, chunksize=chunksize), merger, on_error, on_document)
    return sort_events(merger.result())


def consume(items: Iterable, merger: Merger, on_error: Callable[[ReadError], None] | None = None,
            on_document: Callable | None = None) -> None:
    """Feed worker results to `merger`: errors to `on_error`, each document to `on_document`."""
    for item in items:
        if isinstance(item, ReadError):
            if on_error is not None:
                on_error(item)
            continue
        merger.add(item.mentions)
        if on_document is not None:
            on_document(item)


def sort_events(events: list[Event]) -> list[Event]:
    """By start date (undated last), then the more precise first, then order of mention."""
    return sorted(events, key=lambda e: (e.when.date_start is None, e.when.date_start or "", e.when.days,
                                         e.doc_id, e.char_start))


def extract_records(paths: Iterable[str | Path] | str | Path, dct: datetime | None = None,
                    on_error: Callable[[ReadError], None] | None = None, jobs: int = 1) -> list[dict]:
    """SPEC.md records for every event in the given files and directories."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    if jobs <= 1:  # in this process; a pipeline error propagates
        return [e.to_record() for e in extract_events(iter_documents(paths, dct, on_error))]
    return [e.to_record() for e in extract_paths(paths, dct, jobs=jobs, on_error=on_error)]
