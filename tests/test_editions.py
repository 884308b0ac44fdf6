from __future__ import annotations

import json
from pathlib import Path

import pytest

from tooling.editions import (
    Edition,
    compare,
    concept_history,
    read_history,
    snapshot_from_json,
    write_history,
)
from tooling.errors import InterlexError


def _snapshot(concepts: dict[str, dict[str, tuple[str, dict[str, str]]]]) -> str:
    return json.dumps({"concepts": [
        {"id": cid, "languages": {lang: {"definition": d, "terms": [
            {"term": t, "status": s} for t, s in terms.items()]}
            for lang, (d, terms) in langs.items()}}
        for cid, langs in concepts.items()]})


OLD = _snapshot({"a": {"en": ("A thing.", {"a": "preferred", "old a": "admitted"}),
                       "fr": ("Une chose.", {"a fr": "preferred"})},
                 "gone": {"en": ("Gone.", {"gone": "preferred"})}})
NEW = _snapshot({"a": {"en": ("A  thing.", {"a": "preferred", "old a": "superseded",
                                            "b": "deprecated"})},
                 "new": {"en": ("New.", {"new": "preferred"}),
                         "fr": ("Nouveau.", {"nouveau": "preferred"})}})


def test_changes_per_language() -> None:
    changelog = compare(snapshot_from_json(OLD, "old"), snapshot_from_json(NEW, "new"),
                        ["en", "fr"], ("1", "2"))
    english, french = changelog.languages
    assert (english.added, english.retired, english.definition_changed) == (
        ("new",), ("gone",), ())  # whitespace alone is not a change
    assert english.terms_added == (("a", "b"),)
    assert english.deprecated == (("a", "b"),)
    assert english.superseded == (("a", "old a"),)
    assert (french.added, french.retired) == (("new",), ())
    assert not french.empty


def test_history_of_a_concept(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    write_history(path, [("1", OLD)])
    history = read_history(path)
    edition = Edition("2", "https://example.org/2/", "Publisher", history)
    assert edition.previous is not None and edition.previous[0] == "1"
    current = snapshot_from_json(NEW, "new")
    assert concept_history(edition, current, "a", "en") == [
        ("1", ["added"]), ("2", ["terms", "deprecated", "superseded"])]
    assert Edition("1", "u", "p").previous is None


@pytest.mark.parametrize("text", ["[]", "{", '{"concepts": [{"id": 1}]}'])
def test_not_a_snapshot(text: str) -> None:
    with pytest.raises(InterlexError, match=r"^here: not a glossary snapshot \(an `interlex "
                                            r"export json` file\)$"):
        snapshot_from_json(text, "here")


def test_not_a_history(tmp_path: Path) -> None:
    path = tmp_path / "history.json"
    path.write_text('[{"edition": "1"}]')
    with pytest.raises(InterlexError) as raised:
        read_history(path)
    assert str(raised.value) == (f"{path}: not a history of editions written by `interlex "
                                 "publish`")
