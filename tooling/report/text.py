"""Human-readable findings: `path:line:col: severity rule: message`, the line, a caret."""

from __future__ import annotations

import unicodedata
from typing import TextIO

from tooling.check import CheckResult
from tooling.findings import Finding, Severity, Summary

_COLOURS = {Severity.ERROR: "\x1b[31m", Severity.WARNING: "\x1b[33m", Severity.INFO: "\x1b[36m"}
_BOLD, _DIM, _RESET = "\x1b[1m", "\x1b[2m", "\x1b[0m"


def write(result: CheckResult, out: TextIO, *, colour: bool = False) -> None:
    lines: dict[str, list[str]] = {}  # each file split once, however many findings it has
    for finding in result.findings:
        out.write(_heading(finding, colour) + "\n")
        if finding.path not in lines:
            text = result.texts.get(finding.path)
            lines[finding.path] = text.split("\n") if text is not None else []
        out.write(_context(finding, lines[finding.path], colour))
    out.write(summary_line(result.summary) + "\n")


def _heading(finding: Finding, colour: bool) -> str:
    span = finding.span
    where = f"{finding.path}:{span.line}:{span.column}:"
    severity = str(finding.severity)
    if colour:
        where = f"{_BOLD}{where}{_RESET}"
        severity = f"{_COLOURS[finding.severity]}{severity}{_RESET}"
    return f"{where} {severity} {finding.rule}: {finding.message}"


def _context(finding: Finding, lines: list[str], colour: bool) -> str:
    if not 0 < finding.span.line <= len(lines):
        return ""
    line = lines[finding.span.line - 1].rstrip("\r")
    shown = line.expandtabs(1)
    width = _caret_width(finding, line)
    caret = " " * _display_width(line[: finding.span.column - 1]) + "^" * width
    if colour:
        caret = f"{_COLOURS[finding.severity]}{caret}{_RESET}"
        return f"{_DIM}  | {_RESET}{shown}\n{_DIM}  | {_RESET}{caret}\n"
    return f"  | {shown}\n  | {caret}\n"


def _display_width(text: str) -> int:
    """Terminal columns: East Asian wide and full-width characters take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def _caret_width(finding: Finding, line: str) -> int:
    span = finding.span
    end = span.end_column if span.end_line == span.line and span.end_column else len(line) + 1
    return max(1, _display_width(line[span.column - 1: end - 1]))


def summary_line(summary: Summary) -> str:
    def count(n: int, word: str) -> str:
        return f"{n} {word}{'' if n == 1 else 's'}"

    return (f"{count(summary.error, 'error')}, {count(summary.warning, 'warning')}, "
            f"{summary.info} info")
