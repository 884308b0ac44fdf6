"""`interlex build` and `interlex serve`: the site, through MkDocs."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from tooling import site
from tooling.check import run_check
from tooling.findings import Severity
from tooling.project import Project
from tooling.report import text


def register(commands: Any) -> None:
    build = commands.add_parser("build", help="build the site into site/",
                                description="Build the multilingual site with MkDocs.")
    build.add_argument("--site-dir", type=Path, metavar="DIR",
                       help="where to write the site (default: site/)")
    build.add_argument("--no-strict", dest="strict", action="store_false",
                       help="do not fail on MkDocs warnings")
    build.set_defaults(run=run_build)
    serve = commands.add_parser("serve", help="preview the site, reloading on every edit",
                                description="Serve a live preview that reloads on content, "
                                "glossary and locale edits.")
    serve.add_argument("--dev-addr", default="127.0.0.1:8000", metavar="HOST:PORT",
                       help="address to serve on (default: 127.0.0.1:8000)")
    serve.set_defaults(run=run_serve)


def run_build(args: argparse.Namespace, project: Project) -> int:
    result = run_check(project)
    if result.summary.fails(strict=False):
        errors = replace(result, findings=tuple(f for f in result.findings
                                                if f.severity is Severity.ERROR))
        text.write(errors, sys.stderr)
        print("interlex build: not building a site from a glossary with errors; fix them "
              "(`interlex check`) and build again", file=sys.stderr)
        return 1
    return site.build(project, args.site_dir, args.strict, checked=True)


def run_serve(args: argparse.Namespace, project: Project) -> int:
    site.replace_process(site.serve_command(project, args.dev_addr), project)
    return 0  # pragma: no cover - the process has become MkDocs
