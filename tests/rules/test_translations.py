from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run


def test_an_entry_without_source_hash_is_reported(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    text = locale.read_text()
    first = text.index("  source_hash:")
    locale.write_text(text[:first] + text[text.index("\n", first) + 1:])
    findings = cli("-C", root, "check", "--format", "json").json()["findings"]
    assert [(f["line"], f["severity"], f["message"], f["suggestion"]) for f in findings] == [
        (3, "warning", "the fr entry of 'evaluation' has no source_hash, so its staleness is "
         "unknown; check it against the source, then run `interlex translations pin --lang fr "
         "evaluation`", findings[0]["suggestion"])]
    assert len(findings[0]["suggestion"]) == 16


def test_retired_concepts_need_no_translation(project: Callable[[str], Path],
                                              cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().split("red-teaming:")[0])
    concept = root / "glossary" / "red-teaming.yaml"
    assert cli("-C", root, "check", "--strict").code == 1
    concept.write_text(concept.read_text().replace("status: approved", "status: retired"))
    assert cli("-C", root, "check", "--strict").out == "0 errors, 0 warnings, 0 info\n"
