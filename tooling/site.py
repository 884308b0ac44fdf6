"""Build and serve the site by running MkDocs in a child process.

The core does not import mkdocs: it runs `python -m mkdocs` from the same
environment, so the site is built exactly as `mkdocs build` would build it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from tooling.glossary import GLOSSARY_DIR, LOCALES_DIR
from tooling.project import CONFIG_FILE, Project


def build_command(project: Project, site_dir: Path | None, strict: bool) -> list[str]:
    command = [sys.executable, "-m", "mkdocs", "build", "--config-file",
               str(project.root / CONFIG_FILE)]
    if site_dir is not None:
        command += ["--site-dir", str(site_dir.resolve())]
    if strict:
        command.append("--strict")
    return command


def serve_command(project: Project, address: str) -> list[str]:
    # Glossary and locale edits must reload the page too, not only content/.
    return [sys.executable, "-m", "mkdocs", "serve", "--config-file",
            str(project.root / CONFIG_FILE), "--dev-addr", address,
            "--watch", str(project.root / GLOSSARY_DIR),
            "--watch", str(project.root / LOCALES_DIR)]


DEFAULT_SITE_DIR = "site"
CHECKED_VARIABLE = "INTERLEX_CHECKED"
"""Set for MkDocs when `interlex build` has just checked: the plugin need not again."""


def _environment(checked: bool = False) -> dict[str, str]:
    # Material prints a banner about MkDocs 2 on every build; it is noise here.
    extra = {CHECKED_VARIABLE: "1"} if checked else {}
    return {**os.environ, "NO_MKDOCS_2_WARNING": "1", **extra}


def run(command: list[str], project: Project, checked: bool = False) -> int:
    """Run MkDocs in the project folder and pass on its exit code."""
    return subprocess.run(command, cwd=project.root, env=_environment(checked),
                          check=False).returncode


def build(project: Project, site_dir: Path | None, strict: bool, checked: bool = False) -> int:
    """Build into a new folder beside the site, and put it in the site's place only when
    the build succeeded: a failed build leaves the previous site as it was."""
    target = (site_dir or project.root / DEFAULT_SITE_DIR).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}-building-", dir=target.parent))
    try:
        code = run(build_command(project, staging, strict), project, checked)
        if code == 0:
            _swap(staging, target)
        return code
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _swap(new: Path, target: Path) -> None:
    old = target.with_name(f".{target.name}-previous")
    shutil.rmtree(old, ignore_errors=True)
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        if old.exists():
            old.rename(target)  # the previous site, back in its place
        raise
    shutil.rmtree(old, ignore_errors=True)


def replace_process(command: list[str], project: Project) -> None:
    """Become MkDocs: a long-running server then gets signals (Ctrl-C, SIGTERM) directly."""
    os.chdir(project.root)
    os.execve(command[0], command, _environment())
