"""Hostile Markdown documents, gettext catalogs and CSV sheets: each case ends in exactly
its findings or its error message, never a traceback.

Cases are files in tests/data/invalid/<kind>/, or made by `GENERATED` below when they
are too big to keep in the repository; `expected.json` holds the result of each, as for
the YAML cases of test_invalid.py, and each is run on a tmp copy of
tests/data/invalid/base/:

- `markdown/<case>.md` replaces content/fr/index.md (the French translation of
  content/en/index.md); expected: every finding of `check` in that file, as
  `[rule, severity, line, column, message]` in the order `check` reports them;
- `po/<case>.po` becomes locales/fr/messages.po; expected: every finding in that file.
  The code's interface strings are those of `TEMPLATE` (the expectations must not change
  whenever a template gains a string), and the build's view of the catalog is checked
  too: every template string can be filled in, or the catalog is refused cleanly;
- `csv/<case>.csv` is imported with `interlex import csv FILE --lang fr --dry-run`;
  expected: `{"exit", "stdout", "stderr"}`, with `{file}` standing for the file's path.
"""

from __future__ import annotations

import json
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from string import Formatter
from typing import Any

import pytest
from babel.messages.catalog import Catalog

from tests.conftest import Run
from tooling.errors import InterlexError
from tooling.project import load_project
from tooling.sitegen import messages

DATA = Path(__file__).parent / "data" / "invalid"
BASE = DATA / "base"
EXPECTED: dict[str, Any] = json.loads((DATA / "expected.json").read_text("utf-8"))
KINDS = ("markdown", "po", "csv")
PLACED = {"markdown": "content/fr/index.md", "po": "locales/fr/messages.po"}
TEMPLATE = ("Definition", "Notes", "Source term ({language})", "see {term}")
"""The interface strings of the code, for the catalog cases."""
_FRONT = b"---\nsource_hash: 734fb4d7856109f3\n---\n# Accueil\n\n"
_CSV_HEAD = (b"concept,lang,term,status,type,part_of_speech,case_sensitive,do_not_translate,"
             b"forms,definition,review,domain,entry_hash\r\n")
GENERATED: dict[str, Callable[[], bytes]] = {
    "markdown/five-megabyte-line.md": lambda: _FRONT + b"mot " * (5 << 18) + b"\n",
    "markdown/four-megabyte-line.md": lambda: _FRONT + b"mot " * ((4 << 18) - 100) + b"\n",
    "markdown/emphasis-100000.md": lambda: _FRONT + b"*" * 100_000 + b"a\n",
    "markdown/emphasis-alternating-100000.md": lambda: _FRONT + b"*a _" * 25_000 + b"\n",
    "markdown/brackets-100000.md": lambda: _FRONT + b"[" * 100_000 + b"a" + b"]" * 100_000 + b"\n",
    "markdown/link-references-20000.md": lambda: _FRONT + b"".join(
        b"[r%d]: /r%d.md\n" % (i, i) for i in range(20_000)) + b"\n" + b" ".join(
        b"[r%d]" % i for i in range(20_000)) + b"\n",
    "markdown/link-destination-3mb.md": lambda: _FRONT + b"[a]: " + b"/x" * 1_500_000
    + b"\n\n[a] et [a][] et [b](b.md).\n",
    "markdown/entities-100000.md": lambda: _FRONT + b"&amp;&#x1F600;" * 50_000 + b"\n",
    "po/huge.po": lambda: (DATA / "po" / "all-fuzzy.po").read_bytes() + b"".join(
        b'msgid "m%d"\nmsgstr "%s"\n\n' % (i, b"x" * 100) for i in range(200_000)),
    "csv/ten-megabyte-cell.csv": lambda: _CSV_HEAD + b'evaluation,fr,"' + b"x" * (10 << 20)
    + b'",preferred\r\n',
    "csv/ten-megabyte-unquoted-cell.csv": lambda: _CSV_HEAD + b"evaluation,fr,x,preferred,,,,,,"
    + b"y" * (10 << 20) + b"\r\n",
}
CASES = sorted([*(f"{kind}/{path.name}" for kind in KINDS for path in (DATA / kind).iterdir()),
                *GENERATED])
TIMES: dict[str, float] = {}


def _case_bytes(case: str) -> bytes:
    return GENERATED[case]() if case in GENERATED else (DATA / case).read_bytes()


