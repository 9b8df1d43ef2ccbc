"""`timeline map`: the events on a map, as a self-contained HTML page."""
from __future__ import annotations

from pathlib import Path

import typer

from timeline.cli.app import app
from timeline.cli.load import load_timeline


@app.command("map")
def map_command(
    events: Path | None = typer.Argument(None, help="Event records: a .jsonl or .csv file (or use --db)."),
    db: Path | None = typer.Option(None, "--db", help="Read the events from a store written by `timeline ingest`."),
    output: Path = typer.Option(..., "-o", "--output", help="The page to write (.html)."),
    title: str = typer.Option("Where it happened", "--title", help="Title shown on the map."),
) -> None:
    """Write the events with a place as markers on a map (coloured by type, with popups)."""
    if output.suffix.lower() not in (".html", ".htm"):
        raise typer.BadParameter(f"{output}: the map is an .html page", param_hint="-o")
    load_timeline(events, db).write_map(output, title=title)
