"""Compose plain data from the YAML event stream, with every position kept.

ruamel.yaml's C parser (libyaml) yields events; this module builds the data
itself instead of letting ruamel compose or construct it. That way:

- no tag can construct an object (unknown tags become findings);
- scalars resolve by the YAML 1.2 core schema, whatever `%YAML` directive says;
- nesting is counted as it opens, so deep input stops at once (the C composer
  recurses without limit and libyaml's scanner is quadratic on deep flow nesting);
- aliases are shared, never copied, and their expanded size is counted as they
  are used, so an alias bomb stops before it grows;
- duplicate keys, complex keys, merge keys and tagged keys are reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from ruamel.yaml import events

from tooling.findings import FILE_START, Finding, Severity, Span

YAML_SYNTAX = "yaml-syntax"
CORE = "tag:yaml.org,2002:"
MAX_DEPTH = 100
MIN_EXPANSION_BUDGET = 10_000
EXPANSION_FACTOR = 10
TOO_DEEP = f"nesting is too deep; keep it under {MAX_DEPTH} levels"

KeyPath = tuple[str | int, ...]

# The YAML 1.2 core schema's implicit types for plain scalars, in the order they are
# tried: one match finds which, if any, a scalar is.
_IMPLICIT = re.compile(r"(?P<null>~|null|Null|NULL|)"
                       r"|(?P<bool>true|True|TRUE|false|False|FALSE)"
                       r"|(?P<int>[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)"
                       r"|(?P<float>[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?"
                       r"|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)")


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


class Stop(Exception):
    """The document cannot be read as a whole; carries the one finding to report."""

    def __init__(self, span: Span, message: str) -> None:
        super().__init__(message)
        self.span = span
        self.message = message


_span = lru_cache(maxsize=1 << 14)(Span)
"""Spans are immutable and repeat from file to file (concept files share a layout):
reusing one costs far less than a frozen dataclass's __init__."""


def span_of(event: events.Event, end: events.Event | None = None) -> Span:
    start, stop = event.start_mark, (end or event).end_mark
    return _span(start.line + 1, start.column + 1, stop.line + 1, stop.column + 1)


@dataclass(slots=True)
class _Anchor:
    value: Any
    size: int


@dataclass(slots=True)
class _Open:
    """A collection being built: its data, path, first event and expanded size."""

    data: Any
    path: KeyPath
    start: events.Event
    size: int = 1
    key: str | None = None
    key_pending: bool = True
    skip_value: bool = False
    ignored: bool = False
    """Inside a value that is dropped (under a duplicate key): no positions, no checks."""


