"""The time words of `timeline/data/temporal.yaml`, loaded once."""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from timeline.tsv import DATA


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The parsed word lists (relative days, month parts, seasons, holidays, tense cues …)."""
    with open(DATA / "temporal.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def alternation(keys: object) -> str:
    """A regex alternation of `keys`, longest first so that 上个星期 wins over 上个."""
    import re

    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))  # type: ignore[arg-type]
