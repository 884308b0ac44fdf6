from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, copy_repository, write


def test_export_then_import_leaves_every_locale_file_byte_identical(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    cli("-C", root, "export", "csv", "-o", tmp_path / "all.csv")
    run = cli("-C", root, "import", "csv", tmp_path / "all.csv", "--lang", "fr")
    assert (run.code, run.err) == (0, "locales/fr/glossary.yaml: 0 added, 0 changed, "
                                      "2 unchanged\n")
    assert locale.read_bytes() == before


def test_the_real_glossary_round_trips_in_every_language(cli: Callable[..., Run],
                                                         tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo", content=False)
    cli("-C", root, "export", "csv", "-o", tmp_path / "all.csv")
    for lang in ("fr", "ja", "ko", "sw", "zh", "es", "de", "ar"):
        before = (root / "locales" / lang / "glossary.yaml").read_bytes()
        run = cli("-C", root, "import", "csv", tmp_path / "all.csv", "--lang", lang)
        assert run.code == 0 and " 0 added, 0 changed, " in run.err, (lang, run.err)
        assert (root / "locales" / lang / "glossary.yaml").read_bytes() == before, lang


def _edit(path: Path, lang: str, rows: list[list[str]]) -> None:
    header = ["concept", "lang", "term", "status", "type", "part_of_speech", "case_sensitive",
              "do_not_translate", "forms", "definition", "review", "domain", "entry_hash"]
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    for row in rows:
        writer.writerow(row + [""] * (len(header) - len(row)))
    path.write_text(out.getvalue(), "utf-8")


def test_import_adds_and_changes_entries_and_keeps_the_rest(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().split("red-teaming:")[0])
    sheet = tmp_path / "fr.csv"
    _edit(sheet, "fr", [
        ["evaluation", "fr", "évaluation", "preferred", "", "noun", "", "", "évaluations",
         "Mesure systématique.", "reviewed"],
        ["red-teaming", "fr", "red teaming", "preferred"],
        ["red-teaming", "fr", "'=équipe rouge", "admitted", "", "", "yes", "yes"],
        ["red-teaming", "en", "ignored", "preferred"],
    ])
    dry = cli("-C", root, "import", "csv", sheet, "--lang", "fr", "--dry-run")
    assert dry.err == ("locales/fr/glossary.yaml: 1 added, 1 changed, 0 unchanged (dry run: "
                       "nothing written)\n")
    assert dry.out.startswith("--- a/locales/fr/glossary.yaml\n+++ b/locales/fr/glossary.yaml")
    assert "red-teaming" not in locale.read_text()
    cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    text = locale.read_text()
    assert "# French entries. Comments like this one must survive every tool that writes.\n" in (
        text)
    assert ("red-teaming:\n  terms:\n    - term: red teaming\n      status: preferred\n"
            "    - term: =équipe rouge\n      status: admitted\n      case_sensitive: true\n"
            "      do_not_translate: true\n  review: draft\n  source_hash: ") in text
    assert ("    - term: évaluation\n      status: preferred\n      part_of_speech: noun\n"
            "      forms:\n        - évaluations\n  definition: >-\n    Mesure systématique.\n"
            "  review: reviewed # not yet seen by a translator\n") in text
    assert cli("-C", root, "check", "--strict").code == 0


def test_import_refusals(project: Callable[[str], Path], cli: Callable[..., Run],
                         tmp_path: Path) -> None:
    root = project("minimal")
    sheet = tmp_path / "fr.csv"
    _edit(sheet, "fr", [["nope", "fr", "x", "preferred"], ["evaluation", "fr", "x", "best"]])
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert run.err == ("interlex: error: nothing imported; fix these first:\n"
                       f"{sheet}:2:1: nope: no such concept in glossary/; use the id of a "
                       "concept (its file name without .yaml)\n"
                       f"{sheet}:3:1: evaluation: term 'x' has status 'best'; use preferred, "
                       "admitted, deprecated or superseded\n")
    _edit(sheet, "fr", [["evaluation", "fr", "évaluation", "preferred", "", "", "", "",
                         "a | " + "f" * 201, "", "done", "", "abc"]])
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err == (
        "interlex: error: nothing imported; fix these first:\n"
        f"{sheet}:2:1: evaluation: term of 201 characters, 'ffffffffffffffffffff…'; at most "
        "200 are allowed: shorten it\n"
        f"{sheet}:2:1: evaluation: review 'done'; use draft, reviewed or approved\n"
        f"{sheet}:2:1: evaluation: entry hash 'abc' is not one an export writes (16 hex digits); "
        "copy it back from the export, or remove it to import this entry without the conflict "
        "check\n")
    write(sheet, "concept,lang,term,status\nevaluation,fr,\"" + "x" * 200_000 + "\",preferred\n")
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err == (
        f"interlex: error: {sheet}:2:1: not readable as CSV (field larger than field limit "
        "(131072)); save it again as CSV from your spreadsheet\n")
    assert cli("-C", root, "import", "csv", sheet, "--lang", "de").err == (
        "interlex: error: not a translation language: de; the languages are fr (see "
        "mkdocs.yml)\n")
    write(sheet, "concept,term\nx,y\n")
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err == (
        f"interlex: error: {sheet}: the header row lacks lang, status; export a template with "
        "`interlex export csv`\n")
    _edit(sheet, "fr", [["evaluation", "ja", "x", "preferred"]])
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err == (
        f"interlex: error: {sheet}: no rows for language 'fr'\n")
    sheet.write_bytes(b"\xff\xfe")
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err.startswith(
        f"interlex: error: {sheet}: cannot read it as UTF-8 CSV (")


def test_import_into_a_missing_locale_file_and_keeps_crlf(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_bytes(locale.read_bytes().replace(b"\n", b"\r\n"))
    sheet = tmp_path / "fr.csv"
    _edit(sheet, "fr", [["evaluation", "fr", "évaluation", "preferred", "", "", "", "", "",
                         "Autre définition."]])
    cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    raw = locale.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") and b"Autre d" in raw
    locale.unlink()
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert run.err == "locales/fr/glossary.yaml: 1 added, 0 changed, 0 unchanged\n"
    assert locale.read_text().startswith("evaluation:\n  terms:\n")


def test_import_replaces_malformed_terms(project: Callable[[str], Path],
                                         cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text("evaluation:\n  terms: [just a string]\n")
    sheet = tmp_path / "fr.csv"
    _edit(sheet, "fr", [["evaluation", "fr", "évaluation", "preferred"]])
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert run.err == "locales/fr/glossary.yaml: 0 added, 1 changed, 0 unchanged\n"
    assert locale.read_text().startswith("evaluation:\n  terms:\n    - term: évaluation\n")


def test_columns_a_sheet_lacks_keep_the_repository_values(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().replace(
        "    - term: évaluation\n      status: preferred\n",
        "    - term: évaluation\n      status: preferred\n      forms: [évaluations]\n"
        "      note: Le terme usuel.\n"))
    sheet = write(tmp_path / "fr.csv", "concept,lang,term,status,definition\n"
                  "evaluation,fr,évaluation,preferred,Mesure.\nevaluation,fr,éval,admitted,\n")
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert run.err == "locales/fr/glossary.yaml: 0 added, 1 changed, 0 unchanged\n"
    assert locale.read_text().split("red-teaming:")[0].endswith(
        "evaluation:\n  terms:\n    - term: évaluation\n      status: preferred\n"
        "      forms: [évaluations]\n      note: Le terme usuel.\n    - term: éval\n"
        "      status: admitted\n  definition: >-\n    Mesure.\n"
        "  review: draft  # not yet seen by a translator\n  source_hash: 56b96fb07fafc8aa\n")
    # A column that is there but empty clears the value.
    write(sheet, "concept,lang,term,status,forms\nevaluation,fr,évaluation,preferred,\n")
    cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert locale.read_text().split("red-teaming:")[0].endswith(
        "evaluation:\n  terms:\n    - term: évaluation\n      status: preferred\n"
        "      note: Le terme usuel.\n  definition: >-\n    Mesure.\n"
        "  review: draft  # not yet seen by a translator\n  source_hash: 56b96fb07fafc8aa\n")


def test_a_row_changed_in_both_places_is_a_conflict(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    sheet = tmp_path / "fr.csv"
    cli("-C", root, "export", "csv", "--lang", "fr", "-o", sheet)
    changed = locale.read_text().replace("équipe rouge", "équipe d'attaque")
    locale.write_text(changed)
    sheet.write_text(sheet.read_text("utf-8").replace("équipe rouge", "équipe adverse"), "utf-8")
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert (run.code, run.err) == (1, (
        f"{sheet}:3:1: red-teaming: changed in the file and, since the export, in "
        "locales/fr/glossary.yaml; export again and redo the change there, or import with "
        "--force to replace the repository's entry with the file's\n"
        "locales/fr/glossary.yaml: 0 added, 0 changed, 1 unchanged, 1 in conflict (nothing "
        "written)\n"))
    assert locale.read_text() == changed
    # Only the repository changed: the sheet is older, and the entry is kept.
    cli("-C", root, "export", "csv", "--lang", "fr", "-o", sheet)
    locale.write_text(changed.replace("équipe d'attaque", "équipe rouge"))
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert (run.code, run.err) == (0, "locales/fr/glossary.yaml: 0 added, 0 changed, 1 "
                                      "unchanged, 1 kept (changed in the repository since the "
                                      "export)\n")
    assert "équipe rouge" in locale.read_text()
