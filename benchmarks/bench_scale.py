"""Scale: `timeline extract` throughput and memory with --jobs 1, --jobs 2 and --engine dask.

A synthetic news-like corpus (benchmarks/corpus.py: real sentences from the samples and the
dev set, 5-30 a document, with front matter) is written to a temporary folder, then each
configuration runs as its own `timeline extract` process on it:

* jieba    - the floor: plain `jieba.lcut` of every document's text, one process;
* jobs 1   - `timeline extract DIR --jobs 1`;
* jobs 2   - `timeline extract DIR --jobs 2` (a pool of two worker processes);
* dask     - `timeline extract DIR --engine dask --jobs 2 -o OUT/` (a LocalCluster of two
             worker processes; Parquet part files plus the merged events).

For each: wall time (process start to exit, start-up included), documents/s, characters/s,
and the peak RSS of the whole process tree (the sum over the command and its children,
sampled every 50 ms from /proc). The three extraction outputs must be identical.

Usage: python benchmarks/bench_scale.py [-n 1000] [--repeat 1] [--wait-idle 120] [--seed 20260101]
                                      [--out benchmarks/results/scale.md]
"""
from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from corpus import build_corpus  # noqa: E402  (benchmarks/corpus.py)

TIMELINE = [sys.executable, "-c", "from timeline.cli import main; main()"]
JIEBA = r"""
import sys
from pathlib import Path
import jieba
jieba.initialize()
n = 0
for p in sorted(Path(sys.argv[1]).glob("*.txt")):
    n += len(jieba.lcut(p.read_text(encoding="utf-8")))
print(n)
"""


def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out.extend(int(c) for c in f.read().split())
    except OSError:
        pass
    return out


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _tree_rss_kb(pid: int) -> int:
    total, stack, seen = 0, [pid], set()
    while stack:
        p = stack.pop()
        if p in seen:
            continue
        seen.add(p)
        total += _rss_kb(p)
        stack.extend(_children(p))
    return total


def snapshot_package(dest: Path) -> Path:
    """A copy of the `timeline` package to run: the measured code cannot change mid-benchmark."""
    import shutil

    shutil.copytree(ROOT / "timeline", dest / "timeline", ignore=shutil.ignore_patterns("__pycache__"))
    return dest


CWD = ROOT


def _machine_busy_seconds() -> float:
    """CPU-seconds all processes of the machine have used since boot (from /proc/stat)."""
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:]]
    return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


OTHERS: dict[str, float] = {}  # command -> CPU-seconds other processes used during its last run


