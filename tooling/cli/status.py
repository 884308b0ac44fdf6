"""`interlex status`: translation coverage and staleness per language."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tooling.history import source_diff
from tooling.project import Project
from tooling.status import translation_status
from tooling.status_report import WRITERS


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "status", help="translation coverage and staleness per language",
        description="Per language: concepts and documents approved, reviewed, draft, stale "
        "and missing, and what to do next.")
    parser.add_argument("--lang", action="append", default=[], metavar="L",
                        help="only this language (repeatable)")
    parser.add_argument("--format", choices=sorted(WRITERS), default="text",
                        help="output format (default: text)")
    parser.add_argument("--diff", type=Path, metavar="PATH",
                        help="show what changed in the source of this translated document "
                             "since it was translated (from git history)")
    parser.set_defaults(run=run)


def _progress(done: int, total: int) -> None:
    width = 30
    filled = width * done // max(total, 1)
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}")
    if done >= total:
        sys.stderr.write("\r" + " " * (width + 24) + "\r")
    sys.stderr.flush()


def run(args: argparse.Namespace, project: Project) -> int:
    if args.diff:
        sys.stdout.write(source_diff(project, args.diff) or "the source has not changed\n")
        return 0
    progress = _progress if sys.stderr.isatty() else None
    report = translation_status(project, args.lang, progress)
    WRITERS[args.format](report, sys.stdout)
    return 0
