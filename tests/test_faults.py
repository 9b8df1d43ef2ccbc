"""Faults: arbitrary input never crashes the readers, the date finder or the extraction; big
inputs go through in bounded memory; a store write killed mid-run loses nothing committed."""
from __future__ import annotations

import codecs
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from timeline.document import Document
from timeline.readers import ReadError, read_file
from timeline.readers.encoding import UndecodableError, decode_bytes
from timeline.record import Event

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "data" / "samples"
PY = sys.executable

FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# text a news page could plausibly hold, and text it could not
NEWS_BITS = ["习近平", "特朗普", "会晤", "通电话", "访问", "周五", "10月下旬", "明年1月", "2025年10月30日", "，", "。",
             "\n", "\r\n", "---\n", "published: 2025-11-01\n", "<p>", "</p>", "<!-- 1735253898000 -->",
             "on Monday", "Thu, 26 Dec 2024 22:58:18 GMT", "將於", "與", "會談", "\u3000", "\ufeff", "\x00", "\x1b",
             "\u2028", "\ud7ff", "🇨🇳", "\u200b"]
texty = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=400),
    st.lists(st.sampled_from(NEWS_BITS), max_size=60).map("".join),
    st.lists(st.one_of(st.sampled_from(NEWS_BITS), st.text(max_size=5)), max_size=60).map("".join),
)
ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "gbk", "big5", "utf-16", "utf-16-le", "latin-1"]


def _encode_mixed(parts: list[tuple[str, str]]) -> bytes:
    """Each piece in its own encoding (what a badly stitched page looks like)."""
    out = b""
    for text, enc in parts:
        out += text.encode(enc, errors="replace") if enc != "utf-16" else text.encode("utf-16")
    return out


def _check_items(items: list) -> None:
    for item in items:
        assert isinstance(item, (Document, ReadError))
        if isinstance(item, ReadError):
            assert item.path and item.reason
        else:
            assert len(item.simplified) == len(item.text)
            for s in item.sentences:
                assert item.text[s.start:s.end] == s.text


@FAST
@given(data=st.one_of(st.binary(max_size=2000),
                      st.lists(st.tuples(texty, st.sampled_from(ENCODINGS)), max_size=5).map(_encode_mixed)),
       suffix=st.sampled_from([".txt", ".md", ".html", ".jsonl", ".pdf"]))
def test_readers_never_crash(data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / f"doc{suffix}"
        path.write_bytes(data)
        _check_items(list(read_file(path)))


@FAST
@given(data=st.binary(max_size=3000))
def test_decode_is_text_or_clean_error(data: bytes) -> None:
    try:
        text, enc = decode_bytes(data)
    except UndecodableError as exc:
        assert str(exc)
    else:
        assert isinstance(text, str) and codecs.lookup(enc)


@FAST
@given(text=texty, dct=st.one_of(st.none(), st.sampled_from(["2025-06-02", "2024-12-26T22:58:18", "1999-01-01"])))
def test_find_dates_never_crashes(text: str, dct: str | None) -> None:
    from timeline.temporal import find_dates

    for t in find_dates(text, dct):
        assert 0 <= t.start <= t.end <= len(text)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texty)
def test_extraction_never_crashes(text: str) -> None:
    from timeline.pipeline import mentions
    from timeline.readers.build import build_document
    from timeline.readers.text import read_text

    for doc in (build_document("x", text), read_text(text, Path("x.md"))):
        for m in mentions(doc):
            assert isinstance(m, Event) and m.doc_id == doc.id
            assert 0 <= m.char_start <= m.char_end <= len(doc.text)


def test_huge_line_and_control_characters(tmp_path: Path) -> None:
    """One 300 000-character line with no sentence end, control characters, NULs in text."""
    from timeline.extractor import extract_records

    sample = sorted(SAMPLES.glob("*.txt"))[0].read_text(encoding="utf-8")
    line = sample.replace("\n", " ").replace("。", "，")[:3000] * 10 + "\x1b[31m\x07\x0c" + "好" * 270_000
    f = tmp_path / "huge.txt"
    f.write_text(line, encoding="utf-8")
    g = tmp_path / "nul.jsonl"
    g.write_text(json.dumps({"id": "n", "text": "习近平\x00与\x01特朗普会晤。\u2028" + "\x7f" * 50}) + "\n", encoding="utf-8")
    errors: list = []
    records = extract_records([f, g], on_error=errors.append)
    assert isinstance(records, list) and errors == []


# ---------------------------------------------------------------- big inputs, bounded memory

_RSS_SCRIPT = textwrap.dedent("""
    import resource, sys
    from timeline.extractor import extract_paths
    errors = []
    events = extract_paths(sys.argv[1:], jobs=1, on_error=errors.append)
    print(len(events), len(errors), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
""")


