"""The glossary's half of `interlex check`: load the glossary, run the glossary rules,
the concepts' term specs and the interface-string check.

All of it depends only on the project's configuration, its glossary and locale
files, the names in `content/` and this code, so it is cached as a whole: while
none of those changed, a re-run takes its findings and the few facts documents need
(`TermFacts`) from the cache, and never loads the glossary.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from tooling.cache import FileCache, plain_fingerprint, stamp, tree_fingerprint
from tooling.corpus import Matchers, TermFacts
from tooling.findings import Finding, record
from tooling.layout import CONTENT_DIR, GLOSSARY_DIR, LOCALES_DIR
from tooling.project import CONFIG_FILE, Project

if TYPE_CHECKING:
    from tooling.glossary import Loaded


@record
class GlossaryCheck:
    findings: tuple[Finding, ...]
    facts: TermFacts


class GlossaryStage:
    """The glossary as the check needs it: at once, the matchers (and facts) for
    checking documents; the glossary's own findings when asked for, which may be
    while worker processes analyse the documents."""

    def __init__(self, project: Project) -> None:
        self.project = project
        self.inputs = _inputs(project)
        self.store: FileCache[GlossaryCheck] = FileCache(project.root, "glossary")
        self.cached = self.store.get(GLOSSARY_DIR, self.inputs)
        if self.cached is not None:
            self.matchers = Matchers(lambda: _load(project).glossary, project.source.code,
                                     facts=self.cached.facts, cache_root=project.root)
        else:
            self.loaded = _load(project)
            self.matchers = Matchers(lambda: self.loaded.glossary, project.source.code,
                                     cache_root=project.root)

    def findings(self) -> tuple[Finding, ...]:
        if self.cached is None:
            self.cached = self._check()
            self.store.put(GLOSSARY_DIR, self.inputs, self.cached)
            self.store.save()
        return self.cached.findings

    def _check(self) -> GlossaryCheck:
        from tooling.rules import interface, run_rules, term_tests  # noqa: PLC0415 - see `_load`

        glossary, project = self.loaded.glossary, self.project
        findings = (*self.loaded.findings, *run_rules(glossary, project),
                    *term_tests.check(glossary, self.matchers, project),
                    *interface.check(glossary, project))
        return GlossaryCheck(findings, self.matchers.facts)


def _load(project: Project) -> Loaded:
    # Imported when needed: reading and checking the glossary brings in YAML schema
    # validation, Babel and more, which a re-run from the cache never needs.
    from tooling.glossary import load_glossary  # noqa: PLC0415

    return load_glossary(project)


def _inputs(project: Project) -> str:
    """A hash of everything the glossary's findings depend on."""
    root = project.root
    return plain_fingerprint([
        stamp(root / CONFIG_FILE),
        tree_fingerprint(root / GLOSSARY_DIR),
        tree_fingerprint(root / LOCALES_DIR),
        _folders(str(root / CONTENT_DIR)),  # a folder of an unknown language is a finding
    ])


def _folders(path: str) -> list[tuple[str, bool]]:
    try:
        return sorted((entry.name, entry.is_dir()) for entry in os.scandir(path))
    except OSError:
        return []
