"""`interlex translations pin`: mark translations as made from the current source."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from tooling.errors import InterlexError
from tooling.pin import pin_translations
from tooling.pin_documents import pin_documents
from tooling.project import Project


def register(commands: Any) -> None:
    parser = commands.add_parser("translations", help="manage translations of the glossary")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    pin = actions.add_parser(
        "pin", help="record the current source hash after an editorial source change",
        description="Set source_hash of locale entries to the current hash of their source "
        "entry, so an editorial change (typo, link) does not make them stale.")
    pin.add_argument("items", nargs="*", metavar="CONCEPT|DOCUMENT",
                     help="concept ids, or source documents as paths within content/<source>/ "
                          "(such as guidance/x.md)")
    pin.add_argument("--all", action="store_true", help="pin every concept and document")
    pin.add_argument("--lang", action="append", default=[], metavar="L",
                     help="only this language (repeatable; default: every translation)")
    pin.set_defaults(run=run_pin)


def run_pin(args: argparse.Namespace, project: Project) -> int:
    if args.all == bool(args.items):
        raise InterlexError("name the concepts or documents to pin, or pass --all (not both)")
    documents = [item for item in args.items if item.endswith(".md")]
    concepts = [item for item in args.items if not item.endswith(".md")]
    results = (pin_translations(project, args.lang, None if args.all else concepts)
               if args.all or concepts else [])
    pinned_docs = (pin_documents(project, args.lang, None if args.all else documents)
                   if args.all or documents else [])
    for result in results:
        print(f"{result.path}: pinned {len(result.concepts)} "
              f"entr{'y' if len(result.concepts) == 1 else 'ies'}: {', '.join(result.concepts)}")
    for docs in pinned_docs:
        for path in docs.paths:
            print(f"{path}: pinned")
    if not results and not pinned_docs:
        print("nothing to pin: every selected translation already matches its source",
              file=sys.stderr)
    return 0