def _cases(kind: str) -> list[Any]:
    return [pytest.param(c, id=c) for c in CASES if c.startswith(f"{kind}/")]


def _project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(BASE, project)
    return project


def _findings(report: dict[str, Any], path: str) -> list[list[Any]]:
    return [[f["rule"], f["severity"], f["line"], f["column"], f["message"]]
            for f in report["findings"] if f["path"] == path]


def _timed(case: str, run: Callable[[], Run]) -> Run:
    start = time.process_time()  # CPU time: other work on the machine does not count
    result = run()
    TIMES[case] = time.process_time() - start
    assert "Traceback" not in result.err and "internal error" not in result.err, result.err
    assert result.code in (0, 1, 2), result.err
    return result


@pytest.fixture(scope="module", autouse=True)
def _report_times() -> Iterator[None]:
    """The slowest cases, shown with `pytest -s`: nothing is asserted about time."""
    yield
    slowest = sorted(TIMES.items(), key=lambda item: -item[1])[:8]
    print("\nslowest hostile inputs (CPU):", ", ".join(f"{c} {t:.2f}s" for c, t in slowest))


@pytest.fixture
def template(monkeypatch: pytest.MonkeyPatch) -> None:
    def extract() -> Catalog:
        catalog = Catalog()
        for message in TEMPLATE:
            catalog.add(message)
        return catalog

    monkeypatch.setattr(messages, "extract", extract)


def test_every_case_has_an_expectation_and_every_expectation_a_case() -> None:
    assert sorted(k for k in EXPECTED if k.split("/")[0] in KINDS) == CASES
    assert [len(_cases(kind)) for kind in KINDS] >= [20, 20, 20]
    assert not set(GENERATED) & {f"{k}/{p.name}" for k in KINDS for p in (DATA / k).iterdir()}


def test_there_are_more_than_a_hundred_hostile_files_in_all() -> None:
    """YAML, Markdown, catalogs and CSV here and in test_invalid.py; TBX in
    test_import_tbx.py."""
    assert len(EXPECTED) + len(list((DATA / "tbx").iterdir())) >= 100


def _check_placed(case: str, kind: str, project: Path, cli: Callable[..., Run]) -> None:
    """The case's file, placed in the project, gives exactly its expected findings."""
    (project / PLACED[kind]).write_bytes(_case_bytes(case))
    run = _timed(case, lambda: cli("-C", project, "check", "--format", "json"))
    assert run.err == ""
    report = run.json()
    assert _findings(report, PLACED[kind]) == EXPECTED[case]
    assert run.code == (1 if report["summary"]["error"] else 0)


@pytest.mark.parametrize("case", _cases("markdown"))
def test_markdown_case(case: str, tmp_path: Path, cli: Callable[..., Run]) -> None:
    _check_placed(case, "markdown", _project(tmp_path), cli)


@pytest.mark.parametrize("case", _cases("po"))
@pytest.mark.usefixtures("template")
def test_catalog_case(case: str, tmp_path: Path, cli: Callable[..., Run]) -> None:
    project = _project(tmp_path)
    _check_placed(case, "po", project, cli)
    # The build: a catalog it cannot use is a clean error; one it can use never leaves it
    # with a string it cannot fill in.
    try:
        compiled = messages.translations(load_project(project), "fr")
    except InterlexError as error:
        assert str(error).startswith(f"{project / PLACED['po']}: ")
        assert any(finding[1] == "error" for finding in EXPECTED[case])
        return
    for message in TEMPLATE:
        fields = {name: "x" for _, name, _, _ in Formatter().parse(message) if name}
        assert compiled.gettext(message).format(**fields)


@pytest.mark.parametrize("case", _cases("csv"))
def test_csv_case(case: str, tmp_path: Path, cli: Callable[..., Run]) -> None:
    project = _project(tmp_path)
    locale = project / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    sheet = tmp_path / Path(case).name
    sheet.write_bytes(_case_bytes(case))
    run = _timed(case, lambda: cli("-C", project, "import", "csv", sheet, "--lang", "fr",
                                   "--dry-run"))
    expected = {key: value.replace("{file}", str(sheet)) if isinstance(value, str) else value
                for key, value in EXPECTED[case].items()}
    assert {"exit": run.code, "stdout": run.out, "stderr": run.err} == expected
    assert locale.read_bytes() == before