class Composer:
    def __init__(self, rel: str, lenient_tags: bool, restore: dict[str, str]) -> None:
        self.rel = rel
        self.lenient_tags = lenient_tags
        self.restore = str.maketrans(restore) if restore else None
        self.positions = Positions()
        self.findings: list[Finding] = []
        self.anchors: dict[str, _Anchor] = {}
        self.stack: list[_Open] = []
        self.written = 0
        self.expanded = 0
        self.documents = 0
        self.root: Any = None

    def compose(self, stream: Iterable[events.Event]) -> Any:
        for event in stream:
            # By exact type, which the parser's events have: one lookup, not a chain of
            # isinstance calls. Stream starts and ends and document ends need nothing.
            handler = _HANDLERS.get(type(event))
            if handler is not None:
                handler(self, event)
        return self.root

    def _document(self, event: events.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise Stop(span_of(event), "a file holds one YAML document; remove the "
                       "second one (after '---')")

    def _close(self, event: events.CollectionEndEvent) -> None:
        done = self.stack.pop()
        self._place(done.data, done.start, event, done.size, done.path)

    def _path(self) -> KeyPath:
        if not self.stack:
            return ()
        parent = self.stack[-1]
        if isinstance(parent.data, dict):
            # A complex key has no key of its own yet: it is reported, and "" stands in.
            return (*parent.path, parent.key or "")
        return (*parent.path, len(parent.data))

    def _key_slot(self) -> bool:
        return bool(self.stack) and isinstance(self.stack[-1].data, dict) and (
            self.stack[-1].key_pending)

    def _open(self, event: events.CollectionStartEvent) -> None:
        if self._key_slot():
            self._error(span_of(event), "a key must be a plain string, not a list or mapping")
        if len(self.stack) >= MAX_DEPTH:
            raise Stop(span_of(event), TOO_DEEP)
        is_map = isinstance(event, events.MappingStartEvent)
        self._check_tag(event, CORE + ("map" if is_map else "seq"))
        parent = self.stack[-1] if self.stack else None
        ignored = parent is not None and (parent.ignored or (
            isinstance(parent.data, dict) and parent.skip_value))
        self.stack.append(_Open({} if is_map else [], self._path(), event, ignored=ignored))

    def _scalar(self, event: events.ScalarEvent) -> None:
        text = str(event.value).translate(self.restore) if self.restore else str(event.value)
        if self._key_slot():
            self._key(event, text)
            return
        self._place(self._resolve(event, text), event, event, 1, self._path())

    def _key(self, event: events.ScalarEvent, text: str) -> None:
        parent = self.stack[-1]
        parent.key_pending = False
        parent.skip_value = False
        parent.key = text
        if parent.ignored:
            return
        key_path = (*parent.path, text)
        if event.tag is not None and event.tag not in (CORE + "str", "!"):
            self._error(span_of(event), _tag_message(str(event.tag)))
        if text == "<<" and event.style in (None, ""):
            self._error(span_of(event), "merge keys ('<<') are not supported; write the keys out")
            parent.skip_value = True
        elif key_path in self.positions.keys:
            first = self.positions.keys[key_path]
            self._error(span_of(event), f"duplicate key '{text}' (first defined at line "
                        f"{first.line}); remove one of them")
            parent.skip_value = True
        else:
            self.positions.keys[key_path] = span_of(event)

    def _place(self, value: Any, start: events.Event, end: events.Event, size: int,
               path: KeyPath) -> None:
        """Attach a finished value to its parent (or make it the root)."""
        anchor = getattr(start, "anchor", None)
        if anchor:
            self.anchors[str(anchor)] = _Anchor(value, size)
        self.written += 1
        if isinstance(start, events.AliasEvent):
            # Only aliases expand: any other value just raises the budget, so it cannot
            # go over it.
            self._count(size, start)
        if not self.stack:
            self.positions.values[()] = span_of(start, end)
            self.root = value
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.data, dict):
            if parent.key_pending:  # a collection used as a key: already reported
                parent.key_pending = False
                parent.skip_value = True
                return
            if not parent.skip_value and parent.key is not None:
                parent.data[parent.key] = value
                if not parent.ignored:
                    self.positions.values[path] = span_of(start, end)
            parent.key_pending = True
            parent.key = None
            return
        if not parent.ignored:
            self.positions.values[path] = span_of(start, end)
        parent.data.append(value)

    def _alias(self, event: events.AliasEvent) -> None:
        anchor = self.anchors.get(str(event.anchor))
        if anchor is None:
            raise Stop(span_of(event), f"alias *{event.anchor} refers to no finished anchor "
                       "(or to the value that contains it); remove it")
        if self._key_slot():
            self._error(span_of(event), "a key must be a plain string, not an alias")
            self._place(None, event, event, 1, self._path())
            return
        self._place(anchor.value, event, event, anchor.size, self._path())

    def _count(self, expansion: int, event: events.Event) -> None:
        self.expanded += expansion
        budget = max(MIN_EXPANSION_BUDGET, EXPANSION_FACTOR * self.written)
        if self.expanded > budget:
            raise Stop(span_of(event), f"aliases expand to more than {budget:,} values from "
                       f"{self.written:,} written ones (an alias bomb?); remove the aliases")

    def _check_tag(self, event: events.Event, expected: str) -> None:
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in (expected, "!") and not self.lenient_tags:
            self._error(span_of(event), _tag_message(str(tag)))

    def _resolve(self, event: events.ScalarEvent, text: str) -> Any:
        tag = event.tag
        if tag is None:
            plain = event.style in (None, "")
            return _implicit(text) if plain else text
        kind = str(tag).removeprefix(CORE) if str(tag).startswith(CORE) else None
        if tag == "!" or kind == "str":
            return text
        if kind in _EXPLICIT:
            value = _implicit(text)
            if isinstance(value, _EXPLICIT[kind]) and not (kind == "int" and
                                                            isinstance(value, bool)):
                return float(value) if kind == "float" else value  # type: ignore[arg-type]
            self._error(span_of(event), f"'{text}' is not a valid !!{kind}; remove the tag or "
                        "fix the value")
            return text
        if self.lenient_tags:
            return Tagged(str(tag), text)
        self._error(span_of(event), _tag_message(str(tag)))
        return text

    def _error(self, span: Span, message: str) -> None:
        self.findings.append(Finding(YAML_SYNTAX, Severity.ERROR, self.rel, span, message))


_HANDLERS: dict[type[events.Event], Callable[[Composer, Any], None]] = {
    events.DocumentStartEvent: Composer._document,
    events.MappingStartEvent: Composer._open, events.SequenceStartEvent: Composer._open,
    events.MappingEndEvent: Composer._close, events.SequenceEndEvent: Composer._close,
    events.ScalarEvent: Composer._scalar, events.AliasEvent: Composer._alias,
}

_EXPLICIT: dict[str, type | tuple[type, ...]] = {
    "int": int, "float": (float, int), "bool": bool, "null": type(None)}


def _implicit(text: str) -> Any:
    match = _IMPLICIT.fullmatch(text)
    kind = match.lastgroup if match else None
    if kind == "null":
        return None
    if kind == "bool":
        return text.lower() == "true"
    if kind == "int":
        return int(text, 0) if text[:2] in ("0o", "0x") else int(text, 10)
    if kind == "float":
        lowered = text.lower()
        # Python spells them inf and nan; YAML writes .inf and .nan.
        return float(lowered.replace(".", "") if lowered[-3:] in ("inf", "nan") else lowered)
    return text


def _tag_message(tag: str) -> str:
    shown = "!!" + tag.removeprefix(CORE) if tag.startswith(CORE) else tag
    return f"unsupported tag '{shown}'; these files hold plain data: remove the tag"
