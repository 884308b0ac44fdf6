"""Benchmark `interlex check` on guidance documents, and textlint beside it when present.

    python -m benchmarks.bench_documents [--documents 1000 2500 5000] [--concepts 10000]
                                         [--glossary-sizes 1000 5000 10000] [--repeat 3]
                                         [--textlint [--textlint-documents 1000]]

Each run is a fresh `python -m tooling check` process on a generated project
(deterministic: the same sizes give the same files), cold unless said (no
`.interlex-cache/` yet; the run writes it); wall time is measured
around it and peak memory is the child's maximum resident set size. Reports
MB/s and documents/s, how time grows with the corpus (linear means the time
per document stays flat) and with the glossary (nearly flat is the aim).

With --textlint (and node/npm on the machine), textlint-rule-terminology is
installed into benchmarks/.textlint/ (not committed) and run on the same
files with the same deprecated-to-preferred term list, for comparison.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.corpus import generate, terms

TEXTLINT_DIR = Path(__file__).parent / ".textlint"
TEXTLINT_PACKAGES = ["textlint@15.8.0", "textlint-rule-terminology@5.2.16"]


def _check(root: Path) -> tuple[float, int, int]:
    """Wall seconds, peak RSS in MB (of the check or any of its workers), and the
    number of findings of one check run."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen([sys.executable, "-m", "tooling", "-C", str(root), "check",
                                  "--format", "json"], stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # this child's own resource usage
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if child.returncode not in (0, 1):
            raise SystemExit(f"check failed: {err.read().decode()}")
        return seconds, usage.ru_maxrss // 1024, len(json.load(out)["findings"])


def _median_check(root: Path, repeats: int) -> tuple[float, int, int]:
    """The median time of `repeats` cold runs (the cache removed before each)."""
    runs = []
    for _ in range(repeats):
        shutil.rmtree(root / ".interlex-cache", ignore_errors=True)
        runs.append(_check(root))
    seconds = statistics.median(run[0] for run in runs)
    return seconds, max(run[1] for run in runs), runs[0][2]


def _size(root: Path) -> float:
    return sum(p.stat().st_size for p in (root / "content").rglob("*.md")) / 1e6


def corpus_scaling(sizes: list[int], concepts: int, tmp: Path, repeats: int) -> None:
    print(f"\nDocuments of ~500 words against {concepts:,} concepts (English), cold, "
          f"median of {repeats}")
    print(f"{'documents':>9} {'MB':>6} {'seconds':>8} {'MB/s':>6} {'docs/s':>7} "
          f"{'peak MB':>8} {'findings':>8} {'ms/added doc':>13}")
    previous: tuple[int, float] | None = None
    for size in sizes:
        root = generate(tmp / f"docs-{size}", concepts, 1, size)
        seconds, peak, findings = _median_check(root, repeats)
        megabytes = _size(root)
        added = (f"{(seconds - previous[1]) / (size - previous[0]) * 1000:>13.2f}"
                 if previous else f"{'':>13}")
        print(f"{size:>9} {megabytes:>6.1f} {seconds:>8.2f} {megabytes / seconds:>6.2f} "
              f"{size / seconds:>7.0f} {peak:>8} {findings:>8} {added}")
        previous = (size, seconds)
        shutil.rmtree(root)
    print("(time is linear in the corpus when the cost of each added document stays flat; "
          "the rest is the glossary, read once)")


def warm_runs(documents: int, concepts: int, tmp: Path, repeats: int = 5) -> None:
    """The same project checked again (all cached), then after one document changed:
    the median of `repeats` runs, each after a change to another document."""
    root = generate(tmp / "warm", concepts, 1, documents)
    cold, cold_peak, findings = _check(root)
    warm = statistics.median(_check(root)[0] for _ in range(repeats))
    changed = []
    for number in range(1, repeats + 1):
        page = root / "content" / "en" / f"doc-{number:05d}.md"
        page.write_text(page.read_text("utf-8") + "\nOne more sentence.\n", "utf-8")
        changed.append(_check(root)[0])
    print(f"\n{documents:,} documents, {concepts:,} concepts, {findings:,} findings: cold "
          f"{cold:.2f} s (peak {cold_peak} MB; cache written), warm {warm:.2f} s, after one "
          f"document changed {statistics.median(changed):.2f} s (median of {repeats}; "
          f"{min(changed):.2f} to {max(changed):.2f})")


