"""Measure the site build: wall time, pages built, time per page and peak memory.

    python benchmarks/site.py --concepts 200 --languages 4 --documents 10 [--keep DIR]
    python benchmarks/site.py --baseline [--pages 200]   # plain mkdocs-static-i18n vs Interlex
    python benchmarks/site.py --scaling                  # linear in languages and concepts?
    python benchmarks/site.py --large                    # 2,000 concepts in 10 languages

Each build is a fresh `python -m mkdocs build --strict -q` child process on a
synthetic project from `benchmarks.corpus` (deterministic: the same sizes give the
same files), with a `mkdocs.yml` like the repository's and the `interlex` plugin's
check off, so that only the build is measured (the first mode also times one build
with the check on). Wall time is measured around the child, CPU time and peak
resident memory are the child's own (from `wait4`). Pages are the `index.html`
files of the built site. Add --json for machine-readable results, --profile FILE
to run the (first Interlex) build under cProfile and print its top 15 functions.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import pstats
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run as a script

from benchmarks.corpus import (
    SITE_DOMAINS,
    SITE_LANGUAGES,
    generate_plain,
    generate_site,
    site_config,
)

BASELINE_LANGUAGES = 8
ISSUE_BASELINE = "58 s for 200 pages in 8 languages (36 ms a page)"
FIXED_PAGES = 1 + 3 + len(SITE_DOMAINS)
"""Pages per language besides concepts and documents: the home page, the glossary's
index, status and downloads pages, and a page per domain."""
LARGE = (2000, 10)
LARGE_LIMIT = 600.0
SCALING_LANGUAGES = ((100, 1), (100, 2), (100, 4), (100, 8))
SCALING_CONCEPTS = ((50, 4), (100, 4), (200, 4), (400, 4))


@dataclass
class Result:
    label: str
    concepts: int
    languages: int
    documents: int
    pages: int
    seconds: float
    cpu_seconds: float
    peak_mb: float
    markdown_kb: float
    """Average size of a page's Markdown (for the generated glossary pages, as generated)."""

    @property
    def ms_per_page(self) -> float:
        return 1000 * self.seconds / self.pages if self.pages else 0.0

    def row(self) -> dict[str, object]:
        return {**asdict(self), "ms_per_page": round(self.ms_per_page, 2)}


class Progress:
    """One line on stderr, rewritten in place, when stderr is a terminal."""

    def __init__(self) -> None:
        self.live = sys.stderr.isatty()

    def show(self, text: str) -> None:
        if self.live:
            sys.stderr.write(f"\r\033[K{text}")
            sys.stderr.flush()

    def done(self) -> None:
        self.show("")


PROGRESS = Progress()


def _wait(pid: int, label: str, start: float) -> tuple[int, float, float]:
    """Wait for the child: its exit status, CPU seconds and peak RSS in MB (including any
    processes it waited for itself)."""
    while True:
        done, status, usage = os.wait4(pid, os.WNOHANG)
        if done:
            cpu = usage.ru_utime + usage.ru_stime
            return os.waitstatus_to_exitcode(status), cpu, usage.ru_maxrss / 1024
        PROGRESS.show(f"{label}: building… {time.perf_counter() - start:.0f} s")
        time.sleep(0.25)


def build(root: Path, label: str, concepts: int, languages: int, documents: int,
          *, profile: Path | None = None) -> Result:
    """One fresh build of the project at `root`, into `root/site`."""
    shutil.rmtree(root / "site", ignore_errors=True)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q"]
    if profile is not None:
        command[1:1] = ["-m", "cProfile", "-o", str(profile)]
    with (root / "build.log").open("wb") as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=root, env=env, stdout=log,
                                 stderr=subprocess.STDOUT)
        try:
            code, cpu, peak = _wait(child.pid, label, start)
        except BaseException:  # interrupted: leave no build running
            child.kill()
            child.wait()
            raise
        seconds = time.perf_counter() - start
        child.returncode = code
    PROGRESS.done()
    if code:
        tail = (root / "build.log").read_text("utf-8", "replace")[-3000:]
        raise SystemExit(f"{label}: the build failed ({code}) in {root}:\n{tail}")
    pages = sum(1 for _ in (root / "site").rglob("index.html"))
    sources = list((root / "content").rglob("*.md"))
    kb = sum(p.stat().st_size for p in sources) / 1024 / max(1, len(sources))
    return Result(label, concepts, languages, documents, pages, round(seconds, 2),
                  round(cpu, 2), round(peak, 1), round(kb, 2))


def interlex_site(root: Path, concepts: int, languages: int, documents: int) -> Path:
    PROGRESS.show(f"generating {concepts} concepts × {languages} languages…")
    generate_site(root, concepts, languages, documents)
    PROGRESS.done()
    return root


