"""The JSON contract of DESIGN.md §4: `{"findings": [...], "summary": {...}}`."""

from __future__ import annotations

import json
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


def write(result: CheckResult, out: TextIO) -> None:
    summary = result.summary
    document = {
        "findings": [finding_record(f) for f in result.findings],
        "summary": {"error": summary.error, "warning": summary.warning, "info": summary.info},
    }
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")
