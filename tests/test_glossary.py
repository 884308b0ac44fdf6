from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, write


def _findings(cli: Callable[..., Run], root: Path) -> list[tuple[str, int, str, str]]:
    return [(f["path"], f["line"], f["rule"], f["message"])
            for f in cli("-C", root, "check", "--format", "json").json()["findings"]]


def test_missing_glossary_folder_and_domains(project: Callable[[str], Path],
                                             cli: Callable[..., Run]) -> None:
    root = project("minimal")
    shutil.rmtree(root / "glossary")
    assert _findings(cli, root) == [
        ("glossary", 1, "schema", "the glossary folder is missing; create glossary/ with one "
                                  "<concept-id>.yaml per concept"),
        ("glossary/domains.yaml", 1, "schema", "the list of subject domains is missing; create "
                                               "it with one id per domain"),
        ("locales/fr/glossary.yaml", 3, "orphan-translation",
         "no concept 'evaluation' in glossary/; remove the entry or restore it"),
        ("locales/fr/glossary.yaml", 11, "orphan-translation",
         "no concept 'red-teaming' in glossary/; remove the entry or restore it"),
    ]


def test_stray_files_in_the_glossary_folder(project: Callable[[str], Path],
                                            cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "glossary" / "notes.txt", "hello")
    write(root / "glossary" / "Red_Team.yaml", "id: red-team\n")
    (root / "glossary" / "sub.yaml").mkdir()
    write(root / "glossary" / ".hidden.yaml", "not: checked\n")
    write(root / "glossary" / "status.yaml", "id: status\n")
    assert _findings(cli, root) == [
        ("glossary/Red_Team.yaml", 1, "schema", "file name 'Red_Team.yaml' is not a concept id: "
                                                "use lowercase ASCII words joined by '-', ending "
                                                "in .yaml"),
        ("glossary/notes.txt", 1, "schema", "the glossary folder holds only <concept-id>.yaml "
                                            "files; rename or move this"),
        ("glossary/status.yaml", 1, "schema", "'status' is the name of one of the glossary's "
                                              "own pages (changes, domains, downloads, index, "
                                              "status); choose another concept id"),
        ("glossary/sub.yaml", 1, "schema", "the glossary folder holds only <concept-id>.yaml "
                                           "files; rename or move this"),
    ]


def test_unreadable_domains_and_locales_still_report_the_rest(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "glossary" / "domains.yaml", "a: [\n")
    write(root / "locales" / "fr" / "glossary.yaml", "a: b: c\n")
    concept = root / "glossary" / "evaluation.yaml"
    concept.write_text(concept.read_text().replace("related: [red-teaming]",
                                                   "related: [red-team]"))
    assert _findings(cli, root) == [
        ("glossary/domains.yaml", 2, "yaml-syntax", "while parsing a flow node: did not find "
                                                    "expected node content"),
        ("glossary/evaluation.yaml", 6, "unknown-reference",
         "related concept 'red-team' does not exist in glossary/; did you mean 'red-teaming'?"),
        ("locales/fr/glossary.yaml", 1, "yaml-syntax",
         "mapping values are not allowed in this context"),
    ]


def test_language_folders_must_match_mkdocs_yml(project: Callable[[str], Path],
                                                cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "locales" / "en" / "glossary.yaml", "{}\n")
    write(root / "locales" / "en" / "messages.po", "")
    (root / "content" / "xx").mkdir()
    shutil.rmtree(root / "content" / "fr")
    assert _findings(cli, root) == [
        ("content/en/index.md", 1, "missing-translation", "'index.md' has no fr translation; "
                                                          "add content/fr/index.md"),
        ("content/xx", 1, "orphan-translation", "'xx' is not a language in mkdocs.yml; add it "
                                                "to the i18n plugin's languages or remove the "
                                                "folder"),
        ("locales/en/glossary.yaml", 1, "orphan-translation",
         "'en' is the source language: its entries live in glossary/<concept-id>.yaml; move "
         "them there"),
        ("mkdocs.yml", 13, "missing-translation", "language 'fr' has no content/fr/ folder; "
                                                  "create it for its translated documents"),
    ]


def test_files_are_context_for_text_output_even_when_unreadable(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "glossary" / "domains.yaml", "a:\n\tb: 1\n")
    assert cli("-C", root, "check").out == (
        "glossary/domains.yaml:2:1: error yaml-syntax: tab character where YAML expects spaces; "
        "indent with spaces\n"
        "  |  b: 1\n"
        "  | ^^^^^\n"
        "1 error, 0 warnings, 0 info\n")
