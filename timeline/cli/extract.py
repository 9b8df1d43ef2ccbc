"""`timeline extract`: files and directories in, SPEC.md event records out (JSONL or CSV)."""
from __future__ import annotations

import sys
from datetime import datetime
from enum import Enum
from pathlib import Path

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline.atomic import atomic_write
from timeline.cli.app import app
from timeline.extractor import extract_events, iter_documents
from timeline.readers import ReadError
from timeline.record import to_json_line


class Format(str, Enum):
    jsonl = "jsonl"
    csv = "csv"


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
    output: Path | None = typer.Option(None, "-o", "--output", help="Output file (default: standard output)."),
    fmt: Format = typer.Option(None, "--format", help="jsonl or csv (default: from the output's extension, else jsonl)."),
    dct: str | None = typer.Option(None, "--dct", help="Publication time for every input (ISO date)."),
) -> None:
    """Extract diplomatic events (calls, meetings, visits, agreements, statements)."""
    err = Console(stderr=True)
    failures: list[ReadError] = []

    def report(error: ReadError) -> None:
        failures.append(error)
        print(f"error: {error.path}: {error.reason}", file=sys.stderr)

    if fmt is None:
        fmt = Format.csv if output is not None and output.suffix.lower() == ".csv" else Format.jsonl
    documents = iter_documents(paths, parse_dct(dct), on_error=report)
    with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal) as progress:
        task = progress.add_task("extracting", total=None)
        events = extract_events(documents, on_document=lambda d: progress.advance(task))
    records = [e.to_record() for e in events]
    if fmt is Format.csv:
        from timeline.timeline import Timeline

        text = Timeline(records).csv_text()
    else:
        text = "".join(to_json_line(r) + "\n" for r in records)
    if output is None:
        sys.stdout.write(text)
    else:
        atomic_write(output, text)
    if failures:
        raise typer.Exit(1)
