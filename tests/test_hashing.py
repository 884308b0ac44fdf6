from __future__ import annotations

from dataclasses import replace

from tooling.findings import Span
from tooling.hashing import canonical_entry, normalize_text, source_hash
from tooling.model import Entry, Term, TermStatus

ENTRY = Entry(
    concept="red-teaming", lang="en", path="glossary/red-teaming.yaml", span=Span(1, 1),
    terms=(Term("red teaming", TermStatus.PREFERRED, Span(9, 11)),
           Term("red-team exercise", TermStatus.ADMITTED, Span(11, 11))),
    definition="Structured probing of a system.", notes=("A note.",))


def test_canonical_form_is_compact_sorted_json() -> None:
    assert canonical_entry(ENTRY) == (
        '{"definition":"Structured probing of a system.","notes":["A note."],"terms":['
        '{"do_not_translate":false,"note":"","status":"admitted","term":"red-team exercise",'
        '"type":""},{"do_not_translate":false,"note":"","status":"preferred",'
        '"term":"red teaming","type":""}]}')
    assert len(source_hash(ENTRY)) == 16


def test_layout_changes_keep_the_hash() -> None:
    moved = replace(ENTRY, terms=ENTRY.terms[::-1], span=Span(5, 5), path="elsewhere.yaml",
                    definition="Structured  probing\nof a system. ")
    assert source_hash(moved) == source_hash(ENTRY)
    decomposed = replace(ENTRY, definition="Structured probing of a syste\u0301m.")
    composed = replace(ENTRY, definition="Structured probing of a systé m.".replace("é ", "é"))
    assert source_hash(decomposed) == source_hash(composed)
    assert normalize_text(" a\u00a0 b\n") == "a b"


def test_content_changes_change_the_hash() -> None:
    changes = [
        replace(ENTRY, definition="Structured probing of a model."),
        replace(ENTRY, notes=()),
        replace(ENTRY, terms=ENTRY.terms[:1]),
        replace(ENTRY, terms=(replace(ENTRY.terms[0], status=TermStatus.DEPRECATED),
                              ENTRY.terms[1])),
        replace(ENTRY, terms=(replace(ENTRY.terms[0], do_not_translate=True), ENTRY.terms[1])),
    ]
    hashes = {source_hash(entry) for entry in changes} | {source_hash(ENTRY)}
    assert len(hashes) == len(changes) + 1
