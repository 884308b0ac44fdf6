"""unknown-reference: domains, related and broader concepts that do not exist."""

from __future__ import annotations

import difflib
from collections.abc import Collection, Iterator

from tooling.findings import Finding, Severity
from tooling.model import Concept, Glossary, Reference
from tooling.project import Project

RULE = "unknown-reference"


def check(glossary: Glossary, project: Project) -> Iterator[Finding]:
    known = glossary.concept_files
    for concept in glossary.concepts.values():
        domains = glossary.domains
        if concept.domain is not None and domains is not None and (
                concept.domain.target not in domains):
            yield _finding(concept, concept.domain, "domain", "glossary/domains.yaml", domains)
        for kind, refs in (("related", concept.related), ("broader", concept.broader)):
            for ref in refs:
                if ref.target not in known:
                    yield _finding(concept, ref, f"{kind} concept", "glossary/", known)


def _finding(concept: Concept, ref: Reference, what: str, where: str,
             choices: Collection[str]) -> Finding:
    close = difflib.get_close_matches(ref.target, sorted(choices), n=1)
    hint = f"; did you mean '{close[0]}'?" if close else f"; add it to {where} or remove it"
    return Finding(RULE, Severity.ERROR, concept.path, ref.span,
                   f"{what} '{ref.target}' does not exist in {where}{hint}",
                   concept=concept.id, found=ref.target,
                   suggestion=close[0] if close else None)
