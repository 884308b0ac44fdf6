from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import write
from tooling.corpus import Matchers
from tooling.glossary import load_glossary
from tooling.project import load_project
from tooling.sitegen.termlinks import TermLink, link_terms


def _link(concept: str) -> TermLink | None:
    return None if concept == "red-teaming" else TermLink(concept, f"{concept}/", 'a "b" <c>')


def _matcher(project: Callable[[str], Path], extra: str = "") -> Matchers:
    root = project("minimal")
    concept = root / "glossary" / "evaluation.yaml"
    write(concept, concept.read_text("utf-8") + extra)
    return Matchers.of(load_glossary(load_project(root)).glossary, "en")


def test_first_plain_use_is_linked_with_escaped_attributes(
        project: Callable[[str], Path]) -> None:
    matcher = _matcher(project).get("en")
    text = ("# An evaluation\n\nThe **evalu**ation, [an evaluation](x.md), `evaluation`,\n"
            "evaluation &amp; an evaluation.\n\n- evaluations too\n")
    assert link_terms(text, matcher, _link) == (
        "# An evaluation\n\nThe **evalu**ation, [an evaluation](x.md), `evaluation`,\n"
        '<a href="evaluation/" class="interlex-term" title="a &quot;b&quot; &lt;c&gt;" '
        'data-concept="evaluation">evaluation</a> &amp; an evaluation.\n\n- evaluations too\n')


def test_concepts_without_a_page_and_deprecated_terms_are_not_linked(
        project: Callable[[str], Path]) -> None:
    matcher = _matcher(project, "  - term: assessment\n    status: deprecated\n").get("en")
    text = "Red teaming, an assessment.\n"
    assert link_terms(text, matcher, _link) == text


def test_terms_with_an_invalid_status_are_not_linked(project: Callable[[str], Path]) -> None:
    matcher = _matcher(project, "  - term: appraisal\n    status: bogus\n").get("en")
    assert link_terms("An appraisal.\n", matcher, _link) == "An appraisal.\n"
