"""The cache: a re-run re-reads only what changed, and never changes the findings."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from tooling import cache
from tooling.check import run_check
from tooling.project import load_project


@pytest.fixture
def cached(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("INTERLEX_NO_CACHE")


def _counting(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    computed: list[int] = []
    original = cache.cached_map

    def counting(store, items, compute, meanwhile=None):  # type: ignore[no-untyped-def]
        def wrapped(keys):  # type: ignore[no-untyped-def]
            computed.append(len(keys))
            return compute(keys)
        return original(store, items, wrapped, meanwhile)

    monkeypatch.setattr("tooling.glossary.cached_map", counting)
    monkeypatch.setattr("tooling.corpus.cached_map", counting)
    return computed


def test_a_rerun_reads_only_what_changed(project: Callable[[str], Path], cached: None,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    root = project("docs-project")
    computed = _counting(monkeypatch)
    first = run_check(load_project(root))
    assert computed == [3, 4]  # every concept file, every document
    assert (root / ".interlex-cache" / ".gitignore").read_text() == "*\n"
    second = run_check(load_project(root))
    assert computed == [3, 4] and second.findings == first.findings
    page = root / "content" / "fr" / "guide.md"
    page.write_text(page.read_text().replace("Une citation voulue.", "Une citation."))
    run_check(load_project(root))
    assert computed == [3, 4, 1]  # just that document
    locale = root / "locales" / "fr" / "glossary.yaml"
    locale.write_text(locale.read_text().replace("term: test\n", "term: essai\n"))
    third = run_check(load_project(root))
    assert computed == [3, 4, 1, 2]  # the fr documents: their glossary terms changed
    assert [f for f in third.findings if f.found == "test"] == []


def test_a_broken_or_foreign_cache_is_ignored(project: Callable[[str], Path], cached: None
                                              ) -> None:
    root = project("docs-project")
    expected = run_check(load_project(root)).findings
    (root / ".interlex-cache" / "documents.pickle").write_bytes(b"not a pickle")
    for name in ("concepts", "glossary"):  # written by other code: not read
        (root / ".interlex-cache" / f"{name}.pickle").write_bytes(pickle.dumps(("old", {})))
    assert run_check(load_project(root)).findings == expected


def test_a_read_only_project_is_checked_without_cache(project: Callable[[str], Path],
                                                      cached: None) -> None:
    root = project("docs-project")
    (root / ".interlex-cache").write_text("a file where the cache folder would be")
    assert run_check(load_project(root)).findings


def test_stamp_of_a_missing_file() -> None:
    assert cache.stamp(Path("/nonexistent/file")) is None


def test_deleted_files_leave_the_cache(project: Callable[[str], Path], cached: None) -> None:
    root = project("docs-project")
    run_check(load_project(root))
    (root / "content" / "fr" / "orphan.md").unlink()
    run_check(load_project(root))
    store: cache.FileCache[object] = cache.FileCache(root, "documents")
    assert ("fr", "orphan.md") not in store.entries and ("fr", "guide.md") in store.entries


def _store(root: Path) -> cache.FileCache[str]:
    return cache.FileCache(root, "things")


def test_a_few_changes_go_to_the_journal_and_are_read_back(tmp_path: Path, cached: None
                                                           ) -> None:
    store = _store(tmp_path)
    for number in range(30):
        store.put(f"k{number}", number, f"v{number}")
    store.save()
    assert not store.journal.exists()  # the first save writes the whole file
    again = _store(tmp_path)
    again.put("k1", 100, "changed")
    again.keep_only({f"k{number}" for number in range(1, 30)})  # k0 is gone
    again.save()
    assert again.journal.exists()
    read = _store(tmp_path)
    assert (read.get("k1", 100), read.get("k2", 2), read.holds("k0", 0)) == ("changed", "v2",
                                                                             False)
    assert read.journalled == 2


def test_a_long_journal_is_folded_into_the_file(tmp_path: Path, cached: None) -> None:
    store = _store(tmp_path)
    for number in range(20):
        store.put(f"k{number}", number, "v")
    store.save()
    for number in range(3):
        step = _store(tmp_path)
        step.put(f"k{number}", -1, "new")
        step.save()
    assert not _store(tmp_path).journal.exists()  # the third change was over a tenth
    assert _store(tmp_path).get("k2", -1) == "new"


def test_a_journal_cut_short_or_foreign_keeps_what_came_before(tmp_path: Path, cached: None
                                                              ) -> None:
    store = _store(tmp_path)
    for number in range(20):
        store.put(f"k{number}", number, "v")
    store.save()
    step = _store(tmp_path)
    step.put("k1", -1, "new")
    step.save()
    record = pickle.dumps((cache.code_version(), "k2", (-1, pickle.dumps("newer"))))
    with step.journal.open("ab") as stream:
        stream.write(record[:-3])
    assert (_store(tmp_path).get("k1", -1), _store(tmp_path).get("k2", 2)) == ("new", "v")
    step.journal.write_bytes(pickle.dumps(("other code", "k3", (-1, b""))) + record)
    assert _store(tmp_path).get("k3", 3) == "v"


def test_a_tree_fingerprint_changes_with_any_file_under_it(tmp_path: Path) -> None:
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.yaml").write_text("a: 1\n", "utf-8")
    (tmp_path / "gone.yaml").symlink_to(tmp_path / "nowhere")
    first = cache.tree_fingerprint(tmp_path)
    assert cache.tree_fingerprint(tmp_path) == first
    (tmp_path / "sub" / "a.yaml").write_text("a: 22\n", "utf-8")
    assert cache.tree_fingerprint(tmp_path) != first
    assert cache.tree_fingerprint(tmp_path / "missing") == cache.tree_fingerprint(
        tmp_path / "sub" / "a.yaml")  # neither is a folder: nothing listed
