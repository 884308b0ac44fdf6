"""`interlex status`: how far each language's translation has come, and what to do next."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from tooling.documents import Document, document_hash, iter_documents
from tooling.glossary import LOCALE_GLOSSARY_FILE, LOCALES_DIR, load_glossary
from tooling.hashing import source_hash
from tooling.model import ConceptStatus, Entry, Glossary
from tooling.project import Language, Project

Progress = Callable[[int, int], None]


class State(StrEnum):
    APPROVED = "approved"
    REVIEWED = "reviewed"
    DRAFT = "draft"
    STALE = "stale"
    MISSING = "missing"


@dataclass(frozen=True)
class Counts:
    approved: int = 0
    reviewed: int = 0
    draft: int = 0
    stale: int = 0
    missing: int = 0

    @property
    def total(self) -> int:
        return self.approved + self.reviewed + self.draft + self.stale + self.missing


@dataclass(frozen=True)
class Todo:
    kind: str
    """"concept" or "document"."""
    item: str
    state: State
    path: str


@dataclass(frozen=True)
class LanguageStatus:
    lang: str
    name: str
    required: bool
    concepts: Counts
    documents: Counts
    todo: tuple[Todo, ...]


@dataclass(frozen=True)
class StatusReport:
    source: str
    languages: tuple[LanguageStatus, ...]


def translation_status(project: Project, langs: Sequence[str] = (),
                       progress: Progress | None = None,
                       glossary: Glossary | None = None) -> StatusReport:
    """`glossary`, when the caller has it loaded already, is not loaded again."""
    selected = project.select_translations(langs)
    glossary = glossary or load_glossary(project).glossary
    concepts = [c for c in glossary.concepts.values() if c.status is not ConceptStatus.RETIRED]
    sources = list(iter_documents(project, project.source.code))
    total = len(selected) * (len(concepts) + len(sources))
    done = 0
    results = []
    for lang in selected:
        concept_states = []
        for concept in concepts:
            concept_states.append((concept.id, concept_state(glossary, concept.id, lang.code)))
        done += len(concepts)
        if progress:
            progress(done, total)
        document_states = _document_states(project, lang.code, sources)
        done += len(sources)
        if progress:
            progress(done, total)
        results.append(_language_status(project, lang, concept_states, document_states))
    return StatusReport(project.source.code, tuple(results))


def concept_state(glossary: Glossary, concept_id: str, lang: str) -> State:
    """Where a concept stands in a translation language."""
    locale = glossary.locales.get(lang)
    entry = locale.entries.get(concept_id) if locale else None
    if entry is None or not entry.is_translated:
        return State.MISSING
    if entry.source_hash != source_hash(glossary.concepts[concept_id].entry):
        return State.STALE
    return review_state(entry)


def review_state(entry: Entry | Document) -> State:
    """Approved, reviewed or draft: what the translation says of itself (draft when silent)."""
    review = entry.review.status if isinstance(entry, Entry) and entry.review else (
        entry.review if isinstance(entry, Document) else None)
    return State(str(review)) if review is not None else State.DRAFT


def _document_states(project: Project, lang: str, sources: Iterable[Document]
                     ) -> list[tuple[str, State]]:
    translations = {doc.key: doc for doc in iter_documents(project, lang)}
    states = []
    for source in sources:
        translation = translations.get(source.key)
        if translation is None:
            states.append((source.key, State.MISSING))
        elif translation.source_hash != document_hash(source):
            states.append((source.key, State.STALE))
        else:
            states.append((source.key, review_state(translation)))
    return states


def _language_status(project: Project, lang: Language, concepts: list[tuple[str, State]],
                     documents: list[tuple[str, State]]) -> LanguageStatus:
    locale_path = f"{LOCALES_DIR}/{lang.code}/{LOCALE_GLOSSARY_FILE}"
    todo = [Todo("concept", cid, state, locale_path) for cid, state in concepts
            if state in (State.STALE, State.MISSING)]
    todo += [Todo("document", key, state, f"content/{lang.code}/{key}") for key, state in
             documents if state in (State.STALE, State.MISSING)]
    order = {State.STALE: 0, State.MISSING: 1}
    todo.sort(key=lambda t: (order[t.state], t.kind, t.item))
    return LanguageStatus(lang.code, lang.name, project.is_required(lang.code),
                          _count(s for _, s in concepts), _count(s for _, s in documents),
                          tuple(todo))


def _count(states: Iterable[State]) -> Counts:
    tally = Counter(states)
    return Counts(*(tally[state] for state in State))
