"""Time-expression benchmark: `timeline.temporal` against dateparser and JioNLP.

One run over tests/data/dates_cases.jsonl. Each system's expressions of a sentence are
reduced to inclusive day intervals; an expected interval counts as found when the system
gives exactly that interval for some expression (each system interval matches at most one
expected one). Recall = found / expected, precision = matching system intervals / all
system intervals (so anything given for a negative sentence counts against precision).
Speed is sentences per second over the whole file, after one warm-up call.

Usage: python benchmarks/bench_dates.py [CASES] [-o benchmarks/results/dates.md]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import time
import warnings
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests" / "data" / "dates_cases.jsonl"
OUT = ROOT / "benchmarks" / "results" / "dates.md"

Interval = tuple[str, str]
System = Callable[[str, date], list[Interval]]


def load_cases(path: Path) -> list[dict]:
    """The cases of a JSONL file: text, dct, expect (list of [start, end]), lang."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def ours() -> System:
    """`timeline.temporal.find_dates`."""
    from timeline.temporal import find_dates

    def run(text: str, dct: date) -> list[Interval]:
        return [(t.date_start, t.date_end) for t in find_dates(text, dct) if t.date_start and t.date_end]
    return run


def dateparser_system() -> System:
    """`dateparser.search.search_dates`, RELATIVE_BASE = DCT, languages zh and en; each
    datetime found becomes the day it falls on."""
    from dateparser.search import search_dates

    def run(text: str, dct: date) -> list[Interval]:
        base = datetime(dct.year, dct.month, dct.day)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            found = search_dates(text, languages=["zh", "en"], settings={"RELATIVE_BASE": base}) or []
        return [(d.date().isoformat(), d.date().isoformat()) for _, d in found]
    return run


def jionlp_system() -> System:
    """`jionlp.ner.extract_time`, time_base = DCT; each result's detail → time [start, end]
    becomes the days it covers (results without a two-ended time are dropped)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        import jionlp

    def run(text: str, dct: date) -> list[Interval]:
        base = datetime(dct.year, dct.month, dct.day)
        try:
            found = jionlp.ner.extract_time(text, time_base=base)
        except Exception:  # noqa: BLE001 - a crash on one sentence is a miss, not the end of the run
            return []
        out = []
        for r in found:
            span = (r.get("detail") or {}).get("time")
            if isinstance(span, list) and len(span) == 2 and all(isinstance(s, str) for s in span):
                if span[0][:1].isdigit() and span[1][:1].isdigit():
                    out.append((span[0][:10], span[1][:10]))
        return out
    return run


@dataclass
class Score:
    """Counts for one system."""

    expected: int = 0
    found: int = 0
    given: int = 0
    correct: int = 0
    sentences: int = 0
    seconds: float = 0.0
    by_lang: Counter = field(default_factory=Counter)
    by_lang_total: Counter = field(default_factory=Counter)

    def row(self, name: str) -> list[str]:
        """The Markdown table cells of this score."""
        r = self.found / self.expected if self.expected else 0.0
        p = self.correct / self.given if self.given else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        langs = [f"{self.by_lang[k] / self.by_lang_total[k]:.1%}" for k in ("zh-Hans", "zh-Hant", "en")]
        return [name, f"{r:.1%}", f"{p:.1%}", f"{f:.1%}", *langs, f"{self.sentences / self.seconds:,.0f}"]


def matches(expected: list[Interval], got: list[Interval]) -> int:
    """How many expected intervals are given exactly, each system interval used once."""
    pool = Counter(got)
    n = 0
    for e in expected:
        if pool[e] > 0:
            pool[e] -= 1
            n += 1
    return n


def score(system: System, cases: list[dict]) -> Score:
    """Run `system` over every case once, timing the calls."""
    s = Score()
    system("今天", date(2025, 6, 2))  # warm-up: lazy imports, compiled patterns, models
    for case in cases:
        dct = date.fromisoformat(case["dct"])
        expected = [tuple(e) for e in case["expect"]]
        t0 = time.perf_counter()
        got = system(case["text"], dct)
        s.seconds += time.perf_counter() - t0
        n = matches(expected, got)
        s.expected += len(expected)
        s.found += n
        s.given += len(got)
        s.correct += n
        s.sentences += 1
        s.by_lang[case.get("lang", "?")] += n
        s.by_lang_total[case.get("lang", "?")] += len(expected)
    return s


def table(results: dict[str, Score], cases: list[dict]) -> str:
    """The Markdown report."""
    n_exp = sum(len(c["expect"]) for c in cases)
    n_neg = sum(1 for c in cases if not c["expect"])
    head = ["system", "recall (exact interval)", "precision", "F1",
            "recall zh-Hans", "recall zh-Hant", "recall en", "sentences/s"]
    lines = [f"# Time expressions: exact day intervals on `tests/data/dates_cases.jsonl`", "",
             f"{len(cases)} sentences ({n_neg} without any date), {n_exp} expected expressions.", "",
             "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    lines += ["| " + " | ".join(s.row(name)) + " |" for name, s in results.items()]
    lines += ["", "An expected interval is found when the system gives exactly that day interval for some",
              "expression; precision counts every interval a system gives (negatives included).",
              "dateparser gives points in time, mapped to their day; JioNLP gives [start, end]",
              "times, mapped to the days they cover. Speed: single process, after a warm-up call.",
              "The cases are the development set of `timeline.temporal` (its test suite must pass on",
              "them), so its own row is an upper bound, not a held-out score."]
    return "\n".join(lines) + "\n"


def main() -> None:
    """Score the three systems and write the table."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("cases", nargs="?", type=Path, default=CASES)
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    cases = load_cases(args.cases)
    systems = {"timeline.temporal": ours(), "dateparser.search_dates": dateparser_system(),
               "jionlp.extract_time": jionlp_system()}
    results = {name: score(system, cases) for name, system in systems.items()}
    md = table(results, cases)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
