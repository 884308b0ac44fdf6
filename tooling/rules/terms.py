"""preferred-term, term-collision and term-conflict: how terms sit in each language."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from tooling.findings import Finding, Severity
from tooling.model import ConceptStatus, Entry, Glossary, Term, TermStatus
from tooling.project import Project
from tooling.text import term_key


@dataclass(frozen=True)
class _Use:
    term: Term
    entry: Entry
    status: TermStatus

    @property
    def where(self) -> str:
        return f"{self.entry.path}:{self.term.span.line}:{self.term.span.column}"


def check(glossary: Glossary, project: Project) -> Iterator[Finding]:
    entries = [e for e in glossary.entries() if e.is_translated]
    for entry in entries:
        # An invalid status was reported by the schema check; judging this entry's
        # preferred terms would only repeat that finding.
        if all(t.status is not None for t in entry.terms):
            yield from _preferred(entry)
    retired = {c.id for c in glossary.concepts.values() if c.status is ConceptStatus.RETIRED}
    yield from _pairs([e for e in entries if e.concept not in retired])


def _preferred(entry: Entry) -> Iterator[Finding]:
    preferred = entry.preferred
    if not preferred:
        yield Finding("preferred-term", Severity.ERROR, entry.path, entry.terms_span or entry.span,
                      f"the {entry.lang} entry of '{entry.concept}' has no preferred term; mark "
                      "exactly one term `status: preferred`", lang=entry.lang,
                      concept=entry.concept)
    for extra in preferred[1:]:
        first = preferred[0]
        yield Finding("preferred-term", Severity.ERROR, entry.path, extra.span,
                      f"'{extra.text}' is a second preferred term (the first is '{first.text}' "
                      f"at line {first.span.line}); keep one preferred, make the others "
                      "admitted", lang=entry.lang, concept=entry.concept, found=extra.text)


def _pairs(entries: list[Entry]) -> Iterator[Finding]:
    groups: dict[tuple[str, str], list[_Use]] = defaultdict(list)
    for entry in entries:
        for term in entry.terms:
            if term.status is not None:
                groups[(entry.lang, term_key(term.text))].append(_Use(term, entry, term.status))
    for uses in groups.values():
        for first, second in combinations(uses, 2):
            if _same_term(first.term, second.term):
                yield from _compare(first, second)
                yield from _compare(second, first)


def _same_term(a: Term, b: Term) -> bool:
    if a.case_sensitive or b.case_sensitive:
        return term_key(a.text, case_sensitive=True) == term_key(b.text, case_sensitive=True)
    return True


def _compare(use: _Use, other: _Use) -> Iterator[Finding]:
    entry, term = use.entry, use.term
    same_concept = entry.concept == other.entry.concept and entry.path == other.entry.path
    if use.status.allowed != other.status.allowed:
        state = "allowed" if use.status.allowed else str(use.status)
        where = "in the same entry" if same_concept else f"for concept '{other.entry.concept}'"
        yield _finding("term-conflict", use, f"'{term.text}' is {state} here but "
                       f"{other.status} {where} ({other.where}); a term cannot be both "
                       "allowed and deprecated: change one status")
    elif same_concept:
        if (use.term.span.line, use.term.span.column) > (other.term.span.line,
                                                          other.term.span.column):
            yield _finding("term-conflict", use, f"'{term.text}' is listed twice in this entry "
                           f"(also at {other.where}); remove one")
    elif use.status.allowed:
        yield _finding("term-collision", use, f"'{term.text}' is also a term of concept "
                       f"'{other.entry.concept}' ({other.where}) in {entry.lang}; a term names "
                       "one concept: choose another term or deprecate one of them")


def _finding(rule: str, use: _Use, message: str) -> Finding:
    return Finding(rule, Severity.ERROR, use.entry.path, use.term.span, message,
                   lang=use.entry.lang, concept=use.entry.concept, found=use.term.text)
