"""Inline Markdown along its source: the prose of a block with the file offset of each
character, and its links. markdown-it's inline tokens say what the text is, not where
it is, so the walker reads the source alongside them: backslash escapes and character
references stand for one character, code and raw HTML are skipped.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass

from markdown_it.token import Token

SEPARATOR = "\x00"
"""Stands for non-prose inside a block: terms never match across it (it is neither
a letter nor a space, and folding leaves it alone)."""
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_ESCAPE_OR_REFERENCE = re.compile(r"[\\&]")
_PARENS = re.compile(r"[()]")


@dataclass(frozen=True)
class Link:
    target: str
    offset: int
    """File offset of the link's text or target, for reporting."""
    end: int | None = None
    """File offset just after the link's text (None for images and autolinks)."""


class _InlineWalker:
    """Walks inline tokens along their source, keeping prose and its offsets."""

    def __init__(self, source: str, offsets: Sequence[int]) -> None:
        self.source = source
        self.source_offsets = offsets
        self.cursor = 0
        self.chars: list[str] = []
        self.offsets: list[int] = []
        self.links: list[Link] = []
        self.skip_text = 0
        self.open_link = 0

    def _offset(self, index: int) -> int:
        # source_offsets has one entry past the content's end, so it is never empty.
        return self.source_offsets[min(index, len(self.source_offsets) - 1)]

    def _separate(self, index: int) -> None:
        self.chars.append(SEPARATOR)
        self.offsets.append(self._offset(index))

    def _skip(self, markup: str) -> int:
        found = self.source.find(markup, self.cursor)
        if found == -1:
            return self.cursor
        self.cursor = found + len(markup)
        return found

    def walk(self, children: list[Token]) -> None:
        for token in children:
            handler = getattr(self, f"_{token.type}", None)
            if handler is not None:
                handler(token)

    def _text(self, token: Token) -> None:
        if self.skip_text:
            self._skip(token.content)
            return
        content = token.content
        start = self.cursor
        if self.source.startswith(content, start):  # the common case: no escapes
            self.cursor = start + len(content)
            self.chars.append(content)
            self.offsets.extend(self.source_offsets[start:self.cursor])
            return
        aligned = _align(self.source, start, content)
        if aligned is None:
            self._separate(start)
            return
        positions, self.cursor = aligned
        self.chars.append(content)
        # Positions lie inside the source, which has an offset for each of its characters.
        self.offsets.extend(map(self.source_offsets.__getitem__, positions))

    def _softbreak(self, token: Token) -> None:
        found = self._skip("\n")
        self.chars.append(" ")
        self.offsets.append(self._offset(found))

    _hardbreak = _softbreak

    def _code_inline(self, token: Token) -> None:
        start = self._skip(token.markup)
        self._skip(token.content)
        self._skip(token.markup)
        self._separate(start)

    def _html_inline(self, token: Token) -> None:
        self._separate(self._skip(token.content))

    def _emphasis(self, token: Token) -> None:
        self._skip(token.markup)

    _em_open = _em_close = _strong_open = _strong_close = _s_open = _s_close = _emphasis

    def _link_open(self, token: Token) -> None:
        href = str(token.attrs.get("href", ""))
        if token.markup == "autolink":
            start = self._skip("<")
            self.skip_text += 1
            self._separate(start)
        else:
            start = self._skip("[")
        self.open_link = len(self.links)
        self.links.append(Link(href, self._offset(start + 1)))

    def _link_close(self, token: Token) -> None:
        if token.markup == "autolink":
            self._skip(">")
            self.skip_text -= 1
            return
        end = self._skip("]")
        link = self.links[self.open_link]
        self.links[self.open_link] = Link(link.target, link.offset, self._offset(end))
        self._skip_destination()
        self._separate(end)

    def _image(self, token: Token) -> None:
        start = self._skip("![")
        self._skip("]")
        self._skip_destination()
        self.links.append(Link(str(token.attrs.get("src", "")), self._offset(start)))
        self._separate(start)

    def _skip_destination(self) -> None:
        """After `]`: skip `(target "title")` or `[label]`, whichever follows."""
        rest = self.source[self.cursor:]
        if rest.startswith("("):
            depth = 0
            for paren in _PARENS.finditer(rest):
                depth += 1 if paren.group() == "(" else -1
                if depth == 0:
                    self.cursor += paren.end()
                    return
        elif rest.startswith("["):
            self._skip("]")


def _align(source: str, start: int, text: str) -> tuple[list[int], int] | None:
    """Source index of each character of `text`, read from `source` at `start`.

    Backslash escapes and character references in the source stand for single
    characters of the text; anything else must match exactly.
    """
    positions: list[int] = []
    index, done = start, 0
    while done < len(text):
        # Up to the next backslash or ampersand, the text must be the source itself.
        special = _ESCAPE_OR_REFERENCE.search(source, index)
        run = min(special.start() if special else len(source), index + len(text) - done) - index
        if run:
            if not source.startswith(text[done:done + run], index):
                return None
            positions.extend(range(index, index + run))
            index, done = index + run, done + run
            continue
        step = _align_char(source, index, text[done])
        if step is None:
            return None
        positions.append(step[0])
        index, done = step[1], done + 1
    return positions, index


def _align_char(source: str, index: int, char: str) -> tuple[int, int] | None:
    """Where `char` is in `source` read at `index`, and where reading goes on."""
    entity = _ENTITY.match(source, index) if source.startswith("&", index) else None
    if entity is not None and html.unescape(entity.group()) == char:
        return index, entity.end()
    if index < len(source) and source[index] == char:
        return index, index + 1
    if source.startswith("\\" + char, index):
        return index + 1, index + 2
    return None
