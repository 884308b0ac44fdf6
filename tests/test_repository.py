"""The project's own glossary and content pass their own check (read-only)."""

from __future__ import annotations

import re
from collections.abc import Callable

from tests.conftest import REPO, Run
from tooling.glossary import load_glossary
from tooling.model import ReviewStatus
from tooling.project import load_project


def test_repository_passes_the_strict_check(cli: Callable[..., Run]) -> None:
    run = cli("-C", REPO, "check", "--format", "json", "--strict")
    report = run.json()
    assert (run.code, report["summary"]["error"], report["summary"]["warning"]) == (0, 0, 0)
    # What remains is information: the partial languages' declared gaps, and admitted
    # terms the guidance uses on purpose (AISI, adversarial testing, ...).
    partial = {"zh", "es", "de", "ar"}
    for finding in report["findings"]:
        assert finding["rule"] in ("missing-translation", "admitted-term"), finding
        if finding["rule"] == "missing-translation":
            assert finding["lang"] in partial, finding


def test_repository_covers_every_required_language(cli: Callable[..., Run]) -> None:
    report = cli("-C", REPO, "status", "--format", "json").json()
    by_lang = {lang["lang"]: lang for lang in report["languages"]}
    assert set(by_lang) == {"fr", "ja", "ko", "sw", "zh", "es", "de", "ar"}
    for lang, status in by_lang.items():
        concepts, documents = status["concepts"], status["documents"]
        assert concepts["total"] >= 80 and documents["total"] >= 8
        assert concepts["stale"] == documents["stale"] == 0
        translated = (concepts["draft"] + concepts["reviewed"] + concepts["approved"],
                      documents["draft"] + documents["reviewed"] + documents["approved"])
        if status["required"]:
            assert translated == (concepts["total"], documents["total"]), lang
        else:
            assert translated[0] >= 30 and translated[1] >= 2, lang


def test_repository_glossary_is_real_and_marked_draft() -> None:
    project = load_project(REPO)
    glossary = load_glossary(project).glossary
    assert len(glossary.concepts) >= 80
    for concept in glossary.concepts.values():
        assert concept.sources and concept.entry.definition
        # Every concept can be followed to at least one source on the web.
        assert any(source.url and source.url.startswith("https://") for source in
                   concept.sources), concept.id
    for lang in ("fr", "ja", "ko", "sw", "zh", "es", "de", "ar"):
        entries = glossary.locales[lang].entries
        assert set(entries) <= set(glossary.concepts)
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
    for path in REPO.glob("content/*/**/*.md"):
        lang, *rest = path.relative_to(REPO / "content").parts
        if lang == "en" or rest[0] == "glossary":  # the source, and generated pages
            continue
        front = path.read_text("utf-8").split("---")[1]
        assert "review: draft" in front, path


def test_project_tree_has_the_designed_layout() -> None:
    for name in ("content/en", "glossary/domains.yaml", "locales", "tooling", "mkdocs.yml",
                 "tests/data", "benchmarks", "noxfile.py", "README.md", ".ci/run"):
        assert (REPO / name).exists(), name
