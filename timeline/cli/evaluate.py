"""`timeline evaluate`: score event records against gold events, as shared/tools/score.py does."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from timeline.cli.app import app
from timeline.evaluate import InputError, evaluate_files, format_by_doc, format_explain, format_report


@app.command("evaluate")
def evaluate_command(
    system: Path = typer.Argument(..., help="System event records (.jsonl)."),
    gold: list[Path] = typer.Argument(..., help="Gold event files (.jsonl); several are concatenated."),
    aliases: list[Path] = typer.Option(..., "--aliases", help="Alias table (.json), repeatable; earlier files win."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object, as score.py --json."),
    verbose: bool = typer.Option(False, "--verbose", help="Also list misses, unmatched system events, wrong dates."),
    per_doc: bool = typer.Option(False, "--by-doc", help="Also core figures, misses and false alarms per document."),
    explain: bool = typer.Option(False, "--explain", help="Also why each missed gold event was missed."),
    trace: Path | None = typer.Option(None, "--trace", help="The trace `timeline extract --trace` wrote: "
                                      "--explain then names the cue or the missing side that dropped a trigger."),
) -> None:
    """Score SYSTEM against GOLD: the same figures as shared/tools/score.py."""
    try:
        report = evaluate_files(system, gold, aliases, trace)
    except InputError as exc:
        print(f"error: {exc.path}: {exc.reason}", file=sys.stderr)
        raise typer.Exit(2) from exc
    if report.bad_lines:
        print(f"warning: {system}: {report.bad_lines} line(s) are not JSON objects and were skipped",
              file=sys.stderr)
    if as_json:
        sys.stdout.write(json.dumps(report.to_json(with_by_doc=per_doc, with_explain=explain),
                                    ensure_ascii=False) + "\n")
        return
    sys.stdout.write(format_report(report, verbose=verbose))
    if per_doc:
        sys.stdout.write(format_by_doc(report))
    if explain:
        sys.stdout.write(format_explain(report))
