"""Benchmark `interlex check` on guidance documents, and textlint beside it when present.

    python -m benchmarks.bench_documents [--documents 1000 2500 5000] [--concepts 10000]
                                         [--glossary-sizes 1000 10000] [--textlint]

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
import resource
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
    """Wall seconds, peak RSS in MB, and the number of findings of one check run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "tooling", "-C", str(root), "check",
                           "--format", "json"], capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    peak = max(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, before) // 1024
    if done.returncode not in (0, 1):
        raise SystemExit(f"check failed: {done.stderr}")
    return seconds, peak, len(json.loads(done.stdout)["findings"])


def _size(root: Path) -> float:
    return sum(p.stat().st_size for p in (root / "content").rglob("*.md")) / 1e6


def corpus_scaling(sizes: list[int], concepts: int, tmp: Path) -> None:
    print(f"\nDocuments of ~500 words against {concepts:,} concepts (English)")
    print(f"{'documents':>9} {'MB':>6} {'seconds':>8} {'MB/s':>6} {'docs/s':>7} "
          f"{'peak MB':>8} {'findings':>8}")
    per_document = []
    for size in sizes:
        root = generate(tmp / f"docs-{size}", concepts, 1, size)
        seconds, peak, findings = _check(root)
        megabytes = _size(root)
        per_document.append(seconds / size)
        print(f"{size:>9} {megabytes:>6.1f} {seconds:>8.2f} {megabytes / seconds:>6.2f} "
              f"{size / seconds:>7.0f} {peak:>8} {findings:>8}")
        shutil.rmtree(root)
    print(f"time per document, largest / smallest corpus: "
          f"{per_document[-1] / per_document[0]:.2f} (1.00 is linear)")


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


def glossary_scaling(sizes: list[int], documents: int, tmp: Path) -> None:
    print(f"\n{documents:,} documents against glossaries of growing size")
    print(f"{'concepts':>9} {'seconds':>8} {'peak MB':>8}")
    for size in sizes:
        root = generate(tmp / f"glossary-{size}", size, 1, documents)
        seconds, peak, _ = _check(root)
        print(f"{size:>9} {seconds:>8.2f} {peak:>8}")
        shutil.rmtree(root)


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
    seconds, _, _ = _check(root)
    print(f"\nSame {concepts:,} deprecated terms on the same {documents:,} files: "
          f"textlint-rule-terminology {textlint_seconds:.1f} s, interlex {seconds:.2f} s "
          f"(whole check, glossary loading included): {textlint_seconds / seconds:.0f} times "
          "faster")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, nargs="+", default=[1000, 2500, 5000])
    parser.add_argument("--concepts", type=int, default=10_000)
    parser.add_argument("--glossary-sizes", type=int, nargs="+", default=[1000, 5000, 10_000])
    parser.add_argument("--textlint", action="store_true",
                        help="also run textlint-rule-terminology (needs node and npm)")
    parser.add_argument("--textlint-documents", type=int, default=200)
    parser.add_argument("--textlint-concepts", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        corpus_scaling(args.documents, args.concepts, Path(tmp))
        warm_runs(args.documents[-1], args.concepts, Path(tmp))
        glossary_scaling(args.glossary_sizes, args.documents[0], Path(tmp))
        if args.textlint:
            textlint_comparison(args.textlint_documents, args.textlint_concepts, Path(tmp))


if __name__ == "__main__":
    main()
