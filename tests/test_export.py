from __future__ import annotations

import csv
import io
import json
import os
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from lxml import etree

from tests.conftest import REPO, Run, write
from tests.schematron import failures
from tooling.export import FORMULA_START
from tooling.glossary import load_glossary
from tooling.import_csv import read_csv
from tooling.project import load_project

TBX_DIR = Path(os.environ.get("INTERLEX_TBX_DIR", REPO.parent / "shared" / "tbx"))


def _official(name: str) -> Path:
    path = TBX_DIR / name
    # The official schemas may not be committed: they are read from INTERLEX_TBX_DIR.
    assert path.is_file(), f"{path} missing: set INTERLEX_TBX_DIR to the folder of the TBX schemas"
    return path


def _validate(tbx: Path) -> list[str]:
    rng = etree.RelaxNG(etree.parse(str(_official("TBXcoreStructV03.rng"))))
    document = etree.parse(str(tbx))
    problems = [str(error) for error in rng.error_log] if not rng.validate(document) else []
    return problems + failures(tbx, _official("TBX-Basic_DCA.sch"))


def test_the_validator_finds_errors_in_a_broken_file(tmp_path: Path) -> None:
    example = _official("Example_Astronomy_DCA_VALID.tbx").read_text("utf-8")
    assert _validate(_official("Example_Astronomy_DCA_VALID.tbx")) == []
    broken = tmp_path / "broken.tbx"
    broken.write_text(example.replace("preferredTerm-admn-sts", "bestTerm", 1), "utf-8")
    assert _validate(broken) == [
        "tbx:termNote[@type='administrativeStatus']: /administrativeStatus/ type may be: "
        "'admittedTerm-admn-sts' or 'deprecatedTerm-admn-sts' or 'supersededTerm-admn-sts' or "
        "'preferredTerm-admn-sts'"]


def test_tbx_export_of_the_real_glossary_is_valid_tbx_basic(cli: Callable[..., Run],
                                                            tmp_path: Path) -> None:
    target = tmp_path / "glossary.tbx"
    run = cli("-C", REPO, "export", "tbx", "-o", target)
    assert (run.code, run.out, run.err) == (0, "", "")
    assert _validate(target) == []
    text = target.read_text("utf-8")
    assert text.count("<conceptEntry ") >= 80
    for lang in ("en", "fr", "ja", "ko", "sw", "zh", "es", "de", "ar"):
        assert f'<langSec xml:lang="{lang}">' in text


def test_tbx_carries_statuses_notes_and_do_not_translate(project: Callable[[str], Path],
                                                          cli: Callable[..., Run]) -> None:
    root = project("docs-project")
    run = cli("-C", root, "export", "tbx", "--lang", "en")
    assert run.out.count("<langSec ") == 3
    assert ('<termSec>\n            <term>AISI</term>\n'
            '            <termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>\n'
            '            <termNote type="termType">acronym</termNote>\n'
            "            <note>do-not-translate</note>\n          </termSec>") in run.out
    assert '<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>' in run.out


def test_csv_has_a_row_per_term_and_no_formulas(project: Callable[[str], Path],
                                                cli: Callable[..., Run]) -> None:
    root = project("minimal")
    concept = root / "glossary" / "red-teaming.yaml"
    concept.write_text(concept.read_text()
                       + "  - term: \"=HYPERLINK(1)\"\n    status: deprecated\n")
    run = cli("-C", root, "export", "csv")
    rows = list(csv.reader(io.StringIO(run.out)))
    assert rows[0] == ["concept", "lang", "term", "status", "type", "part_of_speech",
                       "case_sensitive", "do_not_translate", "forms", "definition", "review",
                       "domain", "entry_hash"]
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("evaluation", "en", "evaluation", "preferred"), ("evaluation", "en", "eval", "admitted"),
        ("evaluation", "fr", "évaluation", "preferred"),
        ("red-teaming", "en", "red teaming", "preferred"),
        ("red-teaming", "en", "'=HYPERLINK(1)", "deprecated"),
        ("red-teaming", "fr", "red teaming", "preferred"),
        ("red-teaming", "fr", "équipe rouge", "admitted")]
    assert rows[1][8] == "evaluations" and rows[3][10] == "draft"
    # The fingerprint of each translated entry as exported, for the import's conflict check.
    assert [r[12] for r in rows[1:]] == ["", "", "373c210f006d28e0", "", "", "6e287cf01fbf97c5",
                                         "6e287cf01fbf97c5"]
    assert run.out.endswith("\r\n")


