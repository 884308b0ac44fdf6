"""`interlex term new ID` and `interlex term show ID`."""

from __future__ import annotations

import argparse
from typing import Any

from tooling.project import Project
from tooling.terms_cmd import new_concept, show_concept


def register(commands: Any) -> None:
    parser = commands.add_parser("term", help="scaffold a concept, or show one in every language")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    new = actions.add_parser("new", help="write glossary/ID.yaml from the template")
    new.add_argument("id", metavar="ID")
    new.add_argument("--domain", default="", help="a domain id from glossary/domains.yaml")
    new.add_argument("--term", help="the preferred English term (default: the id in words)")
    new.set_defaults(run=run_new)
    show = actions.add_parser("show", help="the concept in every language, side by side")
    show.add_argument("id", metavar="ID")
    show.set_defaults(run=run_show)


def run_new(args: argparse.Namespace, project: Project) -> int:
    path = new_concept(project, args.id, args.domain, args.term)
    print(f"{path.relative_to(project.root)}: written; fill in the domain, sources and "
          "definition, then run `interlex check`")
    return 0


def run_show(args: argparse.Namespace, project: Project) -> int:
    for view in show_concept(project, args.id):
        review = f", {view.entry.review.status}" if view.entry and view.entry.review else ""
        print(f"{view.lang}  {view.name} ({view.state}{review})")
        if view.entry is None:
            print("    (no translation yet)")
            continue
        for term in view.entry.terms:
            print(f"    {term.status or '?':<11} {term.text}")
        if view.entry.definition:
            print(f"    definition: {view.entry.definition}")
    return 0
