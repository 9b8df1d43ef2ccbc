"""An embedded event store: SQLite (standard library), one file, documents added incrementally.

    with Store("timeline.db") as db:
        db.add(result)              # a parallel.DocResult: a document and its mentions
    Timeline.from_db("timeline.db")

Tables (schema version `SCHEMA_VERSION`, kept in `meta`):

- `documents`: one row per document, keyed by the SHA-256 of its text (`content_hash`);
  adding a document whose hash is there changes nothing, so ingesting twice is a no-op.
- `events`: one row per merged event: the SPEC.md record (`record`, JSON), the full event
  for later merges (`data`, JSON), and columns to select on (`key` = type + actors, dates).
- `mentions`: what each document said about each event (its mentions merged: the whole event
  in `data`), linked to the stored event it went into.
- `actors`: the actors of each event (`event_id`, `name`, `kind`, `country`, …), for SQL.

An event's `url` and `published` (those of its first document) are columns too (version 3).

A new document's events (its mentions merged, `timeline.merge.merge_document`) are kept in
`mentions` (`data`, version 4), and for each of their keys the events of every stored document
are linked again (`timeline.merge.link`) and written back: adding documents one at a time, in
any order and in any batches, gives the same events as `timeline extract` of them all at once.
Each document is one transaction: a process killed mid-run leaves every document fully in or
fully out.

`migrate` brings an older file up to date, one version step at a time (`MIGRATIONS`).
"""
from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from timeline.merge import link, merge_document
from timeline.record import Actor, Event, Location, When

SCHEMA_VERSION = 4


class StoreError(Exception):
    """The file is not a timeline store, or one from a newer version of the tool."""


# ---------------------------------------------------------------- (de)serialization

def event_key(event: Event) -> str:
    """What merge candidates share: the type and the set of actor names."""
    return event.type + "|" + "\x1f".join(sorted(a.name for a in event.actors))


def event_to_data(event: Event) -> dict:
    """The whole event (place kind included, which the SPEC record leaves out), JSON-ready."""
    d = asdict(event)
    d["actors"] = [dict(a) for a in d["actors"]]
    return d


def event_from_data(d: dict) -> Event:
    loc = d.get("location")
    return Event(type=d["type"], cameo=d["cameo"], status=d["status"],
                 actors=tuple(Actor(**a) for a in d["actors"]), when=When(**d["when"]),
                 location=Location(**loc) if loc else None, doc_id=d["doc_id"], sentence=d["sentence"],
                 char_start=d["char_start"], char_end=d["char_end"], confidence=d["confidence"],
                 doc_ids=list(d["doc_ids"]), mentions=d["mentions"], url=d.get("url"), published=d.get("published"))


def _json(v: object) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True)


# ---------------------------------------------------------------- schema and migrations

def _script(conn: sqlite3.Connection, sql: str) -> None:
    """Run `;`-separated statements inside the current transaction (`executescript` would commit it)."""
    for statement in sql.split(";"):
        if statement.strip():
            conn.execute(statement)


def _v0_to_v1(conn: sqlite3.Connection) -> None:
    """The first schema: meta, documents, events, mentions."""
    _script(conn, """
        CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE documents (
            content_hash TEXT PRIMARY KEY,
            doc_id TEXT NOT NULL, path TEXT, url TEXT, lang TEXT,
            dct TEXT, dct_source TEXT, chars INTEGER NOT NULL, mentions INTEGER NOT NULL,
            ingested_at TEXT NOT NULL);
        CREATE INDEX documents_doc_id ON documents(doc_id);
        CREATE TABLE events (
            event_id TEXT PRIMARY KEY,
            key TEXT NOT NULL, type TEXT NOT NULL, status TEXT, date TEXT,
            date_start TEXT, date_end TEXT, doc_id TEXT NOT NULL, char_start INTEGER,
            mentions INTEGER NOT NULL, record TEXT NOT NULL, data TEXT NOT NULL);
        CREATE INDEX events_key ON events(key);
        CREATE INDEX events_date ON events(date_start);
        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            content_hash TEXT NOT NULL REFERENCES documents(content_hash),
            doc_id TEXT NOT NULL, key TEXT NOT NULL, event_id TEXT,
            type TEXT NOT NULL, sentence TEXT, char_start INTEGER, char_end INTEGER,
            date_start TEXT, date_end TEXT, count INTEGER NOT NULL);
        CREATE INDEX mentions_key ON mentions(key);
        CREATE INDEX mentions_event ON mentions(event_id);
        CREATE INDEX mentions_doc ON mentions(content_hash);
    """)


