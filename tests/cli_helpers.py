"""Running the CLI in tests.

`timeline.cli/__init__.py` imports every command, including `extract`, which pulls in
the whole extractor. While another module is broken mid-edit that import fails; then
the query/graph commands are loaded on their own (the same app object, the same code).
"""
from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]


def cli_app():
    try:
        from timeline.cli.app import app
        import timeline.cli.graph  # noqa: F401
        import timeline.cli.query  # noqa: F401
        return app
    except ImportError:
        for name in [n for n in sys.modules if n == "timeline.cli" or n.startswith("timeline.cli.")]:
            del sys.modules[name]
        package = types.ModuleType("timeline.cli")
        package.__path__ = [str(ROOT / "timeline" / "cli")]
        sys.modules["timeline.cli"] = package
        app = importlib.import_module("timeline.cli.app").app
        importlib.import_module("timeline.cli.query")
        importlib.import_module("timeline.cli.graph")
        return app


def run_cli(*args: str):
    """(exit code, stdout, stderr) of `timeline ARGS…`."""
    result = CliRunner().invoke(cli_app(), [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr
