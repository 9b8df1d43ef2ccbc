"""Read the package's TSV data files: `#` comment lines, a header row, `|`-separated cells."""
from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

DATA = Path(str(resources.files("timeline") / "data"))


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    """Yield each data row of a TSV file as a dict of stripped strings."""
    with open(path, encoding="utf-8", newline="") as f:
        lines = (line for line in f if line.strip() and not line.startswith("#"))
        for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
            yield {k.strip(): (v or "").strip() for k, v in row.items() if k}


def split_cell(cell: str | None) -> list[str]:
    """Split a `|`-separated cell into its non-empty values."""
    return [v.strip() for v in (cell or "").split("|") if v.strip()]
