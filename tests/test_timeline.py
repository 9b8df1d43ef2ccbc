"""Timeline: loading, the events table, sort order, and every export read back by another tool."""
from __future__ import annotations

import csv
import json
import os
from pathlib import Path

import pandas as pd
import pytest

from timeline import Timeline

FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return Timeline.from_jsonl(FIXTURE)


def rec(event_id: str, date, start, end, **kw) -> dict:
    r = {"event_id": event_id, "type": "meeting", "cameo": "040", "status": "occurred", "date": date,
         "date_mod": None, "date_start": start, "date_end": end, "date_text": None,
         "actors": [{"name": "习近平", "name_en": "Xi Jinping", "kind": "person", "country": "CHN", "role": None},
                    {"name": "特朗普", "name_en": "Donald Trump", "kind": "person", "country": "USA", "role": None}],
         "location": None, "doc_id": "d", "doc_ids": ["d"], "sentence": "s", "char_start": 0, "char_end": 1,
         "mentions": 1, "confidence": 0.8}
    r.update(kw)
    return r


def test_events_table_dtypes(tl):
    e = tl.events
    assert len(e) == 16 == len(tl)
    assert str(e["date_start"].dtype).startswith("datetime64")
    assert str(e["date_end"].dtype).startswith("datetime64")
    assert isinstance(e["type"].dtype, pd.CategoricalDtype)
    assert isinstance(e["status"].dtype, pd.CategoricalDtype)
    assert {"call", "meeting", "visit", "agreement", "statement"} <= set(e["type"].cat.categories)
    assert all(isinstance(a, list) for a in e["actors"])
    assert all(isinstance(a, list) for a in e["doc_ids"])
    row = e[e["event_id"] == "ev_fixture09"].iloc[0]
    assert row["actor_names"] == ["习近平", "特朗普"]
    assert row["place"] == "釜山" and row["place_country"] == "KOR"
    assert row["date_start"] == pd.Timestamp("2025-10-30")
    assert row["mentions"] == 5 and row["doc_ids"] == ["xinhua-20251030", "zaobao-20251030"]


def test_fixture_order_is_chronological_undated_last(tl):
    starts = tl.events["date_start"]
    dated = starts.dropna()
    assert dated.is_monotonic_increasing
    assert starts.isna().tolist() == [False] * 15 + [True]
    assert tl.events["event_id"].iloc[-1] == "ev_fixture15"
    assert [r["event_id"] for r in tl.records] == tl.events["event_id"].tolist()


def test_sort_day_before_month_before_year_then_stable():
    records = [
        rec("undated", None, None, None),
        rec("year", "2025", "2025-01-01", "2025-12-31"),
        rec("month", "2025-01", "2025-01-01", "2025-01-31"),
        rec("day-a", "2025-01-01", "2025-01-01", "2025-01-01"),
        rec("later", "2025-03-02", "2025-03-02", "2025-03-02"),
        rec("day-b", "2025-01-01", "2025-01-01", "2025-01-01"),
        rec("earlier", "2024-12-31", "2024-12-31", "2024-12-31"),
    ]
    got = Timeline(records).events["event_id"].tolist()
    assert got == ["earlier", "day-a", "day-b", "month", "year", "later", "undated"]


def test_empty_timeline_keeps_columns():
    tl = Timeline([])
    assert len(tl.events) == 0
    assert {"event_id", "date_start", "actor_names", "place"} <= set(tl.events.columns)
    assert len(tl.between("2025-01-01", "2025-12-31")) == 0


