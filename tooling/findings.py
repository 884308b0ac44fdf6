"""Findings: what `interlex check` reports, as immutable records."""

from __future__ import annotations

import operator
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, TypeVar, dataclass_transform

T = TypeVar("T")


@dataclass_transform(frozen_default=True)
def record(cls: type[T]) -> type[T]:
    """A frozen dataclass with slots that pickles fast (the cache and the worker
    processes move hundreds of thousands of them): it is rebuilt from its fields
    in order, instead of through dataclasses' generic, introspecting __setstate__."""
    built: Any = dataclass(frozen=True, slots=True)(cls)
    names = built.__slots__
    # attrgetter collects the fields in C; with one name it returns the bare value.
    fields = operator.attrgetter(*names) if len(names) > 1 else (
        lambda self: (getattr(self, names[0]),))

    def reduce(self: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return built, fields(self)

    if "__reduce__" not in vars(cls):  # a record may pickle itself its own way
        built.__reduce__ = reduce
    return built  # type: ignore[no-any-return]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@record
class Span:
    """A 1-based region of a file; columns count Unicode code points."""

    line: int
    column: int
    end_line: int | None = None
    end_column: int | None = None


FILE_START = Span(1, 1)


@record
class Finding:
    rule: str
    severity: Severity
    path: str
    span: Span
    message: str
    lang: str | None = None
    concept: str | None = None
    found: str | None = None
    suggestion: str | None = None

    @property
    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.span.line, self.span.column, self.rule, self.message)

    def row(self) -> FindingRow:
        """The finding as plain values, the severity as its text: a large corpus's cache
        holds tens of thousands of findings, and `from_row` rebuilds each in one call."""
        span = self.span
        return (self.rule, self.severity.value, self.path, span.line, span.column,
                span.end_line, span.end_column, self.message, self.lang, self.concept,
                self.found, self.suggestion)

    @staticmethod
    def from_row(row: FindingRow) -> Finding:
        return Finding(row[0], _SEVERITIES[row[1]], row[2], Span(row[3], row[4], row[5], row[6]),
                       row[7], row[8], row[9], row[10], row[11])

    def __reduce__(self) -> tuple[Callable[[FindingRow], Finding], tuple[FindingRow]]:
        return Finding.from_row, (self.row(),)


FindingRow = tuple[str, str, str, int, int, int | None, int | None, str, str | None,
                   str | None, str | None, str | None]
_SEVERITIES = {severity.value: severity for severity in Severity}


@record
class Summary:
    error: int
    warning: int
    info: int

    def fails(self, *, strict: bool) -> bool:
        return self.error > 0 or (strict and self.warning > 0)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sorted by place, rule and message (ties keep the order found, which is itself
    stable), and without exact duplicates: sorting has put each next to its twin."""
    keyed = sorted(((f.sort_key, f) for f in findings), key=operator.itemgetter(0))
    unique: list[Finding] = []
    run = 0  # where the findings with the current key begin in `unique`
    for index, (key, finding) in enumerate(keyed):
        if index and key == keyed[index - 1][0]:
            if finding in unique[run:]:
                continue
        else:
            run = len(unique)
        unique.append(finding)
    return tuple(unique)


def summarize(findings: Iterable[Finding]) -> Summary:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return Summary(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
