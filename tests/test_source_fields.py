"""Every record leads back to its source: `url` and `published` of the document of `doc_id`,
in the JSONL, the CSV, Parquet and the store (older stores are migrated)."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pandas as pd

from timeline.extractor import extract_records
from timeline.record import FIELDS
from timeline.store import SCHEMA_VERSION, Store, _v0_to_v1, _v1_to_v2, ingest, migrate
from timeline.timeline import Timeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
VOA = "https://www.voachinese.com/a/japan-seeks-better-ties-with-china-ahead-of-second-trump-term-20241226/7915207.html"
ARTICLES = [
    {"id": "a-xinhua", "url": "https://example.org/xinhua/1030", "published": "2025-10-30T12:00:00Z",
     "text": "国家主席习近平10月30日在釜山同美国总统特朗普举行会晤。"},
    {"id": "b-voa", "url": "https://example.org/voa/1031", "published": "2025-10-31T08:00:00Z",
     "text": "中国国家主席习近平与美国总统特朗普10月30日在韩国釜山会晤。日本首相高市早苗11月3日与特朗普通电话。"},
]


def _jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "news.jsonl"
    path.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def test_records_carry_url_and_published_of_their_document():
    records = extract_records([SAMPLES])
    assert FIELDS[-2:] == ("url", "published")  # after SPEC.md's first columns, which keep their places
    by_doc = {r["doc_id"]: r for r in records}
    voa = by_doc["003_5a7a89d3b740e79b"]  # the headline links to the article: that is its address
    assert (voa["url"], voa["published"]) == (VOA, "2024-12-26T22:58:18+00:00")
    other = by_doc["000_ce345879cc19f8df"]  # no address in the file; the DCT from the lead paragraph
    assert (other["url"], other["published"]) == (None, "2026-01-02T00:00:00")
    assert all(list(r)[:len(FIELDS)] == list(FIELDS) for r in records)


def test_merged_event_keeps_the_first_documents_source(tmp_path):
    records = extract_records([_jsonl(tmp_path)])
    busan = next(r for r in records if r["type"] == "meeting")
    assert busan["doc_ids"] == ["a-xinhua", "b-voa"] and busan["doc_id"] == "a-xinhua"
    assert (busan["url"], busan["published"]) == ("https://example.org/xinhua/1030", "2025-10-30T12:00:00+00:00")
    call = next(r for r in records if r["type"] == "call")
    assert (call["doc_id"], call["url"], call["published"]) == ("b-voa", "https://example.org/voa/1031",
                                                                "2025-10-31T08:00:00+00:00")


def test_csv_and_parquet_have_the_columns(tmp_path):
    tl = Timeline(extract_records([_jsonl(tmp_path)]))
    tl.to_csv(tmp_path / "e.csv")
    header = (tmp_path / "e.csv").read_text(encoding="utf-8").splitlines()[0].split(",")
    assert header == list(FIELDS)
    back = Timeline.from_csv(tmp_path / "e.csv")
    assert [(r["url"], r["published"]) for r in back.records] == [(r["url"], r["published"]) for r in tl.records]
    tl.to_parquet(tmp_path / "e.parquet")
    frame = pd.read_parquet(tmp_path / "e.parquet")
    assert list(frame["url"]) == [r["url"] for r in tl.records]
    assert list(frame["published"]) == [r["published"] for r in tl.records]


def test_store_keeps_url_and_published(tmp_path):
    db = tmp_path / "t.db"
    ingest(db, [_jsonl(tmp_path)])
    assert Timeline.from_db(db).records == Timeline(extract_records([_jsonl(tmp_path)])).records
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT doc_id, url, published FROM events ORDER BY doc_id").fetchall()
    assert ("a-xinhua", "https://example.org/xinhua/1030", "2025-10-30T12:00:00+00:00") in rows
    conn.close()


def test_migration_fills_url_and_published_from_the_documents(tmp_path):
    """A version-2 store (events without the fields) gets them from its documents table."""
    db = tmp_path / "t.db"
    ingest(db, [_jsonl(tmp_path)])
    expected = Store(db).records()
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old, isolation_level=None)
    _v0_to_v1(conn)
    _v1_to_v2(conn)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    conn.execute(f"ATTACH DATABASE '{db}' AS new")
    conn.execute("INSERT INTO documents SELECT * FROM new.documents")
    columns = "event_id, key, type, status, date, date_start, date_end, doc_id, char_start, mentions"
    for row in conn.execute(f"SELECT {columns}, record, data FROM new.events").fetchall():
        record, data = json.loads(row[-2]), json.loads(row[-1])
        for d in (record, data):  # as version 2 wrote them
            del d["url"], d["published"]
        conn.execute(f"INSERT INTO events({columns}, record, data) VALUES ({', '.join('?' * 12)})",
                     (*row[:-2], json.dumps(record, ensure_ascii=False), json.dumps(data, ensure_ascii=False)))
    conn.execute("DETACH DATABASE new")
    assert migrate(conn) == SCHEMA_VERSION == 4
    conn.close()
    with Store(old) as store:
        assert store.records() == expected
        assert {r["url"] for r in store.records()} == {"https://example.org/xinhua/1030", "https://example.org/voa/1031"}
