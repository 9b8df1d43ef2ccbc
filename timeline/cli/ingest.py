"""`timeline ingest`: add documents and their events to a SQLite store (`timeline.store`)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from timeline.cli.app import app
from timeline.cli.report import Failures, progress_bar, warn
from timeline.cli.extract import parse_dct
from timeline.parallel import DocResult


@app.command("ingest")
def ingest_command(
    paths: list[Path] = typer.Argument(..., help="Files (.txt .md .html .jsonl) or directories."),
    db: Path = typer.Option(..., "--db", help="The store (SQLite file; created when missing)."),
    dct: str | None = typer.Option(None, "--dct", help="Publication time for every input (ISO date)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes for the extraction."),
) -> None:
    """Add documents and their events to a store; documents already there are skipped."""
    from timeline.store import StoreError, ingest

    failures = Failures()
    with progress_bar() as progress:
        task = progress.add_task("ingesting", total=None)

        def done(document: DocResult, added: bool) -> None:
            warn(document)
            progress.advance(task)

        try:
            counts = ingest(db, paths, parse_dct(dct), jobs=jobs, on_error=failures,
                            on_document=done)
        except StoreError as exc:
            print(f"error: {db}: {exc}", file=sys.stderr)
            raise typer.Exit(2) from None
    print(f"{db}: {counts['added']} document(s) added, {counts['skipped']} already stored, "
          f"{counts['errors']} error(s)", file=sys.stderr)
    if failures:
        raise typer.Exit(1)
