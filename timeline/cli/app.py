"""The Typer application that every command module registers itself on."""
from __future__ import annotations

import typer

app = typer.Typer(
    name="timeline",
    help="Turn Chinese-language diplomatic news into a dated record of who met whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
