from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, git


def test_status_diff_shows_the_source_change_since_translation(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first")
    page = root / "content" / "en" / "index.md"
    page.write_text(page.read_text().replace("An evaluation example.", "Two evaluation examples."))
    git(root, "commit", "-qam", "second")
    run = cli("-C", root, "status", "--diff", root / "content" / "fr" / "index.md")
    assert run.code == 0
    lines = run.out.splitlines()
    assert lines[0].startswith("--- content/en/index.md@")
    assert lines[1:] == ["+++ content/en/index.md", "@@ -4,4 +4,4 @@", " ", " # Home", " ",
                         "-An evaluation example.", "+Two evaluation examples."]


def test_status_diff_when_nothing_changed(project: Callable[[str], Path],
                                          cli: Callable[..., Run]) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first")
    run = cli("-C", root, "status", "--diff", root / "content" / "fr" / "index.md")
    assert run.out == "the source has not changed\n"


def test_status_diff_errors(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    not_git = cli("-C", root, "status", "--diff", root / "content" / "fr" / "index.md")
    assert not_git.code == 2 and not_git.err.startswith("interlex: error: git log failed: ")
    source = cli("-C", root, "status", "--diff", root / "content" / "en" / "index.md")
    assert source.err == ("interlex: error: content/en/index.md: not a translated document; "
                          "give a path such as content/fr/guidance/x.md\n")
    page = root / "content" / "fr" / "index.md"
    page.write_text(page.read_text().replace("source_hash", "old_hash"))
    unpinned = cli("-C", root, "status", "--diff", page)
    assert unpinned.err == ("interlex: error: content/fr/index.md records no source_hash, so "
                            "the version it was translated from is unknown\n")
    page.write_text(page.read_text().replace("old_hash: ", "source_hash: 0"))
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "first")
    unknown = cli("-C", root, "status", "--diff", page)
    assert unknown.err.startswith("interlex: error: no committed version of "
                                  "content/en/index.md has the hash 0")


def test_status_diff_withoutgit(project: Callable[[str], Path], cli: Callable[..., Run],
                                 monkeypatch: pytest.MonkeyPatch) -> None:
    root = project("minimal")
    monkeypatch.setenv("PATH", str(root))
    run = cli("-C", root, "status", "--diff", root / "content" / "fr" / "index.md")
    assert run.err == "interlex: error: git is not installed; `status --diff` needs it\n"
