"""Running git for the commands that need history (`--changed-since`, `status --diff`)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tooling.errors import InterlexError


def run_git(root: Path, *args: str, needed_by: str) -> str:
    """git's output (decoded leniently); a missing git or a failure is an InterlexError."""
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True,
                              check=False)
    except FileNotFoundError:
        raise InterlexError(f"git is not installed; {needed_by} needs it") from None
    if done.returncode != 0:
        problem = done.stderr.decode("utf-8", errors="replace").strip()
        raise InterlexError(f"git {args[0]} failed: {problem}; is this a git repository and "
                            "the revision right?")
    return done.stdout.decode("utf-8", errors="replace")
