"""What became of every trigger, recorded in debug runs only.

`timeline extract --trace FILE` turns it on: each trigger word found gives one entry, either
the events it made or the stage that dropped it (a blocking cue, a frame left without a side)
with the detail (which cue, which argument). `timeline evaluate --explain --trace FILE` reads
the entries to say where a missed gold event died. Normal runs record nothing.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass

from spacy.tokens import Doc

EVENT = "event"
BLOCKED = "blocked by a cue"
NO_SIDES = "frame without sides"
STAGES = (EVENT, BLOCKED, NO_SIDES)


@dataclass(frozen=True)
class TraceEntry:
    """One trigger occurrence and its outcome."""

    doc_id: str
    trigger: str
    type: str
    at: int  # the trigger's offset in the document
    sentence: str
    outcome: str  # EVENT, BLOCKED or NO_SIDES
    detail: str  # the cue or the missing argument; for events, the actors

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def tracing(doc: Doc) -> bool:
    """Whether this Doc is traced (the extractor set a list to collect into)."""
    return doc.user_data.get("trace") is not None


def record(doc: Doc, entry: TraceEntry) -> None:
    """Keep `entry` when the Doc is traced."""
    trace = doc.user_data.get("trace")
    if trace is not None:
        trace.append(entry)
