from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run, git, write
from tests.killing import kill_at_every_write, snapshot
from tooling.check import FileTexts

# Every glossary rule fires on the defects fixture, at these exact places.
DEFECTS = [
    ["content/en/index.md", 1, 1, "info", "missing-translation"],
    ["content/fr/index.md", 1, 1, "warning", "stale-document"],
    ["glossary/broken.yaml", 4, 1, "error", "yaml-syntax"],
    ["glossary/cafe.yaml", 1, 5, "warning", "missing-translation"],
    ["glossary/cafe.yaml", 7, 30, "warning", "unicode"],
    ["glossary/evaluation.yaml", 11, 11, "error", "term-conflict"],
    ["glossary/evaluation.yaml", 13, 11, "error", "term-collision"],
    ["glossary/misuse.yaml", 3, 9, "error", "unknown-reference"],
    ["glossary/misuse.yaml", 5, 11, "error", "unknown-reference"],
    ["glossary/misuse.yaml", 12, 11, "error", "preferred-term"],
    ["glossary/misuse.yaml", 14, 11, "error", "term-conflict"],
    ["glossary/model.yaml", 7, 24, "error", "unicode"],
    ["glossary/model.yaml", 9, 11, "error", "term-collision"],
    ["glossary/model.yaml", 11, 11, "error", "unicode"],
    ["glossary/model.yaml", 13, 11, "error", "unicode"],
    ["glossary/renamed.yaml", 1, 5, "warning", "missing-translation"],
    ["glossary/renamed.yaml", 1, 5, "error", "schema"],
    ["glossary/wrong-types.yaml", 1, 5, "warning", "missing-translation"],
    ["glossary/wrong-types.yaml", 2, 9, "error", "schema"],
    ["glossary/wrong-types.yaml", 4, 8, "error", "schema"],
    ["glossary/wrong-types.yaml", 7, 1, "error", "schema"],
    ["locales/de", 1, 1, "error", "orphan-translation"],
    ["locales/fr/glossary.yaml", 1, 1, "warning", "stale-translation"],
    ["locales/fr/glossary.yaml", 7, 3, "error", "preferred-term"],
    ["locales/fr/glossary.yaml", 10, 16, "error", "schema"],
    ["locales/fr/glossary.yaml", 11, 1, "warning", "missing-translation"],
    ["locales/fr/glossary.yaml", 13, 1, "warning", "orphan-translation"],
    ["mkdocs.yml", 11, 11, "info", "missing-translation"],
    ["mkdocs.yml", 11, 11, "info", "missing-translation"],
]


def _located(run: Run) -> list[list[object]]:
    return [[f["path"], f["line"], f["column"], f["severity"], f["rule"]]
            for f in run.json()["findings"]]


def test_every_glossary_rule_fires_at_its_place(project: Callable[[str], Path],
                                                cli: Callable[..., Run]) -> None:
    run = cli("-C", project("defects"), "check", "--format", "json")
    assert run.code == 1
    assert _located(run) == DEFECTS
    assert run.json()["summary"] == {"error": 18, "warning": 8, "info": 3}


