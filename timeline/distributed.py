"""`timeline extract --engine dask`: extraction on a dask.distributed cluster.

The inputs are listed as work units (files; chunks of JSONL lines, see `timeline.parallel`)
and cut into partitions of `partition_size` units. Each partition is one task: a worker reads
and extracts its documents, writes the partition's events (merged within the partition) as
one Parquet part file when a parts folder is given, and sends back the mentions. The client
merges the partitions' mentions in input order (`timeline.merge.Merger`, whose records do not
depend on that order either), so the merged events are the same as `timeline extract` gives
with any `--jobs`.

Without a scheduler address a LocalCluster is started (`n_workers` processes, one thread
each). Against a real cluster the workers need this package installed and must see the
input paths and the parts folder (a shared filesystem).
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

from timeline.merge import Merger
from timeline.parallel import DocResult, Unit, batches, iter_units, process_unit
from timeline.readers import ReadError
from timeline.record import Event


def extract_partition(index: int, units: list[Unit], dct: datetime | None = None,
                      parts_dir: str | None = None) -> list[DocResult | ReadError]:
    """Run on a worker: extract one partition, write its Parquet part, return the mentions."""
    from timeline.merge import merge

    out: list[DocResult | ReadError] = []
    for unit in units:
        out.extend(process_unit(unit, dct))
    if parts_dir is not None:
        from timeline.extractor import sort_events

        found = [m for r in out if isinstance(r, DocResult) for m in r.mentions]
        write_part(Path(parts_dir) / f"part-{index:05d}.parquet", [e.to_record() for e in sort_events(merge(found))])
    return out


def write_part(path: Path, records: list[dict]) -> None:
    """One Parquet part: the SPEC.md fields; actors and location as JSON text, doc_ids a list."""
    import json

    import pyarrow as pa
    import pyarrow.parquet as pq

    from timeline.atomic import atomic_write
    from timeline.record import FIELDS

    columns: dict[str, list] = {f: [] for f in FIELDS}
    for r in records:
        for f in FIELDS:
            v = r.get(f)
            columns[f].append(json.dumps(v, ensure_ascii=False) if f in ("actors", "location") and v is not None else v)
    schema = pa.schema([(f, pa.list_(pa.string()) if f == "doc_ids" else pa.int64()
                         if f in ("char_start", "char_end", "mentions") else pa.float64() if f == "confidence"
                         else pa.string()) for f in FIELDS])
    sink = pa.BufferOutputStream()
    pq.write_table(pa.table(columns, schema=schema), sink)
    atomic_write(path, sink.getvalue().to_pybytes())


# a worker's stack sampler and GIL monitor cost CPU on every task of this CPU-bound job
QUIET_WORKERS = {"distributed.worker.profile.enabled": False,
                 "distributed.admin.system-monitor.gil.enabled": False}


def extract_dask(paths: Iterable[str | Path], dct: datetime | None = None, scheduler: str | None = None,
                 n_workers: int = 2, partition_size: int = 64, parts_dir: str | Path | None = None,
                 processes: bool = True, on_error: Callable[[ReadError], None] | None = None,
                 on_document: Callable[[DocResult], None] | None = None) -> list[Event]:
    """Merged events of every document under `paths`, extracted on a dask cluster."""
    from distributed import Client, LocalCluster

    if parts_dir is not None:
        Path(parts_dir).mkdir(parents=True, exist_ok=True)
        for old in Path(parts_dir).glob("part-*.parquet"):
            old.unlink()
    import dask

    config = dict(QUIET_WORKERS)
    if not scheduler and "fork" in multiprocessing.get_all_start_methods():
        # local workers forked from this process start with the pipeline built (as `--jobs` does)
        config["distributed.worker.multiprocessing-method"] = "fork"
        from timeline.parallel import share_pipeline

        share_pipeline()
    with dask.config.set(config):
        if scheduler:
            client, cluster = Client(scheduler), None
        else:
            cluster = LocalCluster(n_workers=max(1, n_workers), threads_per_worker=1, processes=processes,
                                   dashboard_address=None)
            client = Client(cluster)
        try:
            return _run(client, paths, dct, partition_size, parts_dir, on_error, on_document)
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def _run(client, paths, dct, partition_size, parts_dir, on_error, on_document) -> list[Event]:
    from timeline.extractor import consume, sort_events

    merger = Merger()
    futures: list = []
    errors_before: dict[int, list[ReadError]] = {}
    for part in batches(iter_units(paths), max(1, partition_size)):
        if isinstance(part, ReadError):
            errors_before.setdefault(len(futures), []).append(part)
            continue
        futures.append(client.submit(extract_partition, len(futures), part, dct,
                                     None if parts_dir is None else str(parts_dir), pure=False))
    for i, future in enumerate(futures + [None]):
        for err in errors_before.get(i, []):
            if on_error is not None:
                on_error(err)
        if future is None:
            break
        consume(future.result(), merger, on_error, on_document)
        future.release()
    return sort_events(merger.result())
