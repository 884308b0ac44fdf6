from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import Run
from tests.killing import kill_at_every_write, snapshot
from tooling.errors import InterlexError
from tooling.fileio import write_atomic, write_atomic_bytes
from tooling.pin import pin_translations
from tooling.project import load_project


def _edit_source(root: Path) -> None:
    concept = root / "glossary" / "red-teaming.yaml"
    concept.write_text(concept.read_text().replace("adversaries", "attackers"))


def test_pin_clears_staleness_and_keeps_everything_else(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    before = locale.read_text()
    _edit_source(root)
    assert cli("-C", root, "check", "--strict").code == 1
    run = cli("-C", root, "translations", "pin", "--lang", "fr", "red-teaming")
    assert (run.code, run.out) == (0, "locales/fr/glossary.yaml: pinned 1 entry: red-teaming\n")
    after = locale.read_text()
    old_hash = before.split("source_hash: ")[2].split("\n")[0]
    new_hash = after.split("source_hash: ")[2].split("\n")[0]
    assert old_hash != new_hash
    # Only the hash changed: comments, order, quoting and folding survive byte for byte.
    assert after == before.replace(old_hash, new_hash)
    assert cli("-C", root, "check", "--strict").code == 0


def test_pin_all_adds_missing_hashes_after_other_keys(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    stripped = "\n".join(line for line in locale.read_text().splitlines()
                         if "source_hash" not in line) + "\n"
    locale.write_text(stripped)
    run = cli("-C", root, "translations", "pin", "--all")
    assert run.out == "locales/fr/glossary.yaml: pinned 2 entries: evaluation, red-teaming\n"
    assert cli("-C", root, "check", "--strict").code == 0
    again = cli("-C", root, "translations", "pin", "--all")
    assert (again.code, again.out, again.err) == (
        0, "", "nothing to pin: every selected translation already matches its source\n")


def test_pin_leaves_untranslated_entries_alone(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text() + "orphan-to-be: {terms: []}\n")
    _edit_source(root)
    results = pin_translations(load_project(root), [], None)
    assert [(r.lang, r.concepts) for r in results] == [("fr", ("red-teaming",))]
    assert locale.read_text().endswith("orphan-to-be: {terms: []}\n")


@pytest.mark.parametrize(("args", "message"), [
    (["pin"], "name the concepts or documents to pin, or pass --all (not both)"),
    (["pin", "--all", "evaluation"],
     "name the concepts or documents to pin, or pass --all (not both)"),
    (["pin", "--lang", "de", "--all"], "not a translation language: de; the languages are fr "
                                       "(see mkdocs.yml)"),
    (["pin", "nope", "evaluation"], "no such concept: nope; concept ids are the file names in "
                                    "glossary/ without .yaml"),
])
def test_pin_usage_errors(project: Callable[[str], Path], cli: Callable[..., Run],
                          args: list[str], message: str) -> None:
    run = cli("-C", project("minimal"), "translations", *args)
    assert (run.code, run.err) == (2, f"interlex: error: {message}\n")


def test_pin_refuses_unreadable_locale_files(project: Callable[[str], Path],
                                             cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text("a: 1\na: 2\n")
    run = cli("-C", root, "translations", "pin", "--all")
    assert run.code == 2
    assert run.err == ("interlex: error: cannot pin while locale files are unreadable; fix "
                       "these first:\nlocales/fr/glossary.yaml:2:1: duplicate key 'a' (first "
                       "defined at line 1); remove one of them\n")
    assert locale.read_text() == "a: 1\na: 2\n"


def test_pin_skips_a_language_without_locale_file(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    (root / "locales" / "fr" / "glossary.yaml").unlink()
    assert pin_translations(load_project(root), ["fr"], ["evaluation"]) == []


def test_atomic_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "glossary.yaml"
    target.write_text("old\n")
    os.chmod(target, 0o640)
    write_atomic(target, "new\n")
    assert target.read_text() == "new\n"
    assert target.stat().st_mode & 0o777 == 0o640
    with pytest.raises(TypeError):
        write_atomic(target, 42)  # type: ignore[arg-type]
    assert target.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.yaml"]
    write_atomic(tmp_path / "fresh.yaml", "x")
    assert (tmp_path / "fresh.yaml").stat().st_mode & 0o777 == 0o644


def test_pin_core_rejects_unknown_input(project: Callable[[str], Path]) -> None:
    with pytest.raises(InterlexError, match="no such concept: x"):
        pin_translations(load_project(project("minimal")), [], ["x"])


def test_pin_keeps_crlf_line_ends(project: Callable[[str], Path],
                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_bytes(locale.read_bytes().replace(b"\n", b"\r\n"))
    _edit_source(root)
    assert cli("-C", root, "translations", "pin", "--all").code == 0
    raw = locale.read_bytes()
    assert raw.count(b"\r\n") == raw.count(b"\n") == 23


def test_atomic_byte_write_keeps_the_old_file_when_writing_fails(tmp_path: Path) -> None:
    target = tmp_path / "cache.pickle"
    write_atomic_bytes(target, b"old")
    with pytest.raises(TypeError):
        write_atomic_bytes(target, "not bytes")  # type: ignore[arg-type]
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["cache.pickle"]


def test_pin_killed_while_writing_loses_nothing(project: Callable[[str], Path],
                                                cli: Callable[..., Run], tmp_path: Path) -> None:
    """A stale concept and a stale document: the locale file, then the document."""
    root = project("minimal")
    _edit_source(root)
    source = root / "content" / "en" / "index.md"
    source.write_text(source.read_text().replace("An evaluation example.", "An example."))
    done = tmp_path / "uninterrupted"
    shutil.copytree(root, done)
    assert cli("-C", done, "translations", "pin", "--all").out == (
        "locales/fr/glossary.yaml: pinned 1 entry: red-teaming\ncontent/fr/index.md: pinned\n")
    written = kill_at_every_write(root, ["translations", "pin", "--all"], tmp_path,
                                  snapshot(done))
    assert written == ["locales/fr/glossary.yaml", "content/fr/index.md"]
