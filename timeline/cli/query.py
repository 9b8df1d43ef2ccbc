"""`timeline query`: who met whom, what an actor did, what happened where and when."""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from timeline.cli.app import app
from timeline.cli.load import load_timeline
from timeline.names import NameNotFound

if TYPE_CHECKING:  # pandas is imported by the command, not at start-up (`timeline extract` never needs it)
    import pandas as pd

    from timeline.timeline import Timeline


class OutFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"


@app.command("query")
def query_command(
    events: Path | None = typer.Argument(None, help="Event records: a .jsonl or .csv file (or use --db)."),
    db: Path | None = typer.Option(None, "--db", help="Read the events from a store written by `timeline ingest`."),
    who: str | None = typer.Option(None, "--who", help="An actor, in any name form (特朗普, 川普, Trump)."),
    with_: str | None = typer.Option(None, "--with", help="Only events that also involve this actor."),
    start: str | None = typer.Option(None, "--from", help="From this date (2025-01-01, 2025-10, 2025)."),
    end: str | None = typer.Option(None, "--to", help="Up to this date (inclusive)."),
    types: list[str] | None = typer.Option(None, "--type", help="Event type (repeatable): call meeting visit agreement statement."),
    place: str | None = typer.Option(None, "--at", help="A place: a city (with its venues) or a country."),
    fmt: OutFormat = typer.Option(OutFormat.table, "--format", help="table, csv or json."),
) -> None:
    """Events by actor, pair of actors, date range, type and place; oldest first."""
    tl = load_timeline(events, db)
    try:
        frame = select(tl, who, with_, start, end, types, place)
    except NameNotFound as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(1) from None
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise typer.Exit(2) from None
    from timeline.timeline import Timeline

    keep = set(frame["event_id"])
    result = Timeline([r for r in tl.records if r.get("event_id") in keep])
    if fmt is OutFormat.csv:
        sys.stdout.write(result.csv_text(safe=True))
    elif fmt is OutFormat.json:
        sys.stdout.write(result.jsonl_text())
    else:
        print_table(result)


def select(tl: Timeline, who=None, with_=None, start=None, end=None, types=None, place=None) -> pd.DataFrame:
    """The events matching every given filter (names resolved first, so a typo fails fast)."""
    from timeline.query import at as q_at
    from timeline.query import between as q_between
    from timeline.query import resolve_actor

    frame = tl.events
    unknown_types = set(types or []) - set(frame["type"].cat.categories)
    if unknown_types:
        raise ValueError(f"unknown event type {', '.join(sorted(unknown_types))}; "
                         "use call, meeting, visit, agreement or statement")
    for name in (who, with_):
        if name:
            names = resolve_actor(tl.events, name)
            frame = frame[frame["actor_names"].map(lambda xs, ns=names: any(x in ns for x in xs)).astype(bool)]
    if start or end:
        frame = q_between(frame, start, end)
    if types:
        frame = frame[frame["type"].astype(str).isin(types)]
    if place:
        ids = set(q_at(tl.events, place)["event_id"])
        frame = frame[frame["event_id"].isin(ids)]
    return frame


def print_table(tl: Timeline) -> None:
    console = Console()
    if not len(tl):
        Console(stderr=True).print("no events match")
        return
    table = Table(show_lines=False, header_style="bold")
    for col in ("date", "type", "status", "actors", "place", "evidence"):
        table.add_column(col, overflow="fold", max_width=60 if col == "evidence" else None)
    for r in tl.records:
        cells = (r.get("date") or "—", str(r.get("type") or ""), str(r.get("status") or ""),
                 "、".join(a.get("name") or "" for a in r.get("actors") or []),
                 (r.get("location") or {}).get("name") or "", r.get("sentence") or "")
        table.add_row(*(Text(c) for c in cells))  # Text: names are never read as Rich markup
    console.print(table)
