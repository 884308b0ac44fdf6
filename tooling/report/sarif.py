"""SARIF 2.1.0 for code-scanning tools; columns count Unicode code points."""

from __future__ import annotations

import json
from typing import Any, TextIO

from tooling import __version__
from tooling.check import CheckResult
from tooling.findings import Finding, Severity
from tooling.rules import RULES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}
_RULE_INDEX = {rule.id: index for index, rule in enumerate(RULES)}


def _region(finding: Finding) -> dict[str, int]:
    span = finding.span
    region = {"startLine": span.line, "startColumn": span.column}
    if span.end_line is not None and span.end_column is not None:
        region |= {"endLine": span.end_line, "endColumn": span.end_column}
    return region


def _result(finding: Finding) -> dict[str, Any]:
    return {
        "ruleId": finding.rule,
        "ruleIndex": _RULE_INDEX[finding.rule],
        "level": _LEVELS[finding.severity],
        "message": {"text": finding.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": finding.path, "uriBaseId": "%SRCROOT%"},
            "region": _region(finding),
        }}],
    }


def write(result: CheckResult, out: TextIO) -> None:
    driver = {
        "name": "interlex",
        "version": __version__,
        "informationUri": "https://github.com/interlex/interlex",
        "rules": [{"id": r.id, "shortDescription": {"text": r.summary}} for r in RULES],
    }
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": driver},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"%SRCROOT%": {"description": {
                "text": "The root of the Interlex project (the folder of mkdocs.yml)."}}},
            "results": [_result(f) for f in result.findings],
        }],
    }
    # Compact: the standard library indents in pure Python, seconds for a large corpus.
    json.dump(log, out, ensure_ascii=False)
    out.write("\n")
