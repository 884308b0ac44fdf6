from __future__ import annotations

import re
import signal
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml
from lxml import etree

from tests.conftest import DATA, Run, copy_repository, write
from tests.killing import kill_before_replace
from tests.test_export import TBX_DIR
from tooling.import_tbx import MAX_TBX_BYTES

INVALID = DATA / "invalid" / "tbx"
NS = {"t": "urn:iso:std:iso:30042:ed-2"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n<tbx type="TBX-Basic" style="dca" '
        'xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">\n<text><body>\n')
TAIL = "</body></text>\n</tbx>\n"


def _tbx(path: Path, body: str) -> Path:
    """A TBX file whose body starts on line 4."""
    return write(path, HEAD + body + TAIL)


def test_export_then_import_leaves_every_locale_file_byte_identical(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    cli("-C", root, "export", "tbx", "-o", tmp_path / "all.tbx")
    run = cli("-C", root, "import", "tbx", tmp_path / "all.tbx", "--lang", "fr")
    assert (run.code, run.out, run.err) == (
        0, "", "locales/fr/glossary.yaml: 0 added, 0 changed, 2 unchanged\n")
    assert locale.read_bytes() == before
    # The same file saved as UTF-16 by some tool reads the same.
    utf16 = tmp_path / "utf16.tbx"
    utf16.write_bytes((tmp_path / "all.tbx").read_text("utf-8").replace(
        'encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16"))
    assert cli("-C", root, "import", "tbx", utf16, "--lang", "fr").err == (
        "locales/fr/glossary.yaml: 0 added, 0 changed, 2 unchanged\n")


def test_the_real_glossary_round_trips_in_every_language(cli: Callable[..., Run],
                                                         tmp_path: Path) -> None:
    root = copy_repository(tmp_path / "repo", content=False)
    cli("-C", root, "export", "tbx", "-o", tmp_path / "all.tbx")
    for lang in ("fr", "ja", "ko", "sw", "zh", "es", "de", "ar"):
        before = (root / "locales" / lang / "glossary.yaml").read_bytes()
        run = cli("-C", root, "import", "tbx", tmp_path / "all.tbx", "--lang", lang)
        assert run.code == 0 and " 0 added, 0 changed, " in run.err, (lang, run.err)
        assert (root / "locales" / lang / "glossary.yaml").read_bytes() == before, lang
    # Each entry read back has the fingerprint its export recorded: once the repository has
    # changed every entry since the export, none of the file's entries is taken.
    cli("-C", root, "export", "csv", "-o", tmp_path / "all.csv")
    locale = root / "locales" / "ja" / "glossary.yaml"
    locale.write_text(re.sub(r"(?m)^  review: draft$", "  review: reviewed", locale.read_text()))
    for fmt in ("tbx", "csv"):
        run = cli("-C", root, "import", fmt, tmp_path / f"all.{fmt}", "--lang", "ja")
        assert run.err == ("locales/ja/glossary.yaml: 0 added, 0 changed, 0 unchanged, 112 kept "
                           "(changed in the repository since the export)\n"), fmt


def test_import_changes_what_the_file_changes_and_keeps_what_tbx_does_not_carry(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    text = locale.read_text()
    locale.write_text(text.replace(
        "    - term: équipe rouge\n      status: admitted\n",
        "    - term: équipe rouge  # keep\n      status: admitted\n      forms: [équipes rouges]\n"
        "      case_sensitive: true\n      part_of_speech: proper-noun\n      reading: er\n"))
    exported = tmp_path / "fr.tbx"
    cli("-C", root, "export", "tbx", "--lang", "fr", "-o", exported)
    edited = exported.read_text("utf-8").replace(
        "<note>review: draft</note>",
        "<note>review: reviewed</note>\n          <note>Usage   courant.\n\n   Voir aussi.</note>"
    ).replace("<term>évaluation</term>", "<term>évaluation</term>\n            "
              '<termNote type="termType">fullForm</termNote><note>do-not-translate</note>'
              "<note>Nom.</note>")
    exported.write_text(edited, "utf-8")
    dry = cli("-C", root, "import", "tbx", exported, "--lang", "fr", "--dry-run")
    assert dry.err == ("locales/fr/glossary.yaml: 0 added, 1 changed, 1 unchanged (dry run: "
                       "nothing written)\n")
    assert dry.out.startswith("--- a/locales/fr/glossary.yaml\n+++ b/locales/fr/glossary.yaml")
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert (run.code, run.err) == (0, "locales/fr/glossary.yaml: 0 added, 1 changed, 1 "
                                      "unchanged\n")
    assert locale.read_text().split("red-teaming:")[0].endswith(
        "evaluation:\n  terms:\n    - term: évaluation\n      status: preferred\n"
        "      type: full-form\n      do_not_translate: true\n      note: Nom.\n"
        "  definition: >-\n    Mesure systématique de ce qu'un système d'IA sait faire et de son "
        "comportement.\n  review: reviewed # not yet seen by a translator\n"
        "  source_hash: 56b96fb07fafc8aa\n  notes:\n    - |-\n      Usage courant.\n\n"
        "      Voir aussi.\n")
    # What TBX does not carry, and the finer part of speech, stayed as they were.
    assert "    - term: équipe rouge  # keep\n      status: admitted\n      forms: [équipes " \
           "rouges]\n      case_sensitive: true\n      part_of_speech: proper-noun\n" \
           "      reading: er\n" in locale.read_text()
    assert cli("-C", root, "check", "--strict").code == 0
    again = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert again.err == "locales/fr/glossary.yaml: 0 added, 0 changed, 2 unchanged\n"


def test_conflicts_are_reported_and_nothing_is_written(project: Callable[[str], Path],
                                                       cli: Callable[..., Run],
                                                       tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    exported = tmp_path / "fr.tbx"
    cli("-C", root, "export", "tbx", "--lang", "fr", "-o", exported)
    # Since the export, the repository changed both entries; the file changed one of them.
    changed = locale.read_text().replace("Mesure systématique", "Mesure méthodique").replace(
        "    - term: équipe rouge\n", "    - term: équipe rouge\n      note: Calque.\n")
    locale.write_text(changed)
    exported.write_text(exported.read_text("utf-8").replace(
        "<term>red teaming</term>", "<term>tests d'intrusion</term>"), "utf-8")
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        f"{exported}:28:9: red-teaming: changed in the file and, since the export, in "
        "locales/fr/glossary.yaml; export again and redo the change there, or import with "
        "--force to replace the repository's entry with the file's\n"
        "locales/fr/glossary.yaml: 0 added, 0 changed, 0 unchanged, 1 kept (changed in the "
        "repository since the export), 1 in conflict (nothing written)\n")
    assert locale.read_text() == changed
    dry = cli("-C", root, "import", "tbx", exported, "--lang", "fr", "--dry-run")
    assert dry.code == 1 and dry.out == "" and dry.err.endswith(
        "1 kept (changed in the repository since the export), 1 in conflict (dry run: nothing "
        "written)\n")
    forced = cli("-C", root, "import", "tbx", exported, "--lang", "fr", "--force")
    assert (forced.code, forced.err) == (0, "locales/fr/glossary.yaml: 0 added, 1 changed, 0 "
                                            "unchanged, 1 kept (changed in the repository "
                                            "since the export)\n")
    text = locale.read_text()
    assert "Mesure méthodique" in text  # the repository's newer entry was kept
    assert ("red-teaming:\n  terms:\n    - term: tests d'intrusion\n      status: preferred\n"
            "    - term: équipe rouge\n      note: Calque.\n      status: admitted\n") in text


def test_an_entry_deleted_since_the_export_is_not_brought_back(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    exported = tmp_path / "fr.tbx"
    cli("-C", root, "export", "tbx", "--lang", "fr", "-o", exported)
    locale.write_text(locale.read_text().split("red-teaming:")[0])
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert run.err == ("locales/fr/glossary.yaml: 0 added, 0 changed, 1 unchanged, 1 kept "
                       "(changed in the repository since the export)\n")
    # Without the recorded hash (a file from another tool) it is simply added.
    exported.write_text(re.sub(r"\s*<note>interlex-entry-hash: \w+</note>", "",
                               exported.read_text("utf-8")), "utf-8")
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert run.err == "locales/fr/glossary.yaml: 1 added, 0 changed, 1 unchanged\n"
    assert locale.read_text().endswith(
        "red-teaming:\n  terms:\n    - term: red teaming\n      status: preferred\n"
        "    - term: équipe rouge\n      status: admitted\n  definition: Mise à l'épreuve "
        "structurée d'un système d'IA par des personnes jouant l'adversaire.\n"
        "  review: reviewed\n  source_hash: 4b2c151a4842494d\n")


def test_entries_from_other_tools_are_matched_by_their_source_term(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().replace("source_hash: 56b96fb07fafc8aa", "source_hash: "
                                                 "0000000000000000"))
    source = _tbx(tmp_path / "memoq.tbx", (
        '<conceptEntry id="c1">\n'
        '<langSec xml:lang="en"><termSec><term>Evaluation</term></termSec></langSec>\n'
        '<langSec xml:lang="FR"><descripGrp><descrip type="definition">Mesure\n'
        '   systématique.</descrip><admin type="source">X</admin></descripGrp>\n'
        "<termSec><term>évaluation</term><termNoteGrp><termNote type=\"partOfSpeech\">noun"
        '</termNote></termNoteGrp><termNote type="administrativeStatus">preferredTerm-admn-sts'
        "</termNote><note>Terme   courant.</note></termSec>\n"
        '<termSec><term>éval</term><termNote type="termType">shortForm</termNote></termSec>\n'
        "</langSec></conceptEntry>\n"
        '<conceptEntry id="c2"><langSec xml:lang="de"><termSec><term>Rot</term></termSec>'
        "</langSec></conceptEntry>\n"))
    run = cli("-C", root, "import", "tbx", source, "--lang", "fr")
    assert (run.code, run.err) == (0, "locales/fr/glossary.yaml: 0 added, 1 changed, 0 "
                                      "unchanged\n")
    assert locale.read_text().split("red-teaming:")[0].endswith(
        "evaluation:\n  terms:\n    - term: évaluation\n      status: preferred\n"
        "      part_of_speech: noun\n      note: Terme courant.\n    - term: éval\n"
        "      status: admitted\n      type: short-form\n  definition: >-\n"
        "    Mesure systématique.\n  review: draft  # not yet seen by a translator\n"
        "  source_hash: 56b96fb07fafc8aa\n")


def test_what_cannot_be_matched_or_read_is_reported(project: Callable[[str], Path],
                                                    cli: Callable[..., Run],
                                                    tmp_path: Path) -> None:
    root = project("minimal")
    write(root / "glossary" / "assessment.yaml",
          "id: assessment\nstatus: draft\nterms:\n  - {term: EVALUATION, status: preferred}\n")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    source = _tbx(tmp_path / "bad.tbx", (
        '<conceptEntry id="x1">\n'
        '<langSec xml:lang="en"><termSec><term>no such term</term></termSec></langSec>\n'
        '<langSec xml:lang="fr"><termSec><term>rien</term></termSec></langSec>\n'
        "</conceptEntry>\n"
        '<conceptEntry><langSec xml:lang="fr"><termSec><term>x</term></termSec></langSec>'
        "</conceptEntry>\n"
        '<conceptEntry id="x2">\n'
        '<langSec xml:lang="en"><termSec><term>evaluation</term></termSec></langSec>\n'
        '<langSec xml:lang="fr"><termSec><term>y</term></termSec></langSec>\n'
        "</conceptEntry>\n"
        '<conceptEntry id="red-teaming">\n'
        '<langSec xml:lang="fr"><note>review: pending</note>'
        "<note>interlex-entry-hash: zz</note>\n"
        '<termSec><term>a</term><termNote type="administrativeStatus">bestTerm</termNote>'
        '<termNote type="partOfSpeech">properNoun</termNote>'
        '<termNote type="termType">initialism</termNote></termSec>\n'
        "<termSec><term>  </term></termSec>\n"
        f"<termSec><term>{'b' * 201}</term></termSec>\n"
        "</langSec>\n"
        '<langSec xml:lang="fr"><termSec><term>c</term></termSec></langSec>\n'
        "</conceptEntry>\n"
        '<conceptEntry id="red-teaming"><langSec xml:lang="fr"><termSec><term>d</term>'
        "</termSec></langSec></conceptEntry>\n"))
    run = cli("-C", root, "import", "tbx", source, "--lang", "fr")
    assert (run.code, run.out) == (2, "")
    fix = "; give it the id of its concept (a file name in glossary/ without .yaml)"
    assert run.err.split("\n") == [
        "interlex: error: nothing imported; fix these first:",
        f"{source}:19:1: a second langSec for 'fr' in one conceptEntry; merge the two",
        f"{source}:15:1: administrativeStatus 'bestTerm' is not a TBX-Basic value; use one of "
        "admittedTerm-admn-sts, deprecatedTerm-admn-sts, preferredTerm-admn-sts, "
        "supersededTerm-admn-sts",
        f"{source}:15:1: termType 'initialism' is not a TBX-Basic value; use one of "
        "abbreviation, acronym, fullForm, phrase, shortForm, variant",
        f"{source}:15:1: partOfSpeech 'properNoun' is not a TBX-Basic value; use one of "
        "adjective, adverb, noun, other, verb",
        f"{source}:16:1: a termSec without a term; write the term in its <term> or remove the "
        "termSec",
        f"{source}:4:1: conceptEntry 'x1' cannot be matched to a concept: no concept has its "
        f"preferred 'en' term 'no such term'{fix}",
        f"{source}:8:1: a conceptEntry without id cannot be matched to a concept: it has no "
        f"preferred 'en' term to find it by{fix}",
        f"{source}:9:1: conceptEntry 'x2' cannot be matched to a concept: its preferred 'en' "
        f"term 'evaluation' is that of assessment, evaluation{fix}",
        f"{source}:21:1: a second conceptEntry for concept 'red-teaming' (the first is at "
        f"{source}:13:1); keep one of the two",
        f"{source}:14:1: red-teaming: term of 201 characters, 'bbbbbbbbbbbbbbbbbbbb…'; at most "
        "200 are allowed: shorten it",
        f"{source}:14:1: red-teaming: review 'pending'; use draft, reviewed or approved",
        f"{source}:14:1: red-teaming: entry hash 'zz' is not one an export writes (16 hex "
        "digits); copy it back from the export, or remove it to import this entry without the "
        "conflict check",
        ""]
    assert locale.read_bytes() == before


def test_positions_in_a_file_on_one_line_and_in_a_tag_over_lines(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    entry = ('<conceptEntry id="{}"><langSec xml:lang="fr"><termSec><term>{}</term></termSec>'
             "</langSec></conceptEntry>")
    source = _tbx(tmp_path / "one-line.tbx", entry.format("a", "x") + entry.format("b", " ")
                  + '\n<conceptEntry id="evaluation"><langSec\n  xml:lang="fr"></langSec>\n'
                  '<langSec\n  ><termSec><term>y</term></termSec></langSec></conceptEntry>\n')
    fix = "; give it the id of its concept (a file name in glossary/ without .yaml)"
    assert cli("-C", root, "import", "tbx", source, "--lang", "fr").err.split("\n") == [
        "interlex: error: nothing imported; fix these first:",
        f"{source}:4:147: a termSec without a term; write the term in its <term> or remove the "
        "termSec",
        f"{source}:7:1: a langSec without xml:lang; give it the language of its terms "
        '(xml:lang="fr")',
        f"{source}:5:31: a langSec without a termSec; add its terms, or remove the langSec",
        f"{source}:4:1: conceptEntry 'a' cannot be matched to a concept: it has no preferred "
        f"'en' term to find it by{fix}",
        f"{source}:4:103: conceptEntry 'b' cannot be matched to a concept: it has no preferred "
        f"'en' term to find it by{fix}",
        ""]


@pytest.mark.parametrize("name", sorted(p.name for p in INVALID.iterdir()))
def test_hostile_and_broken_files_give_one_clean_error(
        project: Callable[[str], Path], cli: Callable[..., Run], name: str) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    path = INVALID / name
    doctype = (": the file declares a document type (<!DOCTYPE ...>); TBX needs none, and its "
               "entities could read local files or expand without bound, so it is refused: "
               "remove the declaration and any entity reference (&name;) from the file")
    xml = "not well-formed XML: "
    again = "; fix the file or export it again from your tool"
    expected = {
        "billion-laughs.tbx": f"{path}:2:1{doctype}",
        "deep-nesting.tbx": f"{path}:15:1018: {xml}Excessive depth in document: 256, use "
                            f"XML_PARSE_HUGE option{again}",
        "empty.tbx": f"{path}:1:1: {xml}Document is empty{again}",
        "external-dtd.tbx": f"{path}:2:1{doctype}",
        "huge-text.tbx": f"nothing imported; fix these first:\n{path}:13:9: evaluation: "
                         "definition of 5599 characters, 'Mesure Mesure Mesure…'; at most 5000 "
                         "are allowed: shorten it",
        "missing-lang.tbx": f"nothing imported; fix these first:\n{path}:13:9: a langSec "
                            "without xml:lang; give it the language of its terms "
                            '(xml:lang="fr")',
        "not-utf8.tbx": f"{path}:15:19: not UTF-8 (invalid continuation byte); save the file as "
                        "UTF-8",
        "not-well-formed.tbx": f"{path}:15:39: {xml}Opening and ending tag mismatch: term line "
                               f"15 and termSec{again}",
        "undefined-entity.tbx": f"{path}:15:24: {xml}Entity 'xxe' not defined{again}",
        "wrong-root.tbx": f"{path}:2:1: the root element is <martif> (namespace: none); a "
                          "TBX-Basic file (ISO 30042:2019) has <tbx> in the namespace "
                          "urn:iso:std:iso:30042:ed-2: export it again from your tool as "
                          "TBX-Basic (TBX v3, DCA style)",
        "xxe-parameter-entity.tbx": f"{path}:2:1{doctype}",
        "xxe.tbx": f"{path}:2:1{doctype}",
    }
    run = cli("-C", root, "import", "tbx", path, "--lang", "fr")
    assert (run.code, run.out, run.err) == (2, "", f"interlex: error: {expected[name]}\n")
    assert locale.read_bytes() == before


def test_files_that_cannot_be_read_or_are_not_tbx_basic_dca(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")

    def error(path: Path, lang: str = "fr") -> str:
        run = cli("-C", root, "import", "tbx", path, "--lang", lang)
        assert run.code == 2
        return run.err.removeprefix("interlex: error: ").removesuffix("\n")

    huge = tmp_path / "huge.tbx"
    with huge.open("wb") as stream:
        stream.truncate(MAX_TBX_BYTES + 1)  # sparse: takes no room on disk
    assert error(huge) == (f"{huge}: {MAX_TBX_BYTES + 1} bytes is more than the "
                           f"{MAX_TBX_BYTES} a TBX file may have; export fewer languages "
                           "(--lang) or split it")
    assert error(tmp_path / "none.tbx") == (f"{tmp_path / 'none.tbx'}: cannot read it (No such "
                                            "file or directory)")
    assert error(tmp_path) == f"{tmp_path}: cannot read it (Is a directory)"
    dct = TBX_DIR / "Example_Astronomy_DCT_VALID.tbx"
    assert error(dct) == (f"{dct}:4:1: style=\"dct\": only the DCA style (style=\"dca\") is "
                          "read; export it again from your tool in DCA style")
    other = write(tmp_path / "other.tbx", '<tbx xmlns="urn:example"/>')
    assert error(other).startswith(f"{other}:1:1: the root element is <tbx> (namespace: "
                                   "urn:example); a TBX-Basic file")
    english = _tbx(tmp_path / "en.tbx", '<conceptEntry id="evaluation"><langSec xml:lang="en">'
                   "<termSec><term>evaluation</term></termSec></langSec></conceptEntry>\n")
    assert error(english) == f"{english}: no entries for language 'fr'; the file has: en"
    empty = _tbx(tmp_path / "empty.tbx", "")
    assert error(empty) == f"{empty}: no entries for language 'fr'; the file has: none"
    assert error(english, "de") == ("not a translation language: de; the languages are fr (see "
                                    "mkdocs.yml)")


def _example_fixture(root: Path, example: etree._ElementTree) -> None:
    """A project whose English concepts are those of the official example: concepts
    whose English entry has a preferred term get an id of their own (found by that term),
    the others keep the example's id."""
    write(root / "mkdocs.yml", "site_name: Astronomy\nplugins:\n  - i18n:\n      languages:\n"
          "        - locale: en\n          default: true\n        - locale: es\n")
    write(root / "glossary" / "domains.yaml", "astronomy:\n  name: {en: Astronomy}\n")
    for concept in example.iterfind(".//t:conceptEntry", NS):
        english = concept.find(f"t:langSec[@{XML_LANG}='en']", NS)
        if english is None:
            continue
        terms = [(" ".join(t.findtext("t:term", "", NS).split()),
                  _status(t, len(english.findall("t:termSec", NS))))
                 for t in english.iterfind("t:termSec", NS)]
        preferred = [text for text, status in terms if status == "preferred"]
        concept_id = (re.sub(r"[^a-z0-9]+", "-", preferred[0].lower()).strip("-") if preferred
                      else concept.get("id"))
        statuses = [s if preferred or i else "preferred" for i, (_, s) in enumerate(terms)]
        document = {"id": concept_id, "status": "approved", "domain": "astronomy",
                    "terms": [{"term": text, "status": status}
                              for (text, _), status in zip(terms, statuses, strict=True)]}
        write(root / "glossary" / f"{concept_id}.yaml", yaml.safe_dump(document))


def _status(term_sec: etree._Element, count: int) -> str:
    found = term_sec.findtext("t:termNote[@type='administrativeStatus']", None, NS)
    return found.removesuffix("Term-admn-sts") if found else (
        "preferred" if count == 1 else "admitted")


def test_the_official_tbx_basic_example_imports_without_loss(cli: Callable[..., Run],
                                                             tmp_path: Path) -> None:
    source = TBX_DIR / "Example_Astronomy_DCA_VALID.tbx"
    example = etree.parse(str(source))
    root = tmp_path / "astronomy"
    _example_fixture(root, example)
    run = cli("-C", root, "import", "tbx", source, "--lang", "es")
    assert (run.code, run.out, run.err) == (0, "", "locales/es/glossary.yaml: 39 added, 0 "
                                                   "changed, 0 unchanged\n")
    text = (root / "locales" / "es" / "glossary.yaml").read_text("utf-8")
    assert text.startswith(
        "open-cluster:\n  terms:\n    - term: cúmulo abierto\n      status: preferred\n"
        "      part_of_speech: noun\n  definition: Una acumulación de una docena hasta varios "
        "miles de jóvenes estrellas en el plano de las galaxias.\n  review: draft\n"
        "  source_hash: ")
    imported = yaml.safe_load(text)
    expected = {}
    for concept in example.iterfind(".//t:conceptEntry", NS):
        spanish = concept.find(f"t:langSec[@{XML_LANG}='es']", NS)
        if spanish is None:
            continue
        term_secs = spanish.findall("t:termSec", NS)
        definition = " ".join(str(spanish.xpath("string(.//t:descrip[@type='definition'])",
                                                namespaces=NS)).split())
        expected[" ".join(term_secs[0].findtext("t:term", "", NS).split())] = (
            [(" ".join(t.findtext("t:term", "", NS).split()), _status(t, len(term_secs)))
             for t in term_secs], definition or None)
    found = {entry["terms"][0]["term"]: (
        [(t["term"], t["status"]) for t in entry["terms"]],
        " ".join(entry["definition"].split()) if "definition" in entry else None)
        for entry in imported.values()}
    assert found == expected
    assert sum(len(terms) for terms, _ in found.values()) == 52 == len(
        example.findall(f".//t:langSec[@{XML_LANG}='es']/t:termSec", NS))
    assert sorted({status for terms, _ in found.values() for _, status in terms}) == [
        "admitted", "deprecated", "preferred"]
    assert sum(1 for _, definition in found.values() if definition) == 38
    again = cli("-C", root, "import", "tbx", source, "--lang", "es")
    assert again.err == "locales/es/glossary.yaml: 0 added, 0 changed, 39 unchanged\n"


@pytest.mark.parametrize("fmt", ["tbx", "csv"])
def test_a_process_killed_while_writing_leaves_the_locale_file_intact(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path,
        fmt: str) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_bytes()
    checked = cli("-C", root, "check")
    exported = tmp_path / f"fr.{fmt}"
    cli("-C", root, "export", fmt, "--lang", "fr", "-o", exported)
    exported.write_text(exported.read_text("utf-8").replace("Mesure systématique",
                                                            "Mesure méthodique"), "utf-8")
    killed = kill_before_replace(tmp_path / "paused", ["-C", str(root), "import", fmt,
                                                       str(exported), "--lang", "fr"])
    assert killed is not None
    temporary = killed.temporary
    assert "Mesure méthodique" in temporary.read_text("utf-8")  # the new file, written whole
    assert killed.returncode == -signal.SIGKILL
    assert locale.read_bytes() == before
    # What is left is a hidden temporary file, which no command reads.
    assert [p.name for p in locale.parent.iterdir() if p != locale] == [temporary.name]
    assert temporary.name.startswith(".glossary.yaml.") and temporary.name.endswith(".tmp")
    assert cli("-C", root, "check") == checked
    assert cli("-C", root, "import", fmt, exported, "--lang", "fr").code == 0
    assert "Mesure méthodique" in locale.read_text("utf-8")


def test_a_broken_locale_file_is_not_imported_into(project: Callable[[str], Path],
                                                   cli: Callable[..., Run],
                                                   tmp_path: Path) -> None:
    root = project("minimal")
    exported = tmp_path / "fr.tbx"
    cli("-C", root, "export", "tbx", "--lang", "fr", "-o", exported)
    locale = write(root / "locales" / "fr" / "glossary.yaml", "evaluation: [\n")
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert run.code == 2
    assert run.err.startswith("interlex: error: locales/fr/glossary.yaml:2:1: ")
    assert run.err.endswith("; fix the locale file before importing into it (see `interlex "
                            "check`)\n")
    assert locale.read_text() == "evaluation: [\n"
    locale.write_text("- evaluation\n")
    assert cli("-C", root, "import", "tbx", exported, "--lang", "fr").err == (
        "interlex: error: locales/fr/glossary.yaml:1:1: not a mapping of concept ids to entries; "
        "fix the locale file before importing into it (see `interlex check`)\n")
    locale.write_text("evaluation: ~\nred-teaming: just text\n")
    exported.write_text(re.sub(r"\s*<note>interlex-entry-hash: \w+</note>", "",
                               exported.read_text("utf-8")), "utf-8")
    run = cli("-C", root, "import", "tbx", exported, "--lang", "fr")
    assert run.err == "locales/fr/glossary.yaml: 0 added, 2 changed, 0 unchanged\n"
    assert locale.read_text().startswith("evaluation:\n  terms:\n    - term: évaluation\n")
