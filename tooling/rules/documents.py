"""The document rules, run over the whole corpus, with suppression comments applied."""

from __future__ import annotations

from dataclasses import dataclass

from tooling.corpus import Corpus, Matchers
from tooling.findings import Finding
from tooling.model import Glossary
from tooling.project import Project
from tooling.rules import alignment, document_files, document_terms
from tooling.rules.document_terms import Edit
from tooling.suppress import Suppressions, suppressions


@dataclass(frozen=True)
class DocumentReport:
    findings: tuple[Finding, ...]
    edits: tuple[Edit, ...]


def run_document_rules(glossary: Glossary, corpus: Corpus, project: Project) -> DocumentReport:
    matchers = Matchers(glossary, project.source.code)
    quiet = {file.document.path: suppressions(file.document.text)
             for files in corpus.files.values() for file in files.values()}
    findings: list[Finding] = []
    edits: list[Edit] = []
    for finding, edit in document_terms.check(glossary, corpus, matchers):
        if not _suppressed(quiet, finding):
            findings.append(finding)
            if edit is not None:
                edits.append(edit)
    others = [*document_files.check(glossary, corpus, project),
              *alignment.check(glossary, corpus, matchers, project)]
    findings += [f for f in others if not _suppressed(quiet, f)]
    return DocumentReport(tuple(findings), tuple(edits))


def _suppressed(quiet: dict[str, Suppressions], finding: Finding) -> bool:
    found = quiet.get(finding.path)
    return found is not None and found.covers(finding.rule, finding.span.line)