def with_check(root: Path, languages: int) -> None:
    """Turn the plugin's check on and make the next build as cold as the first."""
    langs = SITE_LANGUAGES[:languages]
    (root / "mkdocs.yml").write_text(site_config(langs, interlex=True, check=True), "utf-8")
    for lang in langs:
        shutil.rmtree(root / "content" / lang / "glossary", ignore_errors=True)
    shutil.rmtree(root / ".interlex-cache", ignore_errors=True)


def single(args: argparse.Namespace, work: Path) -> list[Result]:
    root = interlex_site(work / "interlex", args.concepts, args.languages, args.documents)
    sizes = (args.concepts, args.languages, args.documents)
    results = [build(root, "interlex", *sizes, profile=args.profile)]
    if not args.no_check_run:
        with_check(root, args.languages)
        results.append(build(root, "interlex, check on", *sizes))
    return results


def baseline(args: argparse.Namespace, work: Path) -> list[Result]:
    """A plain i18n build of `pages` pages in each of 8 languages, then the same number
    of pages through Interlex, back to back."""
    pages, languages = args.pages, BASELINE_LANGUAGES
    concepts = pages - args.documents - FIXED_PAGES
    if concepts < 1:
        raise SystemExit(f"--pages {pages} leaves no room for concepts beside "
                         f"{args.documents} documents and {FIXED_PAGES} fixed pages")
    PROGRESS.show(f"generating the plain site: {pages} pages × {languages} languages…")
    plain = generate_plain(work / "plain", pages, languages)
    PROGRESS.done()
    first = build(plain, "plain mkdocs-static-i18n", 0, languages, 0)
    root = interlex_site(work / "interlex", concepts, languages, args.documents)
    return [first, build(root, "interlex", concepts, languages, args.documents,
                         profile=args.profile)]


def scaling(args: argparse.Namespace, work: Path) -> list[Result]:
    results: list[Result] = []
    for concepts, languages in dict.fromkeys(SCALING_LANGUAGES + SCALING_CONCEPTS):
        root = interlex_site(work / f"c{concepts}-l{languages}", concepts, languages,
                             args.documents)
        results.append(build(root, f"{concepts} × {languages}", concepts, languages,
                             args.documents, profile=args.profile if not results else None))
        if args.keep is None:
            shutil.rmtree(root)
    return results


def large(args: argparse.Namespace, work: Path) -> list[Result]:
    concepts, languages = LARGE
    root = interlex_site(work / "large", concepts, languages, args.documents)
    return [build(root, "large", concepts, languages, args.documents, profile=args.profile)]


def table(results: list[Result]) -> str:
    lines = [f"{'build':<26} {'concepts':>8} {'langs':>5} {'docs':>5} {'pages':>6} "
             f"{'wall s':>7} {'CPU s':>7} {'ms/page':>8} {'peak MB':>8} {'KB/page':>7}"]
    lines += [f"{r.label:<26} {r.concepts:>8} {r.languages:>5} {r.documents:>5} {r.pages:>6} "
              f"{r.seconds:>7.1f} {r.cpu_seconds:>7.1f} {r.ms_per_page:>8.1f} "
              f"{r.peak_mb:>8.0f} {r.markdown_kb:>7.2f}" for r in results]
    return "\n".join(lines)


def _marginal(rows: list[Result]) -> list[float]:
    """CPU ms per page added from each row to the next: flat when time grows linearly, and
    free of the fixed start-up costs that make ms/page fall with size. CPU rather than wall
    time, which other processes on the machine stretch."""
    return [round(1000 * (b.cpu_seconds - a.cpu_seconds) / (b.pages - a.pages), 1)
            for a, b in itertools.pairwise(rows)]


def summary(mode: str, results: list[Result]) -> dict[str, object]:
    """What the mode concludes from its rows."""
    if mode == "baseline":
        plain, interlex = results
        return {"issue_baseline": ISSUE_BASELINE,
                "speedup_per_page": round(plain.ms_per_page / interlex.ms_per_page, 2),
                "speedup_wall": round(plain.seconds / interlex.seconds, 2),
                "target_2x_met": plain.ms_per_page >= 2 * interlex.ms_per_page}
    if mode == "scaling":
        by = {(r.concepts, r.languages): r for r in results}
        return {"added_page_cpu_ms_by_languages": _marginal([by[k] for k in SCALING_LANGUAGES]),
                "added_page_cpu_ms_by_concepts": _marginal([by[k] for k in SCALING_CONCEPTS])}
    if mode == "large":
        return {"under_10_minutes": results[0].seconds < LARGE_LIMIT}
    if len(results) > 1:
        return {"check_costs_seconds": round(results[1].seconds - results[0].seconds, 2),
                "check_costs_cpu_seconds": round(results[1].cpu_seconds -
                                                 results[0].cpu_seconds, 2)}
    return {}


def _where(filename: str) -> str:
    """A profiled function's package (or the repository's module), for reading at a glance."""
    if "site-packages/" in filename:
        return filename.split("site-packages/", 1)[1]
    return filename.split("/work/main/", 1)[-1].rsplit("/lib/python3", 1)[-1]


