"""The glossary's half of the check, cached as a whole."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tooling.glossary_check import GlossaryStage
from tooling.project import load_project


def test_a_project_without_content_is_checked_and_cached(project: Callable[[str], Path],
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    monkeypatch.delenv("INTERLEX_NO_CACHE")
    root = project("docs-project")
    shutil.rmtree(root / "content")
    first = GlossaryStage(load_project(root))
    findings = first.findings()
    again = GlossaryStage(load_project(root))
    assert again.cached is not None and again.findings() == findings
    assert {f.rule for f in findings} >= {"missing-translation"}
    (root / "glossary" / "evaluation.yaml").write_text("id: evaluation\n", "utf-8")
    assert GlossaryStage(load_project(root)).cached is None  # a glossary file changed