def _big_jsonl(path: Path, megabytes: float) -> None:
    """News-like documents (~100 KB each): real sentences among filler Han text, to `megabytes` MB."""
    import random

    rng = random.Random(7)
    real = [s for p in sorted(SAMPLES.glob("*.txt")) for s in p.read_text(encoding="utf-8").split("。") if s.strip()]
    target = int(megabytes * 1_000_000)
    size, n = 0, 0
    with path.open("w", encoding="utf-8") as f:
        while size < target:
            parts = []
            for _ in range(400):
                parts.append("".join(chr(rng.randint(0x4E00, 0x9FA5)) for _ in range(rng.randint(20, 80))) + "。")
                if rng.random() < 0.02:
                    parts.append(rng.choice(real) + "。")
            line = json.dumps({"id": f"big{n}", "text": "".join(parts), "published": "2025-11-01"},
                              ensure_ascii=False) + "\n"
            f.write(line)
            size += len(line.encode("utf-8"))
            n += 1


def _peak_rss_mb(*paths: Path) -> tuple[int, int, int]:
    out = subprocess.run([PY, "-c", _RSS_SCRIPT, *map(str, paths)], capture_output=True, text=True, check=True,
                         cwd=ROOT)
    events, errors, rss = map(int, out.stdout.split()[-3:])
    return events, errors, rss


def _bounded(tmp_path: Path, megabytes: float) -> None:
    small = tmp_path / "small.jsonl"
    _big_jsonl(small, 0.25)
    big = tmp_path / "big.jsonl"
    _big_jsonl(big, megabytes)
    assert big.stat().st_size >= megabytes * 1_000_000
    _, _, rss_small = _peak_rss_mb(small)
    events, errors, rss_big = _peak_rss_mb(big)
    assert errors == 0
    # the whole file is decoded once (a few bytes per character), the documents are not kept
    allowance = 100 + 5 * megabytes  # 5 MB: measured +9 MB over 0.25 MB
    assert rss_big - rss_small < allowance, (rss_small, rss_big)


def test_big_input_bounded_memory(tmp_path: Path) -> None:
    _bounded(tmp_path, 5)


@pytest.mark.slow
def test_very_big_input_bounded_memory(tmp_path: Path) -> None:
    _bounded(tmp_path, 50)


# ---------------------------------------------------------------- killed mid-ingest

def _corpus(folder: Path, n: int) -> None:
    """`n` small distinct documents made of the samples' paragraphs."""
    paras = [p for s in sorted(SAMPLES.glob("*.txt"))
             for p in s.read_text(encoding="utf-8").split("\n\n") if len(p.strip()) > 40 and not p.startswith("---")]
    folder.mkdir()
    for i in range(n):
        body = "\n\n".join(paras[(i + k) % len(paras)][:600] for k in range(2))
        (folder / f"doc{i:03d}.txt").write_text(f"---\npublished: 2025-11-0{1 + i % 9}\n---\n{body}\n编号{i}。\n",
                                               encoding="utf-8")


def _snapshot(db: Path) -> dict:
    conn = sqlite3.connect(db)
    try:
        return {
            "documents": conn.execute("SELECT content_hash, doc_id, mentions FROM documents ORDER BY doc_id").fetchall(),
            "events": conn.execute("SELECT event_id, record FROM events ORDER BY event_id").fetchall(),
            "mentions": conn.execute("SELECT content_hash, key, event_id, sentence, char_start, count FROM mentions"
                                     " ORDER BY content_hash, char_start, key").fetchall(),
            "actors": conn.execute("SELECT event_id, name FROM actors ORDER BY 1, 2").fetchall(),
        }
    finally:
        conn.close()


def _consistent(db: Path) -> int:
    """No half document: each stored document's mentions are all there, and nothing else is."""
    snap = _snapshot(db)
    docs = {h for h, _, _ in snap["documents"]}
    doc_ids = {d for _, d, _ in snap["documents"]}
    assert {m[0] for m in snap["mentions"]} <= docs
    events = {eid: json.loads(rec) for eid, rec in snap["events"]}
    for rec in events.values():
        assert set(rec["doc_ids"]) <= doc_ids
    assert {m[2] for m in snap["mentions"]} <= set(events)
    return len(docs)


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_ingest_killed_midway_keeps_whole_documents(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _corpus(corpus, 24)
    db = tmp_path / "t.db"
    cmd = [PY, "-c", "from timeline.cli import main; main()", "ingest", str(corpus), "--db", str(db)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.05)
            try:
                conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
                stored = conn.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                conn.close()
            except sqlite3.Error:
                continue
            if stored >= 3:
                break
        assert proc.poll() is None, "ingest finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
    finally:
        proc.wait()
    assert proc.returncode == -signal.SIGKILL
    kept = _consistent(db)
    assert 3 <= kept < 24
    # resuming adds the rest; the result is what one uninterrupted run gives
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    assert _consistent(db) == 24
    clean = tmp_path / "clean.db"
    subprocess.run(cmd[:-1] + [str(clean)], cwd=ROOT, check=True, capture_output=True)
    assert _snapshot(db) == _snapshot(clean)
