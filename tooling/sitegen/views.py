"""What the site shows of each concept in each language, computed once per build."""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from tooling.model import Concept, ConceptStatus, Entry, Glossary, Term, TermStatus
from tooling.project import Project
from tooling.status import State, concept_state


@dataclass(frozen=True)
class ConceptView:
    """A concept as one language's reader sees it."""

    concept: Concept
    lang: str
    entry: Entry
    """The language's entry; the source entry when it has none (a fallback)."""
    state: State
    fallback: bool

    @property
    def content_lang(self) -> str:
        return self.entry.lang

    @property
    def preferred(self) -> Term | None:
        return next(iter(self.entry.preferred), None) or next(iter(self.entry.terms), None)

    @property
    def label(self) -> str:
        return self.preferred.text if self.preferred else self.concept.id

    @property
    def listed_terms(self) -> tuple[Term, ...]:
        """Terms in the A-Z index: all but superseded ones."""
        return tuple(t for t in self.entry.terms if t.status is not TermStatus.SUPERSEDED)


@dataclass(frozen=True)
class SiteModel:
    project: Project
    glossary: Glossary
    views: Mapping[str, Mapping[str, ConceptView]]
    """Language code, then concept id (sorted), to what that language shows."""

    def view(self, lang: str, concept_id: str) -> ConceptView:
        return self.views[lang][concept_id]

    @property
    def source(self) -> str:
        return self.project.source.code


@functools.cache
def direction(lang: str) -> str:
    """"rtl" or "ltr", from Babel's locale data."""
    try:
        order = Locale.parse(lang).character_order
    except (UnknownLocaleError, ValueError):
        return "ltr"
    return "rtl" if order == "right-to-left" else "ltr"


def build_model(project: Project, glossary: Glossary) -> SiteModel:
    concepts = [c for _, c in sorted(glossary.concepts.items())
                if c.status is not ConceptStatus.RETIRED]
    views: dict[str, dict[str, ConceptView]] = {}
    for lang in project.languages:
        views[lang.code] = {c.id: _view(project, glossary, c, lang.code) for c in concepts}
    return SiteModel(project, glossary, views)


def _view(project: Project, glossary: Glossary, concept: Concept, lang: str) -> ConceptView:
    if lang == project.source.code:
        return ConceptView(concept, lang, concept.entry, State.APPROVED
                           if concept.status is ConceptStatus.APPROVED else State.DRAFT, False)
    state = concept_state(glossary, concept.id, lang)
    if state is State.MISSING:
        return ConceptView(concept, lang, concept.entry, state, True)
    return ConceptView(concept, lang, glossary.locales[lang].entries[concept.id], state, False)


@functools.cache
def native_name(lang: str, configured: str) -> str:
    """The language's name in its own language and script, from Babel's locale data
    (capitalised as a menu item); the configured name where Babel has none."""
    try:
        name = Locale.parse(lang).get_display_name(lang)
    except (UnknownLocaleError, ValueError):
        return configured
    return name[:1].upper() + name[1:] if name else configured
