"""Defensive paths of the Markdown scanner, reached directly."""

from __future__ import annotations

from markdown_it.token import Token

from tooling.markdown_scan import SEPARATOR, _align, _InlineWalker, scan
from tooling.suppress import suppressions


def test_align_reads_escapes_and_entities_or_gives_up() -> None:
    assert _align("a \\* &amp; b", 0, "a * & b") == ([0, 1, 3, 4, 5, 10, 11], 12)
    assert _align("abc", 0, "xyz") is None


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


def test_disable_and_enable_ranges() -> None:
    quiet = suppressions("a\n<!-- interlex-disable deprecated-term admitted-term -->\nb\n"
                         "<!-- interlex-enable -->\nc\n<!-- interlex-disable -->\nd\n")
    assert quiet.covers("deprecated-term", 3) and quiet.covers("admitted-term", 2)
    assert not quiet.covers("deprecated-term", 5)
    assert quiet.covers("broken-link", 7) and not quiet.covers("broken-link", 5)
    assert suppressions("no directives").ranges == ()
