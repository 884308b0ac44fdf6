"""GitHub Actions workflow commands: each finding becomes an annotation on the PR."""

from __future__ import annotations

from typing import TextIO

from tooling.check import CheckResult
from tooling.findings import Finding, Severity

_COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(finding: Finding) -> str:
    span = finding.span
    props = [f"file={_escape_property(finding.path)}", f"line={span.line}", f"col={span.column}"]
    if span.end_line is not None:
        props += [f"endLine={span.end_line}", f"endColumn={span.end_column}"]
    props.append(f"title={_escape_property(finding.rule)}")
    return f"::{_COMMANDS[finding.severity]} {','.join(props)}::{_escape_data(finding.message)}"


def write(result: CheckResult, out: TextIO) -> None:
    for finding in result.findings:
        out.write(annotation(finding) + "\n")