def run(cmd: list[str]) -> tuple[float, int, float, str]:
    """(wall seconds, peak tree RSS in MB, CPU seconds of the tree, stdout) of a command."""
    import resource

    peak = 0
    machine0 = _machine_busy_seconds()
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=CWD, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()

    def sample() -> None:
        nonlocal peak
        while not done.is_set():
            peak = max(peak, _tree_rss_kb(proc.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    wall = time.perf_counter() - t0
    done.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd[3:])} failed ({proc.returncode}):\n{err[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    OTHERS[" ".join(cmd)] = max(0.0, _machine_busy_seconds() - machine0 - cpu)
    return wall, peak // 1024, cpu, out


def _busy_cores(seconds: float = 2.0) -> float:
    """CPU cores busy over the next `seconds` (from /proc/stat), all processes."""
    def sample() -> tuple[int, int]:
        with open("/proc/stat") as f:
            v = [int(x) for x in f.readline().split()[1:]]
        idle = v[3] + v[4]
        return sum(v) - idle, sum(v)

    b0, t0 = sample()
    time.sleep(seconds)
    b1, t1 = sample()
    return (b1 - b0) / max(t1 - t0, 1) * (os.cpu_count() or 1)


def wait_idle(limit: float, timeout: float) -> float:
    """Wait (up to `timeout` s) until other work uses less than `limit` cores; the last reading."""
    end = time.monotonic() + timeout
    busy = _busy_cores()
    while busy >= limit and time.monotonic() < end:
        busy = _busy_cores()
    return busy


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=1000, help="documents in the corpus")
    ap.add_argument("--repeat", type=int, default=1, help="runs of each configuration (the fastest is kept)")
    ap.add_argument("--wait-idle", type=float, default=0, metavar="SECONDS",
                    help="before each run, wait up to this long for the machine to be idle (< 0.3 busy cores)")
    ap.add_argument("--seed", type=int, default=20260101)
    ap.add_argument("--out", type=Path, default=HERE / "results" / "scale.md")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory(prefix="timeline-scale-") as tmp:
        tmp = Path(tmp)
        global CWD
        CWD = snapshot_package(tmp / "src")  # `python -c` imports from its working folder first
        corpus = build_corpus(tmp / "corpus", args.n, args.seed)
        print(f"corpus: {len(corpus.paths)} documents, {corpus.chars:,} characters", flush=True)
        runs = {
            "jieba segmentation (floor)": [sys.executable, "-c", JIEBA, str(corpus.root)],
            "extract --jobs 1": TIMELINE + ["extract", str(corpus.root), "--jobs", "1", "-o", str(tmp / "j1.jsonl")],
            "extract --jobs 2": TIMELINE + ["extract", str(corpus.root), "--jobs", "2", "-o", str(tmp / "j2.jsonl")],
            "extract --engine dask (LocalCluster, 2 workers)": TIMELINE + [
                "extract", str(corpus.root), "--engine", "dask", "--jobs", "2", "-o", str(tmp / "dask") + "/"],
        }
        results = {}
        for name, cmd in runs.items():
            for _ in range(max(1, args.repeat)):
                if args.wait_idle:
                    wait_idle(0.3, args.wait_idle)
                load = _busy_cores(1.0)
                wall, rss, cpu, _ = run(cmd)
                load = OTHERS[" ".join(cmd)] / wall  # cores other work took during the run
                print(f"{name}: {wall:.1f} s, {len(corpus.paths) / wall:.1f} docs/s, {corpus.chars / wall:,.0f} "
                      f"chars/s, peak RSS {rss} MB, CPU {cpu:.1f} s, other work {load:.2f} cores", flush=True)
                if name not in results or wall < results[name][0]:
                    results[name] = (wall, rss, cpu, load)
        j1 = (tmp / "j1.jsonl").read_bytes()
        same = j1 == (tmp / "j2.jsonl").read_bytes() == (tmp / "dask" / "events.jsonl").read_bytes()
        parts = len(list((tmp / "dask").glob("part-*.parquet")))
        events = j1.count(b"\n")

    t1 = results["extract --jobs 1"][0]
    t2 = results["extract --jobs 2"][0]
    td = results["extract --engine dask (LocalCluster, 2 workers)"][0]
    lines = [
        "# Scale: --jobs and the Dask engine",
        "",
        f"`python benchmarks/bench_scale.py -n {args.n}` on {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}.",
        f"Corpus: {len(corpus.paths)} synthetic news-like documents (benchmarks/corpus.py, seed {args.seed}), "
        f"{corpus.chars:,} characters, {corpus.sentences:,} sentences; {events} merged events.",
        "Wall time is the whole command, process start-up and pipeline loading included; peak RSS is the sum",
        "over the process tree (command + workers), sampled every 50 ms; CPU is user+sys of the tree; 'others' is",
        "the CPU cores that other processes took on average during the run (the machine is shared and has "
        f"{os.cpu_count()} CPUs); best of {args.repeat} by wall time.",
        "",
        "| run | wall s | docs/s | chars/s | peak RSS MB | CPU s | others (cores) | vs --jobs 1 |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, (wall, rss, cpu, load) in results.items():
        lines.append(f"| {name} | {wall:.1f} | {len(corpus.paths) / wall:.1f} | {corpus.chars / wall:,.0f} | {rss} | "
                     f"{cpu:.1f} | {load:.2f} | {t1 / wall:.2f}x |")
    lines += [
        "",
        f"- --jobs 2 speed-up over --jobs 1: **{t1 / t2:.2f}x** (target >= 1.7x)",
        f"- dask time / --jobs 2 time: **{td / t2:.2f}** (target <= 1.5)",
        f"- outputs of --jobs 1, --jobs 2 and dask identical: **{'yes' if same else 'NO'}**; "
        f"dask wrote {parts} Parquet part file(s)",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    if not same:
        raise SystemExit("outputs differ")


if __name__ == "__main__":
    main()
