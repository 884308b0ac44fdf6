"""`interface-strings`: the site's own words (labels, notices) untranslated or fuzzy in a
language's `locales/<lang>/messages.po`. A fuzzy translation is not used by the build.
A catalog that cannot be read, a message given twice, a translation with placeholders
the code does not fill in, or a catalog of another language are errors."""

from __future__ import annotations

from collections.abc import Iterator

from tooling.findings import Finding, Severity, Span
from tooling.model import Glossary
from tooling.project import Project
from tooling.sitegen.messages import CatalogState, catalog_states

RULE = "interface-strings"
_SHOWN = 3


def check(glossary: Glossary, project: Project) -> Iterator[Finding]:
    for state in catalog_states(project):
        yield from _findings(project, state)


def _findings(project: Project, state: CatalogState) -> Iterator[Finding]:
    for line, problem in state.problems:
        yield Finding(RULE, Severity.ERROR, state.path, Span(line, 1, line, 1), problem,
                      lang=state.lang)
    severity = Severity.WARNING if project.is_required(state.lang) else Severity.INFO
    for kind, items in (("untranslated", state.untranslated), ("fuzzy", state.fuzzy)):
        if not items:
            continue
        names = ", ".join(f"'{message}'" for message, _ in items[:_SHOWN])
        more = f" and {len(items) - _SHOWN} more" if len(items) > _SHOWN else ""
        line = max(items[0][1], 1)
        action = ("translate them here (run `interlex locale messages` first if the file "
                  "lacks them)" if kind == "untranslated" else
                  "check each translation, then remove its `#, fuzzy` flag")
        yield Finding(RULE, severity, state.path, Span(line, 1, line, 1),
                      f"{len(items)} {kind} interface string{'s' if len(items) > 1 else ''} "
                      f"in {state.lang}: {names}{more}; {action}", lang=state.lang)
