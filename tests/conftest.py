"""Shared fixtures: the seed pages in data/samples and the dev articles in ../shared/dev."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "data" / "samples"
DEV_RAW = ROOT.parent / "shared" / "dev" / "raw"


@pytest.fixture(scope="session")
def seed_paths() -> dict[str, Path]:
    """The two seed pages by number: '000' (a multi-story page), '003' (VOA page with markup)."""
    return {p.name[:3]: p for p in sorted(SAMPLES.glob("*.txt"))}


@pytest.fixture(scope="session")
def dev_paths() -> list[Path]:
    """The 20 dev articles, read in place; skipped when the shared tree is absent."""
    files = sorted(DEV_RAW.glob("*.txt"))
    if not files:
        pytest.skip(f"dev articles not found at {DEV_RAW}")
    return files
