"""`interlex import csv FILE --lang L [--dry-run]`: merge a translator's file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from tooling.import_csv import import_csv
from tooling.project import Project


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "import", help="merge a translator's CSV into locales/L/glossary.yaml",
        description="Merge the rows of one language from a CSV (as `interlex export csv` "
        "writes it) into that language's locale file; unchanged entries stay as they are.")
    parser.add_argument("format", choices=["csv"])
    parser.add_argument("file", type=Path, metavar="FILE")
    parser.add_argument("--lang", required=True, metavar="L", help="the language to import")
    parser.add_argument("--dry-run", action="store_true",
                        help="show the change as a diff and write nothing")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    result = import_csv(project, args.file, args.lang, dry_run=args.dry_run)
    if args.dry_run:
        sys.stdout.write(result.diff)
    print(f"{result.path}: {len(result.added)} added, {len(result.changed)} changed, "
          f"{result.unchanged} unchanged" + (" (dry run: nothing written)" if args.dry_run
                                             else ""), file=sys.stderr)
    return 0
