from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, write
from tests.killing import kill_at_every_write, snapshot


def test_locale_add_scaffolds_everywhere_and_keeps_comments(project: Callable[[str], Path],
                                                            cli: Callable[..., Run]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - interlex\n",
                                                 "  # our plugin\n  - interlex:\n"
                                                 "      partial_languages: []  # none yet\n"))
    run = cli("-C", root, "locale", "add", "pt_BR")
    assert run.out == ("locales/pt_BR/glossary.yaml: written\nlocales/pt_BR/messages.po: "
                       "written\ncontent/pt_BR/: written\nmkdocs.yml: written\n")
    text = config.read_text()
    assert ("        - locale: pt_BR\n          name: português (Brasil)\n"
            "          build: true\n  # our plugin\n  - interlex:\n"
            "      partial_languages: [pt_BR] # none yet\n") in text
    glossary = (root / "locales" / "pt_BR" / "glossary.yaml").read_text()
    assert glossary.endswith("evaluation:\n  terms: []\n  review: draft\nred-teaming:\n"
                             "  terms: []\n  review: draft\n")
    catalog = (root / "locales" / "pt_BR" / "messages.po").read_text()
    assert 'msgstr ""\n"Project-Id-Version: Interlex' in catalog
    assert 'msgid "Definition"\nmsgstr ""\n' in catalog
    assert (root / "content" / "pt_BR").is_dir()
    check = cli("-C", root, "check", "--strict", "--format", "json")
    assert check.code == 0
    assert {(f["rule"], f["severity"]) for f in check.json()["findings"]} == {
        ("missing-translation", "info"), ("interface-strings", "info")}


def test_locale_add_refusals(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    assert cli("-C", root, "locale", "add", "xx").err == (
        "interlex: error: 'xx' is not a locale Babel knows; use a code such as fr, pt_BR or "
        "zh_Hant\n")
    assert cli("-C", root, "locale", "add", "fr").err == (
        "interlex: error: 'fr' is already a language of this project (see mkdocs.yml)\n")
    # A translator's early start (or an interrupted run) is kept, never overwritten.
    write(root / "locales" / "de" / "glossary.yaml", "{}\n")
    write(root / "locales" / "de" / "messages.po", "# started\n")
    resumed = cli("-C", root, "locale", "add", "de")
    assert resumed.out == ("locales/de/glossary.yaml: kept (it exists)\nlocales/de/messages.po: "
                           "kept (it exists)\ncontent/de/: written\nmkdocs.yml: written\n")
    assert (root / "locales" / "de" / "glossary.yaml").read_text() == "{}\n"


def test_locale_add_without_interlex_plugin_block(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - interlex\n", ""))
    assert cli("-C", root, "locale", "add", "it").code == 0
    assert "partial_languages" not in config.read_text()
    bare = project("docs-project")
    (bare / "mkdocs.yml").write_text("plugins:\n  - i18n:\n      languages:\n"
                                     "        - {locale: en, default: true}\n  - interlex\n")
    assert cli("-C", bare, "locale", "add", "it").code == 0
    assert "  - interlex:\n      partial_languages: [it]\n" in (bare / "mkdocs.yml").read_text()


def test_locale_add_needs_the_list_form_of_plugins(project: Callable[[str], Path],
                                                   cli: Callable[..., Run]) -> None:
    root = project("minimal")
    (root / "mkdocs.yml").write_text("plugins:\n  i18n:\n    languages:\n"
                                     "      - {locale: en, default: true}\n")
    run = cli("-C", root, "locale", "add", "it")
    assert (run.code, run.err) == (2, "interlex: error: mkdocs.yml: no i18n plugin with a "
                                      "languages list to extend\n")


def test_locale_add_fills_an_empty_plugin_block(project: Callable[[str], Path],
                                                cli: Callable[..., Run]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    config.write_text(config.read_text().replace("  - interlex\n", "  - interlex:\n"))
    assert cli("-C", root, "locale", "add", "it").code == 0
    assert config.read_text().endswith("  - interlex:\n      partial_languages: [it]\n")


def _after(root: Path, tmp_path: Path, cli: Callable[..., Run], *args: str) -> dict[str, bytes]:
    """The project as the command leaves it when nothing interrupts it."""
    done = tmp_path / "uninterrupted"
    shutil.copytree(root, done)
    assert cli("-C", done, *args).code == 0
    return snapshot(done)


def test_locale_add_killed_while_writing_loses_nothing(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    after = _after(root, tmp_path, cli, "locale", "add", "it")
    written = kill_at_every_write(root, ["locale", "add", "it"], tmp_path, after)
    assert written == ["locales/it/glossary.yaml", "locales/it/messages.po", "mkdocs.yml"]
    # A run killed at any point can be run again, and ends as one that was not stopped.
    for stopped in (tmp_path / f"killed-before-write-{n}" for n in range(3)):
        resumed = cli("-C", stopped, "locale", "add", "it")
        assert resumed.code == 0, resumed.err
        left = {path: data for path, data in snapshot(stopped).items()
                if not path.endswith(".tmp")}  # the killed run's hidden temporary file
        assert left == after


def test_locale_messages_killed_while_writing_loses_nothing(
        project: Callable[[str], Path], cli: Callable[..., Run], tmp_path: Path) -> None:
    root = project("minimal")
    catalog = write(root / "locales" / "fr" / "messages.po",
                    'msgid ""\nmsgstr "Language: fr\\n"\n\nmsgid "Definition"\n'
                    'msgstr "Définition"\n')
    after = _after(root, tmp_path, cli, "locale", "messages")
    assert b'msgid "Definition"\nmsgstr "D\xc3\xa9finition"\n' in after[
        "locales/fr/messages.po"]
    written = kill_at_every_write(root, ["locale", "messages"], tmp_path, after)
    assert written == ["locales/messages.pot", "locales/fr/messages.po"]
    assert catalog.read_bytes() == (tmp_path / "killed-before-write-1" / "locales" / "fr"
                                    / "messages.po").read_bytes()
