"""Build model records from loaded YAML.

The builders are lenient: a file with schema errors (already reported) still
yields whatever parts are well-formed, so the other rules can run on it and
every problem is reported in one pass.
"""

from __future__ import annotations

import re
from typing import Any

from tooling.model import (
    Concept,
    ConceptStatus,
    Domain,
    Entry,
    JurisdictionDefinition,
    Reference,
    Review,
    ReviewStatus,
    Source,
    Term,
    TermStatus,
    TermTest,
)
from tooling.yamlload import KeyPath, YamlDocument

SOURCE_HASH_RE = re.compile(r"[0-9a-f]{16}")


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def _texts(value: Any) -> tuple[str, ...]:
    return tuple(v for v in value if isinstance(v, str)) if isinstance(value, list) else ()


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _enum(kind: type[Any], value: Any, default: Any) -> Any:
    try:
        return kind(value)
    except ValueError:
        return default


def concept_from(document: YamlDocument, concept_id: str, lang: str) -> Concept:
    data = _mapping(document.data)
    where = document.positions
    entry = entry_from(document, (), concept_id, lang)
    domain = _text(data.get("domain"))
    return Concept(
        id=concept_id,
        path=document.path,
        span=where.value(("id",)),
        status=_enum(ConceptStatus, data.get("status"), ConceptStatus.DRAFT),
        entry=entry,
        domain=Reference(domain, where.value(("domain",))) if domain else None,
        since=_text(data.get("since")),
        related=_references(document, "related"),
        broader=_references(document, "broader"),
        sources=tuple(_source(s) for s in _list(data.get("sources")) if isinstance(s, dict)),
        decision=_text(data.get("decision")),
        jurisdictions=tuple(_jurisdiction(j) for j in _list(data.get("jurisdictions"))
                            if isinstance(j, dict)),
        tests=_tests(document),
    )


def _tests(document: YamlDocument) -> tuple[TermTest, ...]:
    found = []
    for lang, specs in _mapping(_mapping(document.data).get("tests")).items():
        for key, should_match in (("match", True), ("no_match", False)):
            for index, text in enumerate(_list(_mapping(specs).get(key))):
                if isinstance(text, str):
                    span = document.positions.value(("tests", lang, key, index))
                    found.append(TermTest(lang, text, should_match, span))
    return tuple(found)


def _references(document: YamlDocument, key: str) -> tuple[Reference, ...]:
    values = _list(_mapping(document.data).get(key))
    return tuple(Reference(v, document.positions.value((key, i)))
                 for i, v in enumerate(values) if isinstance(v, str))


def _source(data: dict[str, Any]) -> Source:
    return Source(_text(data.get("title")) or "", _text(data.get("url")),
                  _text(data.get("locator")))


def _jurisdiction(data: dict[str, Any]) -> JurisdictionDefinition:
    source = data.get("source")
    return JurisdictionDefinition(
        jurisdiction=_text(data.get("jurisdiction")) or "",
        definition=_text(data.get("definition")) or "",
        source=_source(source) if isinstance(source, dict) else None,
        term=_text(data.get("term")),
    )


def entry_from(document: YamlDocument, path: KeyPath, concept_id: str, lang: str) -> Entry:
    """The entry whose mapping sits at `path` (the root for a concept file)."""
    data = document.data
    for part in path:
        data = _mapping(data).get(str(part))
    data = _mapping(data)
    where = document.positions
    return Entry(
        concept=concept_id,
        lang=lang,
        path=document.path,
        span=where.key(path) if path else where.value(("id",)),
        terms=_terms(document, (*path, "terms"), _list(data.get("terms"))),
        definition=_text(data.get("definition")),
        notes=_texts(data.get("notes")),
        review=_review(data.get("review")),
        source_hash=_source_hash(data),
        terms_span=where.key((*path, "terms")) if "terms" in data else None,
    )


def _source_hash(data: dict[str, Any]) -> str | None:
    value = data.get("source_hash")
    if value is None:
        return None
    return value if isinstance(value, str) and SOURCE_HASH_RE.fullmatch(value) else ""


def _terms(document: YamlDocument, path: KeyPath, items: list[Any]) -> tuple[Term, ...]:
    terms = []
    for index, item in enumerate(items):
        text = _text(_mapping(item).get("term"))
        if text is not None:
            terms.append(_term(item, text, document.positions.value((*path, index, "term"))))
    return tuple(terms)


def _term(data: dict[str, Any], text: str, span: Any) -> Term:
    return Term(
        text=text,
        status=_enum(TermStatus, data.get("status"), None),
        span=span,
        type=_text(data.get("type")),
        part_of_speech=_text(data.get("part_of_speech")),
        case_sensitive=data.get("case_sensitive") is True,
        do_not_translate=data.get("do_not_translate") is True,
        forms=_texts(data.get("forms")),
        reading=_text(data.get("reading")),
        note=_text(data.get("note")),
    )


def _review(value: Any) -> Review | None:
    if isinstance(value, dict):
        status = _enum(ReviewStatus, value.get("status"), None)
        return Review(status, _text(value.get("by")), _text(value.get("date"))) if status else None
    status = _enum(ReviewStatus, value, None)
    return Review(status) if status else None


def domains_from(document: YamlDocument) -> dict[str, Domain]:
    domains = {}
    for domain_id, value in _mapping(document.data).items():
        names = {k: v for k, v in _mapping(_mapping(value).get("name")).items()
                 if isinstance(v, str)}
        domains[domain_id] = Domain(domain_id, document.positions.key((domain_id,)), names)
    return domains
