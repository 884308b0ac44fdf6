from __future__ import annotations

import pickle

from tooling.findings import Finding, Severity, Span, record, sort_findings


@record
class _One:
    only: str


def test_records_pickle_through_their_fields_in_order_findings_flat() -> None:
    finding = Finding("deprecated-term", Severity.WARNING, "content/en/a.md", Span(3, 7, 3, 12),
                      "use 'b'", lang="en", concept="c", found="a", suggestion="b")
    assert finding.__reduce__()[1][0] == ("deprecated-term", "warning", "content/en/a.md", 3, 7,
                                          3, 12, "use 'b'", "en", "c", "a", "b")
    assert pickle.loads(pickle.dumps(finding)) == finding
    assert Span(3, 7).__reduce__() == (Span, (3, 7, None, None))


def test_a_record_of_one_field_pickles_too() -> None:
    assert _One("x").__reduce__() == (_One, ("x",))
    assert pickle.loads(pickle.dumps(_One("x"))) == _One("x")


def test_sorting_drops_exact_twins_and_keeps_near_ones() -> None:
    at = Finding("r", Severity.INFO, "a.md", Span(1, 1), "m")
    wider = Finding("r", Severity.INFO, "a.md", Span(1, 1, 1, 5), "m")
    other = Finding("r", Severity.INFO, "a.md", Span(1, 1), "m", concept="c")
    earlier = Finding("r", Severity.INFO, "a.md", Span(1, 0), "z")
    assert sort_findings([at, wider, at, other, wider, earlier]) == (earlier, at, wider, other)
