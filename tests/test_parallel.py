"""The worker pools give the same findings as a single process (they run for real here)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tooling import corpus, glossary
from tooling.check import run_check
from tooling.project import load_project


def test_parallel_and_serial_checks_agree(project: Callable[[str], Path],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    root = project("docs-project")
    serial = run_check(load_project(root))
    monkeypatch.setattr(corpus, "PARALLEL_FROM", 1)
    monkeypatch.setattr(glossary, "PARALLEL_FROM", 1)
    monkeypatch.setattr(corpus.os, "cpu_count", lambda: 2)
    parallel = run_check(load_project(root))
    assert parallel.findings == serial.findings
    assert parallel.edits == serial.edits
    assert len(serial.findings) > 10


def test_a_changed_document_analysed_in_the_background_agrees(
        project: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERLEX_NO_CACHE")
    root = project("docs-project")
    run_check(load_project(root))  # the cache, written
    page = root / "content" / "fr" / "guide.md"
    page.write_text(page.read_text("utf-8") + "\nUne phrase de plus.\n", "utf-8")
    monkeypatch.setenv("INTERLEX_NO_CACHE", "1")
    serial = run_check(load_project(root))
    monkeypatch.delenv("INTERLEX_NO_CACHE")
    monkeypatch.setattr(corpus, "BACKGROUND_FROM", 1)
    monkeypatch.setattr(corpus.os, "cpu_count", lambda: 2)
    background = run_check(load_project(root))
    assert background.findings == serial.findings
    assert any(f.path == "content/fr/guide.md" for f in serial.findings)
