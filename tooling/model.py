"""The glossary as immutable records, built once from validated YAML."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import field

from tooling.findings import Span, record
from tooling.statuses import ConceptStatus, ReviewStatus, TermStatus

__all__ = ["Concept", "ConceptStatus", "Domain", "Entry", "Glossary", "JurisdictionDefinition",
           "LocaleGlossary", "Reference", "Review", "ReviewStatus", "Source", "Term",
           "TermStatus", "TermTest"]


@record
class Term:
    text: str
    status: TermStatus | None
    """None when the file has an invalid status (reported by the schema check)."""
    span: Span
    type: str | None = None
    part_of_speech: str | None = None
    case_sensitive: bool = False
    do_not_translate: bool = False
    forms: tuple[str, ...] = ()
    reading: str | None = None
    note: str | None = None


@record
class Review:
    status: ReviewStatus
    by: str | None = None
    date: str | None = None


@record
class Entry:
    """One language's entry for one concept: in a concept file or a locale file."""

    concept: str
    lang: str
    path: str
    span: Span
    terms: tuple[Term, ...] = ()
    definition: str | None = None
    notes: tuple[str, ...] = ()
    review: Review | None = None
    source_hash: str | None = None
    """None when absent; "" when present but not a hash (reported by the schema check)."""
    terms_span: Span | None = None

    @property
    def preferred(self) -> tuple[Term, ...]:
        return tuple(t for t in self.terms if t.status is TermStatus.PREFERRED)

    @property
    def is_translated(self) -> bool:
        """A scaffolded entry without terms is a placeholder, not a translation."""
        return bool(self.terms)


@record
class Reference:
    target: str
    span: Span


@record
class Source:
    title: str
    url: str | None = None
    locator: str | None = None


@record
class JurisdictionDefinition:
    jurisdiction: str
    definition: str
    source: Source | None
    term: str | None = None


@record
class TermTest:
    """A term spec: `text` must (or must not) contain a term of the concept in `lang`."""

    lang: str
    text: str
    should_match: bool
    span: Span


@record
class Concept:
    id: str
    path: str
    span: Span
    status: ConceptStatus
    entry: Entry
    domain: Reference | None = None
    since: str | None = None
    related: tuple[Reference, ...] = ()
    broader: tuple[Reference, ...] = ()
    sources: tuple[Source, ...] = ()
    decision: str | None = None
    jurisdictions: tuple[JurisdictionDefinition, ...] = ()
    tests: tuple[TermTest, ...] = ()


@record
class Domain:
    id: str
    span: Span
    names: Mapping[str, str] = field(default_factory=dict)


@record
class LocaleGlossary:
    lang: str
    path: str
    entries: Mapping[str, Entry]


@record
class Glossary:
    """Everything `check` looks at, loaded once."""

    concepts: Mapping[str, Concept]
    domains: Mapping[str, Domain] | None
    locales: Mapping[str, LocaleGlossary]
    concept_files: frozenset[str] = frozenset()
    """Ids of every concept file present, including those that could not be read."""

    def entries(self) -> Iterator[Entry]:
        """Every language entry: source entries first, then each locale's, in file order."""
        for concept in self.concepts.values():
            yield concept.entry
        for locale in self.locales.values():
            yield from locale.entries.values()
