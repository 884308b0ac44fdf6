"""Read YAML files safely into plain data, keeping every key's and value's position.

Bytes are checked (size, encoding) before anything is parsed; the text then
goes to ruamel.yaml's C parser for events only, and `tooling.yamlevents`
builds the data. Every problem becomes a finding; nothing raises.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

# cyaml takes CParser from the C extension without re-exporting it.
from ruamel.yaml.cyaml import CParser  # type: ignore[attr-defined]
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.reader import ReaderError

from tooling.findings import FILE_START, Finding, Severity, Span
from tooling.yamlevents import (
    YAML_SYNTAX,
    Composer,
    KeyPath,
    Positions,
    Stop,
    Tagged,
)

__all__ = ["KeyPath", "LoadResult", "Positions", "Tagged", "YamlDocument", "load_yaml",
           "parse_yaml", "read_text"]

# libyaml ends lines at these too (YAML 1.1); YAML 1.2 and editors do not. They are
# swapped for private-use characters while parsing, so lines and columns agree.
_LINE_SEPARATORS = "\u2028\u2029\u0085"


@dataclass(frozen=True)
class YamlDocument:
    path: str
    text: str
    data: Any
    positions: Positions


@dataclass(frozen=True)
class LoadResult:
    document: YamlDocument | None
    findings: tuple[Finding, ...]
    text: str | None = None
    """The decoded text, also when it is not valid YAML (for context lines)."""


def read_text(path: Path, rel: str, max_bytes: int) -> tuple[str | None, list[Finding]]:
    """Read a UTF-8 file; oversized or undecodable files become findings."""
    size = path.stat().st_size
    if size > max_bytes:
        return None, [_syntax(rel, FILE_START, f"file is {size:,} bytes, over the "
                              f"{max_bytes:,}-byte limit for this kind of file")]
    raw = path.read_bytes()
    if raw.count(0) * 4 >= len(raw) > 0:
        # Mostly NUL bytes: UTF-16 or UTF-32 text, with or without a byte-order mark.
        return None, [_syntax(rel, FILE_START, "file is UTF-16; save it as UTF-8")]
    findings: list[Finding] = []
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        return None, [_syntax(rel, _byte_span(raw, exc.start), _decode_message(raw, exc))]
    if text.startswith("\ufeff"):
        text = text[1:]
        findings.append(Finding("unicode", Severity.WARNING, rel, FILE_START,
                                "file starts with a byte-order mark (U+FEFF); save it as UTF-8 "
                                "without BOM", found="\ufeff"))
    return text, findings


def _byte_span(raw: bytes, offset: int) -> Span:
    line_start = raw.rfind(b"\n", 0, offset) + 1
    column = len(raw[line_start:offset].decode("utf-8", "replace")) + 1
    return Span(raw.count(b"\n", 0, offset) + 1, column)


def _decode_message(raw: bytes, exc: UnicodeDecodeError) -> str:
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return "file is UTF-16; save it as UTF-8"
    return f"invalid UTF-8 (byte 0x{raw[exc.start]:02x}); save the file as UTF-8"


def load_yaml(path: Path, rel: str, *, max_bytes: int, lenient_tags: bool = False) -> LoadResult:
    """Load one YAML file. `lenient_tags` keeps unknown tags as `Tagged` values."""
    text, findings = read_text(path, rel, max_bytes)
    if text is None:
        return LoadResult(None, tuple(findings))
    document, problems = parse_yaml(text, rel, lenient_tags=lenient_tags)
    return LoadResult(document, (*findings, *problems), text)


def parse_yaml(text: str, rel: str, *, lenient_tags: bool = False
               ) -> tuple[YamlDocument | None, list[Finding]]:
    protected, restore = _protect_line_separators(text)
    composer = Composer(rel, lenient_tags, restore)
    try:
        # The C parser (ruamel.yaml.clib): events only, about six times faster than
        # the pure-Python round-trip parser, with the same marks. Used directly, not
        # through YAML().parse, which globs for plug-ins and builds a class every call;
        # get_event gives None once the stream has ended.
        data = composer.compose(iter(CParser(protected).get_event, None))
    except MarkedYAMLError as exc:
        span = _mark_span(exc)
        problem = _syntax(rel, span, _describe(exc, _char_at(text, span)))
        return None, [*composer.findings, problem]
    except ReaderError as exc:
        return None, [*composer.findings, _syntax(
            rel, _offset_span(text, exc.position),
            f"control character U+{exc.character:04X} is not allowed in YAML; remove it")]
    except Stop as stop:
        return None, [*composer.findings, _syntax(rel, stop.span, stop.message)]
    return YamlDocument(rel, text, data, composer.positions), composer.findings


def _protect_line_separators(text: str) -> tuple[str, dict[str, str]]:
    present = [char for char in _LINE_SEPARATORS if char in text]
    if not present:
        return text, {}
    spare = (chr(code) for code in range(0xE000, 0xF900) if chr(code) not in text)
    restore = {next(spare): char for char in present}
    for substitute, char in restore.items():
        text = text.replace(char, substitute)
    return text, restore


def _syntax(rel: str, span: Span, message: str) -> Finding:
    return Finding(YAML_SYNTAX, Severity.ERROR, rel, span, message)


def _offset_span(text: str, offset: int) -> Span:
    line_start = text.rfind("\n", 0, offset) + 1
    return Span(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _mark_span(exc: MarkedYAMLError) -> Span:
    # An unterminated quote or bracket is found at the end of the file: point at
    # where it was opened instead.
    at_end = "end of stream" in (exc.problem or "") and exc.context_mark is not None
    mark = exc.context_mark if at_end else (exc.problem_mark or exc.context_mark)
    return Span(mark.line + 1, mark.column + 1) if mark is not None else FILE_START


def _char_at(text: str, span: Span) -> str:
    lines = text.split("\n")
    line = lines[span.line - 1] if span.line <= len(lines) else ""
    return line[span.column - 1: span.column]


def _describe(exc: MarkedYAMLError, char: str) -> str:
    problem = (exc.problem or "unreadable YAML").strip()
    if char == "\t":
        return "tab character where YAML expects spaces; indent with spaces"
    if exc.context:
        return f"{exc.context.strip()}: {problem}"
    return problem


