"""`timeline dates`: the time expressions of a text (or of each line of a JSONL batch) as JSON lines."""
from __future__ import annotations

import json
from pathlib import Path

import typer

from timeline.cli.app import app
from timeline.script import to_simplified
from timeline.temporal import find_dates


def _expressions(text: str, dct: str | None) -> list[dict[str, object]]:
    """Every expression of `text` with offsets into `text` itself (Traditional is read as Simplified)."""
    simplified = to_simplified(text)
    return [dict(t.to_dict(), text=text[t.start:t.end]) for t in find_dates(simplified, dct)]


@app.command()
def dates(
    text: str = typer.Argument(None, help="The text to read (one sentence or a paragraph)."),
    dct: str = typer.Option(None, "--dct", help="Reference (publication) date, e.g. 2025-06-02."),
    input: Path = typer.Option(None, "--input", help='JSONL batch: lines {"text": ..., "dct": ...}.'),
) -> None:
    """Find and resolve the time expressions of TEXT, one JSON line per expression."""
    if input is None and text is None:
        raise typer.BadParameter("give TEXT or --input FILE")
    if input is None:
        for e in _expressions(text, dct):
            typer.echo(json.dumps(e, ensure_ascii=False))
        return
    try:
        lines = input.read_text(encoding="utf-8").splitlines()
    except OSError as e:
        typer.echo(f"error: {input}: {e.strerror or e}", err=True)
        raise typer.Exit(2)
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            case = json.loads(line)
            out = {"text": case["text"], "dct": case.get("dct"),
                   "expressions": _expressions(case["text"], case.get("dct") or dct)}
        except (ValueError, KeyError, TypeError) as e:
            typer.echo(f"error: {input}:{n}: {e}", err=True)
            raise typer.Exit(2)
        typer.echo(json.dumps(out, ensure_ascii=False))
