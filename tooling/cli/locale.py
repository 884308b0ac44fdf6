"""`interlex locale add L`: a new language, everywhere it must appear."""

from __future__ import annotations

import argparse
from typing import Any

from tooling.locale_add import add_locale
from tooling.project import Project


def register(commands: Any) -> None:
    parser = commands.add_parser("locale", help="manage the languages of the project")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="scaffold a new language (mkdocs.yml, locales/, "
                                         "content/)")
    add.add_argument("code", metavar="L", help="a locale code such as it, pt_BR or zh_Hant")
    add.set_defaults(run=run_add)


def run_add(args: argparse.Namespace, project: Project) -> int:
    for path in add_locale(project, args.code):
        print(f"{path}: written")
    return 0
