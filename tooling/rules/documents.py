"""The cross-document rules, with each document's suppression comments applied."""

from __future__ import annotations

from tooling.corpus import Corpus, Matchers
from tooling.findings import Finding
from tooling.project import Project
from tooling.rules import alignment, document_files


def run_document_rules(matchers: Matchers, corpus: Corpus, project: Project
                       ) -> tuple[Finding, ...]:
    quiet = {analysis.path: analysis.suppressions for analysis in corpus.analyses()}
    findings = [f for analysis in corpus.analyses() for f in analysis.findings]
    findings += corpus.unreadable
    for finding in [*document_files.check(matchers, corpus, project),
                    *alignment.check(matchers, corpus, project)]:
        found = quiet.get(finding.path)
        if found is None or not found.covers(finding.rule, finding.span.line):
            findings.append(finding)
    return tuple(findings)
