"""`interlex publish VERSION` (an edition, with mike) and `interlex changelog FROM TO`."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tooling.check import run_check
from tooling.editions import Changelog, compare, snapshot_at, snapshot_of, snapshot_published
from tooling.project import Project
from tooling.report import text


def register(commands: Any) -> None:
    publish = commands.add_parser(
        "publish", help="check, build and publish an edition of the site (with mike)",
        description="Check the glossary, build the site as edition VERSION and commit it to "
        "the site branch with mike (local unless --push). An edition, once published, never "
        "changes: publishing it again needs --force, and other editions are never touched.")
    publish.add_argument("version", metavar="VERSION", help="the edition, such as 2025.2")
    publish.add_argument("--title", help="the edition's title in the version selector")
    publish.add_argument("--alias", action="append", default=[], metavar="A",
                         help="an alias that moves to this edition, such as latest "
                              "(repeatable; the first also becomes the default)")
    publish.add_argument("--branch", default="gh-pages", help="the site branch (gh-pages)")
    publish.add_argument("--remote", default="origin", help="the remote for --push (origin)")
    publish.add_argument("--push", action="store_true", help="push the site branch")
    publish.add_argument("--force", action="store_true", help="rebuild an existing edition")
    publish.add_argument("--alias-type", choices=("symlink", "copy", "redirect"),
                         default="symlink", help="how aliases are stored (symlink)")
    publish.add_argument("--out", type=Path, metavar="DIR",
                         help="then also write every edition as plain files into DIR")
    publish.set_defaults(run=run_publish)
    changelog = commands.add_parser(
        "changelog", help="what changed in the glossary between two revisions or editions",
        description="List, per language, concepts added and retired, definitions changed and "
        "terms added, deprecated or superseded between FROM and TO: git revisions (tags, "
        "branches, commits), `edition:NAME` for a published edition, or `.` for the working "
        "tree.")
    changelog.add_argument("old", metavar="FROM")
    changelog.add_argument("new", metavar="TO")
    changelog.add_argument("--branch", default="gh-pages", help="the site branch of editions")
    changelog.add_argument("--format", choices=("text", "json"), default="text")
    changelog.set_defaults(run=run_changelog)


def run_publish(args: argparse.Namespace, project: Project) -> int:
    # mike imports MkDocs: loaded here, not on every interlex command.
    from tooling.publish import PublishRequest, export_site, publish  # noqa: PLC0415

    result = run_check(project)
    if result.summary.fails(strict=False):
        text.write(result, sys.stderr)
        print("interlex publish: not publishing a glossary with errors", file=sys.stderr)
        return 1
    request = PublishRequest(args.version, args.title, tuple(args.alias), args.branch,
                             args.remote, args.push, args.force, args.alias_type)
    for line in publish(project, request):
        print(line)
    if args.out:
        print(export_site(project, args.branch, args.out))
    return 0


def _snapshot(project: Project, which: str, branch: str) -> Any:
    if which == ".":
        return snapshot_of(project)
    if which.startswith("edition:"):
        return snapshot_published(project, branch, which.removeprefix("edition:"))
    return snapshot_at(project, which)


def run_changelog(args: argparse.Namespace, project: Project) -> int:
    old, new = _snapshot(project, args.old, args.branch), _snapshot(project, args.new, args.branch)
    changelog = compare(old, new, [lang.code for lang in project.languages], (args.old, args.new))
    if args.format == "json":
        json.dump(asdict(changelog), sys.stdout, ensure_ascii=False, indent=2)
        print()
    else:
        sys.stdout.write(changelog_text(changelog))
    return 0


def changelog_text(changelog: Changelog) -> str:
    lines = [f"Changes from {changelog.old} to {changelog.new}"]
    for changes in changelog.languages:
        lines.append(f"\n{changes.lang}:" + (" no changes" if changes.empty else ""))
        for label, items in (("added", changes.added), ("retired", changes.retired),
                             ("definition changed", changes.definition_changed)):
            lines += [f"  {label}: {item}" for item in items]
        for label, pairs in (("term added", changes.terms_added),
                             ("term deprecated", changes.deprecated),
                             ("term superseded", changes.superseded)):
            lines += [f"  {label}: {term} ({concept})" for concept, term in pairs]
    return "\n".join(lines) + "\n"

