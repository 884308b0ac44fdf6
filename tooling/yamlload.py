"""Read YAML safely into plain data, keeping the position of every key and value.

ruamel.yaml only *composes* the file into a node graph here; nothing is
constructed by it, so no tag can run code. The graph is then turned into plain
Python data by hand, which is where duplicate keys, unsupported tags and alias
bombs are caught: an alias bomb is a small graph that expands enormously, so its
expanded size is computed over the graph (linear in the file) before anything is
expanded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode
from ruamel.yaml.reader import ReaderError

from tooling.findings import FILE_START, Finding, Severity, Span

YAML_SYNTAX = "yaml-syntax"
CORE = "tag:yaml.org,2002:"
MAX_DEPTH = 100
MIN_EXPANSION_BUDGET = 10_000
EXPANSION_FACTOR = 10

KeyPath = tuple[str | int, ...]
_TOO_DEEP = f"nesting is too deep; keep it under {MAX_DEPTH} levels"


@dataclass(frozen=True)
class Tagged:
    """A value with a tag the tooling does not interpret (mkdocs' `!ENV`, ...)."""

    tag: str
    value: object


@dataclass(frozen=True)
class Positions:
    """Where each key and value of a document sits, by key path."""

    values: dict[KeyPath, Span] = field(default_factory=dict)
    keys: dict[KeyPath, Span] = field(default_factory=dict)

    def value(self, path: KeyPath) -> Span:
        """The span of the value at `path`, or of its nearest ancestor."""
        for end in range(len(path), -1, -1):
            span = self.values.get(path[:end])
            if span is not None:
                return span
        return FILE_START

    def key(self, path: KeyPath) -> Span:
        """The span of the key that names `path` (its value when it has none)."""
        return self.keys.get(path) or self.value(path)


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


class _Stop(Exception):
    """Stops conversion of a document that cannot be read as a whole."""

    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


def read_text(path: Path, rel: str, max_bytes: int) -> tuple[str | None, list[Finding]]:
    """Read a UTF-8 file; oversized or undecodable files become findings."""
    size = path.stat().st_size
    if size > max_bytes:
        return None, [_syntax(rel, FILE_START, f"file is {size:,} bytes, over the "
                              f"{max_bytes:,}-byte limit for this kind of file; split it up")]
    raw = path.read_bytes()
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


# Quoted strings and comments (which may hold brackets), and flow brackets.
_FLOW_TOKENS = re.compile(
    r"""(?:(?<=[\s\[{,:])|^)(?:"(?:\\.|[^"\\])*"|'(?:''|[^'])*')"""
    r"""|(?:(?<=\s)|^)#[^\n]*|[\[\]{}]""", re.MULTILINE)


# Indentation plus compact block indicators (`- - - x`) bound a line's block depth.
_BLOCK_START = re.compile(r"^( *)((?:[-?:][ \t]+)*)", re.MULTILINE)
# Far above MAX_DEPTH (which the converter enforces exactly), far below what
# overflows the C parser's stack (it crashes near 100,000 levels).
MAX_BLOCK_ESTIMATE = 2000


def _too_deep(text: str) -> int | None:
    """Offset where nesting gets dangerously deep, found in linear time.

    The YAML scanner takes quadratic time on deep flow nesting, and the C
    composer recurses without a limit; both are stopped here, before parsing.
    """
    for match in _BLOCK_START.finditer(text):
        if len(match.group(1)) + match.group(2).count(" ") > MAX_BLOCK_ESTIMATE:
            return match.start()
    depth = 0
    for match in _FLOW_TOKENS.finditer(text):
        token = match.group()
        if token in "[{":
            depth += 1
            if depth > MAX_DEPTH:
                return match.start()
        elif token in "]}":
            depth = max(0, depth - 1)
    return None


def parse_yaml(text: str, rel: str, *, lenient_tags: bool = False
               ) -> tuple[YamlDocument | None, list[Finding]]:
    deep = _too_deep(text)
    if deep is not None:
        return None, [_syntax(rel, _offset_span(text, deep), _TOO_DEEP)]
    try:
        # The C parser (ruamel.yaml.clib) composes about six times faster than
        # the round-trip one; composing needs no comments, and marks are the same.
        root = YAML(typ="safe", pure=False).compose(text)
    except MarkedYAMLError as exc:
        span = _mark_span(exc)
        return None, [_syntax(rel, span, _describe(exc, _char_at(text, span)))]
    except ReaderError as exc:
        return None, [_syntax(rel, _offset_span(text, exc.position),
                              f"control character U+{exc.character:04X} is not allowed in YAML; "
                              "remove it")]
    except YAMLError as exc:  # errors without a position, such as a bad stream
        return None, [_syntax(rel, FILE_START, str(exc).strip() or "unreadable YAML")]
    converter = _Converter(rel, lenient_tags)
    try:
        data = converter.convert_document(root)
    except _Stop as stop:
        return None, [*converter.findings, _syntax(rel, stop.span, stop.message)]
    return YamlDocument(rel, text, data, converter.positions), converter.findings


def _syntax(rel: str, span: Span, message: str) -> Finding:
    return Finding(YAML_SYNTAX, Severity.ERROR, rel, span, message)


def _offset_span(text: str, offset: int) -> Span:
    line_start = text.rfind("\n", 0, offset) + 1
    return Span(text.count("\n", 0, offset) + 1, offset - line_start + 1)


def _mark_span(exc: MarkedYAMLError) -> Span:
    mark = exc.problem_mark or exc.context_mark
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


def _span(node: Node) -> Span:
    start, end = node.start_mark, node.end_mark
    return Span(start.line + 1, start.column + 1, end.line + 1, end.column + 1)


class _Converter:
    """Turns a composed node graph into plain data, recording positions."""

    def __init__(self, rel: str, lenient_tags: bool) -> None:
        self.rel = rel
        self.lenient_tags = lenient_tags
        self.positions = Positions()
        self.findings: list[Finding] = []

    def convert_document(self, root: Node | None) -> Any:
        if root is None:
            return None
        unique: dict[int, int] = {}
        expanded = _expanded_size(root, unique, set(), 0)
        budget = max(MIN_EXPANSION_BUDGET, EXPANSION_FACTOR * len(unique))
        if expanded > budget:
            raise _Stop(_first_anchor(root), f"aliases expand to {expanded:,} values from "
                        f"{len(unique):,} written ones (an alias bomb?); remove the aliases")
        return self._convert(root, ())

    def _convert(self, node: Node, path: KeyPath) -> Any:
        self.positions.values[path] = _span(node)
        if isinstance(node, MappingNode):
            return self._mapping(node, path)
        if isinstance(node, SequenceNode):
            self._check_tag(node, CORE + "seq")
            return [self._convert(item, (*path, i)) for i, item in enumerate(node.value)]
        assert isinstance(node, ScalarNode)
        return self._scalar(node)

    def _mapping(self, node: MappingNode, path: KeyPath) -> Any:
        self._check_tag(node, CORE + "map")
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node)
            if key is None:
                continue
            if key in result:
                first = self.positions.keys[(*path, key)]
                self._error(_span(key_node), f"duplicate key '{key}' (first defined at line "
                            f"{first.line}); remove one of them")
                continue
            self.positions.keys[(*path, key)] = _span(key_node)
            result[key] = self._convert(value_node, (*path, key))
        return result

    def _key(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self._error(_span(node), "a key must be a plain string, not a list or mapping")
            return None
        if str(node.tag) == CORE + "merge":
            self._error(_span(node), "merge keys ('<<') are not supported; write the keys out")
            return None
        return str(node.value)

    def _check_tag(self, node: Node, expected: str) -> None:
        if str(node.tag) != expected and not self.lenient_tags:
            self._error(_span(node), _tag_message(str(node.tag)))

    def _scalar(self, node: ScalarNode) -> Any:
        tag = str(node.tag)
        value = str(node.value)
        kind = tag.removeprefix(CORE) if tag.startswith(CORE) else None
        if kind in _SCALARS:
            return _SCALARS[kind](value)
        if self.lenient_tags:
            return Tagged(tag, value)
        self._error(_span(node), _tag_message(tag))
        return value

    def _error(self, span: Span, message: str) -> None:
        self.findings.append(_syntax(self.rel, span, message))


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag
    return f"unsupported tag '{shown}'; these files hold plain data: remove the tag"


def _parse_int(value: str) -> int | str:
    text = value.replace("_", "")
    try:
        return int(text, 0)
    except ValueError:
        try:
            return int(text, 10)
        except ValueError:
            return value


def _parse_float(value: str) -> float:
    lowered = value.lower().replace("_", "")
    specials = {".inf": float("inf"), "+.inf": float("inf"), "-.inf": float("-inf"),
                ".nan": float("nan")}
    return specials.get(lowered) or float(lowered)


_SCALARS: dict[str, Any] = {
    "str": str,
    "int": _parse_int,
    "float": _parse_float,
    "bool": lambda value: value.lower() == "true",
    "null": lambda _value: None,
    # Dates stay as written: the files compare and show them as text.
    "timestamp": str,
}


def _children(node: Node) -> Iterator[Node]:
    if isinstance(node, MappingNode):
        for key, value in node.value:
            yield key
            yield value
    elif isinstance(node, SequenceNode):
        yield from node.value


def _expanded_size(node: Node, memo: dict[int, int], active: set[int], depth: int) -> int:
    """How many values the node becomes once every alias is expanded."""
    known = memo.get(id(node))
    if known is not None:
        return known
    if depth > MAX_DEPTH:
        raise _Stop(_span(node), _TOO_DEEP)
    if id(node) in active:
        raise _Stop(_span(node), "an alias refers to the value that contains it; remove it")
    active.add(id(node))
    size = 1 + sum(_expanded_size(child, memo, active, depth + 1) for child in _children(node))
    active.discard(id(node))
    memo[id(node)] = size
    return size


def _first_anchor(root: Node) -> Span:
    """Where the first value used more than once (an anchored one) is written."""
    stack = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return _span(node)
        seen.add(id(node))
        stack.extend(reversed(list(_children(node))))
    return _span(root)  # pragma: no cover - a bomb always reuses a value
