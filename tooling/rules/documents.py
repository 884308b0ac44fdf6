"""The cross-document rules, with each document's suppression comments applied."""

from __future__ import annotations

from dataclasses import dataclass

from tooling.corpus import Corpus
from tooling.findings import Finding
from tooling.model import Glossary
from tooling.project import Project
from tooling.rules import alignment, document_files
from tooling.rules.document_terms import Edit


@dataclass(frozen=True)
class DocumentReport:
    findings: tuple[Finding, ...]
    edits: tuple[Edit, ...]


def run_document_rules(glossary: Glossary, corpus: Corpus, project: Project) -> DocumentReport:
    quiet = {analysis.path: analysis.suppressions for analysis in corpus.analyses()}
    findings = [f for analysis in corpus.analyses() for f in analysis.findings]
    findings += corpus.unreadable
    for finding in [*document_files.check(glossary, corpus, project),
                    *alignment.check(glossary, corpus, project)]:
        found = quiet.get(finding.path)
        if found is None or not found.covers(finding.rule, finding.span.line):
            findings.append(finding)
    edits = tuple(edit for analysis in corpus.analyses() for edit in analysis.edits)
    return DocumentReport(tuple(findings), edits)
