"""What a batch command shows on the terminal: each bad input and each warning as it comes, and a progress bar."""
from __future__ import annotations

import sys

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from timeline.document import Document
from timeline.parallel import DocResult
from timeline.readers import ReadError


class Failures(list):
    """The inputs that could not be read or extracted; called with each one, it prints it to
    stderr (`error: PATH: REASON`) and keeps it, so the batch goes on and the exit code can tell."""

    def __call__(self, error: ReadError) -> None:
        self.append(error)
        print(f"error: {error.path}: {error.reason}", file=sys.stderr)


def warn(document: DocResult | Document) -> None:
    """Print what the reader could not use in a document (`warning: PATH: MESSAGE`) to stderr;
    the document was read all the same."""
    for message in document.warnings:
        print(f"warning: {document.path}: {message}", file=sys.stderr)


def progress_bar() -> Progress:
    """A progress bar on stderr, shown only on a terminal and cleared when done."""
    err = Console(stderr=True)
    return Progress(TextColumn("[progress.description]{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err, transient=True, disable=not err.is_terminal)
