from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run


def test_term_new_scaffolds_a_concept_the_check_then_guides(project: Callable[[str], Path],
                                                            cli: Callable[..., Run]) -> None:
    root = project("minimal")
    run = cli("-C", root, "term", "new", "model-card", "--domain", "testing-evaluation")
    assert run.out == ("glossary/model-card.yaml: written; fill in the domain, sources and "
                       "definition, then run `interlex check`\n")
    text = (root / "glossary" / "model-card.yaml").read_text()
    assert text.startswith("# yaml-language-server: $schema=../tooling/schemas/concept.schema"
                           ".json\nid: model-card\nstatus: draft\ndomain: testing-evaluation\n"
                           'since: "2025.1"\n')
    assert "  - term: model card\n" in text
    findings = cli("-C", root, "check", "--format", "json").json()["findings"]
    assert sorted((f["rule"], f["message"]) for f in findings
                  if f["path"] == "glossary/model-card.yaml" and f["rule"] == "schema") == [
        ("schema", "definition: must not be empty"),
        ("schema", "sources[0].title: must not be empty"),
        ("schema", "sources[0].url: 'https://' is not a web address: use a full http:// or "
                   "https:// URL")]


def test_term_new_refuses_bad_or_taken_ids(project: Callable[[str], Path],
                                           cli: Callable[..., Run]) -> None:
    root = project("minimal")
    assert cli("-C", root, "term", "new", "Red_Team").err == (
        "interlex: error: 'Red_Team' is not a concept id: use lowercase ASCII words joined "
        "by '-'\n")
    assert cli("-C", root, "term", "new", "evaluation").err == (
        "interlex: error: glossary/evaluation.yaml already exists; ids are never reused\n")


def test_term_show_puts_every_language_side_by_side(project: Callable[[str], Path],
                                                    cli: Callable[..., Run]) -> None:
    root = project("minimal")
    concept = root / "glossary" / "red-teaming.yaml"
    concept.write_text(concept.read_text().replace("adversaries", "attackers"))
    assert cli("-C", root, "term", "show", "red-teaming").out == (
        "en  English (source)\n    preferred   red teaming\n"
        "    definition: Structured probing of an AI system by people acting as attackers, to "
        "find failures.\n"
        "fr  Français (stale, reviewed)\n    preferred   red teaming\n"
        "    admitted    équipe rouge\n"
        "    definition: Mise à l'épreuve structurée d'un système d'IA par des personnes jouant "
        "l'adversaire.\n")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().split("red-teaming:")[0])
    assert cli("-C", root, "term", "show", "red-teaming").out.endswith(
        "fr  Français (missing)\n    (no translation yet)\n")
    assert cli("-C", root, "term", "show", "evaluation").out.splitlines()[4] == (
        "fr  Français (current, draft)")
    assert cli("-C", root, "term", "show", "nope").err == (
        "interlex: error: no such concept: nope\n")


def test_term_show_without_definitions(project: Callable[[str], Path],
                                       cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    text = locale.read_text()
    start = text.index("  definition: >-\n    Mesure")
    locale.write_text(text[:start] + text[text.index("  review: draft"):])
    assert cli("-C", root, "term", "show", "evaluation").out.endswith(
        "fr  Français (current, draft)\n    preferred   évaluation\n")
