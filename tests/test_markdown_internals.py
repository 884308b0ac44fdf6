"""Defensive paths of the Markdown scanner, reached directly."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from tooling.markdown_inline import _align, _InlineWalker
from tooling.markdown_scan import _MARKDOWN, LINE_BREAK, SEPARATOR, scan
from tooling.suppress import suppressions


def test_align_reads_escapes_and_entities_or_gives_up() -> None:
    assert _align("a \\* &amp; b", 0, "a * & b") == ([0, 1, 3, 4, 5, 10, 11], 12)
    assert _align("abc", 0, "xyz") is None
    # A backslash before a letter and an ampersand with no reference are themselves.
    assert _align("x & \\y", 0, "x & \\y") == ([0, 1, 2, 3, 4, 5], 6)
    assert _align("&amp;", 0, "x") is None
    assert _align("ab", 0, "abc") is None  # the source ends first


def test_walker_separates_what_it_cannot_place() -> None:
    walker = _InlineWalker("abc", [10, 11, 12, 13])
    assert walker._skip("zz") == 0  # markup that is not there: stay put
    walker.walk([Token("text", "", 0, content="xyz"), Token("footnote_ref", "", 0)])
    assert (walker.chars, walker.offsets) == ([SEPARATOR], [10])
    walker.cursor = 0
    walker.source = "(unclosed"
    walker._skip_destination()
    assert walker.cursor == 0


def test_heading_with_closing_hashes_is_located() -> None:
    document = scan("## Scope ##\n")
    heading = document.blocks[0]
    assert heading.prose is not None
    assert (heading.prose.text, heading.prose.offsets[0]) == ("Scope", 3)


def test_paragraph_after_a_line_of_form_feeds_is_located() -> None:
    # markdown-it strips the form feeds from the paragraph: its text is on the next line.
    paragraph = scan("\f\nword\n").blocks[0]
    assert paragraph.prose is not None
    assert (paragraph.line, paragraph.prose.text, paragraph.prose.offsets) == (
        1, "word", (2, 3, 4, 5))


def test_offsets_past_64_kib_are_made_on_the_spot() -> None:
    long, short = scan("word " * 14_000 + "\n\nend\n").blocks
    assert long.prose is not None and long.prose.offsets == tuple(range(69_999))
    assert short.prose is not None and short.prose.offsets == (70_002, 70_003, 70_004)


_STOCK = MarkdownIt("commonmark").enable("table")
_MARKDOWN_TEXT = st.lists(st.one_of(st.sampled_from([
    *"\n\\`*_[]()!<>&#-:|~ \t\f\r\x00", "\\-", "    ", "> ", "- ", "1. ", "```", "&amp;", "&#1;",
    "<b>", "<!--", "-->", "[a]: /u\n", "[a]", "![i](s)", "**", "\n---\n", "\n===\n",
    "|-|-|\n"]), st.text(max_size=8)), max_size=50).map("".join)


@settings(max_examples=300, deadline=None, derandomize=True, database=None)
@given(_MARKDOWN_TEXT)
def test_the_tuned_parser_gives_the_tokens_of_the_stock_one(text: str) -> None:
    # Plain text is where no enabled inline rule but `text` can fire: a new rule needs a
    # look at _ACTIVE.
    assert _MARKDOWN.get_active_rules()["inline"] == [
        "text", "newline", "escape", "backticks", "emphasis", "link", "image", "autolink",
        "html_inline", "entity"]
    # scan() normalizes line breaks and NUL itself, as it splits the lines.
    normalized = LINE_BREAK.sub("\n", text).replace("\x00", "\ufffd")
    assert _MARKDOWN.parse(normalized) == _STOCK.parse(text)


@pytest.mark.parametrize("syntax", ["\\-", "`code`", "*em*", "_em_", "[link](u)", "<b>",
                                    "<https://auto.link>", "&amp;", "line\nbreak"])
def test_each_inline_syntax_alone_is_still_parsed(syntax: str) -> None:
    text = f"Some {syntax} words\n"
    assert _MARKDOWN.parse(text) == _STOCK.parse(text)


def test_disable_and_enable_ranges() -> None:
    quiet = suppressions("a\n<!-- interlex-disable deprecated-term admitted-term -->\nb\n"
                         "<!-- interlex-enable -->\nc\n<!-- interlex-disable -->\nd\n")
    assert quiet.covers("deprecated-term", 3) and quiet.covers("admitted-term", 2)
    assert not quiet.covers("deprecated-term", 5)
    assert quiet.covers("broken-link", 7) and not quiet.covers("broken-link", 5)
    assert suppressions("no directives").ranges == ()
