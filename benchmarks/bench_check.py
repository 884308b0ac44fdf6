"""Benchmark `interlex check` on synthetic projects of growing size.

    python -m benchmarks.bench_check [--sizes 250 500 1000 2000] [--languages 12]

Prints, per size: files, total YAML bytes, wall time of a full check (best of
three, in-process) and throughput, then the ratio of time per concept between
the largest and the smallest size (about 1.0 means linear growth).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate
from tooling.check import run_check
from tooling.project import load_project


def _measure(root: Path, repeats: int) -> tuple[float, int]:
    best = float("inf")
    findings = 0
    for _ in range(repeats):
        start = time.perf_counter()
        result = run_check(load_project(root))
        best = min(best, time.perf_counter() - start)
        findings = len(result.findings)
    return best, findings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 500, 1000, 2000])
    parser.add_argument("--languages", type=int, default=12)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    print(f"{'concepts':>8} {'langs':>5} {'files':>6} {'MB':>7} {'seconds':>8} "
          f"{'entries/s':>10} {'findings':>8}")
    per_concept = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in args.sizes:
            root = generate(Path(tmp) / f"p{size}", size, args.languages)
            files = [p for p in root.rglob("*.y*ml")]
            megabytes = sum(p.stat().st_size for p in files) / 1e6
            seconds, findings = _measure(root, args.repeats)
            entries = size * args.languages
            per_concept.append(seconds / size)
            print(f"{size:>8} {args.languages:>5} {len(files):>6} {megabytes:>7.2f} "
                  f"{seconds:>8.3f} {entries / seconds:>10.0f} {findings:>8}")
    print(f"time per concept, largest / smallest size: {per_concept[-1] / per_concept[0]:.2f}")


if __name__ == "__main__":
    main()
