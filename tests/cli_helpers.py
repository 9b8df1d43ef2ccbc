"""Running the `timeline` CLI in tests: the real Typer app, through Typer's CliRunner."""
from __future__ import annotations

from typer.testing import CliRunner

from timeline.cli import app


def run_cli(*args: str) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `timeline ARGS…`."""
    result = CliRunner().invoke(app, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
