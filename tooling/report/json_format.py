"""The JSON contract of DESIGN.md §4: `{"findings": [...], "summary": {...}}`.

Written as `json.dump(..., indent=2)` would write it, character for character, but
a finding at a time with C-encoded values: the standard library's indenting encoder
is pure Python and took seconds on a corpus with tens of thousands of findings.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any, TextIO

from tooling.check import CheckResult
from tooling.findings import Finding

_OPTIONAL = ("lang", "concept", "found", "suggestion")


def finding_record(finding: Finding) -> dict[str, Any]:
    record: dict[str, Any] = {
        "rule": finding.rule,
        "severity": str(finding.severity),
        "path": finding.path,
        "line": finding.span.line,
        "column": finding.span.column,
        "message": finding.message,
    }
    if finding.span.end_line is not None:
        record["end_line"] = finding.span.end_line
        record["end_column"] = finding.span.end_column
    for key in _OPTIONAL:
        value = getattr(finding, key)
        if value is not None:
            record[key] = value
    return record


def _finding(finding: Finding) -> str:
    """`finding_record(finding)`, indented as a member of the findings list."""
    span = finding.span
    text = (f'    {{\n      "rule": {encode_basestring(finding.rule)},\n'
            f'      "severity": {encode_basestring(finding.severity.value)},\n'
            f'      "path": {encode_basestring(finding.path)},\n'
            f'      "line": {span.line},\n      "column": {span.column},\n'
            f'      "message": {encode_basestring(finding.message)}')
    if span.end_line is not None:
        text += (f',\n      "end_line": {span.end_line},\n'
                 f'      "end_column": {_number(span.end_column)}')
    for key in _OPTIONAL:
        value = getattr(finding, key)
        if value is not None:
            text += f',\n      "{key}": {encode_basestring(value)}'
    return text + "\n    }"


def _number(value: int | None) -> str:
    return "null" if value is None else str(value)


def write(result: CheckResult, out: TextIO) -> None:
    out.write('{\n  "findings": ')
    if result.findings:
        out.write("[\n")
        out.write(",\n".join(map(_finding, result.findings)))
        out.write("\n  ],\n")
    else:
        out.write("[],\n")
    summary = result.summary
    out.write(f'  "summary": {{\n    "error": {summary.error},\n    "warning": '
              f'{summary.warning},\n    "info": {summary.info}\n  }}\n}}\n')