def test_json_and_skos(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    exported = json.loads(cli("-C", root, "export", "json").out)
    assert exported["source_language"] == "en"
    first = exported["concepts"][0]
    assert (first["id"], first["related"], sorted(first["languages"])) == (
        "evaluation", ["red-teaming"], ["en", "fr"])
    assert first["languages"]["fr"]["review"] == "draft"
    skos = json.loads(cli("-C", root, "export", "skos").out)
    concept = skos["@graph"][2]
    assert concept["@id"] == "concept/red-teaming"
    assert concept["skos:prefLabel"] == [{"@value": "red teaming", "@language": "en"},
                                         {"@value": "red teaming", "@language": "fr"}]
    assert concept["skos:altLabel"] == [{"@value": "équipe rouge", "@language": "fr"}]
    assert concept["skos:broader"] == [{"@id": "concept/evaluation"}]


def test_export_usage_errors(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    unknown = cli("-C", root, "export", "json", "--lang", "xx")
    assert unknown.err == ("interlex: error: not a language of this project: xx; the languages "
                           "are en, fr\n")
    write(root / "glossary" / "broken.yaml", "id: [\n")
    broken = cli("-C", root, "export", "tbx")
    assert broken.code == 2
    assert broken.err.startswith("interlex: error: glossary/broken.yaml:2:1: ")
    assert broken.err.endswith("fix the glossary before exporting (1 unreadable file(s); see "
                               "`interlex check`)\n")


def test_retired_and_untranslated_concepts_are_left_out(project: Callable[[str], Path],
                                                        cli: Callable[..., Run]) -> None:
    root = project("minimal")
    concept = root / "glossary" / "red-teaming.yaml"
    concept.write_text(concept.read_text().replace("status: approved", "status: retired"))
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().split("red-teaming:")[0].replace(
        "    - term: évaluation\n      status: preferred\n", ""))
    locale.write_text(locale.read_text().replace("  terms:\n  definition", "  terms: []\n"
                                                 "  definition"))
    exported = json.loads(cli("-C", root, "export", "json").out)
    assert [(c["id"], sorted(c["languages"])) for c in exported["concepts"]] == [
        ("evaluation", ["en"])]


@pytest.mark.parametrize("fmt", ["tbx", "csv", "json", "skos"])
def test_every_format_writes_atomically_to_a_file(project: Callable[[str], Path],
                                                  cli: Callable[..., Run], tmp_path: Path,
                                                  fmt: str) -> None:
    target = tmp_path / f"out.{fmt}"
    assert cli("-C", project("minimal"), "export", fmt, "-o", target).code == 0
    assert target.stat().st_size > 100
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_incomplete_entries_export_what_they_have(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "glossary" / "bare.yaml", "id: bare\nstatus: draft\nterms:\n"
          "  - {term: bare, status: prefered}\n")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text() + "bare:\n  terms:\n    - {term: nu, status: preferred}\n")
    tbx = cli("-C", root, "export", "tbx").out
    entry = tbx[tbx.index('<conceptEntry id="bare">'):tbx.index("</conceptEntry>",
                                                                tbx.index('id="bare"'))]
    assert entry == ('<conceptEntry id="bare">\n        <langSec xml:lang="en">\n'
                     "          <termSec>\n            <term>bare</term>\n          </termSec>\n"
                     '        </langSec>\n        <langSec xml:lang="fr">\n'
                     "          <note>interlex-entry-hash: 5054ce8c6f8b40a2</note>\n"
                     "          <termSec>\n"
                     "            <term>nu</term>\n"
                     '            <termNote type="administrativeStatus">preferredTerm-admn-sts'
                     "</termNote>\n          </termSec>\n        </langSec>\n      ")
    skos = json.loads(cli("-C", root, "export", "skos").out)
    bare = next(node for node in skos["@graph"] if node["@id"] == "concept/bare")
    assert bare == {"@id": "concept/bare", "@type": "skos:Concept",
                    "skos:inScheme": {"@id": "scheme"},
                    "skos:prefLabel": [{"@value": "nu", "@language": "fr"}]}


