"""Command-line interface: one module per command, all registered on one Typer app.

The commands only parse arguments and call the library.
"""
from __future__ import annotations

from timeline.cli.app import app
from timeline.cli import extract as _extract  # noqa: F401  (registers the command)
from timeline.cli import evaluate as _evaluate  # noqa: F401
from timeline.cli import query as _query  # noqa: F401
from timeline.cli import graph as _graph  # noqa: F401
from timeline.cli import map as _map  # noqa: F401
from timeline.cli import dates as _dates  # noqa: F401
from timeline.cli import ingest as _ingest  # noqa: F401


def main() -> None:
    """Console-script entry point."""
    app()
