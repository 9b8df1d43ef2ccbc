"""ReadError: a document that could not be read, yielded so a batch goes on."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ReadError(Exception):
    """`path` could not be read, for `reason`; the CLI prints `error: <path>: <reason>`."""

    path: str
    reason: str

    def __str__(self) -> str:
        return f"{self.path}: {self.reason}"

    def __reduce__(self) -> tuple:
        # pickled by value (worker processes send errors back); the default of Exception
        # would set the frozen fields one by one
        return (type(self), (self.path, self.reason))