def test_defect_messages_say_what_and_how_to_fix(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    findings = cli("-C", project("defects"), "check", "--format", "json").json()["findings"]
    by_place = {(f["path"], f["line"], f["rule"]): f for f in findings}
    stale = by_place[("locales/fr/glossary.yaml", 1, "stale-translation")]
    assert stale["message"] == (
        "the fr entry of 'evaluation' was translated from an older source entry "
        f"(0123456789abcdef, now {stale['suggestion']}); update it, then run "
        "`interlex translations pin --lang fr evaluation`")
    assert stale["lang"] == "fr" and stale["concept"] == "evaluation"
    assert stale["found"] == "0123456789abcdef"
    collision = by_place[("glossary/model.yaml", 9, "term-collision")]
    assert collision["message"] == (
        "'model' is also a term of concept 'evaluation' (glossary/evaluation.yaml:13:11) in en; "
        "a term names one concept: choose another term or deprecate one of them")
    domain = by_place[("glossary/misuse.yaml", 3, "unknown-reference")]
    assert domain["message"] == ("domain 'risk' does not exist in glossary/domains.yaml; "
                                 "did you mean 'risks'?")
    assert domain["suggestion"] == "risks"
    bidi = by_place[("glossary/model.yaml", 7, "unicode")]
    assert bidi["message"] == ("invisible character U+202E (RIGHT-TO-LEFT OVERRIDE): it makes "
                               "the text differ from what is displayed; remove it")
    assert (bidi["end_line"], bidi["end_column"]) == (7, 30)
    assert bidi["found"] == "\\u202E"


def test_clean_project_passes(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    run = cli("-C", project("minimal"), "check")
    assert (run.code, run.out, run.err) == (0, "0 errors, 0 warnings, 0 info\n", "")


def test_strict_fails_on_warnings(project: Callable[[str], Path],
                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    (root / "glossary" / "red-teaming.yaml").write_text(
        (root / "glossary" / "red-teaming.yaml").read_text().replace("adversaries", "attackers"))
    assert cli("-C", root, "check").code == 0
    strict = cli("-C", root, "check", "--strict")
    assert strict.code == 1
    assert strict.out.endswith("0 errors, 1 warning, 0 info\n")


def test_paths_select_findings(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("defects")
    only = cli("-C", root, "check", "--format", "json", root / "locales")
    assert {f["path"] for f in only.json()["findings"]} == {"locales/de",
                                                            "locales/fr/glossary.yaml"}
    one = cli("-C", root, "check", "--format", "json", root / "glossary" / "cafe.yaml")
    assert [f["rule"] for f in one.json()["findings"]] == ["missing-translation", "unicode"]
    assert one.code == 0


def test_path_outside_project_is_a_usage_error(project: Callable[[str], Path],
                                               cli: Callable[..., Run], tmp_path: Path) -> None:
    run = cli("-C", project("minimal"), "check", tmp_path)
    assert run.code == 2
    assert run.err.startswith(f"interlex: error: {tmp_path}: not inside the project at ")



def test_changed_since_reports_only_changed_files(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    concept = root / "glossary" / "evaluation.yaml"
    concept.write_text(concept.read_text().replace("testing-evaluation", "nowhere"))
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    write(root / "glossary" / "jailbreak.yaml", "id: jailbreak\n")
    everything = cli("-C", root, "check", "--format", "json")
    changed = cli("-C", root, "check", "--format", "json", "--changed-since", "HEAD")
    assert {f["path"] for f in everything.json()["findings"]} == {
        "glossary/evaluation.yaml", "glossary/jailbreak.yaml"}
    assert {f["path"] for f in changed.json()["findings"]} == {"glossary/jailbreak.yaml"}


def test_changed_since_bad_revision_is_a_usage_error(project: Callable[[str], Path],
                                                     cli: Callable[..., Run]) -> None:
    root = project("minimal")
    git(root, "init", "-q")
    run = cli("-C", root, "check", "--changed-since", "no-such-rev")
    assert run.code == 2
    assert run.err.startswith("interlex: error: git diff failed: ")


def test_changed_since_without_git_is_a_usage_error(project: Callable[[str], Path],
                                                    cli: Callable[..., Run],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    root = project("minimal")
    monkeypatch.setenv("PATH", str(root))  # a PATH where no git can be found
    run = cli("-C", root, "check", "--changed-since", "HEAD")
    assert (run.code, run.err) == (2, "interlex: error: git is not installed; --changed-since "
                                      "needs it\n")


def test_changed_since_includes_what_a_change_affects(project: Callable[[str], Path],
                                                      cli: Callable[..., Run]) -> None:
    root = project("docs-project")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "base")
    concept = root / "glossary" / "evaluation.yaml"
    concept.write_text(concept.read_text().replace("Measuring what", "Measuring how well"))
    changed = cli("-C", root, "check", "--format", "json", "--changed-since", "HEAD").json()
    paths = {(f["path"], f["rule"]) for f in changed["findings"]}
    # The changed concept's translations, and the documents that use the concept.
    assert ("locales/fr/glossary.yaml", "stale-translation") in paths
    assert ("content/fr/guide.md", "deprecated-term") in paths
    assert ("content/en/guide.md", "admitted-term") in paths
    assert not any(f["path"] == "locales/fr/glossary.yaml" and f["concept"] != "evaluation"
                   for f in changed["findings"])
    assert ("content/fr/orphan.md", "orphan-translation") not in paths


def test_check_fix_killed_while_writing_loses_nothing(project: Callable[[str], Path],
                                                      cli: Callable[..., Run],
                                                      tmp_path: Path) -> None:
    root = project("docs-project")
    done = tmp_path / "uninterrupted"
    shutil.copytree(root, done)
    assert cli("-C", done, "check", "--fix").err == (
        "content/en/guide.md: fixed\ncontent/fr/guide.md: fixed\n")
    written = kill_at_every_write(root, ["check", "--fix"], tmp_path, snapshot(done))
    assert written == ["content/en/guide.md", "content/fr/guide.md"]


def test_file_texts_are_read_when_asked_for(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("alpha\n", "utf-8")
    (tmp_path / "b.md").write_bytes(b"\xff not UTF-8")
    texts = FileTexts(tmp_path, frozenset({"b.md", "a.md", "gone.md"}))
    assert (list(texts), len(texts)) == (["a.md", "b.md", "gone.md"], 3)
    (tmp_path / "a.md").write_text("changed before it was read\n", "utf-8")
    assert dict(texts) == {"a.md": "changed before it was read\n", "b.md": "", "gone.md": ""}
    (tmp_path / "a.md").write_text("changed after\n", "utf-8")
    assert texts["a.md"] == "changed before it was read\n"
    with pytest.raises(KeyError):
        texts["c.md"]
