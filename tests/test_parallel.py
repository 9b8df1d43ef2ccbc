"""--jobs and --engine dask give the same events as a plain run (documents in any order:
tests/test_corpus_merge.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from cli_helpers import run_cli
from timeline.parallel import Unit, iter_units, run_units

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
DEV_RAW = ROOT.parent / "shared" / "dev" / "raw"


def _inputs() -> list[Path]:
    return [p for p in (SAMPLES, DEV_RAW) if p.is_dir()]


def test_extract_jobs_1_and_2_identical(tmp_path: Path) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.jsonl"
        code, _, err = run_cli("extract", *_inputs(), "--jobs", jobs, "-o", out)
        assert code == 0, err
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0].count(b"\n") > 10


def test_jsonl_is_cut_into_chunks_in_order(tmp_path: Path) -> None:
    text = (sorted(SAMPLES.glob("*.txt"))[0]).read_text(encoding="utf-8")
    lines = [json.dumps({"id": f"n{i}", "text": text, "published": "2025-11-01"}, ensure_ascii=False)
             for i in range(5)]
    lines.insert(2, "{broken")
    f = tmp_path / "batch.jsonl"
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    units = list(iter_units([f], chunk=2))
    assert [u.first_line for u in units] == [1, 3, 5] and all(isinstance(u, Unit) for u in units)
    for jobs in (1, 2):
        items = list(run_units([f], jobs=jobs))
        assert [getattr(i, "doc_id", None) for i in items] == ["n0", "n1", None, "n2", "n3", "n4"]
        assert "line 3" in items[2].reason


def test_dask_engine_matches_local(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    from timeline.distributed import extract_dask
    from timeline.extractor import extract_paths

    inputs = _inputs()
    errors: list = []
    local = [e.to_record() for e in extract_paths(inputs + [tmp_path / "missing.txt"], on_error=errors.append)]
    parts = tmp_path / "parts"
    dask_errors: list = []
    events = extract_dask(inputs + [tmp_path / "missing.txt"], n_workers=1, processes=False, partition_size=8,
                          parts_dir=parts, on_error=dask_errors.append)
    assert [e.to_record() for e in events] == local
    assert [str(e) for e in dask_errors] == [str(e) for e in errors]
    import pandas as pd

    files = sorted(parts.glob("part-*.parquet"))
    assert len(files) >= 2
    frame = pd.concat([pd.read_parquet(p) for p in files])
    assert len(frame) >= len(local)  # per partition, before the merge across partitions



def test_cli_dask_writes_parts_and_merged_events(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("distributed")
    import timeline.distributed as td

    real = td.extract_dask
    monkeypatch.setattr(td, "extract_dask", lambda *a, **k: real(*a, **dict(k, processes=False, n_workers=1)))
    out = tmp_path / "out"
    code, _, err = run_cli("extract", SAMPLES, "--engine", "dask", "--partition-size", "1", "-o", f"{out}/")
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == ["events.jsonl"] + [
        f"part-{i:05d}.parquet" for i in range(len(list(SAMPLES.glob("*.txt"))))]
    plain = tmp_path / "plain.jsonl"
    assert run_cli("extract", SAMPLES, "-o", plain)[0] == 0
    assert (out / "events.jsonl").read_bytes() == plain.read_bytes()
    code, _, err = run_cli("extract", SAMPLES, "--scheduler", "tcp://127.0.0.1:1")
    assert code == 2 and "--engine dask" in err
