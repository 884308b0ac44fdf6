"""Link glossary terms in a guidance page to their concept pages, with the definition
as a tooltip in the page's language.

The same scanner and matcher as the check find the terms, so linking works in
Chinese and Japanese text (where `abbr`-style word matching does not) and never
inside headings, code, raw HTML or an existing link. Each concept is linked once,
at its first use. The link is raw HTML, so its attributes are escaped here and no
definition is ever read as markup.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from tooling.markdown_scan import Block, scan
from tooling.matcher import LanguageMatcher, Match
from tooling.sitegen.text import attribute

LINKED_BLOCKS = frozenset({"paragraph", "item", "cell", "quote", "admonition"})


@dataclass(frozen=True)
class TermLink:
    concept: str
    href: str
    tooltip: str


def link_terms(markdown: str, matcher: LanguageMatcher,
               target: Callable[[str], TermLink | None]) -> str:
    """`markdown` with the first use of each concept linked; `target` gives a concept's
    link, or None for a concept that is not to be linked."""
    scanned = scan(markdown)
    linked: set[str] = set()
    edits: list[tuple[int, int, TermLink]] = []
    for block in scanned.blocks:
        if block.kind not in LINKED_BLOCKS or block.prose is None:
            continue
        for start, end, match in _candidates(block, matcher):
            if match.use.concept in linked:
                continue
            link = target(match.use.concept)
            if link is None:
                continue
            linked.add(match.use.concept)
            edits.append((start, end, link))
    for start, end, link in sorted(edits, key=lambda edit: edit[0], reverse=True):
        markdown = (f'{markdown[:start]}<a href="{attribute(link.href)}" class="interlex-term" '
                    f'title="{attribute(link.tooltip)}" data-concept="{attribute(link.concept)}">'
                    f"{markdown[start:end]}</a>{markdown[end:]}")
    return markdown


def _candidates(block: Block, matcher: LanguageMatcher) -> Iterator[tuple[int, int, Match]]:
    """Matches of allowed terms that are plain text in the file: not across markup
    (no term spans a separator, which is not a letter), not inside a link's text; as
    file offsets [start, end)."""
    assert block.prose is not None
    text, offsets = block.prose.text, block.prose.offsets
    inside_links = [(link.offset, link.end) for link in block.links if link.end is not None]
    for match in matcher.find(text):
        if match.use.status is None or not match.use.status.allowed:
            continue
        start, last = offsets[match.start], offsets[match.end - 1]
        if last - start != match.end - match.start - 1:
            continue  # emphasis, an escape or an entity inside: not one run of text
        if any(open_ <= start < close for open_, close in inside_links):
            continue
        yield start, last + 1, match
