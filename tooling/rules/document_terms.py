"""deprecated-term and admitted-term: glossary terms used in guidance documents."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from tooling.findings import Finding, Severity, record
from tooling.statuses import TermStatus

if TYPE_CHECKING:  # the types alone: Edit is read back from the cache without them
    from tooling.corpus import Matchers
    from tooling.markdown_scan import Block, ScannedDocument
    from tooling.matcher import Match


@record
class Edit:
    """A replacement `interlex check --fix` may apply: file offsets [start, end)."""

    path: str
    start: int
    end: int
    text: str


_REPORTED = (TermStatus.DEPRECATED, TermStatus.SUPERSEDED, TermStatus.ADMITTED)


def term_findings(path: str, scanned: ScannedDocument, block: Block, matches: list[Match],
                  matchers: Matchers) -> Iterator[tuple[Finding, Edit | None]]:
    """Each finding of a block, with the edit that fixes it when the fix is unambiguous."""
    for match in matches:
        if match.use.status in _REPORTED:
            reported = _report(path, scanned, block, match, matchers)
            if reported is not None:
                yield reported


def _report(path: str, scanned: ScannedDocument, block: Block, match: Match,
            matchers: Matchers) -> tuple[Finding, Edit | None] | None:
    assert block.prose is not None
    lang, concept = match.use.lang, match.use.concept
    start = block.prose.offsets[match.start]
    end = block.prose.offsets[match.end - 1] + 1
    found = scanned.text[start:end]
    preferred = matchers.get(lang).preferred.get(concept)
    status = match.use.status
    span = scanned.span(start, end)
    if status is TermStatus.ADMITTED:
        if preferred is None:
            return None  # nothing better to suggest in this language yet
        return Finding("admitted-term", Severity.INFO, path, span,
                       f"'{found}' is admitted for '{concept}'; the preferred term is "
                       f"'{preferred}'", lang=lang, concept=concept, found=found,
                       suggestion=preferred), None
    advice = f"use '{preferred}'" if preferred else "this language has no preferred term yet"
    finding = Finding("deprecated-term", Severity.ERROR, path, span,
                      f"'{found}' is {status} for '{concept}'; {advice}", lang=lang,
                      concept=concept, found=found, suggestion=preferred)
    exact = not match.stemmed and block.prose.text[match.start:match.end] == found
    if preferred is None or not exact or match.ambiguous:
        return finding, None
    return finding, Edit(path, start, end, _same_case(found, preferred))


def _same_case(found: str, replacement: str) -> str:
    """Keep a capital at the start of a sentence: 'Jailbreaking' -> 'Jailbreak'."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
