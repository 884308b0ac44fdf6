"""`interlex build` and `interlex serve`: the site, through MkDocs."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tooling import site
from tooling.project import Project


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
    return site.run(site.build_command(project, args.site_dir, args.strict), project)


def run_serve(args: argparse.Namespace, project: Project) -> int:
    site.replace_process(site.serve_command(project, args.dev_addr), project)
    return 0  # pragma: no cover - the process has become MkDocs
