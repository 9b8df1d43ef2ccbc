"""`make run` extracts the samples once and writes every output from that one run."""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = ("events.jsonl", "events.csv", "events.parquet", "graph.html", "graph.gexf", "graph.png", "map.html")


def _make(*args: str) -> str:
    # -o: the venv counts as installed (no reinstall when pyproject.toml is newer than its stamp)
    done = subprocess.run(["make", "-s", "-o", ".venv/.installed", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_one_extraction_writes_everything(tmp_path):
    if not (ROOT / ".venv" / "bin" / "timeline").exists():
        pytest.skip("no .venv: `make test` builds it")
    plan = _make("-n", "run", f"OUT={tmp_path}").splitlines()
    assert sum("timeline extract" in line for line in plan) == 1
    _make("run", f"OUT={tmp_path}")
    for name in OUTPUTS:
        assert (tmp_path / name).stat().st_size > 0, name
    records = [json.loads(line) for line in (tmp_path / "events.jsonl").read_text("utf-8").splitlines()]
    csv = pd.read_csv(tmp_path / "events.csv", dtype=str, keep_default_na=False)
    parquet = pd.read_parquet(tmp_path / "events.parquet")
    ids = [r["event_id"] for r in records]
    assert list(csv["event_id"]) == ids and sorted(parquet["event_id"]) == sorted(ids)
    interactions = {a["name"] for r in records if r["type"] != "statement" for a in r["actors"]}
    assert set(nx.read_gexf(tmp_path / "graph.gexf").nodes) == interactions
    assert "tl-marker" in (tmp_path / "map.html").read_text(encoding="utf-8")
