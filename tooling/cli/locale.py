"""`interlex locale add L` (a new language, everywhere it must appear) and
`interlex locale messages` (the interface catalogs, updated from the code)."""

from __future__ import annotations

import argparse
from typing import Any

from tooling.locale_add import add_locale
from tooling.project import Project
from tooling.sitegen.messages import update_catalogs


def register(commands: Any) -> None:
    parser = commands.add_parser("locale", help="manage the languages of the project")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="scaffold a new language (mkdocs.yml, locales/, "
                                         "content/)")
    add.add_argument("code", metavar="L", help="a locale code such as it, pt_BR or zh_Hant")
    add.set_defaults(run=run_add)
    messages = actions.add_parser(
        "messages", help="extract the interface strings and update every messages.po",
        description="Extract the translatable strings of the site's templates and generated "
        "pages into locales/messages.pot, and update each language's locales/<lang>/"
        "messages.po from it (new strings untranslated, changed ones fuzzy).")
    messages.set_defaults(run=run_messages)


def run_add(args: argparse.Namespace, project: Project) -> int:
    for line in add_locale(project, args.code):
        print(line)
    return 0


def run_messages(args: argparse.Namespace, project: Project) -> int:
    changed = update_catalogs(project)
    for path in changed:
        print(f"{path}: updated")
    if not changed:
        print("catalogs are up to date")
    return 0
