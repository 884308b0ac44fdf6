from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run


def test_term_specs_that_fail_are_reported(project: Callable[[str], Path],
                                           cli: Callable[..., Run]) -> None:
    root = project("minimal")
    concept = root / "glossary" / "evaluation.yaml"
    concept.write_text(concept.read_text() + (
        "tests:\n  en:\n    match: [\"two evaluations\", \"an assessment\"]\n"
        "    no_match: [\"the eval harness\", \"reevaluation\", 7]\n"
        "  fr:\n    match: [\"l’évaluation\"]\n  xx:\n    match: [x]\n"))
    findings = [f for f in cli("-C", root, "check", "--format", "json").json()["findings"]
                if f["rule"] == "term-test"]
    assert [(f["line"], f["column"], f["message"]) for f in findings] == [
        (21, 32, "'an assessment' should contain a en term of 'evaluation', but none matches; "
                 "check its terms and forms"),
        (22, 16, "'the eval harness' should not contain a en term of 'evaluation', but 'eval' "
                 "matches"),
        (26, 13, "'xx' is not a language in mkdocs.yml"),
    ]