def print_profile(path: Path, limit: int = 15) -> None:
    """The top functions by cumulative time, past the wrappers every build goes through
    (runpy, click, mkdocs' build, the plugin dispatcher), then the plugins' event handlers.
    The i18n plugin builds every other language inside its `on_post_build`, so that
    handler's time includes theirs, and each event's time is summed over the languages."""
    stats = pstats.Stats(str(path))
    rows = stats.stats  # type: ignore[attr-defined]
    total = max(cumulative for _, _, _, cumulative, _ in rows.values())
    top = sorted(((cumulative, calls, own, f"{_where(file)}:{line}({name})")
                  for (file, line, name), (_, calls, own, cumulative, _) in rows.items()
                  if cumulative < 0.75 * total and not file.endswith("mkdocs/plugins.py")),
                 reverse=True)
    handlers = sorted(((cumulative, calls, own, f"{_where(file)}:{line}({name})")
                       for (file, line, name), (_, calls, own, cumulative, _) in rows.items()
                       if name.startswith("on_") and not file.endswith("mkdocs/plugins.py")),
                      reverse=True)
    print(f"\nProfile of one build (cProfile, which slows it down): {total:.1f} s in all")
    for title, found in (("top functions by cumulative time", top),
                         ("plugin event handlers", handlers)):
        print(f"\n{title}:\n{'cumul. s':>9} {'share':>6} {'calls':>8} {'own s':>7}  function")
        for cumulative, calls, own, name in found[:limit]:
            print(f"{cumulative:>9.2f} {cumulative / total:>6.1%} {calls:>8} {own:>7.2f}  {name}")


def report(mode: str, results: list[Result], as_json: bool) -> None:
    conclusions = summary(mode, results)
    if as_json:
        print(json.dumps({"mode": mode, "results": [r.row() for r in results], **conclusions},
                         indent=2, ensure_ascii=False))
        return
    print(table(results))
    if mode == "baseline":
        print(f"\nspeed-up, time per page: {conclusions['speedup_per_page']}× "
              f"(wall: {conclusions['speedup_wall']}×; target: 2×; the issue measured "
              f"{ISSUE_BASELINE})")
    elif mode == "scaling":
        print("\nCPU ms per page added from one row to the next (flat means linear):")
        for series, key in ((SCALING_LANGUAGES, "languages"), (SCALING_CONCEPTS, "concepts")):
            steps = "→".join(str(row[1] if key == "languages" else row[0]) for row in series)
            costs = conclusions[f"added_page_cpu_ms_by_{key}"]
            assert isinstance(costs, list)
            print(f"  {key} {steps}: {', '.join(str(c) for c in costs)}")
    elif mode == "large":
        verdict = "under" if conclusions["under_10_minutes"] else "OVER"
        print(f"\n{results[0].seconds / 60:.1f} minutes: {verdict} the 10-minute target")
    elif "check_costs_seconds" in conclusions:
        print(f"\nthe check adds {conclusions['check_costs_seconds']} s "
              f"({conclusions['check_costs_cpu_seconds']} s of CPU time)")


def parse() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--baseline", action="store_true",
                       help="plain mkdocs-static-i18n against Interlex, same number of pages")
    modes.add_argument("--scaling", action="store_true", help="a grid of languages and concepts")
    modes.add_argument("--large", action="store_true",
                       help=f"{LARGE[0]:,} concepts in {LARGE[1]} languages (takes minutes)")
    parser.add_argument("--concepts", type=int, default=200)
    parser.add_argument("--languages", type=int, default=4)
    parser.add_argument("--documents", type=int, default=10, help="per language")
    parser.add_argument("--pages", type=int, default=200,
                        help="--baseline: pages per language (default 200)")
    parser.add_argument("--no-check-run", action="store_true",
                        help="skip the second build with the plugin's check on")
    parser.add_argument("--keep", type=Path, help="generate here (a new folder) and keep it")
    parser.add_argument("--profile", type=Path, help="write the first Interlex build's "
                        "cProfile stats here and print the top 15")
    parser.add_argument("--json", action="store_true", help="print JSON, not a table")
    return parser.parse_args()


def main() -> None:
    args = parse()
    if not 1 <= args.languages <= len(SITE_LANGUAGES):
        raise SystemExit(f"--languages: 1 to {len(SITE_LANGUAGES)} ({', '.join(SITE_LANGUAGES)})")
    mode = next((m for m in ("baseline", "scaling", "large") if getattr(args, m)), "single")
    run = {"baseline": baseline, "scaling": scaling, "large": large, "single": single}[mode]
    if args.keep is not None:
        if args.keep.exists():
            raise SystemExit(f"{args.keep} exists; --keep needs a new folder")
        results = run(args, args.keep.resolve())
    else:
        with tempfile.TemporaryDirectory(prefix="interlex-site-") as tmp:
            results = run(args, Path(tmp))
    report(mode, results, args.json)
    if args.profile is not None and not args.json:
        print_profile(args.profile)


if __name__ == "__main__":
    main()
