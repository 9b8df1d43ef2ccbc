"""Loading the events a query or graph command works on: one function to extend (e.g. `--db`)."""
from __future__ import annotations

from pathlib import Path

import typer

from timeline.timeline import Timeline


def load_timeline(events: Path | None) -> Timeline:
    """A Timeline from a .jsonl or .csv file of SPEC.md records (a bad path is a usage error).

    A SQLite store (`--db`) is meant to be one more branch here.
    """
    if events is None:
        raise typer.BadParameter("give an EVENTS file (.jsonl or .csv)")
    if not events.is_file():
        raise typer.BadParameter(f"{events}: no such file")
    try:
        return Timeline.load(events)
    except (ValueError, UnicodeDecodeError) as exc:
        raise typer.BadParameter(str(exc)) from exc
