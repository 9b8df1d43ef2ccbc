"""`timeline graph`: the actor-interaction graph, written by extension (.html .gexf .graphml .png)."""
from __future__ import annotations

import sys
from pathlib import Path

import typer

from timeline.cli.app import app
from timeline.cli.load import load_timeline


@app.command("graph")
def graph_command(
    events: Path | None = typer.Argument(None, help="Event records: a .jsonl or .csv file (or use --db)."),
    db: Path | None = typer.Option(None, "--db", help="Read the events from a store written by `timeline ingest`."),
    outputs: list[Path] = typer.Option(..., "-o", "--output",
                                       help="Output file: .html, .gexf, .graphml or .png (repeat for several)."),
    aggregate: bool = typer.Option(False, "--aggregate", help="GraphML/GEXF: one weighted edge per pair instead of "
                                   "one per event (the HTML page and the PNG draw one line per pair and type)."),
    statements: bool = typer.Option(False, "--statements", help="Keep statements (default: calls, meetings, "
                                    "visits and agreements; actors with none of them are left out)."),
    title: str | None = typer.Option(None, "--title", help="Title of the HTML page / PNG."),
) -> None:
    """Write who-met-whom as graph files."""
    from timeline.graph_export import FORMATS  # networkx is imported by the command, not at start-up

    for output in outputs:
        if output.suffix.lower() not in FORMATS + (".htm",):
            raise typer.BadParameter(f"{output}: use one of {', '.join(FORMATS)}", param_hint="-o")
    tl = load_timeline(events, db)
    for output in outputs:
        try:
            tl.write_graph(output, aggregate=aggregate, title=title, statements=statements)
        except RuntimeError as exc:  # e.g. no CJK font for the PNG
            print(f"error: {exc}", file=sys.stderr)
            raise typer.Exit(1) from None
