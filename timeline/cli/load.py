"""Loading the events a query or graph command works on: a .jsonl/.csv file or a store (`--db`)."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import typer

if TYPE_CHECKING:
    from timeline.timeline import Timeline


def load_timeline(events: Path | None, db: Path | None = None) -> Timeline:
    """A Timeline from a .jsonl or .csv file of SPEC.md records, or from a SQLite store
    written by `timeline ingest` (a bad path is a usage error)."""
    from timeline.timeline import Timeline  # here, not at the top: `timeline extract` never loads pandas

    if events is not None and db is not None:
        raise typer.BadParameter("give an EVENTS file or --db, not both")
    if db is not None:
        from timeline.store import StoreError

        if not db.is_file():
            raise typer.BadParameter(f"{db}: no such store", param_hint="--db")
        try:
            return Timeline.from_db(db)
        except (StoreError, OSError) as exc:
            raise typer.BadParameter(str(exc), param_hint="--db") from exc
    if events is None:
        raise typer.BadParameter("give an EVENTS file (.jsonl or .csv) or --db STORE")
    if not events.is_file():
        raise typer.BadParameter(f"{events}: no such file")
    try:
        return Timeline.load(events)
    except (ValueError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(str(exc)) from exc
