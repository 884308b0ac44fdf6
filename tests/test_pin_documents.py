from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import Run, write


def _edit_source(root: Path) -> None:
    page = root / "content" / "en" / "index.md"
    page.write_text(page.read_text().replace("An evaluation", "One evaluation"))


def test_pinning_a_document_rewrites_only_its_hash(project: Callable[[str], Path],
                                                   cli: Callable[..., Run]) -> None:
    root = project("minimal")
    page = root / "content" / "fr" / "index.md"
    page.write_bytes(b"---\r\n# translator's note\r\ntitle: Accueil\r\nreview: draft\r\n"
                     b"source_hash: 0000000000000000\r\n---\r\n\r\n# Accueil\r\n\r\nUn "
                     b"exemple\t d\xe2\x80\x99\xc3\xa9valuation.\r\n")
    run = cli("-C", root, "translations", "pin", "index.md")
    assert (run.code, run.out) == (0, "content/fr/index.md: pinned\n")
    text = page.read_bytes().decode("utf-8")
    new_hash = text.split("source_hash: ")[1][:16]
    assert text == ("---\r\n# translator's note\r\ntitle: Accueil\r\nreview: draft\r\n"
                    f"source_hash: {new_hash}\r\n---\r\n\r\n# Accueil\r\n\r\nUn exemple\t "
                    "d’évaluation.\r\n")
    again = cli("-C", root, "translations", "pin", "index.md")
    assert again.err == "nothing to pin: every selected translation already matches its source\n"


def test_a_document_without_front_matter_gets_one(project: Callable[[str], Path],
                                                  cli: Callable[..., Run]) -> None:
    root = project("minimal")
    page = root / "content" / "fr" / "index.md"
    page.write_text("# Accueil\n")
    cli("-C", root, "translations", "pin", "--all")
    assert page.read_text().startswith("---\nsource_hash: ")
    assert page.read_text().endswith("\n---\n# Accueil\n")


def test_status_sees_a_changed_source_document_as_stale(project: Callable[[str], Path],
                                                        cli: Callable[..., Run]) -> None:
    root = project("minimal")
    _edit_source(root)
    stale = cli("-C", root, "status", "--format", "json").json()["languages"][0]["documents"]
    assert stale["stale"] == 1
    cli("-C", root, "translations", "pin", "--lang", "fr", "index.md")
    fresh = cli("-C", root, "status", "--format", "json").json()["languages"][0]["documents"]
    assert (fresh["stale"], fresh["draft"]) == (0, 1)


def test_document_pin_errors(project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    unknown = cli("-C", root, "translations", "pin", "nope.md")
    assert unknown.err == ("interlex: error: no such source document: nope.md; give paths "
                           "relative to content/<source language>/, such as index.md\n")
    _edit_source(root)
    write(root / "content" / "fr" / "index.md", "---\n- a list\n---\n# Accueil\n")
    listed = cli("-C", root, "translations", "pin", "index.md")
    assert listed.err == (
        "interlex: error: content/fr/index.md:2:1: front matter: expected a mapping of keys "
        "such as title and source_hash, found a list; fix it (see `interlex check "
        "content/fr/index.md`), then pin again\n")
    write(root / "content" / "fr" / "index.md", "---\ntitle: [\n---\n# Accueil\n")
    broken = cli("-C", root, "translations", "pin", "index.md")
    assert (broken.code, broken.err) == (2, (
        "interlex: error: content/fr/index.md:3:1: while parsing a flow node: did not find "
        "expected node content; fix it (see `interlex check content/fr/index.md`), then pin "
        "again\n"))
    page = root / "content" / "fr" / "index.md"
    page.write_bytes("\ufeff---\ntitle: Accueil\n---\n# Accueil\n".encode())
    assert cli("-C", root, "translations", "pin", "index.md").code == 0
    assert page.read_text("utf-8").startswith("\ufeff---\ntitle: Accueil\nsource_hash: ")


def test_untranslated_and_unreadable_documents_are_skipped(
        project: Callable[[str], Path], cli: Callable[..., Run]) -> None:
    root = project("minimal")
    write(root / "content" / "en" / "new.md", "# New\n")
    (root / "content" / "fr" / "index.md").write_bytes(b"\xff\xfe")
    _edit_source(root)
    run = cli("-C", root, "translations", "pin", "--all")
    assert run.err == "nothing to pin: every selected translation already matches its source\n"


def test_an_unreadable_source_document_is_not_pinned(project: Callable[[str], Path],
                                                     cli: Callable[..., Run]) -> None:
    root = project("minimal")
    (root / "content" / "en" / "index.md").write_bytes(b"\xff")
    run = cli("-C", root, "translations", "pin", "index.md")
    assert run.err == "nothing to pin: every selected translation already matches its source\n"