def _v1_to_v2(conn: sqlite3.Connection) -> None:
    """Version 2 adds the `actors` table, filled from the stored events."""
    _script(conn, """
        CREATE TABLE actors (
            event_id TEXT NOT NULL REFERENCES events(event_id),
            name TEXT NOT NULL, name_en TEXT, kind TEXT, country TEXT, role TEXT);
        CREATE INDEX actors_name ON actors(name);
        CREATE INDEX actors_event ON actors(event_id);
    """)
    for event_id, data in conn.execute("SELECT event_id, data FROM events").fetchall():
        _insert_actors(conn, event_id, event_from_data(json.loads(data)))


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Version 3: every event carries the `url` and publication time (`published`) of its first
    document; the stored events get them from the `documents` table (the first one ingested of that id)."""
    _script(conn, "ALTER TABLE events ADD COLUMN url TEXT; ALTER TABLE events ADD COLUMN published TEXT")
    sources: dict[str, tuple[str | None, str | None]] = {}
    for doc_id, url, dct in conn.execute("SELECT doc_id, url, dct FROM documents ORDER BY rowid"):
        sources.setdefault(doc_id, (url, dct))
    for event_id, doc_id, record, data in conn.execute("SELECT event_id, doc_id, record, data FROM events").fetchall():
        url, published = sources.get(doc_id, (None, None))
        record, data = json.loads(record), json.loads(data)
        record.update(url=url, published=published)
        data.update(url=url, published=published)
        conn.execute("UPDATE events SET url = ?, published = ?, record = ?, data = ? WHERE event_id = ?",
                     (url, published, _json(record), _json(data), event_id))


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Version 4 keeps each document's event whole in `mentions.data`, for linking events again
    when documents are added. An older row gets the event it went into, with its own document,
    sentence, dates, count and source (the words of its dates and its place are those of the event)."""
    conn.execute("ALTER TABLE mentions ADD COLUMN data TEXT")
    events = {eid: event_from_data(json.loads(d)) for eid, d in conn.execute("SELECT event_id, data FROM events")}
    rows = conn.execute("SELECT m.id, m.event_id, m.doc_id, m.sentence, m.char_start, m.char_end, m.date_start,"
                        " m.date_end, m.count, d.url, d.dct FROM mentions m JOIN documents d USING (content_hash)"
                        ).fetchall()
    for mid, eid, doc_id, sentence, start, end, ds, de, count, url, dct in rows:
        if eid not in events:
            continue
        e = events[eid]
        when = e.when if (e.when.date_start, e.when.date_end) == (ds, de) else When(
            date=ds if ds == de else None, date_start=ds, date_end=de)
        own = e.with_(doc_id=doc_id, doc_ids=[doc_id], sentence=sentence, char_start=start, char_end=end,
                      when=when, mentions=count, url=url, published=dct)
        conn.execute("UPDATE mentions SET data = ? WHERE id = ?", (_json(event_to_data(own)), mid))


# version -> the function that takes a store from that version to the next
MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {0: _v0_to_v1, 1: _v1_to_v2, 2: _v2_to_v3,
                                                             3: _v3_to_v4}


def schema_version(conn: sqlite3.Connection) -> int:
    """The file's schema version: 0 for an empty database."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "meta" not in tables:
        if tables:
            raise StoreError("not a timeline store (no meta table)")
        return 0
    row = conn.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchone()
    return int(row[0]) if row else 0


def migrate(conn: sqlite3.Connection, target: int = SCHEMA_VERSION) -> int:
    """Apply the migrations from the file's version up to `target`, each in a transaction."""
    version = schema_version(conn)
    if version > SCHEMA_VERSION:
        raise StoreError(f"store has schema version {version}; this timeline reads up to {SCHEMA_VERSION}")
    while version < target:
        conn.execute("BEGIN IMMEDIATE")
        try:
            if schema_version(conn) == version:  # another process may have done it meanwhile
                MIGRATIONS[version](conn)
                conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                             (str(version + 1),))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        version = schema_version(conn)
    return version


def _insert_actors(conn: sqlite3.Connection, event_id: str, event: Event) -> None:
    conn.executemany("INSERT INTO actors(event_id, name, name_en, kind, country, role) VALUES (?, ?, ?, ?, ?, ?)",
                     [(event_id, a.name, a.name_en, a.kind, a.country, a.role) for a in event.actors])


# ---------------------------------------------------------------- the store

