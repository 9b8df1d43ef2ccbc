"""Run every benchmark in turn: time expressions, extraction throughput, person-name recall.

Each one runs as its own process with this interpreter (so `make bench` uses the venv) and
writes its table under benchmarks/results/. A failing benchmark does not stop the others;
the exit status is non-zero when any failed.

Usage: python benchmarks/run_all.py [NAME ...]   (names: dates, extract, recognizer, scale)
"""
from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = {"dates": "bench_dates.py", "extract": "bench_extract.py", "recognizer": "bench_recognizer.py",
              "scale": "bench_scale.py"}


def main() -> int:
    names = sys.argv[1:] or list(BENCHMARKS)
    unknown = [n for n in names if n not in BENCHMARKS]
    if unknown:
        print(f"unknown benchmark(s): {', '.join(unknown)}; choose from {', '.join(BENCHMARKS)}", file=sys.stderr)
        return 2
    failed = []
    for name in names:
        script = HERE / BENCHMARKS[name]
        print(f"== {name}: {script.name}", flush=True)
        t0 = time.perf_counter()
        rc = subprocess.call([sys.executable, str(script)], cwd=HERE.parent)
        print(f"== {name}: exit {rc} after {time.perf_counter() - t0:.0f} s\n", flush=True)
        if rc != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    print("results in benchmarks/results/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
