"""`interlex export tbx|csv|json|skos`: the glossary for CAT tools, spreadsheets and the web."""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path
from typing import Any

from tooling.errors import InterlexError
from tooling.export import WRITERS, check_languages
from tooling.fileio import write_atomic
from tooling.glossary import load_glossary
from tooling.project import Project


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "export", help="export the glossary as TBX-Basic, CSV, JSON or SKOS",
        description="Write the glossary (every language, or those given) as TBX-Basic (ISO "
        "30042, DCA), CSV (one row per term), JSON or SKOS JSON-LD.")
    parser.add_argument("format", choices=sorted(WRITERS))
    parser.add_argument("--lang", action="append", default=[], metavar="L",
                        help="only this language (repeatable; default: all)")
    parser.add_argument("-o", "--output", type=Path, metavar="FILE",
                        help="write to FILE (atomically) instead of standard output")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace, project: Project) -> int:
    check_languages(project, args.lang)
    loaded = load_glossary(project)
    unreadable = [f for f in loaded.findings if f.rule == "yaml-syntax"]
    if unreadable:
        first = unreadable[0]
        raise InterlexError(f"{first.path}:{first.span.line}:{first.span.column}: "
                            f"{first.message}; fix the glossary before exporting "
                            f"({len(unreadable)} unreadable file(s); see `interlex check`)")
    buffer = io.StringIO(newline="")
    WRITERS[args.format](project, loaded.glossary, args.lang, buffer)
    if args.output is None:
        sys.stdout.write(buffer.getvalue())
    else:
        write_atomic(args.output, buffer.getvalue())
    return 0
