"""Output formats for findings: text, json, github, sarif. Each is a writer to a stream."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from tooling.check import CheckResult
from tooling.report import github, json_format, sarif, text

Writer = Callable[[CheckResult, TextIO], None]

FORMATS: dict[str, Writer] = {
    "text": text.write,
    "json": json_format.write,
    "github": github.write,
    "sarif": sarif.write,
}