def test_csv_roundtrip_with_pandas(tl, tmp_path):
    path = tmp_path / "events.csv"
    tl.to_csv(path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(df.columns[:18]) == ["event_id", "type", "cameo", "status", "date", "date_mod", "date_start",
                                     "date_end", "date_text", "actors", "location", "doc_id", "doc_ids",
                                     "sentence", "char_start", "char_end", "mentions", "confidence"]
    assert len(df) == 16
    row = df[df["event_id"] == "ev_fixture09"].iloc[0]
    assert row["actors"] == "习近平; 特朗普"
    assert row["location"] == "釜山"
    assert row["doc_ids"] == "xinhua-20251030; zaobao-20251030"
    assert row["cameo"] == "044"
    undated = df[df["event_id"] == "ev_fixture15"].iloc[0]
    assert undated["date"] == "" and undated["location"] == ""
    assert not path.read_bytes().startswith(b"\xef\xbb\xbf")  # no BOM
    back = Timeline.from_csv(path)
    assert back.events["event_id"].tolist() == tl.events["event_id"].tolist()
    assert back.met("习近平", "特朗普")["event_id"].tolist() == tl.met("习近平", "特朗普")["event_id"].tolist()


def test_csv_safe_neutralizes_formulas(tmp_path):
    nasty = rec("=cmd|' /C calc'!A0", "2025-01-01", "2025-01-01", "2025-01-01",
                sentence="+SUM(1,2)", date_text="-2+3", doc_id="@evil", doc_ids=["\tx"],
                actors=[{"name": "=HYPERLINK(\"http://x\")", "kind": "person"}],
                location={"name": "\rplace"})
    tl = Timeline([nasty])
    unsafe, safe = tmp_path / "unsafe.csv", tmp_path / "safe.csv"
    tl.to_csv(unsafe)
    tl.to_csv(safe, safe=True)
    with open(unsafe, encoding="utf-8", newline="") as f:
        raw = list(csv.DictReader(f))[0]
    assert raw["sentence"] == "+SUM(1,2)"  # default: the data as it is
    with open(safe, encoding="utf-8", newline="") as f:
        row = list(csv.DictReader(f))[0]
    assert row["event_id"] == "'=cmd|' /C calc'!A0"
    assert row["sentence"] == "'+SUM(1,2)"
    assert row["date_text"] == "'-2+3"
    assert row["doc_id"] == "'@evil"
    assert row["doc_ids"] == "'\tx"
    assert row["actors"] == "'=HYPERLINK(\"http://x\")"
    assert row["location"] == "'\rplace"
    assert row["date"] == "2025-01-01"  # harmless cells untouched
    for cell in row.values():
        assert not cell or cell[0] not in "=+-@\t\r"
    back = Timeline.from_csv(safe)  # neutralization is undone on reading
    assert back.records[0]["sentence"] == "+SUM(1,2)"


def test_jsonl_roundtrip(tl, tmp_path):
    path = tmp_path / "out.jsonl"
    tl.to_jsonl(path)
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 16
    original = {json.loads(line)["event_id"]: json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()}
    for r in lines:
        assert r == original[r["event_id"]]


def test_parquet_read_back_by_pyarrow(tl, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "events.parquet"
    tl.to_parquet(path)
    table = pq.read_table(path)
    assert table.num_rows == 16
    df = pd.read_parquet(path)
    assert str(df["date_start"].dtype).startswith("datetime64")
    assert df["event_id"].tolist() == tl.events["event_id"].tolist()
    busan = df[df["event_id"] == "ev_fixture09"].iloc[0]
    assert json.loads(busan["actors"])[1]["name_en"] == "Donald Trump"
    assert json.loads(busan["location"])["name"] == "釜山"
    assert list(busan["actor_names"]) == ["习近平", "特朗普"]


def test_timelinejs(tl, tmp_path):
    path = tmp_path / "tl.json"
    tl.to_timelinejs(path, title="中美 & 日韩 <外交>")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["title"]["text"]["headline"] == "中美 &amp; 日韩 &lt;外交&gt;"
    events = {e["unique_id"]: e for e in data["events"]}
    assert len(events) == 15  # the undated call has no start date for TimelineJS
    assert "ev_fixture15" not in events
    assert events["ev_fixture09"]["start_date"] == {"year": "2025", "month": "10", "day": "30"}
    assert events["ev_fixture09"]["group"] == "meeting"
    assert "end_date" not in events["ev_fixture09"]
    assert events["ev_fixture07"]["start_date"] == {"year": "2025", "month": "10"}  # a month
    assert events["ev_fixture16"]["start_date"] == {"year": "2025"}  # a year
    assert events["ev_fixture14"]["start_date"] == {"year": "2026", "month": "3", "day": "1"}  # spring
    assert events["ev_fixture14"]["end_date"] == {"year": "2026", "month": "5", "day": "31"}
    assert "习近平" in events["ev_fixture09"]["text"]["headline"]


def test_timelinejs_escapes_html(tmp_path):
    tl = Timeline([rec("x", "2025-01-01", "2025-01-01", "2025-01-01", sentence="<script>alert(1)</script>",
                       actors=[{"name": "<b>A</b>"}, {"name": "B"}])])
    data = tl.timelinejs()
    text = data["events"][0]["text"]
    assert "<script>" not in text["text"] and "&lt;script&gt;alert(1)&lt;/script&gt;" in text["text"]
    assert "<b>" not in text["headline"] and "&lt;b&gt;A&lt;/b&gt;" in text["headline"]


def test_writes_are_atomic(tl, tmp_path, monkeypatch):
    path = tmp_path / "events.csv"
    path.write_text("old contents", encoding="utf-8")
    real_replace = os.replace

    def boom(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        tl.to_csv(path)
    assert path.read_text(encoding="utf-8") == "old contents"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["events.csv"]  # no temp file left behind
    monkeypatch.setattr(os, "replace", real_replace)
    tl.to_csv(path)
    assert path.read_text(encoding="utf-8").startswith("event_id,")


def test_load_by_extension(tmp_path):
    with pytest.raises(ValueError, match="jsonl or .csv"):
        Timeline.load(tmp_path / "events.txt")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"event_id": "a"}\nnot json\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.jsonl:2"):
        Timeline.from_jsonl(bad)


def test_extract_is_exported():
    import timeline

    assert timeline.Timeline is Timeline
    assert callable(timeline.extract)


def test_extract_command_starts_without_the_table_and_graph_libraries():
    """`timeline extract` pays only for what it uses: pandas, networkx and trafilatura are
    imported by the commands and readers that need them (seconds of start-up per run)."""
    import subprocess
    import sys

    code = ("import sys, timeline, timeline.cli; "
            "print(sorted(m for m in ('pandas', 'networkx', 'trafilatura') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