def glossary_scaling(sizes: list[int], documents: int, tmp: Path, repeats: int) -> None:
    """For each glossary size, `documents` and twice as many: the difference is what
    checking documents costs, apart from reading the glossary."""
    print(f"\n{documents:,} and {2 * documents:,} documents against glossaries of growing size, "
          f"cold, median of {repeats}")
    print(f"{'concepts':>9} {'seconds':>8} {'seconds 2x':>10} {'ms/added doc':>13} {'peak MB':>8}")
    for size in sizes:
        runs = []
        for count in (documents, 2 * documents):
            root = generate(tmp / f"glossary-{size}-{count}", size, 1, count)
            runs.append(_median_check(root, repeats))
            shutil.rmtree(root)
        (one, _, _), (two, peak, _) = runs
        print(f"{size:>9} {one:>8.2f} {two:>10.2f} {(two - one) / documents * 1000:>13.2f} "
              f"{peak:>8}")


def _install_textlint() -> Path | None:
    if shutil.which("npm") is None or shutil.which("node") is None:
        print("\ntextlint: node and npm are not installed here; skipped")
        return None
    binary = TEXTLINT_DIR / "node_modules" / ".bin" / "textlint"
    if not binary.exists():
        TEXTLINT_DIR.mkdir(exist_ok=True)
        subprocess.run(["npm", "install", "--prefix", str(TEXTLINT_DIR), "--no-audit",
                        "--no-fund", *TEXTLINT_PACKAGES], check=True, capture_output=True)
    return binary


def textlint_comparison(documents: int, concepts: int, tmp: Path) -> None:
    binary = _install_textlint()
    if binary is None:
        return
    root = generate(tmp / "textlint", concepts, 1, documents)
    config = {"rules": {"terminology": {
        "defaultTerms": False,
        "terms": [[deprecated, preferred] for preferred, deprecated in map(terms,
                                                                          range(concepts))],
    }}}
    (root / ".textlintrc.json").write_text(json.dumps(config), "utf-8")
    files = sorted(str(p) for p in (root / "content" / "en").glob("*.md"))
    start = time.perf_counter()
    subprocess.run([str(binary), "--config", str(root / ".textlintrc.json"), "--format", "json",
                    *files], capture_output=True, check=False, cwd=root,
                   env={**os.environ, "NODE_OPTIONS": "--max-old-space-size=4096"})
    textlint_seconds = time.perf_counter() - start
    seconds, _, _ = _median_check(root, 3)
    print(f"\nSame {concepts:,} deprecated terms on the same {documents:,} files: "
          f"textlint-rule-terminology {textlint_seconds:.1f} s, interlex {seconds:.2f} s "
          f"(cold, median of 3; whole check, glossary loading included): "
          f"{textlint_seconds / seconds:.0f} times faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2500, 5000])
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--glossary-sizes", type=int, nargs="+", default=[1000, 5000, 10_000])
    parser.add_argument("--textlint", action="store_true",
                        help="also run textlint-rule-terminology (needs node and npm)")
    parser.add_argument("--textlint-documents", type=int, default=1000)
    parser.add_argument("--textlint-concepts", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3,
                        help="cold runs per measurement; the median is reported")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus_scaling(args.documents, args.concepts, Path(tmp), args.repeat)
        warm_runs(args.documents[-1], args.concepts, Path(tmp))
        glossary_scaling(args.glossary_sizes, args.documents[0], Path(tmp), args.repeat)
        if args.textlint:
            textlint_comparison(args.textlint_documents, args.textlint_concepts, Path(tmp))


if __name__ == "__main__":
    main()
