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

from tooling.cache import FileCache, plain_fingerprint, stamp, tree_stamps
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


def check_glossary(project: Project) -> tuple[GlossaryCheck, Matchers]:
    """The glossary's findings, and the matchers for checking documents."""
    inputs = _inputs(project)
    store: FileCache[GlossaryCheck] = FileCache(project.root, "glossary")
    cached = store.get(GLOSSARY_DIR, inputs)
    if cached is not None:
        return cached, Matchers(lambda: _load(project).glossary, project.source.code,
                                facts=cached.facts, cache_root=project.root)
    from tooling.rules import interface, run_rules, term_tests  # noqa: PLC0415 - see `_load`

    loaded = _load(project)
    matchers = Matchers(lambda: loaded.glossary, project.source.code, cache_root=project.root)
    findings = (*loaded.findings, *run_rules(loaded.glossary, project),
                *term_tests.check(loaded.glossary, matchers, project),
                *interface.check(loaded.glossary, project))
    result = GlossaryCheck(findings, matchers.facts)
    store.put(GLOSSARY_DIR, inputs, result)
    store.save()
    return result, matchers


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
        sorted(tree_stamps(root / GLOSSARY_DIR).items()),
        sorted(tree_stamps(root / LOCALES_DIR).items()),
        _folders(str(root / CONTENT_DIR)),  # a folder of an unknown language is a finding
    ])


def _folders(path: str) -> list[tuple[str, bool]]:
    try:
        return sorted((entry.name, entry.is_dir()) for entry in os.scandir(path))
    except OSError:
        return []
