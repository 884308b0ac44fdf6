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

    def counting(store, items, compute, prepare=None):  # type: ignore[no-untyped-def]
        def wrapped(keys):  # type: ignore[no-untyped-def]
            computed.append(len(keys))
            return compute(keys)
        return original(store, items, wrapped, prepare)

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
    (root / ".interlex-cache" / "concepts.pickle").write_bytes(pickle.dumps(("old", {})))
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
