"""The SQLite store: idempotent ingest, merging across documents, migration, Timeline.from_db, CLI."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from cli_helpers import run_cli
from timeline.parallel import DocResult
from timeline.record import Actor, Event, Location, When
from timeline.extractor import sort_events
from timeline.merge import Merger
from timeline.store import (MIGRATIONS, SCHEMA_VERSION, Store, StoreError, _v0_to_v1, event_from_data,
                            event_key, event_to_data, ingest, migrate, schema_version)
from timeline.timeline import Timeline

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"

XI = Actor("习近平", "Xi Jinping", "person", "CHN", "国家主席")
TRUMP = Actor("特朗普", "Donald Trump", "person", "USA", "总统")
BUSAN = Location("釜山", "Busan", "KOR", 35.1, 129.0, kind="city")
KOREA = Location("韩国", "South Korea", "KOR", kind="country")


def _mention(doc: str, start: int, when: When, loc: Location | None = None, typ: str = "meeting") -> Event:
    return Event(type=typ, cameo="040", status="occurred", actors=(XI, TRUMP), when=when, location=loc,
                 doc_id=doc, sentence=f"{doc}: 习近平与特朗普会晤", char_start=start, char_end=start + 10)


def _doc(doc: str, *mentions: Event, text: str | None = None, dct: str | None = None) -> DocResult:
    """A document published at `dct`, as a worker sends it: its mentions carry its DCT."""
    from timeline.parallel import content_hash

    text = text or f"text of {doc}"
    return DocResult(doc_id=doc, path=f"{doc}.txt", content_hash=content_hash(text), chars=len(text), dct=dct,
                     mentions=[m.with_(published=dct) for m in mentions])


DAY = When("2025-10-30", None, "2025-10-30", "2025-10-30", "10月30日")
MONTH = When("2025-10", "END", "2025-10-21", "2025-10-31", "10月下旬")
OTHER_DAY = When("2025-04-02", None, "2025-04-02", "2025-04-02", "4月2日")


def test_event_round_trip() -> None:
    e = _mention("a", 3, DAY, BUSAN)
    back = event_from_data(json.loads(json.dumps(event_to_data(e))))
    assert back == e and back.location.kind == "city" and back.to_record() == e.to_record()


def test_mentions_merge_across_documents(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        assert store.add(_doc("a", _mention("a", 0, MONTH, KOREA)))
        assert store.add(_doc("b", _mention("b", 5, DAY, BUSAN)))
        assert store.add(_doc("c", _mention("c", 9, OTHER_DAY)))  # another day: another meeting
        events = store.events()
        counts = store.counts()
        links = store.conn.execute("SELECT doc_id, event_id FROM mentions ORDER BY doc_id").fetchall()
    assert len(events) == 2
    busan = next(e for e in events if e.when.date_start == "2025-10-30")
    # the most precise date and place any mention gives, both documents, two mentions
    assert busan.when == DAY and busan.location == BUSAN
    assert busan.doc_ids == ["a", "b"] and busan.mentions == 2 and busan.doc_id == "a"
    assert counts == {"documents": 3, "events": 2, "mentions": 3, "actors": 4}
    ids = {e.event_id for e in events}
    assert {eid for _, eid in links} == ids
    assert dict(links)["a"] == dict(links)["b"] == busan.event_id


def test_same_document_twice_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    with Store(db) as store:
        assert store.add(_doc("a", _mention("a", 0, DAY)))
        before = (store.counts(), store.records())
        assert not store.add(_doc("a-copy", _mention("a-copy", 0, DAY), text="text of a"))
        assert (store.counts(), store.records()) == before


def test_ingest_files_is_idempotent(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    first = ingest(db, [SAMPLES])
    dump1 = _dump(db)
    second = ingest(db, [SAMPLES])
    assert first["added"] == len(list(SAMPLES.glob("*.txt"))) and first["errors"] == 0
    assert second == {"added": 0, "skipped": first["added"], "errors": 0}
    assert _dump(db) == dump1


def _dump(db: Path) -> list:
    conn = sqlite3.connect(db)
    try:
        return [conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall()
                for t in ("meta", "documents", "events", "mentions", "actors")]
    finally:
        conn.close()


def test_from_db_matches_extract_for_separate_documents(tmp_path: Path) -> None:
    """One document: the store holds exactly what `timeline extract` gives for it."""
    from timeline.extractor import extract_records

    path = sorted(SAMPLES.glob("*.txt"))[0]
    db = tmp_path / "t.db"
    ingest(db, [path])
    tl = Timeline.from_db(db)
    expected = Timeline(extract_records([path]))
    assert tl.records == expected.records


def test_migration_from_version_1(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    conn = sqlite3.connect(db, isolation_level=None)
    _v0_to_v1(conn)
    conn.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    e = _mention("a", 0, DAY, BUSAN)
    rec = e.to_record()
    conn.execute("INSERT INTO documents VALUES ('h', 'a', 'a.txt', NULL, NULL, '2025-10-31T09:00:00', 'metadata', 9, 1,"
                 " '2025-11-01T00:00:00')")
    conn.execute("INSERT INTO events(event_id, key, type, status, date, date_start, date_end, doc_id, char_start,"
                 " mentions, record, data) VALUES (?, ?, 'meeting', 'occurred', ?, ?, ?, 'a', 0, 1, ?, ?)",
                 (rec["event_id"], event_key(e), "2025-10-30", "2025-10-30", "2025-10-30", json.dumps(rec),
                  json.dumps(event_to_data(e))))
    conn.execute("INSERT INTO mentions(content_hash, doc_id, key, event_id, type, sentence, char_start, char_end,"
                 " date_start, date_end, count) VALUES ('h', 'a', ?, ?, 'meeting', ?, 0, 10, '2025-10-30', '2025-10-30',"
                 " 1)", (event_key(e), rec["event_id"], e.sentence))
    assert schema_version(conn) == 1
    assert migrate(conn) == SCHEMA_VERSION == 4
    names = sorted(r[0] for r in conn.execute("SELECT name FROM actors WHERE event_id = ?", (rec["event_id"],)))
    assert names == ["习近平", "特朗普"]
    [(data,)] = conn.execute("SELECT data FROM mentions").fetchall()
    # the document's own event, with its source, for linking it again
    assert event_from_data(json.loads(data)) == e.with_(published="2025-10-31T09:00:00")
    conn.close()
    assert set(MIGRATIONS) == set(range(SCHEMA_VERSION))
    assert Timeline.from_db(db).records[0]["event_id"] == rec["event_id"]
    with Store(db) as store:  # a later document links with the migrated one
        store.add(_doc("b", _mention("b", 4, When()), dct="2025-11-02T08:00:00+08:00"))
        [event] = store.events()
    assert event.doc_ids == ["a", "b"] and event.when == DAY


def test_documents_added_in_any_order_give_the_same_events(tmp_path: Path) -> None:
    """The four articles of issue 15 (two dated meetings; two undated mentions published ten
    months later, which say neither) and a fifth, undated, two days after one meeting, which
    it reports: each order of adding gives the same events, those of one merge."""
    moscow = Location("莫斯科", "Moscow", "RUS", kind="city")
    beijing = Location("北京", "Beijing", "CHN", kind="city")
    docs = [_doc("a", _mention("a", 30, When("2024-03-05", None, "2024-03-05", "2024-03-05"), beijing), dct="2024-03-06"),
            _doc("b", _mention("b", 30, When("2023-05-05", None, "2023-05-05", "2023-05-05"), moscow), dct="2023-05-06"),
            _doc("c", _mention("c", 30, When(), beijing), dct="2025-01-06"),
            _doc("d", _mention("d", 30, When(), beijing), dct="2025-01-06"),
            _doc("e", _mention("e", 30, When(), beijing), dct="2024-03-07")]
    seen = []
    for n, order in enumerate((docs, docs[::-1], [docs[2], docs[4], docs[0], docs[3], docs[1]])):
        with Store(tmp_path / f"{n}.db") as store:
            for d in order:
                store.add(d)
            seen.append(store.records())
            links = dict(store.conn.execute("SELECT doc_id, event_id FROM mentions").fetchall())
        assert len(set(links.values())) == 4 and links["a"] == links["e"]
    assert seen[0] == seen[1] == seen[2]
    assert [(r["date_start"], r["doc_ids"]) for r in seen[0]] == [
        ("2023-05-05", ["b"]), ("2024-03-05", ["a", "e"]), (None, ["c"]), (None, ["d"])]
    merger = Merger()
    for d in docs:
        merger.add(d.mentions)
    assert [e.to_record() for e in sort_events(merger.result())] == seen[0]


def test_newer_or_foreign_file_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "new.db"
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        Store(db)
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError):
        Store(other)
    with pytest.raises(FileNotFoundError):
        Timeline.from_db(tmp_path / "missing.db")


def test_cli_ingest_and_query(tmp_path: Path) -> None:
    db = tmp_path / "t.db"
    code, _, err = run_cli("ingest", SAMPLES, tmp_path / "missing.txt", "--db", db, "--jobs", "2")
    assert code == 1 and "missing.txt" in err and "document(s) added" in err
    code, out, _ = run_cli("query", "--db", db, "--format", "json")
    assert code == 0
    stored = [json.loads(line) for line in out.splitlines()]
    assert stored and {r["event_id"] for r in stored} == {r["event_id"] for r in Timeline.from_db(db).records}
    code, _, err = run_cli("ingest", SAMPLES, "--db", db)
    assert code == 0 and "0 document(s) added" in err
    code, _, err = run_cli("query", "--db", tmp_path / "nope.db")
    assert code == 2
