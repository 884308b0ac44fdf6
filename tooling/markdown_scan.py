"""Scan a Markdown document into blocks of prose, each character tied to its place in the file.

markdown-it-py parses the structure. Inline tokens carry no columns, so each
block's inline source is located in the original lines, and each token is then
walked along that source: text is kept (escapes and entities resolved back to
their source characters), emphasis markers are dropped, and everything that is
not prose (code spans, raw HTML, link targets, autolinks, images, bare URLs)
becomes a separator that no term can match across. Admonitions (`!!! note`)
are Python-Markdown syntax, not CommonMark: their bodies are dedented for the
parser and mapped back to the original columns.
"""

from __future__ import annotations

import html
import logging
import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import accumulate, chain

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from pymdownx.slugs import slugify

from tooling.documents import FRONT_MATTER
from tooling.findings import Span
from tooling.markdown_inline import SEPARATOR, Link, _InlineWalker

__all__ = ["FRONT_MATTER", "LINE_BREAK", "SEPARATOR", "Block", "Link", "Prose",
           "ScannedDocument", "heading_slug", "scan"]


_MARKDOWN = MarkdownIt("commonmark").enable("table")
_ACTIVE = re.compile(r"[\n\\`*_\[!<&]")
"""Where the enabled inline rules other than `text` can start (their list is tested)."""
# markdown-it logs every block rule it tries at debug level: hundreds of thousands of
# calls on a large corpus, for nothing here.
logging.getLogger("markdown_it").disabled = True
LINE_BREAK = re.compile(r"\r\n|\r|\n")
"""A line ends at LF, CRLF or a lone CR, as in CommonMark."""
_LINES_AND_BREAKS = re.compile(r"(\r\n|\r|\n)")
_ADMONITION = re.compile(r"^( *)(?:!!!|\?\?\?\+?)[ \t]+([\w-]+)(?:[ \t]+\"([^\"]*)\")?[ \t]*$")
_URL = re.compile(r"(?:https?://|www\.)[^\s<>()]+")
_COMMENTS = re.compile(r"(?:<!--.*?-->\s*)+", re.DOTALL)
_CONTAINERS = {"list_item_open": "item", "td_open": "cell", "th_open": "cell",
               "blockquote_open": "quote"}
_CLOSERS = frozenset(name.replace("_open", "_close") for name in _CONTAINERS)
_SHARED_OFFSETS = tuple(range(1 << 16))
"""The offsets of files up to 64 KiB, as shared int objects: a slice of them costs a
tenth of making new ones, and a block needs one per character."""


def _inline(state: StateCore) -> None:
    """markdown-it's `inline` core rule, minus the parse of content without inline syntax
    (most blocks of prose), which would only give back that content as one text token."""
    for token in state.tokens:
        if token.type == "inline" and token.content and not _ACTIVE.search(token.content):
            token.children = [Token("text", "", 0, content=token.content)]
        elif token.type == "inline":  # with inline syntax, or empty (which gives no token)
            token.children = []
            state.md.inline.parse(token.content, state.md, state.env, token.children)


_MARKDOWN.core.ruler.at("inline", _inline)
# scan() gives the parser only LF line breaks and no NUL: markdown-it's normalize rule
# would rewrite every line break of a document for nothing.
_MARKDOWN.disable("normalize")


@dataclass(frozen=True)
class Prose:
    """A block's prose: `text`, and for each of its characters the file offset."""

    text: str
    offsets: tuple[int, ...]


@dataclass(frozen=True)
class Block:
    kind: str
    """heading1-6, paragraph, item, cell, quote, admonition, title, code, html, comment
    or rule."""
    line: int
    prose: Prose | None = None
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class ScannedDocument:
    text: str
    blocks: tuple[Block, ...]
    line_starts: tuple[int, ...] = field(repr=False)

    def span(self, start: int, end: int) -> Span:
        """1-based line and code-point column of file offsets [start, end)."""
        line = bisect_right(self.line_starts, start)
        end_line = bisect_right(self.line_starts, max(start, end - 1))
        return Span(line, start - self.line_starts[line - 1] + 1, end_line,
                    end - self.line_starts[end_line - 1] + 1)

    @property
    def headings(self) -> tuple[Block, ...]:
        return tuple(b for b in self.blocks if b.kind.startswith("heading"))


def scan(text: str, title: tuple[str, int] | None = None) -> ScannedDocument:
    """Blocks of a document; `title` is the front-matter title and its file offset."""
    # CommonMark reads NUL as U+FFFD: so must the lines its output is located in.
    parts = _LINES_AND_BREAKS.split(text.replace("\x00", "\ufffd"))
    original, starts = parts[::2], tuple(accumulate(map(len, parts), initial=0))[::2]
    match = FRONT_MATTER.match(text)
    first_line = len(LINE_BREAK.findall(text, 0, match.end())) if match else 0
    blocks: list[Block] = []
    if title is not None:
        blocks.append(_title_block(text, starts, title))
    parsed, admonitions = _dedent_admonitions(original, first_line)
    _Walker(original, starts, admonitions, blocks).walk(_MARKDOWN.parse(parsed), first_line)
    return ScannedDocument(text, tuple(sorted(blocks, key=lambda b: b.line)), starts)


def _title_block(text: str, starts: tuple[int, ...], title: tuple[str, int]) -> Block:
    value, offset = title
    line = bisect_right(starts, offset)
    if text[offset: offset + len(value)] == value:
        prose = _strip_urls(Prose(value, tuple(range(offset, offset + len(value)))))
        return Block("title", line, prose)
    return Block("title", line)  # an escaped or folded title: its place is not exact


