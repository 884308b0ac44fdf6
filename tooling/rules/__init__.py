"""The glossary rules of `interlex check`: one module per family, each a plain function."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from tooling.findings import Finding

if TYPE_CHECKING:  # the types alone: the glossary's records load with the glossary
    from tooling.model import Glossary
    from tooling.project import Project

Rule = Callable[["Glossary", "Project"], Iterable[Finding]]


@dataclass(frozen=True)
class RuleInfo:
    id: str
    summary: str


RULES: tuple[RuleInfo, ...] = (
    RuleInfo("yaml-syntax", "Unreadable YAML: syntax errors, duplicate keys, tags, alias bombs."),
    RuleInfo("schema", "Wrong type, unknown key, bad value, or an id that does not match its "
             "file name."),
    RuleInfo("unknown-reference", "A reference to a concept or domain that does not exist."),
    RuleInfo("preferred-term", "A language entry without exactly one preferred term."),
    RuleInfo("term-collision", "One term string allowed for two concepts in one language."),
    RuleInfo("term-conflict", "One term string both allowed and deprecated, or listed twice."),
    RuleInfo("missing-translation", "A concept or document with no entry in a language."),
    RuleInfo("stale-translation", "A locale entry whose source_hash no longer matches its "
             "source."),
    RuleInfo("orphan-translation", "A locale entry, document or language folder without a "
             "source."),
    RuleInfo("unicode", "Bidirectional controls, zero-width characters, non-NFC text, stray "
             "whitespace in terms."),
    RuleInfo("deprecated-term", "A deprecated or superseded term used in a document."),
    RuleInfo("admitted-term", "An admitted, not preferred, term used in a document."),
    RuleInfo("inconsistent-translation", "A source block uses a concept; the aligned "
             "translated block uses none of that concept's terms."),
    RuleInfo("do-not-translate", "A do-not-translate term changed or missing in a "
             "translation."),
    RuleInfo("stale-document", "A translated document whose source_hash no longer matches "
             "its source."),
    RuleInfo("structure-mismatch", "A translation whose blocks cannot be aligned with its "
             "source."),
    RuleInfo("broken-link", "An internal, anchor or glossary link with no target."),
    RuleInfo("term-test", "A concept's term spec (tests:) that the matcher fails."),
    RuleInfo("interface-strings", "Interface strings of the site untranslated or fuzzy in a "
             "language's messages.po."),
)

def run_rules(glossary: Glossary, project: Project) -> list[Finding]:
    # Imported here: the document rules live in this package too, and a check whose
    # glossary comes from the cache never runs these.
    from tooling.rules import references, terms, translations, unicode  # noqa: PLC0415

    checks: tuple[Rule, ...] = (references.check, terms.check, translations.check,
                                unicode.check)
    return [finding for rule in checks for finding in rule(glossary, project)]
