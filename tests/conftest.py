"""Shared helpers: fixture projects are always copied into a tmp dir before use."""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tooling.cli import main

DATA = Path(__file__).parent / "data"
REPO = Path(__file__).parent.parent


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str

    def json(self) -> Any:
        return json.loads(self.out)


@pytest.fixture(autouse=True)
def _no_cache_in_the_repository(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests run without the cache, so none of them writes one into the repository;
    the cache has its own tests, which turn it back on in tmp projects."""
    monkeypatch.setenv("INTERLEX_NO_CACHE", "1")


@pytest.fixture
def project(tmp_path: Path) -> Callable[[str], Path]:
    """Copy the fixture project tests/data/<name> into tmp and return its root."""

    def copy(name: str) -> Path:
        target = tmp_path / name
        shutil.copytree(DATA / name, target)
        return target

    return copy


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str]) -> Callable[..., Run]:
    """Run `interlex ARGS...` in-process and capture what it prints."""

    def run(*args: str | Path) -> Run:
        code = main([str(arg) for arg in args])
        captured = capsys.readouterr()
        return Run(code, captured.out, captured.err)

    return run


def git(root: Path, *args: str) -> None:
    """Run git in a test repository, with an identity so that commits work anywhere."""
    subprocess.run(["git", "-C", str(root), "-c", "user.name=t", "-c", "user.email=t@t", *args],
                   check=True, capture_output=True)


def copy_repository(target: Path, *, content: bool = True) -> Path:
    """The repository's own project (configuration, glossary, locales and, unless told
    otherwise, content) copied to `target`, so a test can build or write into it."""
    target.mkdir(parents=True)
    shutil.copy(REPO / "mkdocs.yml", target)
    for folder in ("glossary", "locales"):
        shutil.copytree(REPO / folder, target / folder)
    if not content:
        (target / "content").mkdir()
        return target
    # Generated glossary pages, if a local build left some, are not part of the project.
    shutil.copytree(REPO / "content", target / "content",
                    ignore=lambda folder, names: ["glossary"] if Path(folder).parent.name ==
                    "content" else [])
    return target


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
