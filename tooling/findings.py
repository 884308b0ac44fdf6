"""Findings: what `interlex check` reports, as immutable records."""

from __future__ import annotations

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

    def reduce(self: Any) -> tuple[Callable[..., Any], tuple[Any, ...]]:
        return built, tuple(getattr(self, name) for name in names)

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


@record
class Summary:
    error: int
    warning: int
    info: int

    def fails(self, *, strict: bool) -> bool:
        return self.error > 0 or (strict and self.warning > 0)


def sort_findings(findings: Iterable[Finding]) -> tuple[Finding, ...]:
    """Sorted and without exact duplicates, so output is stable between runs."""
    return tuple(sorted(set(findings), key=lambda f: f.sort_key))


def summarize(findings: Iterable[Finding]) -> Summary:
    counts = dict.fromkeys(Severity, 0)
    for finding in findings:
        counts[finding.severity] += 1
    return Summary(counts[Severity.ERROR], counts[Severity.WARNING], counts[Severity.INFO])
