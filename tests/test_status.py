from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, write
from tooling.cli import status as status_cli
from tooling.project import load_project
from tooling.status import translation_status


def _stale_and_missing(root: Path) -> None:
    concept = root / "glossary" / "red-teaming.yaml"
    concept.write_text(concept.read_text().replace("adversaries", "attackers"))
    write(root / "content" / "en" / "guide.md", "---\ntitle: Guide\n---\n\n# Guide\n")


def test_status_json_counts_every_state(project: Callable[[str], Path],
                                        cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _stale_and_missing(root)
    run = cli("-C", root, "status", "--format", "json")
    assert run.code == 0
    assert run.json() == {"source": "en", "languages": [{
        "lang": "fr", "name": "Français", "required": True,
        "concepts": {"approved": 0, "reviewed": 0, "draft": 1, "stale": 1, "missing": 0,
                     "total": 2},
        "documents": {"approved": 0, "reviewed": 0, "draft": 1, "stale": 0, "missing": 1,
                      "total": 2},
        "todo": [
            {"kind": "concept", "item": "red-teaming", "state": "stale",
             "path": "locales/fr/glossary.yaml"},
            {"kind": "document", "item": "guide.md", "state": "missing",
             "path": "content/fr/guide.md"},
        ]}]}


def test_status_text_and_markdown(project: Callable[[str], Path],
                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    assert cli("-C", root, "status").out == (
        "Translation status (source language: en)\n\n"
        "fr  Français (required)\n"
        "  concepts     2: 0 approved, 1 reviewed, 1 draft, 0 stale, 0 missing\n"
        "  documents    1: 0 approved, 0 reviewed, 1 draft, 0 stale, 0 missing\n"
        "  next: nothing stale or missing; 2 draft(s) await review\n")
    assert cli("-C", root, "status", "--format", "markdown").out.splitlines()[2] == (
        "| Français (`fr`) | yes | 0 | 1 | 1 | 0 | 0 | 0 | 0 | 1 | 0 | 0 |")
    _stale_and_missing(root)
    for n in range(12):
        write(root / "content" / "en" / f"more-{n:02}.md", f"# More {n}\n")
    text = cli("-C", root, "status").out
    assert "  next (14):\n    stale    concept   red-teaming" in text
    assert text.endswith("    ... and 4 more (--format json lists all)\n")


def test_status_of_a_fully_approved_language(project: Callable[[str], Path],
                                             cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().replace("review: draft", "review: approved")
                      .replace("status: reviewed", "status: approved"))
    page = root / "content" / "fr" / "index.md"
    page.write_text(page.read_text().replace("review: draft", "review: {status: approved}"))
    assert cli("-C", root, "status").out.endswith("  next: nothing to do\n")


def test_status_rejects_unknown_languages(project: Callable[[str], Path],
                                          cli: Callable[..., Run]) -> None:
    run = cli("-C", project("minimal"), "status", "--lang", "xx")
    assert (run.code, run.err) == (2, "interlex: error: not a translation language: xx; the "
                                      "languages are fr (see mkdocs.yml)\n")


def test_progress_bar_draws_and_clears(capsys: pytest.CaptureFixture[str]) -> None:
    status_cli._progress(1, 4)
    status_cli._progress(4, 4)
    err = capsys.readouterr().err
    assert err.startswith("\r[#######.......................] 1/4\r[###")
    assert err.endswith("\r" + " " * 54 + "\r")


def test_progress_is_reported_per_language(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "locales" / "fr" / "glossary.yaml").unlink()
    calls: list[tuple[int, int]] = []
    report = translation_status(load_project(root), progress=lambda d, t: calls.append((d, t)))
    assert calls == [(2, 3), (3, 3)]
    assert report.languages[0].concepts.missing == 2
    assert [t.item for t in report.languages[0].todo] == ["evaluation", "red-teaming"]


def test_a_short_todo_list_is_shown_whole(project: Callable[[str], Path],
                                          cli: Callable[..., Run]) -> None:
    root = project("minimal")
    (root / "content" / "fr" / "index.md").unlink()
    assert cli("-C", root, "status").out.endswith(
        "  next (1):\n    missing  document  index.md                                 "
        "content/fr/index.md\n")


def test_an_unreadable_translation_counts_as_missing(project: Callable[[str], Path],
                                                     cli: Callable[..., Run]) -> None:
    root = project("minimal")
    (root / "content" / "fr" / "index.md").write_bytes(b"\xff")
    documents = cli("-C", root, "status", "--format", "json").json()["languages"][0]["documents"]
    assert documents["missing"] == 1
