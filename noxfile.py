"""Every developer task as a nox session; CI (.ci/run) runs the same sessions.

    nox -s serve      live preview of the site at http://127.0.0.1:8000/
    nox -s site       build the site into site/ (strict)
    nox -s tests      the test suite with branch coverage
    nox -s lint       ruff
    nox -s typecheck  mypy
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"


E2E = Path(__file__).parent / "tests" / "e2e"


@nox.session
def tests(session: nox.Session) -> None:
    """Run the tests with branch coverage of the `tooling` package; the browser tests
    (tests/e2e) need Debian's chromium and axe-core, which npm installs here."""
    session.install("-e", ".[test]")
    _install_axe(session)
    session.run("pytest", "--cov", "--cov-report=term-missing", *session.posargs)


def _install_axe(session: nox.Session) -> None:
    """axe-core at the version tests/e2e/package-lock.json pins, into tests/e2e/node_modules."""
    pinned = json.loads((E2E / "package.json").read_text("utf-8"))["dependencies"]["axe-core"]
    installed = E2E / "node_modules" / "axe-core" / "package.json"
    if installed.is_file() and json.loads(installed.read_text("utf-8"))["version"] == pinned:
        return
    if shutil.which("npm") is None:
        session.error("npm is needed to install axe-core for the accessibility tests: "
                      "sudo apt-get install -y npm (.ci/run does)")
    session.run("npm", "ci", "--prefix", str(E2E), "--no-audit", "--no-fund", "--loglevel=error",
                external=True)


@nox.session
def lint(session: nox.Session) -> None:
    session.install("-e", ".[lint]")
    session.run("ruff", "check", "tooling", "tests", "benchmarks", "noxfile.py")


@nox.session
def typecheck(session: nox.Session) -> None:
    session.install("-e", ".[typecheck]")
    session.run("mypy")


@nox.session
def site(session: nox.Session) -> None:
    """Build the site into site/, failing on any warning."""
    session.install("-e", ".")
    session.run("interlex", "build", *session.posargs)


@nox.session
def serve(session: nox.Session) -> None:
    """Build and serve the site with live reload on content, glossary and locale edits."""
    session.install("-e", ".")
    session.run("interlex", "serve", *session.posargs)
