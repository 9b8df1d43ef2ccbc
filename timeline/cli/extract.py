"""`timeline extract`: files and directories in, SPEC.md event records out (JSONL, CSV or Parquet).

`-o` may be given several times: one extraction, every file written from it (the format of
each from its extension: .csv, .parquet, else JSONL).
"""
from __future__ import annotations

import sys
from datetime import datetime
from enum import Enum
from pathlib import Path

import typer

from timeline.atomic import atomic_write
from timeline.cli.app import app
from timeline.cli.report import Failures, progress_bar, warn
from timeline.document import Document
from timeline.extractor import extract_events, extract_paths, iter_documents
from timeline.parallel import DocResult
from timeline.record import to_json_line


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


class Engine(str, Enum):
    local = "local"
    dask = "dask"


def parse_dct(value: str | None) -> datetime | None:
    """A --dct value (`2025-06-02` or an ISO datetime) as a datetime."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise typer.BadParameter(f"not an ISO date: {value!r}") from exc


@app.command("extract")
def extract_command(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .md .html .jsonl) or directories."),
    output_args: list[str] | None = typer.Option(None, "-o", "--output", help="Output file (default: standard "
                                                 "output), .jsonl, .csv or .parquet; repeat for several files from one "
                                                 "extraction. With --engine dask a folder (ending in / or existing) "
                                                 "gets the Parquet part files and events.jsonl (or .csv)."),
    fmt: Format = typer.Option(None, "--format", help="jsonl or csv (default: from the output's extension, else "
                               "jsonl); with one output only."),
    dct: str | None = typer.Option(None, "--dct", help="Publication time for every input (ISO date)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes (the output does not depend on it)."),
    engine: Engine = typer.Option(Engine.local, "--engine", help="local (processes on this machine) or dask."),
    scheduler: str | None = typer.Option(None, "--scheduler", help="Dask scheduler address (tcp://host:8786); "
                                         "default: a LocalCluster of --jobs workers."),
    partition_size: int = typer.Option(64, "--partition-size", min=1, help="Files per Dask partition."),
    trace: Path | None = typer.Option(None, "--trace", help="Also write what became of every trigger word "
                                      "(JSONL, for `evaluate --explain --trace`); runs in one process."),
) -> None:
    """Extract diplomatic events (calls, meetings, visits, agreements, statements)."""
    failures = Failures()
    outputs = [Path(o) for o in output_args or []]
    if fmt is not None and len(outputs) > 1:
        raise typer.BadParameter("--format goes with one output; with several, each takes its extension's format",
                                 param_hint="--format")
    parts_dir: Path | None = None
    if engine is Engine.dask and len(outputs) == 1 and (output_args[0].endswith(("/", "\\")) or outputs[0].is_dir()):
        parts_dir = outputs[0]
        outputs = [parts_dir / ("events.csv" if fmt is Format.csv else "events.jsonl")]
    elif scheduler is not None and engine is not Engine.dask:
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    when = parse_dct(dct)
    if trace is not None and (jobs > 1 or engine is Engine.dask):
        raise typer.BadParameter("--trace runs in one process: leave out --jobs and --engine", param_hint="--trace")
    entries: list = []
    with progress_bar() as progress:
        task = progress.add_task("extracting", total=None)

        def done(document: DocResult | Document) -> None:
            warn(document)
            progress.advance(task)

        if trace is not None:
            events = extract_events(iter_documents(paths, when, failures), trace=entries, on_document=done,
                                    on_error=failures)
        elif engine is Engine.dask:
            try:
                import distributed  # noqa: F401
            except ImportError:
                print("error: --engine dask needs dask.distributed: pip install 'timeline[dask]'", file=sys.stderr)
                raise typer.Exit(2) from None
            from timeline.distributed import extract_dask

            events = extract_dask(paths, when, scheduler=scheduler, n_workers=jobs, partition_size=partition_size,
                                  parts_dir=parts_dir, on_error=failures, on_document=done)
        else:
            events = extract_paths(paths, when, jobs=jobs, on_error=failures,
                                   on_document=done)
    records = [e.to_record() for e in events]
    if not outputs:
        sys.stdout.write(_text(records, fmt or Format.jsonl))
    for output in outputs:
        write_records(records, output, fmt)
    if trace is not None:
        atomic_write(trace, "".join(to_json_line(e.to_dict()) + "\n" for e in entries))
    if failures:
        raise typer.Exit(1)


def write_records(records: list[dict], output: Path, fmt: Format | None = None) -> None:
    """One output file: `fmt`, else the format of its extension (.csv, .parquet, else JSONL)."""
    suffix = output.suffix.lower()
    if fmt is None and suffix == ".parquet":
        from timeline.timeline import Timeline

        Timeline(records).to_parquet(output)
        return
    atomic_write(output, _text(records, fmt or (Format.csv if suffix == ".csv" else Format.jsonl)))


def _text(records: list[dict], fmt: Format) -> str:
    if fmt is Format.csv:
        from timeline.timeline import Timeline  # pandas only for CSV and Parquet

        return Timeline(records).csv_text()
    return "".join(to_json_line(r) + "\n" for r in records)
