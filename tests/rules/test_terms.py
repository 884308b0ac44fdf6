from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, write

CONCEPT = """id: {id}
status: {status}
domain: testing-evaluation
since: "2025.1"
sources:
  - title: A source
definition: A definition.
terms:
{terms}"""


def _concept(root: Path, concept_id: str, terms: str, status: str = "approved") -> None:
    write(root / "glossary" / f"{concept_id}.yaml",
          CONCEPT.format(id=concept_id, status=status, terms=terms))


def _term_findings(cli: Callable[..., Run], root: Path) -> list[tuple[str, int, int, str, str]]:
    findings = cli("-C", root, "check", "--format", "json").json()["findings"]
    return [(f["path"], f["line"], f["column"], f["rule"], f["message"]) for f in findings
            if f["rule"] in ("term-collision", "term-conflict", "preferred-term")]


def test_a_term_listed_twice_in_one_entry(project: Callable[[str], Path],
                                          cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _concept(root, "agent", "  - {term: agent, status: preferred}\n"
                            "  - {term: AGENT, status: admitted}\n"
                            "  - {term: Agent, status: deprecated}\n")
    assert _term_findings(cli, root) == [
        ("glossary/agent.yaml", 9, 12, "term-conflict",
         "'agent' is allowed here but deprecated in the same entry (glossary/agent.yaml:11:12); "
         "a term cannot be both allowed and deprecated: change one status"),
        ("glossary/agent.yaml", 10, 12, "term-conflict",
         "'AGENT' is allowed here but deprecated in the same entry (glossary/agent.yaml:11:12); "
         "a term cannot be both allowed and deprecated: change one status"),
        ("glossary/agent.yaml", 10, 12, "term-conflict",
         "'AGENT' is listed twice in this entry (also at glossary/agent.yaml:9:12); remove one"),
        ("glossary/agent.yaml", 11, 12, "term-conflict",
         "'Agent' is deprecated here but admitted in the same entry (glossary/agent.yaml:10:12); "
         "a term cannot be both allowed and deprecated: change one status"),
        ("glossary/agent.yaml", 11, 12, "term-conflict",
         "'Agent' is deprecated here but preferred in the same entry (glossary/agent.yaml:9:12); "
         "a term cannot be both allowed and deprecated: change one status"),
    ]


def test_case_sensitive_terms_differ_by_case(project: Callable[[str], Path],
                                             cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _concept(root, "apple", "  - {term: SAFE, status: preferred, case_sensitive: true}\n")
    _concept(root, "safe", "  - {term: safe, status: preferred}\n")
    # Full-width letters: the same term once NFKC-folded.
    _concept(root, "safe-harbour",
             "  - {term: \uff33\uff21\uff26\uff25, status: preferred, case_sensitive: true}\n")
    assert _term_findings(cli, root) == [
        ("glossary/apple.yaml", 9, 12, "term-collision",
         "'SAFE' is also a term of concept 'safe-harbour' (glossary/safe-harbour.yaml:9:12) in "
         "en; a term names one concept: choose another term or deprecate one of them"),
        ("glossary/safe-harbour.yaml", 9, 12, "term-collision",
         "'\uff33\uff21\uff26\uff25' is also a term of concept 'apple' (glossary/apple.yaml:9:12) "
         "in en; a term names one concept: choose another term or deprecate one of them"),
    ]


def test_deprecated_twice_and_retired_concepts_do_not_collide(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _concept(root, "old-eval", "  - {term: evaluation, status: preferred}\n", status="retired")
    _concept(root, "vetting", "  - {term: vetting, status: preferred}\n"
                              "  - {term: test run, status: deprecated}\n")
    _concept(root, "trial", "  - {term: trial, status: preferred}\n"
                            "  - {term: test run, status: superseded}\n")
    assert _term_findings(cli, root) == []


def test_translations_are_compared_within_their_language(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().replace("- term: red teaming", "- term: évaluation"))
    findings = _term_findings(cli, root)
    assert [(path, line, rule) for path, line, _, rule, _ in findings] == [
        ("locales/fr/glossary.yaml", 5, "term-collision"),
        ("locales/fr/glossary.yaml", 13, "term-collision"),
    ]


def test_a_term_with_an_invalid_status_still_collides(project: Callable[[str], Path],
                                                      cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _concept(root, "assessment", "  - {term: assessment, status: prefered}\n"
                                 "  - {term: evaluation, status: admitted}\n"
                                 "  - status: admitted\n")
    assert [(path, line, rule) for path, line, _, rule, _ in _term_findings(cli, root)] == [
        ("glossary/assessment.yaml", 10, "term-collision"),
        ("glossary/evaluation.yaml", 13, "term-collision"),
    ]
