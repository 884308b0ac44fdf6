"""`interlex check [PATH...]`: report every problem, then fail."""

from __future__ import annotations

import argparse
import gc
import os
import sys
from pathlib import Path
from typing import Any

from tooling.check import changed_since, relative_paths, run_check
from tooling.fix import apply_fixes, diff
from tooling.project import Project
from tooling.report import FORMATS, text


def register(commands: Any) -> None:
    parser = commands.add_parser("check", help="check the glossary and report every problem",
                                 description="Check the glossary and locale files; report "
                                 "every problem, then exit 1 if any is an error.")
    parser.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                        help="report only findings in these files or folders")
    parser.add_argument("--format", choices=sorted(FORMATS), default="text",
                        help="output format (default: text)")
    parser.add_argument("--strict", action="store_true", help="fail on warnings too")
    parser.add_argument("--fix", action="store_true",
                        help="replace deprecated terms in documents by their preferred term "
                             "where that is unambiguous, then report what remains")
    parser.add_argument("--diff", action="store_true",
                        help="show the changes --fix would make, and change nothing")
    parser.add_argument("--changed-since", metavar="REV",
                        help="report only findings in files changed since the git revision REV")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    # One short-lived process that builds a large heap of long-lived records (a warm
    # re-run reads tens of thousands from the cache) and exits: the cycle collector
    # would only walk that heap again and again, and slowed such a run down by half.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _check(args, project)
    finally:
        if collecting:
            gc.enable()


def _check(args: argparse.Namespace, project: Project) -> int:
    only = relative_paths(project, args.paths)
    changed = changed_since(project, args.changed_since) if args.changed_since else None
    result = run_check(project, only=only, changed=changed, fixes=args.fix or args.diff)
    if args.diff:
        sys.stdout.write(diff(project.root, result.edits))
        return 1 if result.edits else 0
    if args.fix and result.edits:
        for path in apply_fixes(project.root, result.edits):
            print(f"{path}: fixed", file=sys.stderr)
        result = run_check(project, only=only, changed=changed)
    if args.format == "text":
        colour = sys.stdout.isatty() and "NO_COLOR" not in os.environ
        text.write(result, sys.stdout, colour=colour)
    else:
        FORMATS[args.format](result, sys.stdout)
    return 1 if result.summary.fails(strict=args.strict) else 0