class Store:
    """A SQLite event store; `Store(path)` creates or migrates the file."""

    def __init__(self, path: str | Path, create: bool = True) -> None:
        self.path = Path(path)
        if not create and not self.path.is_file():
            raise FileNotFoundError(f"{self.path}: no such store")
        try:
            self.conn = sqlite3.connect(str(self.path), isolation_level=None, timeout=60)
            self.conn.execute("PRAGMA schema_version").fetchone()
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open {self.path}: {exc}") from exc
        try:
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute("PRAGMA synchronous=NORMAL")
            migrate(self.conn)
        except sqlite3.DatabaseError as exc:
            self.conn.close()
            raise StoreError(f"{self.path}: not a timeline store ({exc})") from exc
        except BaseException:
            self.conn.close()
            raise

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ------------------------------------------------------------ writing

    def has_document(self, content_hash: str) -> bool:
        return self.conn.execute("SELECT 1 FROM documents WHERE content_hash = ?",
                                 (content_hash,)).fetchone() is not None

    def add(self, result) -> bool:
        """Add one document (a `parallel.DocResult`) and merge its events, in one transaction.

        False when a document with the same text is already stored (nothing changes).
        """
        conn = self.conn
        conn.execute("BEGIN IMMEDIATE")
        try:
            if self.has_document(result.content_hash):
                conn.execute("ROLLBACK")
                return False
            conn.execute(
                "INSERT INTO documents(content_hash, doc_id, path, url, lang, dct, dct_source, chars, mentions,"
                " ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (result.content_hash, result.doc_id, result.path, result.url, result.lang, result.dct,
                 result.dct_source, result.chars, len(result.mentions),
                 datetime.now(timezone.utc).isoformat(timespec="seconds")))
            keys = []
            for e in merge_document(list(result.mentions)):
                key = event_key(e)
                keys.append(key)
                conn.execute(
                    "INSERT INTO mentions(content_hash, doc_id, key, type, sentence, char_start, char_end,"
                    " date_start, date_end, count, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (result.content_hash, e.doc_id, key, e.type, e.sentence, e.char_start, e.char_end,
                     e.when.date_start, e.when.date_end, e.mentions, _json(event_to_data(e))))
            for key in dict.fromkeys(keys):
                self._link_key(key)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        return True

    def _link_key(self, key: str) -> None:
        """Link the events of every stored document with this key again, and replace the key's events."""
        conn = self.conn
        rows = conn.execute("SELECT id, data FROM mentions WHERE key = ? AND data IS NOT NULL ORDER BY id",
                            (key,)).fetchall()
        linked = link([event_from_data(json.loads(data)) for _, data in rows])
        old_ids = [r[0] for r in conn.execute("SELECT event_id FROM events WHERE key = ?", (key,))]
        if old_ids:
            marks = ",".join("?" * len(old_ids))
            conn.execute(f"DELETE FROM actors WHERE event_id IN ({marks})", old_ids)
            conn.execute(f"DELETE FROM events WHERE event_id IN ({marks})", old_ids)
        for event, members in linked:
            self._write_event(event, key)
            conn.executemany("UPDATE mentions SET event_id = ? WHERE id = ?",
                             [(event.event_id, rows[i][0]) for i in members])

    def _write_event(self, e: Event, key: str) -> None:
        rec = e.to_record()
        self.conn.execute(
            "INSERT OR REPLACE INTO events(event_id, key, type, status, date, date_start, date_end, doc_id,"
            " char_start, mentions, record, data, url, published) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (rec["event_id"], key, e.type, e.status, e.when.date, e.when.date_start, e.when.date_end, e.doc_id,
             e.char_start, e.mentions, _json(rec), _json(event_to_data(e)), e.url, e.published))
        self.conn.execute("DELETE FROM actors WHERE event_id = ?", (rec["event_id"],))
        _insert_actors(self.conn, rec["event_id"], e)

    # ------------------------------------------------------------ reading

    def events(self) -> list[Event]:
        """Every stored event, in chronological order (as `timeline extract` sorts them: events
        with the same first mention in the order their document gave them)."""
        from timeline.extractor import sort_events

        rows = self.conn.execute(
            "SELECT data FROM events e ORDER BY (SELECT MIN(m.id) FROM mentions m WHERE m.event_id = e.event_id"
            " AND m.doc_id = e.doc_id AND m.char_start = e.char_start), event_id")
        return sort_events([event_from_data(json.loads(d)) for (d,) in rows])

    def records(self) -> list[dict]:
        """The SPEC.md records of every stored event, chronological."""
        return [e.to_record() for e in self.events()]

    def counts(self) -> dict[str, int]:
        return {t: self.conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                for t in ("documents", "events", "mentions", "actors")}


def ingest(db: str | Path, paths: Iterable[str | Path], dct: datetime | None = None, jobs: int = 1,
           chunksize: int | None = None, on_error: Callable[[object], None] | None = None,
           on_document: Callable[[object, bool], None] | None = None) -> dict[str, int]:
    """Read, extract and add every document under `paths` to the store at `db`.

    Returns counts: `added`, `skipped` (already stored), `errors`. Extraction runs in `jobs`
    processes; documents are written one transaction each, in input order.
    """
    from timeline.parallel import run_units
    from timeline.readers import ReadError

    counts = {"added": 0, "skipped": 0, "errors": 0}
    with Store(db) as store:
        for item in run_units(paths, dct, jobs=jobs, chunksize=chunksize, known_db=str(db)):
            if isinstance(item, ReadError):
                counts["errors"] += 1
                if on_error is not None:
                    on_error(item)
                continue
            added = not item.skipped and store.add(item)
            counts["added" if added else "skipped"] += 1
            if on_document is not None:
                on_document(item, added)
    return counts