def _dedent_admonitions(lines: list[str], first_line: int
                        ) -> tuple[str, dict[int, tuple[str, str | None, int]]]:
    """The text the parser sees: admonition markers blanked, their bodies dedented."""
    parsed = [""] * first_line + lines[first_line:]
    joined = "\n".join(parsed)
    if "!!!" not in joined and "???" not in joined:
        return joined, {}  # most documents have none: spare them the line by line search
    found: dict[int, tuple[str, str | None, int]] = {}
    index = first_line
    while index < len(lines):
        marker = _ADMONITION.match(lines[index])
        if marker is None:
            index += 1
            continue
        indent = len(marker.group(1)) + 4
        found[index] = (marker.group(2), marker.group(3), lines[index].find('"') + 1)
        parsed[index] = ""
        index += 1
        while index < len(lines) and (not lines[index].strip() or
                                      lines[index].startswith(" " * indent)):
            parsed[index] = lines[index][4:] if lines[index].strip() else ""
            index += 1
    return "\n".join(parsed), found


class _Walker:
    def __init__(self, lines: list[str], starts: tuple[int, ...],
                 admonitions: dict[int, tuple[str, str | None, int]], blocks: list[Block]
                 ) -> None:
        self.lines = lines
        self.starts = starts
        self.admonitions = admonitions
        self.blocks = blocks
        self.row_cursor: dict[int, int] = {}

    def walk(self, tokens: list[Token], first_line: int) -> None:
        self._admonition_titles()
        containers: list[str] = []
        heading = ""
        for token in tokens:
            if token.type == "inline" and token.map:
                kind = heading or (containers[-1] if containers else "paragraph")
                self.blocks.append(self._inline_block(kind, token))
            elif token.type in _CONTAINERS:
                containers.append(_CONTAINERS[token.type])
            elif token.type in _CLOSERS:
                containers.pop()
            elif token.type == "heading_open":
                heading = f"heading{token.tag[1:]}"
            elif token.type == "heading_close":
                heading = ""
            elif token.type in ("fence", "code_block", "html_block", "hr") and token.map:
                self.blocks.append(Block(_block_kind(token), token.map[0] + 1))

    def _admonition_titles(self) -> None:
        for index, (_kind, title, column) in self.admonitions.items():
            offset = self.starts[index] + column
            prose = Prose(title, tuple(range(offset, offset + len(title)))) if title else None
            self.blocks.append(Block("admonition", index + 1, prose))

    def _inline_block(self, kind: str, token: Token) -> Block:
        assert token.map is not None
        content, line = token.content, token.map[0] + 1
        offsets = self._locate(content, self._first_line(content, token.map), kind == "cell")
        children = token.children or []
        if len(children) == 1 and children[0].type == "text" and children[0].content == content:
            # Plain text (most blocks): all prose, as the inline walker would find it.
            return Block(kind, line, _strip_urls(Prose(content, offsets[:len(content)])))
        walker = _InlineWalker(content, offsets)
        walker.walk(children)
        prose = _strip_urls(Prose("".join(walker.chars), tuple(walker.offsets)))
        return Block(kind, line, prose, tuple(walker.links))

    def _first_line(self, content: str, rows: list[int]) -> int:
        # markdown-it strips a paragraph with Python's str.strip(), which also drops
        # leading lines of form feeds and other whitespace: start where the text does.
        head = content.partition("\n")[0]
        start, end = rows[0], min(rows[1], len(self.lines))
        if start < end and head in self.lines[start]:
            return start  # the common case, without the search
        return next((index for index in range(start, end) if head in self.lines[index]), start)

    def _locate(self, content: str, first: int, cell: bool) -> tuple[int, ...]:
        """File offset of each character of an inline token's content (newlines included)."""
        runs: list[tuple[int, ...]] = []
        for index, piece in enumerate(content.split("\n"), first):
            line = self.lines[index] if index < len(self.lines) else ""
            column = self._column(line, piece, index, cell)
            base = self.starts[index] + column if index < len(self.starts) else 0
            stop = base + len(piece) + 1  # the piece, then the line break (or end) after it
            runs.append(_SHARED_OFFSETS[base:stop] if stop <= len(_SHARED_OFFSETS)
                        else tuple(range(base, stop)))
        return runs[0] if len(runs) == 1 else tuple(chain.from_iterable(runs))

    def _column(self, line: str, piece: str, index: int, cell: bool) -> int:
        if cell:  # cells share a row: search from the end of the previous cell
            column = line.find(piece, self.row_cursor.get(index, 0))
            self.row_cursor[index] = max(column, 0) + len(piece)
            return max(column, 0)
        body = line.rstrip()
        tail = piece.rstrip()
        if tail and body.endswith(tail):
            return len(body) - len(tail)
        return max(line.find(piece), 0)


def _block_kind(token: Token) -> str:
    if token.type == "html_block":
        # Comments (such as interlex-disable) are not part of a document's structure.
        return "comment" if _COMMENTS.fullmatch(token.content.strip()) else "html"
    return {"fence": "code", "code_block": "code"}.get(token.type, "rule")



def _strip_urls(prose: Prose) -> Prose:
    """Bare URLs in text are not prose: they become separators, keeping offsets."""
    if "://" not in prose.text and "www." not in prose.text:
        return prose
    text = _URL.sub(lambda m: SEPARATOR * len(m.group()), prose.text)
    return Prose(text, prose.offsets)


_SLUGIFY = slugify(case="lower")


def heading_slug(text: str) -> str:
    """The anchor a heading gets on the site: the toc extension with pymdownx's Unicode
    slugify (see mkdocs.yml), so headings in any script have anchors."""
    return str(_SLUGIFY(html.unescape(text).strip(), "-"))