# Cells a spreadsheet would run as a formula, and what the export writes for them; a
# leading space, or an apostrophe before anything else, makes text of them already.
FORMULA_CELLS = [
    ("=HYPERLINK(\"https://example.org\",\"x\")", "'=HYPERLINK(\"https://example.org\",\"x\")"),
    ("+33 1 23", "'+33 1 23"), ("-moins", "'-moins"), ("@SUM(A1:A2)", "'@SUM(A1:A2)"),
    ("\tTabulation", "'\tTabulation"), ("\rRetour", "'\rRetour"), (" =espace", " =espace"),
    ("'=apostrophe", "''=apostrophe"), ("''+deux", "'''+deux"), ("'texte", "'texte"),
]


def test_csv_cells_that_would_be_formulas_are_disarmed_and_read_back_as_they_were(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    terms = "".join(f"    - term: {json.dumps(text)}\n      status: admitted\n"
                    for text, _ in FORMULA_CELLS[1:])
    locale.write_text(locale.read_text().split("red-teaming:")[0] + (
        f"red-teaming:\n  terms:\n    - term: {json.dumps(FORMULA_CELLS[0][0])}\n"
        f"      status: preferred\n      forms: [\"-pluriel\", \"@forme\"]\n{terms}"
        "  definition: \"=1+1 n'est pas une formule.\"\n  review: draft\n"
        "  source_hash: 4b2c151a4842494d\n"), "utf-8")
    sheet = tmp_path / "fr.csv"
    assert cli("-C", root, "export", "csv", "--lang", "fr", "-o", sheet).code == 0
    rows = list(csv.reader(io.StringIO(sheet.read_bytes().decode("utf-8"), newline="")))
    red = [row for row in rows if row[0] == "red-teaming"]
    assert [row[2] for row in red] == [cell for _, cell in FORMULA_CELLS]
    assert red[0][8] == "'-pluriel | @forme"  # forms: one cell, guarded as a whole
    assert {row[9] for row in red} == {"'=1+1 n'est pas une formule."}
    assert not [cell for row in rows for cell in row if cell.startswith(FORMULA_START)]
    # The import takes the guard away again: each text as it was, and nothing changes.
    glossary = load_glossary(load_project(root)).glossary
    records, problems = read_csv(sheet, "fr", glossary)
    assert problems == []
    [record] = [r for r in records if r.concept == "red-teaming"]
    assert [t.term for t in record.terms] == [text for text, _ in FORMULA_CELLS]
    assert record.terms[0].forms == ("-pluriel", "@forme")
    assert record.definition == "=1+1 n'est pas une formule."
    before = locale.read_bytes()
    run = cli("-C", root, "import", "csv", sheet, "--lang", "fr")
    assert (run.code, run.err) == (0, "locales/fr/glossary.yaml: 0 added, 0 changed, "
                                      "2 unchanged\n")
    assert locale.read_bytes() == before
    # Even when the entry is imported afresh, every text is written back as it was.
    locale.write_text(before.decode("utf-8").split("red-teaming:")[0], "utf-8")
    sheet.write_bytes(re.sub(rb",[0-9a-f]{16}\r\n", b",\r\n", sheet.read_bytes()))
    assert cli("-C", root, "import", "csv", sheet, "--lang", "fr").err == (
        "locales/fr/glossary.yaml: 1 added, 0 changed, 1 unchanged\n")
    entry = load_glossary(load_project(root)).glossary.locales["fr"].entries["red-teaming"]
    assert [t.text for t in entry.terms] == [text for text, _ in FORMULA_CELLS]
    assert entry.terms[0].forms == ("-pluriel", "@forme")
    assert entry.definition == "=1+1 n'est pas une formule."
