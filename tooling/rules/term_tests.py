"""term-test: a concept's term specs (`tests:`) run against the matcher of each language."""

from __future__ import annotations

from collections.abc import Iterator

from tooling.corpus import Matchers
from tooling.findings import Finding, Severity
from tooling.model import Glossary
from tooling.project import Project

RULE = "term-test"


def check(glossary: Glossary, matchers: Matchers, project: Project) -> Iterator[Finding]:
    codes = project.codes
    for concept in glossary.concepts.values():
        for test in concept.tests:
            if test.lang not in codes:
                yield Finding(RULE, Severity.ERROR, concept.path, test.span,
                              f"'{test.lang}' is not a language in mkdocs.yml",
                              concept=concept.id, lang=test.lang)
                continue
            found = [test.text[m.start:m.end] for m in matchers.get(test.lang).find(test.text)
                     if m.use.concept == concept.id]
            if test.should_match and not found:
                yield Finding(RULE, Severity.ERROR, concept.path, test.span,
                              f"'{test.text}' should contain a {test.lang} term of "
                              f"'{concept.id}', but none matches; check its terms and forms",
                              concept=concept.id, lang=test.lang, found=test.text)
            elif not test.should_match and found:
                yield Finding(RULE, Severity.ERROR, concept.path, test.span,
                              f"'{test.text}' should not contain a {test.lang} term of "
                              f"'{concept.id}', but '{found[0]}' matches",
                              concept=concept.id, lang=test.lang, found=found[0])
