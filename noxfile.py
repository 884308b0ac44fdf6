"""Every developer task as a nox session; CI (.ci/run) runs the same sessions.

    nox -s serve      live preview of the site at http://127.0.0.1:8000/
    nox -s site       build the site into site/ (strict)
    nox -s tests      the test suite with branch coverage
    nox -s lint       ruff
    nox -s typecheck  mypy
"""

from __future__ import annotations

import nox

nox.options.sessions = ["tests", "lint", "typecheck"]
nox.options.reuse_existing_virtualenvs = True
nox.options.default_venv_backend = "venv"


@nox.session
def tests(session: nox.Session) -> None:
    """Run the tests with branch coverage of the `tooling` package."""
    session.install("-e", ".[test]")
    session.run("pytest", "--cov", "--cov-report=term-missing", *session.posargs)


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
