"""`interlex import csv|tbx FILE --lang L [--dry-run] [--force]`: merge a translator's file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tooling.import_csv import import_csv
from tooling.import_merge import ImportResult
from tooling.import_tbx import import_tbx
from tooling.project import Project

IMPORTERS = {"csv": import_csv, "tbx": import_tbx}
EXIT_CONFLICT = 1


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="merge a translator's CSV or TBX into locales/L/glossary.yaml",
        description="Merge the entries of one language from a CSV or TBX-Basic file (as "
        "`interlex export` writes them, or a CAT tool's TBX) into that language's locale "
        "file; unchanged entries stay as they are. An entry changed both in the file and in "
        "the repository since the export is a conflict: then nothing is written.")
    parser.add_argument("format", choices=sorted(IMPORTERS))
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--lang", required=True, metavar="L", help="the language to import")
    parser.add_argument("--dry-run", action="store_true",
                        help="show the change as a diff and write nothing")
    parser.add_argument("--force", action="store_true",
                        help="on a conflict, replace the repository's entry with the file's")
    parser.set_defaults(run=run)


def _summary(result: ImportResult, dry_run: bool) -> str:
    line = (f"{result.path}: {len(result.added)} added, {len(result.changed)} changed, "
            f"{result.unchanged} unchanged")
    if result.kept:
        line += f", {len(result.kept)} kept (changed in the repository since the export)"
    if result.conflicts:
        line += f", {len(result.conflicts)} in conflict"
    if dry_run:
        return line + " (dry run: nothing written)"
    return line + (" (nothing written)" if result.conflicts else "")


def run(args: argparse.Namespace, project: Project) -> int:
    result = IMPORTERS[args.format](project, args.file, args.lang, dry_run=args.dry_run,
                                    force=args.force)
    if args.dry_run:
        sys.stdout.write(result.diff)
    for conflict in result.conflicts:
        print(conflict, file=sys.stderr)
    print(_summary(result, args.dry_run), file=sys.stderr)
    return EXIT_CONFLICT if result.conflicts else 0
