"""Where contributors already work: a pre-commit hook (run for real with
`pre-commit try-repo`) and GitHub Actions workflows that call commands that exist."""

from __future__ import annotations

import shlex
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from tests.conftest import REPO, git, write
from tooling.cli import build_parser


@pytest.fixture(scope="module")
def pre_commit_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("pre-commit-home")


def _try_repo(root: Path, home: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "pre_commit", "try-repo", str(REPO),
                           "interlex-check", "--all-files"], cwd=root, capture_output=True,
                          text=True, check=False, env={"PRE_COMMIT_HOME": str(home),
                                                       "PATH": "/usr/bin:/bin",
                                                       "HOME": str(home)})


def test_pre_commit_hook(project: Callable[[str], Path], pre_commit_home: Path) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    git(root, "add", "-A")
    git(root, "commit", "-qm", "glossary")
    clean = _try_repo(root, pre_commit_home)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    assert "interlex check" in clean.stdout and "Passed" in clean.stdout
    write(root / "glossary" / "broken.yaml", "id: [\n")
    git(root, "add", "-A")
    failed = _try_repo(root, pre_commit_home)
    assert failed.returncode == 1
    assert "Failed" in failed.stdout
    assert "glossary/broken.yaml:2:1: error yaml-syntax:" in failed.stdout


def _commands(workflow: str) -> list[list[str]]:
    data = yaml.safe_load((REPO / ".github" / "workflows" / workflow).read_text())
    steps = [step for job in data["jobs"].values() for step in job["steps"]]
    lines = [line.strip() for step in steps for line in str(step.get("run", "")).splitlines()]
    return [shlex.split(line)[1:] for line in lines if line.startswith("interlex ")]


def test_workflows_run_real_commands() -> None:
    pull_request = _commands("pull-request.yml")
    release = _commands("release.yml")
    assert [c[0] for c in pull_request] == ["check", "build"]
    assert [c[0] for c in release] == ["publish"]
    parser = build_parser()
    for command in pull_request + release:
        parser.parse_args(command)  # an unknown option would exit here
    assert pull_request[0][-2:] == ["--format", "github"]
