from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tooling.check import run_check
from tooling.errors import InterlexError
from tooling.project import load_project
from tooling.sitegen.messages import catalog_states, extract, translations, update_catalogs


def test_extraction_finds_strings_of_code_and_templates() -> None:
    catalog = extract()
    assert [path for path, _ in catalog["Definition"].locations] == [
        "tooling/sitegen/concept_page.py"]
    assert catalog["Draft translation"] is not None
    assert len([m for m in catalog if m.id]) >= 40


def test_update_writes_the_template_and_every_catalog(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    loaded = load_project(root)
    assert update_catalogs(loaded) == ["locales/messages.pot", "locales/fr/messages.po"]
    assert update_catalogs(loaded) == []
    french = root / "locales" / "fr" / "messages.po"
    text = french.read_text("utf-8")
    assert 'msgid "Definition"\nmsgstr ""\n' in text and '"Language: fr\\n"' in text
    french.write_text(text.replace('msgid "Definition"\nmsgstr ""',
                                   'msgid "Definition"\nmsgstr "Définition"')
                      .replace('msgid "Notes"\nmsgstr ""',
                               '#, fuzzy\nmsgid "Notes"\nmsgstr "Remarques"'), "utf-8")
    assert translations(loaded, "fr").gettext("Definition") == "Définition"
    assert translations(loaded, "fr").gettext("Notes") == "Notes"  # fuzzy: not used
    assert translations(loaded, "en").gettext("Definition") == "Definition"
    # Updating keeps the translations; the check names what is left to translate.
    assert update_catalogs(loaded) == []
    fuzzy, untranslated = [f.message for f in run_check(loaded).findings
                           if f.rule == "interface-strings"]
    left = len([m for m in extract() if m.id]) - 2
    assert untranslated.startswith(f"{left} untranslated interface strings in fr: 'Term', ")
    assert fuzzy.startswith("1 fuzzy interface string in fr: 'Notes'; ")
    assert 'msgstr "Définition"' in french.read_text("utf-8")


def test_a_language_without_catalog_shows_the_source_strings(
        project: Callable[[str], Path]) -> None:
    loaded = load_project(project("minimal"))
    assert translations(loaded, "fr").gettext("Definition") == "Definition"
    assert list(catalog_states(loaded)) == []


def test_catalog_states_and_the_check(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "locales" / "fr" / "messages.po").write_text(
        'msgid ""\nmsgstr "Language: fr\\n"\n\n#, fuzzy\nmsgid "Definition"\nmsgstr "Déf"\n\n'
        'msgid "Notes"\nmsgstr "Notes"\n', "utf-8")
    loaded = load_project(root)
    [state] = catalog_states(loaded)
    assert state.fuzzy == (("Definition", 5),)
    assert ("Term", 0) in state.untranslated and ("Notes", 9) not in state.untranslated
    findings = [f for f in run_check(loaded).findings if f.rule == "interface-strings"]
    total = len(state.untranslated)
    assert [(f.severity.value, f.span.line, f.message) for f in findings] == [
        ("warning", 1, f"{total} untranslated interface strings in fr: 'Term', 'Status', "
         f"'Note' and {total - 3} more; translate them here (run `interlex locale messages` "
         "first if the file lacks them)"),
        ("warning", 5, "1 fuzzy interface string in fr: 'Definition'; check each translation, "
         "then remove its `#, fuzzy` flag")]


def test_a_broken_catalog_is_an_error_not_a_traceback(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "locales" / "fr" / "messages.po").write_text("garbage line\n", "utf-8")
    loaded = load_project(root)
    with pytest.raises(InterlexError, match=r"messages.po: not a readable gettext catalog"):
        translations(loaded, "fr")
    [finding] = [f for f in run_check(loaded).findings if f.rule == "interface-strings"]
    assert finding.severity.value == "error"
    assert finding.message == ("not a readable gettext catalog (Unknown or misformatted keyword "
                               "on 0); fix the file or restore it from git")


def test_locale_messages_command(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    first = cli("-C", root, "locale", "messages")
    assert (first.code, first.out) == (0, "locales/messages.pot: updated\n"
                                          "locales/fr/messages.po: updated\n")
    again = cli("-C", root, "locale", "messages")
    assert (again.code, again.out) == (0, "catalogs are up to date\n")
