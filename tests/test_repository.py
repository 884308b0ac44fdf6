"""The project's own glossary and content pass their own check (read-only)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.conftest import REPO, Run
from tooling.glossary import load_glossary
from tooling.model import ReviewStatus
from tooling.project import load_project


def test_repository_glossary_has_no_findings(cli: Callable[..., Run]) -> None:
    run = cli("-C", REPO, "check", "--format", "json", "--strict")
    assert run.json() == {"findings": [], "summary": {"error": 0, "warning": 0, "info": 0}}
    assert run.code == 0


def test_repository_glossary_is_real_and_marked_draft() -> None:
    project = load_project(REPO)
    glossary = load_glossary(project).glossary
    assert len(glossary.concepts) >= 15
    for concept in glossary.concepts.values():
        assert concept.sources and concept.entry.definition
        assert all(source.url and source.url.startswith("https://") for source in
                   concept.sources)
    for lang in ("fr", "ja"):
        entries = glossary.locales[lang].entries
        assert set(entries) == set(glossary.concepts)
        # Written without a human translator: every entry must say so.
        assert {entry.review.status for entry in entries.values() if entry.review} == {
            ReviewStatus.DRAFT}
        assert all(entry.review for entry in entries.values())


def test_every_yaml_file_names_its_schema_for_editors() -> None:
    files = [*REPO.glob("glossary/*.yaml"), *REPO.glob("locales/*/glossary.yaml"),
             *(REPO / "tests" / "data" / "minimal").rglob("*.yaml")]
    assert files
    for path in files:
        first = path.read_text("utf-8").splitlines()[0]
        match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first)
        assert match, f"{path}: first line must name its schema"
        schema = (path.parent / match.group(1)).resolve()
        assert schema.is_file(), f"{path}: {schema} does not exist"
        expected = ("domains" if path.name == "domains.yaml" else
                    "locale-glossary" if path.parent.parent.name == "locales" else "concept")
        assert schema.name == f"{expected}.schema.json"


def test_translated_documents_are_marked_draft() -> None:
    for path in [*REPO.glob("content/fr/**/*.md"), *REPO.glob("content/ja/**/*.md")]:
        front = path.read_text("utf-8").split("---")[1]
        assert "review: draft" in front, path


def test_project_tree_has_the_designed_layout() -> None:
    for name in ("content/en", "glossary/domains.yaml", "locales", "tooling", "mkdocs.yml",
                 "tests/data", "benchmarks", "noxfile.py", "README.md", ".ci/run"):
        assert (REPO / name).exists(), name
