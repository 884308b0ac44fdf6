"""deprecated-term and admitted-term: glossary terms used in guidance documents."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from tooling.corpus import Corpus, Matchers, ScannedFile
from tooling.findings import Finding, Severity
from tooling.markdown_scan import Prose
from tooling.matcher import Match
from tooling.model import Entry, Glossary, TermStatus


@dataclass(frozen=True)
class Edit:
    """A replacement `interlex check --fix` may apply: file offsets [start, end)."""

    path: str
    start: int
    end: int
    text: str


def check(glossary: Glossary, corpus: Corpus, matchers: Matchers
          ) -> Iterator[tuple[Finding, Edit | None]]:
    """Each finding, with the edit that fixes it when the fix is unambiguous."""
    for lang, files in corpus.files.items():
        for key, file in files.items():
            yield from _document(lang, key, file, matchers)


def _document(lang: str, key: str, file: ScannedFile, matchers: Matchers
              ) -> Iterator[tuple[Finding, Edit | None]]:
    for number, block in enumerate(file.scanned.blocks):
        if block.prose is None:
            continue
        for match in matchers.find(lang, key, number, block.prose.text):
            status = match.use.term.status
            if status in (TermStatus.DEPRECATED, TermStatus.SUPERSEDED, TermStatus.ADMITTED):
                yield from _report(file, block.prose, match,
                                   _entry(matchers, lang, match.use.concept))


def _entry(matchers: Matchers, lang: str, concept: str) -> Entry | None:
    if lang == matchers.source:
        found = matchers.glossary.concepts.get(concept)
        return found.entry if found else None
    locale = matchers.glossary.locales.get(lang)
    return locale.entries.get(concept) if locale else None


def _report(file: ScannedFile, prose: Prose, match: Match, entry: Entry | None
            ) -> Iterator[tuple[Finding, Edit | None]]:
    lang, text = file.document.lang, prose.text
    start, end = prose.offsets[match.start], prose.offsets[match.end - 1] + 1
    found = file.scanned.text[start:end]
    preferred = entry.preferred[0].text if entry and entry.preferred else None
    status = match.use.term.status
    concept = match.use.concept
    span = file.scanned.span(start, end)
    path = file.document.path
    if status is TermStatus.ADMITTED:
        if preferred is not None:
            yield Finding("admitted-term", Severity.INFO, path, span,
                          f"'{found}' is admitted for '{concept}'; the preferred term is "
                          f"'{preferred}'", lang=lang, concept=concept, found=found,
                          suggestion=preferred), None
        return
    advice = f"use '{preferred}'" if preferred else "this language has no preferred term yet"
    finding = Finding("deprecated-term", Severity.ERROR, path, span,
                      f"'{found}' is {status} for '{concept}'; {advice}", lang=lang,
                      concept=concept, found=found, suggestion=preferred)
    exact = not match.stemmed and text[match.start:match.end] == found
    fixable = preferred is not None and exact and not match.ambiguous
    yield finding, Edit(path, start, end, _same_case(found, preferred)) if (
        fixable and preferred) else None


def _same_case(found: str, replacement: str) -> str:
    """Keep a capital at the start of a sentence: 'Jailbreaking' -> 'Jailbreak'."""
    if found[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
