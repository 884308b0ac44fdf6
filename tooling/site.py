"""Build and serve the site by running MkDocs in a child process.

The core does not import mkdocs: it runs `python -m mkdocs` from the same
environment, so the site is built exactly as `mkdocs build` would build it.
"""

from __future__ import annotations

import subprocess
import sys
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


def run(command: list[str], project: Project) -> int:
    """Run MkDocs in the project folder and pass on its exit code."""
    return subprocess.run(command, cwd=project.root, check=False).returncode
