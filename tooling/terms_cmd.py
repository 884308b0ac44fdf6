"""`interlex term new` and `interlex term show`: one concept, scaffolded or side by side."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from tooling.errors import InterlexError
from tooling.fileio import write_atomic
from tooling.glossary import GLOSSARY_DIR, ID_RE, load_glossary
from tooling.hashing import source_hash
from tooling.model import Entry
from tooling.project import Project

_TEMPLATE = """\
# yaml-language-server: $schema=../tooling/schemas/concept.schema.json
id: {id}
status: draft
domain: {domain}
since: "{since}"
related: []
sources:
  - title: ""  # the document the concept and its definition come from
    url: https://
definition: ""  # in our own words: `interlex check` reports it until it is written
terms:
  - term: {term}
    status: preferred
"""


def new_concept(project: Project, concept_id: str, domain: str, term: str | None) -> Path:
    """Write glossary/<id>.yaml from the template; never over an existing file."""
    if not ID_RE.match(concept_id):
        raise InterlexError(f"'{concept_id}' is not a concept id: use lowercase ASCII words "
                            "joined by '-'")
    path = project.root / GLOSSARY_DIR / f"{concept_id}.yaml"
    if path.exists():
        raise InterlexError(f"{path.relative_to(project.root)} already exists; ids are never "
                            "reused")
    glossary = load_glossary(project).glossary
    editions = sorted((c.since for c in glossary.concepts.values() if c.since),
                      key=lambda s: tuple(int(p) for p in s.split(".")))
    write_atomic(path, _TEMPLATE.format(id=concept_id, domain=domain,
                                        since=editions[-1] if editions else "2025.1",
                                        term=term or concept_id.replace("-", " ")))
    return path


@dataclass(frozen=True)
class LanguageView:
    lang: str
    name: str
    entry: Entry | None
    state: str
    """source, current, stale, missing"""


def show_concept(project: Project, concept_id: str) -> list[LanguageView]:
    glossary = load_glossary(project).glossary
    concept = glossary.concepts.get(concept_id)
    if concept is None:
        raise InterlexError(f"no such concept: {concept_id}")
    current = source_hash(concept.entry)
    views = [LanguageView(project.source.code, project.source.name, concept.entry, "source")]
    for lang in project.translations:
        locale = glossary.locales.get(lang.code)
        entry = locale.entries.get(concept_id) if locale else None
        if entry is None or not entry.is_translated:
            views.append(LanguageView(lang.code, lang.name, None, "missing"))
        else:
            state = "current" if entry.source_hash == current else "stale"
            views.append(LanguageView(lang.code, lang.name, entry, state))
    return views
