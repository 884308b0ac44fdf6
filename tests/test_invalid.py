"""Malformed and hostile inputs: each case in tests/data/invalid/ gives exactly its findings.

Every case is a file placed into a tmp copy of tests/data/invalid/base/ (a tiny valid
project): `concept/<case>.yaml` becomes `glossary/<case>.yaml`, `locale/<case>.yaml`
replaces `locales/fr/glossary.yaml`, `domains/<case>.yaml` replaces
`glossary/domains.yaml` and `mkdocs/<case>.yml` replaces `mkdocs.yml`.
`expected.json` lists, per case, every finding in the placed file as
`[rule, severity, line, column, message]` in the order `check` reports them, or for
mkdocs.yml cases the exit code and the exact stderr. It also holds the Markdown, gettext
catalog and CSV cases, which test_invalid_inputs.py runs.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tooling.cli import main

DATA = Path(__file__).parent / "data" / "invalid"
BASE = DATA / "base"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text("utf-8"))
# Where each kind of case is placed in the project (concepts: glossary/<file name>).
TARGETS = {
    "concept": "glossary",
    "locale": "locales/fr/glossary.yaml",
    "domains": "glossary/domains.yaml",
    "mkdocs": "mkdocs.yml",
}
CASES = sorted(f"{kind}/{path.name}" for kind in TARGETS
               for path in (DATA / kind).iterdir() if path.is_file())


def _param(case: str) -> Any:
    return pytest.param(case, id=case)


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    return project


def _place(project: Path, case: str) -> str:
    """Copy the case file into the project; return its project-relative path."""
    kind, name = case.split("/")
    target = TARGETS[kind] + f"/{name}" if kind == "concept" else TARGETS[kind]
    shutil.copyfile(DATA / case, project / target)
    return target


def _check(project: Path, capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["-C", str(project), "check", "--format", "json"])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def _findings(report: dict[str, Any], path: str) -> list[list[Any]]:
    return [[f["rule"], f["severity"], f["line"], f["column"], f["message"]]
            for f in report["findings"] if f["path"] == path]


def test_every_case_has_an_expectation_and_every_expectation_a_case() -> None:
    """Markdown, catalog and CSV cases are run by test_invalid_inputs.py."""
    assert len(CASES) >= 36
    assert sorted(case for case in EXPECTED if case.split("/")[0] in TARGETS) == CASES


def test_base_project_is_clean(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = _check(_project(tmp_path), capsys)
    assert (code, err) == (0, "")
    assert json.loads(out)["findings"] == []


@pytest.mark.parametrize("case", [_param(c) for c in CASES if not c.startswith("mkdocs/")])
def test_glossary_file_case(case: str, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    placed = _place(project, case)
    code, out, err = _check(project, capsys)
    assert "Traceback" not in err
    assert code != 3, err
    assert err == ""
    report = json.loads(out)
    expected = EXPECTED[case]
    assert _findings(report, placed) == expected
    assert code == (1 if report["summary"]["error"] else 0)
    if any(severity == "error" for _, severity, *_ in expected):
        assert code == 1


@pytest.mark.parametrize("case", [_param(c) for c in CASES if c.startswith("mkdocs/")])
def test_mkdocs_config_case(case: str, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    project = _project(tmp_path)
    _place(project, case)
    code, out, err = _check(project, capsys)
    assert "Traceback" not in err
    assert {"exit": code, "stderr": err} == EXPECTED[case]
    if code == 0:
        assert json.loads(out)["findings"] == []
    else:
        assert out == ""


def test_oversized_concept_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A valid concept whose definition is 5 MiB of text: over the 1 MiB limit."""
    project = _project(tmp_path)
    head = ('id: five-megabytes\nstatus: draft\ndomain: risks\nsince: "2025.1"\nsources:\n'
            "  - title: A source\ndefinition: >-\n")
    tail = "\nterms:\n  - term: five megabytes\n    status: preferred\n"
    size = 5 * 1024 * 1024
    line = "  Systematic measurement of what an AI system can do and how it behaves.\n"
    fill = size - len(head) - len(tail)
    text = head + (line * (fill // len(line) + 1))[:fill] + tail  # ends in "...behaves.\n  Sy"
    path = project / "glossary" / "five-megabytes.yaml"
    path.write_text(text, encoding="utf-8")
    assert path.stat().st_size == size
    code, out, err = _check(project, capsys)
    assert (code, err) == (1, "")
    assert _findings(json.loads(out), "glossary/five-megabytes.yaml") == [
        ["yaml-syntax", "error", 1, 1, "file is 5,242,880 bytes, over the 1,048,576-byte "
         "limit for this kind of file"],
    ]


def test_deep_nesting_in_a_file_with_quotes_in_prose(tmp_path: Path) -> None:
    """Run in a child process: a crash of the parser would kill the interpreter."""
    project = _project(tmp_path)
    depth = 50_000
    (project / "glossary" / "hidden-nesting.yaml").write_text(
        'id: hidden-nesting\nstatus: draft\ndomain: risks\nsince: "2025.1"\nsources:\n'
        "  - title: A source\ndefinition: The 'quote opens here and is never closed.\n"
        f"notes: {'[' * depth}{']' * depth}\n"
        "terms:\n  - term: hidden nesting\n    status: preferred\n"
        "decision: It's closed here.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "tooling", "-C", str(project), "check", "--format", "json"],
        capture_output=True, text=True, timeout=300, check=False)
    assert "Traceback" not in done.stderr
    assert (done.returncode, done.stderr) == (1, "")
    assert _findings(json.loads(done.stdout), "glossary/hidden-nesting.yaml") == [
        ["yaml-syntax", "error", 8, 107, "nesting is too deep; keep it under 100 levels"],
    ]
