"""missing-, stale- and orphan-translation for the locale glossary files."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from tooling.findings import Finding, Severity
from tooling.hashing import source_hash
from tooling.model import Concept, ConceptStatus, Entry, Glossary, LocaleGlossary
from tooling.project import Project


def check(glossary: Glossary, project: Project) -> Iterator[Finding]:
    for locale in glossary.locales.values():
        severity = Severity.WARNING if project.is_required(locale.lang) else Severity.INFO
        for concept in glossary.concepts.values():
            entry = locale.entries.get(concept.id)
            if concept.status is not ConceptStatus.RETIRED:
                yield from _missing(concept, locale, entry, severity)
            if entry is not None and entry.is_translated:
                yield from _stale(concept, entry)
        yield from _orphans(glossary, locale)


def _missing(concept: Concept, locale: LocaleGlossary, entry: Entry | None,
             severity: Severity) -> Iterator[Finding]:
    if entry is None:
        yield Finding("missing-translation", severity, concept.path, concept.span,
                      f"'{concept.id}' has no {locale.lang} entry; add '{concept.id}:' to "
                      f"{locale.path}", lang=locale.lang, concept=concept.id)
    elif not entry.is_translated:
        yield Finding("missing-translation", severity, entry.path, entry.span,
                      f"the {locale.lang} entry of '{concept.id}' has no terms yet; "
                      "translate it", lang=locale.lang, concept=concept.id)


def _stale(concept: Concept, entry: Entry) -> Iterator[Finding]:
    current = source_hash(concept.entry)
    pin = f"`interlex translations pin --lang {entry.lang} {concept.id}`"
    if entry.source_hash is None:
        yield Finding("stale-translation", Severity.WARNING, entry.path, entry.span,
                      f"the {entry.lang} entry of '{concept.id}' has no source_hash, so its "
                      f"staleness is unknown; check it against the source, then run {pin}",
                      lang=entry.lang, concept=concept.id, suggestion=current)
    elif entry.source_hash and entry.source_hash != current:
        yield Finding("stale-translation", Severity.WARNING, entry.path, entry.span,
                      f"the {entry.lang} entry of '{concept.id}' was translated from an older "
                      f"source entry ({entry.source_hash}, now {current}); update it, then "
                      f"run {pin}", lang=entry.lang, concept=concept.id,
                      found=entry.source_hash, suggestion=current)


def _orphans(glossary: Glossary, locale: LocaleGlossary) -> Iterator[Finding]:
    for concept_id, entry in locale.entries.items():
        if concept_id in glossary.concept_files:
            continue
        close = difflib.get_close_matches(concept_id, sorted(glossary.concept_files), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; remove the entry or restore it"
        yield Finding("orphan-translation", Severity.WARNING, entry.path, entry.span,
                      f"no concept '{concept_id}' in glossary/{hint}", lang=locale.lang,
                      concept=concept_id, suggestion=close[0] if close else None)
