"""timeline: Chinese-language diplomatic news -> a dated, queryable record of who met whom.

    import timeline
    tl = timeline.extract("data/samples")      # or timeline.Timeline.from_jsonl("events.jsonl")
    tl.events; tl.met("习近平", "Trump"); tl.graph()
"""
from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from timeline.timeline import Timeline

__all__ = ["Timeline", "extract"]


def __getattr__(name: str) -> object:
    """`timeline.Timeline` is imported when first used: pandas is not loaded by `timeline extract`."""
    if name == "Timeline":
        from timeline.timeline import Timeline

        return Timeline
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")


def extract(paths: Iterable[str | Path] | str | Path, dct: datetime | None = None, jobs: int = 1) -> Timeline:
    """Extract the events of files and directories (txt, md, html, jsonl) as a Timeline
    (in `jobs` worker processes; the result does not depend on it)."""
    from timeline.extractor import extract_records
    from timeline.timeline import Timeline

    return Timeline(extract_records(paths, dct=dct, jobs=jobs))
