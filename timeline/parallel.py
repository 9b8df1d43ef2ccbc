"""Streaming, process-parallel extraction: work units in, per-document mentions out, in order.

The inputs are cut into small work units (a file; a chunk of lines of a JSONL file) that are
listed lazily. Each unit is read and run through the pipeline by `process_unit`, in this
process (`jobs=1`) or in a pool of worker processes, with a bounded number of units in flight
and the results handed back in input order. The caller merges each document's mentions as
they come (`timeline.merge.Merger`), so memory holds the documents' events, never the corpus,
and the output does not depend on the number of processes (nor on the order of the documents).
"""
from __future__ import annotations

import hashlib
import multiprocessing
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from timeline.document import Document
from timeline.readers import SUPPORTED, ReadError, read_decoded, read_file
from timeline.readers.jsonl import read_jsonl
from timeline.record import Event

JSONL_CHUNK = 64  # JSONL lines per work unit
BATCH = 8  # work units sent to a worker at a time: fewer round trips through the pool's queues


@dataclass(frozen=True)
class Unit:
    """One piece of work: a whole file, or lines `first_line`… of a JSONL file (`text`)."""

    path: str
    first_line: int = 0
    text: str | None = None


@dataclass
class DocResult:
    """What a worker sends back for one document: who it is, and its event mentions."""

    doc_id: str
    path: str | None
    content_hash: str
    chars: int
    dct: str | None = None
    dct_source: str | None = None
    url: str | None = None
    lang: str | None = None
    mentions: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # `Document.warnings`
    skipped: bool = False  # already in the store (`known_db`): not extracted


def content_hash(text: str) -> str:
    """The identity of a document in the store: SHA-256 of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def iter_units(paths: Iterable[str | Path], chunk: int = JSONL_CHUNK) -> Iterator[Unit | ReadError]:
    """Work units for files and directories, in `read_paths` order (directories sorted)."""
    for p in (Path(x) for x in paths):
        if p.is_dir():
            files = sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED)
            if not files:
                yield ReadError(str(p), "directory has no readable files (.txt .md .html .htm .jsonl)")
            for f in files:
                yield from _file_units(f, chunk)
        elif not p.exists():
            yield ReadError(str(p), "no such file or directory")
        else:
            yield from _file_units(p, chunk)


def _file_units(path: Path, chunk: int) -> Iterator[Unit | ReadError]:
    if path.suffix.lower() != ".jsonl":
        yield Unit(str(path))
        return
    # a JSONL file is cut into chunks of lines so that one big file is shared among workers
    text = read_decoded(path)
    if isinstance(text, ReadError):
        yield text
        return
    lines = text.splitlines()
    del text
    for i in range(0, len(lines), chunk):
        yield Unit(str(path), i + 1, "\n".join(lines[i:i + chunk]))


def process_unit(unit: Unit, dct: datetime | None = None,
                 known_db: str | None = None) -> list[DocResult | ReadError]:
    """Read a unit and find the mentions of each of its documents.

    With `known_db` (a store's path), documents whose content hash is already there are
    not extracted (`skipped=True`). A document that makes the pipeline fail is reported as
    a ReadError; the others go on.
    """
    from timeline.pipeline import mentions

    if unit.text is None:
        items: Iterable[Document | ReadError] = read_file(Path(unit.path), dct)
    else:
        items = read_jsonl(unit.text, Path(unit.path), dct, first_line=unit.first_line)
    known = _known_hashes(known_db)
    out: list[DocResult | ReadError] = []
    try:
        for item in items:
            if isinstance(item, ReadError):
                out.append(item)
                continue
            result = doc_result(item)
            if known is not None and known(result.content_hash):
                result.skipped = True
            else:
                try:
                    result.mentions = mentions(item)
                except Exception as exc:  # noqa: BLE001 - one bad document must not stop a batch
                    out.append(ReadError(item.path or item.id, f"extraction failed: {type(exc).__name__}: {exc}"))
                    continue
            out.append(result)
    except Exception as exc:  # noqa: BLE001 - a reader failing outright
        out.append(ReadError(unit.path, f"cannot read: {type(exc).__name__}: {exc}"))
    return out


def doc_result(document: Document) -> DocResult:
    return DocResult(doc_id=document.id, path=document.path, content_hash=content_hash(document.text),
                     chars=len(document.text), dct=document.dct.isoformat() if document.dct else None,
                     dct_source=document.dct_source, url=document.url, lang=document.lang,
                     warnings=list(document.warnings))


def _known_hashes(db: str | None) -> Callable[[str], bool] | None:
    if db is None or not os.path.exists(db):
        return None
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        conn.execute("SELECT 1 FROM documents LIMIT 1")
    except sqlite3.Error:
        return None

    def known(h: str) -> bool:
        try:
            return conn.execute("SELECT 1 FROM documents WHERE content_hash = ?", (h,)).fetchone() is not None
        except sqlite3.Error:
            return False

    return known


def _process_batch(units: list[Unit], dct: datetime | None, known_db: str | None) -> list[DocResult | ReadError]:
    out: list[DocResult | ReadError] = []
    for unit in units:
        out.extend(process_unit(unit, dct, known_db))
    return out


def share_pipeline() -> None:
    """Build the pipeline in this process: before forking workers, so that they inherit it
    instead of each building it (`get_nlp` also keeps it out of the collector's sight: no
    copied pages); and as the initializer of spawned workers, which inherit nothing."""
    from timeline.pipeline import get_nlp

    get_nlp()


def batches(items: Iterable[Unit | ReadError], size: int) -> Iterator[list[Unit] | ReadError]:
    """Units in lists of `size`, ReadErrors passed through in their place in the order."""
    batch: list[Unit] = []
    for item in items:
        if isinstance(item, ReadError):
            if batch:
                yield batch
                batch = []
            yield item
            continue
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def pool_context() -> multiprocessing.context.BaseContext:
    """fork where there is one (cheap start, nothing to re-import), else spawn."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


def run_units(paths: Iterable[str | Path], dct: datetime | None = None, jobs: int = 1, chunksize: int | None = None,
              known_db: str | None = None) -> Iterator[DocResult | ReadError]:
    """DocResults and ReadErrors of every document under `paths`, in input order.

    `jobs` > 1 runs `jobs` worker processes; `chunksize` units (default `BATCH`) go to a worker at a time and
    at most `4 * jobs` batches are in flight, so the inputs are read as they are needed.
    """
    units = iter_units(paths)
    if jobs <= 1:
        for unit in units:
            if isinstance(unit, ReadError):
                yield unit
            else:
                yield from process_unit(unit, dct, known_db)
        return
    window = 4 * jobs
    context = pool_context()
    if context.get_start_method() == "fork":
        share_pipeline()
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=share_pipeline) as pool:
        pending: deque[Future | ReadError] = deque()

        def drain_one() -> Iterator[DocResult | ReadError]:
            head = pending.popleft()
            if isinstance(head, ReadError):
                yield head
            else:
                yield from head.result()

        for batch in batches(units, max(1, chunksize or BATCH)):
            pending.append(batch if isinstance(batch, ReadError) else pool.submit(_process_batch, batch, dct, known_db))
            while sum(not isinstance(p, ReadError) for p in pending) > window:
                yield from drain_one()
        while pending:
            yield from drain_one()
