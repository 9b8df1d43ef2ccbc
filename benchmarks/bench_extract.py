"""Extraction throughput: the whole `timeline` extract step and its recognizer, beside jieba.

One corpus (benchmarks/corpus.py: 2,000 documents of real sentences, fixed seed, in a
temporary folder) and four measurements, each in its own fresh Python process so that
start-up, caches and peak memory do not leak from one into another:

* start-up - `import timeline.extractor`, then the first `extract_records` call on one small
  document (builds the spaCy pipeline, loads the lexicon and the data tables), then a second
  call on the same document; start-up cost = import + (first call - second call). jieba's
  start-up is `import jieba` + `jieba.initialize()` (its prefix dictionary).
* timeline end to end - the per-document API of `timeline.extractor`, exactly what
  `extract_records(corpus)` does: `iter_documents` (read, decode, front matter, DCT, script
  conversion, sentences), `mentions(document)` (the four pipeline components), then `merge`,
  `sort_events` and `to_record` over everything. Each document's `mentions` call is guarded
  so a crash is reported (path + traceback) instead of ending the run.
* recognizer alone - documents read beforehand (untimed); timed: `nlp.make_doc(simplified)`
  and the components `timeline_gazetteer`, `timeline_names`, `timeline_actors` of `get_nlp()`.
* jieba - `jieba.lcut(text)` (default accurate mode, HMM on) of the same file texts, read
  beforehand (untimed), after `jieba.initialize()`.

Characters are the characters of the whole file text (front matter included) for every row,
so the rows are comparable. Peak memory is `resource.getrusage(RUSAGE_SELF).ru_maxrss` of
the worker process (Linux: KiB, shown in MiB): "after set-up" is the peak before the timed
loop (imports, models, texts held in memory), "peak" is at the end of the run.
Each measurement is one pass after set-up, single process, single thread.

Usage: python benchmarks/bench_extract.py [-n 2000] [--seed S] [-o benchmarks/results/extract.md]
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
import traceback
from datetime import datetime, timezone
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "results" / "extract.md"
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT))

from corpus import N_DOCS, SEED, temp_corpus  # noqa: E402

COMPONENTS = ("timeline_gazetteer", "timeline_names", "timeline_actors")
REPEATS = 3  # timed passes of the recognizer and jieba rows; the fastest counts (end to end: one pass)


def _maxrss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _paths(folder: str) -> list[Path]:
    return sorted(Path(folder).glob("*.txt"))


# -- workers (each runs in its own process and prints one JSON line) ---------------------
def worker_startup(folder: str) -> dict:
    paths = _paths(folder)
    small = min(paths[:50], key=lambda p: p.stat().st_size)
    t0 = time.perf_counter()
    from timeline.extractor import extract_records
    t1 = time.perf_counter()
    extract_records([small])
    t2 = time.perf_counter()
    extract_records([small])
    t3 = time.perf_counter()
    t4 = time.perf_counter()
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    t5 = time.perf_counter()
    return {"import": t1 - t0, "first": t2 - t1, "second": t3 - t2, "jieba": t5 - t4,
            "doc": small.name, "doc_chars": len(small.read_text(encoding="utf-8"))}


def worker_ours(folder: str) -> dict:
    from timeline.extractor import iter_documents, sort_events
    from timeline.merge import merge
    from timeline.pipeline import get_nlp, mentions
    from timeline.lexicon import get_lexicon
    get_nlp(), get_lexicon()
    paths = _paths(folder)
    for warm in iter_documents(paths[:1]):  # warm-up: lazy tables and patterns in the components
        mentions(warm)
    errors: list[dict] = []
    crashes: list[dict] = []
    rss0 = _maxrss_mib()
    t0 = time.perf_counter()
    found = []
    chars = docs = 0
    read_s = 0.0
    it = iter_documents(paths, on_error=lambda e: errors.append({"path": str(e.path), "error": str(e)}))
    while True:
        r0 = time.perf_counter()
        try:
            document = next(it)
        except StopIteration:
            read_s += time.perf_counter() - r0
            break
        read_s += time.perf_counter() - r0
        docs += 1
        chars += len(document.text)
        try:
            found.extend(mentions(document))
        except Exception:  # noqa: BLE001 - report the document, go on with the next
            crashes.append({"path": document.path, "traceback": traceback.format_exc()})
    m0 = time.perf_counter()
    records = [e.to_record() for e in sort_events(merge(found))]
    t1 = time.perf_counter()
    return {"seconds": t1 - t0, "read_seconds": read_s, "merge_seconds": t1 - m0, "chars": chars,
            "docs": docs, "mentions": len(found), "records": len(records), "read_errors": errors,
            "crashes": crashes, "rss_setup": rss0, "rss_peak": _maxrss_mib(),
            "load": os.getloadavg()[0]}


def worker_recognizer(folder: str) -> dict:
    from timeline.extractor import iter_documents
    from timeline.pipeline import get_nlp
    nlp = get_nlp()
    procs = [nlp.get_pipe(name) for name in COMPONENTS]
    documents = list(iter_documents(_paths(folder)))
    # warm-up on one document (lazy tables inside the components)
    warm = nlp.make_doc(documents[0].simplified)
    warm.user_data["dct"] = documents[0].dct
    for proc in procs:
        warm = proc(warm)
    rss0 = _maxrss_mib()
    crashes: list[dict] = []

    def one_pass() -> tuple[int, int]:
        crashes.clear()
        chars = actors = 0
        for document in documents:
            try:
                doc = nlp.make_doc(document.simplified or document.text)
                doc.user_data["doc_id"] = document.id
                doc.user_data["dct"] = document.dct
                doc.user_data["original"] = document.text
                doc.user_data["sentences"] = [(s.start, s.end, document.section_dct(s)) for s in document.sentences]
                for proc in procs:
                    doc = proc(doc)
                actors += len(doc.spans.get("actors", []))
            except Exception:  # noqa: BLE001
                crashes.append({"path": document.path, "traceback": traceback.format_exc()})
            chars += len(document.text)
        return chars, actors

    times = []
    for _ in range(REPEATS):
        t0 = time.perf_counter()
        chars, actors = one_pass()
        times.append(time.perf_counter() - t0)
    return {"seconds": min(times), "all_seconds": times, "chars": chars, "docs": len(documents),
            "actor_spans": actors, "crashes": crashes, "rss_setup": rss0, "rss_peak": _maxrss_mib(),
            "load": os.getloadavg()[0]}


def worker_jieba(folder: str) -> dict:
    import jieba
    jieba.setLogLevel(60)
    jieba.initialize()
    texts = [p.read_text(encoding="utf-8") for p in _paths(folder)]
    jieba.lcut(texts[0])
    rss0 = _maxrss_mib()
    times = []
    for _ in range(REPEATS):
        chars = tokens = 0
        t0 = time.perf_counter()
        for text in texts:
            tokens += len(jieba.lcut(text))
            chars += len(text)
        times.append(time.perf_counter() - t0)
    return {"seconds": min(times), "all_seconds": times, "chars": chars, "docs": len(texts), "tokens": tokens,
            "rss_setup": rss0, "rss_peak": _maxrss_mib(), "load": os.getloadavg()[0]}


WORKERS = {"startup": worker_startup, "ours": worker_ours, "recognizer": worker_recognizer,
           "jieba": worker_jieba}


def run_worker(name: str, folder: Path) -> dict:
    """Run one worker in a fresh interpreter and return its JSON result."""
    proc = subprocess.run([sys.executable, __file__, "--worker", name, str(folder)],
                          capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"worker {name} failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


# -- report ------------------------------------------------------------------------------
def machine() -> str:
    return (f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs (nproc), "
            f"Python {platform.python_version()}")


def table(c, res: dict[str, dict]) -> str:
    st, ours, rec, jb = res["startup"], res["ours"], res["recognizer"], res["jieba"]

    def cps(r: dict) -> float:
        return r["chars"] / r["seconds"]

    j = cps(jb)
    head = ["system", "documents", "characters", "wall time (s)", "chars/s", "docs/s",
            "× jieba speed", "peak RSS after set-up (MiB)", "peak RSS (MiB)"]
    rows = [
        ["timeline end to end (read → mentions → merge → records)", ours],
        ["timeline recognizer (make_doc + gazetteer, names, actors)", rec],
        ["jieba.lcut (accurate mode, HMM)", jb],
    ]
    lines = [f"# Extraction throughput on a {len(c.paths):,}-document synthetic corpus", "",
             f"Corpus: `benchmarks/corpus.py`, seed {res['seed']}: {len(c.paths):,} documents, "
             f"{c.chars:,} characters, {c.sentences:,} sentences drawn from {c.pool} distinct sentences "
             "of `data/samples` and the dev set (Simplified and Traditional as written).",
             f"Machine: {machine()}. Run {res['date']}.", "",
             "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for name, r in rows:
        lines.append("| " + " | ".join([
            name, f"{r['docs']:,}", f"{r['chars']:,}", f"{r['seconds']:.1f}", f"{cps(r):,.0f}",
            f"{r['docs'] / r['seconds']:,.1f}", f"{cps(r) / j:.2f}", f"{r['rss_setup']:,.0f}",
            f"{r['rss_peak']:,.0f}"]) + " |")
    ratio = cps(ours) / j
    verdict = "meets" if ratio >= 1 / 3 else "misses"
    lines += ["", f"Target: timeline end to end ≥ 1/3 of jieba's speed (≥ 0.33×). Measured "
              f"{ratio:.2f}× — {verdict} the target. Recognizer alone: {cps(rec) / j:.2f}×.", "",
              "## Start-up (fresh process)", "",
              "| step | seconds |", "|---|---|",
              f"| `import timeline.extractor` (spaCy, OpenCC, package modules) | {st['import']:.2f} |",
              f"| first `extract_records` on one document ({st['doc_chars']} chars): build pipeline, "
              f"load lexicon and tables | {st['first']:.2f} |",
              f"| second call on the same document | {st['second']:.3f} |",
              f"| **timeline start-up** = import + first − second | **{st['import'] + st['first'] - st['second']:.2f}** |",
              f"| jieba: `import jieba` + `jieba.initialize()` | {st['jieba']:.2f} |", "",
              "## Notes", "",
              f"* End to end produced {ours['mentions']:,} mentions → {ours['records']:,} merged records; "
              f"reading (`iter_documents`) took {ours['read_seconds']:.1f} s of the "
              f"{ours['seconds']:.1f} s, merge + sort + records {ours['merge_seconds']:.1f} s. "
              f"The recognizer found {rec['actor_spans']:,} actor spans. By difference, the event "
              f"component (`timeline_events`: triggers, time expressions, roles) takes about "
              f"{max(0.0, ours['seconds'] - ours['read_seconds'] - ours['merge_seconds'] - rec['seconds']):.1f} s "
              f"of the end-to-end time.",
              "* Each row runs in its own fresh process after its set-up (imports, pipeline/lexicon, one "
              f"warm-up document; jieba after `initialize()`), single thread. Recognizer and jieba: the fastest "
              f"of {REPEATS} passes (recognizer {', '.join(f'{x:.1f}' for x in rec['all_seconds'])} s; jieba "
              f"{', '.join(f'{x:.1f}' for x in jb['all_seconds'])} s); end to end: one pass. The start-up table "
              "gives the one-off costs left out of the rows.",
              "* The machine is shared with other work: 1-minute load average at the end of each row: "
              f"end to end {ours['load']:.2f}, recognizer {rec['load']:.2f}, jieba {jb['load']:.2f} "
              "(one busy core of two is 1.0 from this benchmark alone); repeat runs differed by up to ~30 % "
              "in chars/s.",
              "* Memory: `resource.getrusage(RUSAGE_SELF).ru_maxrss` of each worker process (peak "
              "resident set, KiB on Linux, shown in MiB), not tracemalloc. The recognizer and jieba "
              "workers hold all texts in memory before timing; the end-to-end worker streams documents "
              "but keeps every mention until the merge.",
              "* Characters count whole files (front matter included, ~45 chars per document) for "
              "every row."]
    crashes = ours["crashes"] + rec["crashes"]
    if crashes or ours["read_errors"]:
        lines += ["", "## Problems", ""]
        for e in ours["read_errors"]:
            lines.append(f"* read error: `{e['path']}`: {e['error']}")
        seen = set()
        for cr in crashes:
            key = cr["traceback"].strip().splitlines()[-1]
            lines.append(f"* crash on `{Path(cr['path']).name}`: `{key}`")
            if key not in seen:
                seen.add(key)
                lines += ["", "```", cr["traceback"].rstrip(), "```", ""]
    else:
        lines += ["* No document crashed the pipeline and none failed to read."]
    return "\n".join(lines) + "\n"


def main() -> None:
    if len(sys.argv) >= 4 and sys.argv[1] == "--worker":
        print(json.dumps(WORKERS[sys.argv[2]](sys.argv[3])))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=N_DOCS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    with temp_corpus(args.n, args.seed) as c:
        res: dict = {"seed": args.seed, "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")}
        for name in ("startup", "jieba", "recognizer", "ours"):
            t = time.perf_counter()
            res[name] = run_worker(name, c.root)
            print(f"[bench_extract] {name}: {time.perf_counter() - t:.1f} s", file=sys.stderr, flush=True)
        md = table(c, res)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
