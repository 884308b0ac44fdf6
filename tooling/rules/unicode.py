"""unicode: invisible and ambiguous characters that make text differ from how it looks."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator

from tooling.findings import Finding, Severity, Span
from tooling.model import Glossary, Term
from tooling.project import Project

RULE = "unicode"
# Embeddings, overrides and isolates reorder what is displayed (Trojan Source).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
# Invisible characters with no business in a glossary file. Zero-width joiners
# (U+200C, U+200D) are left alone in prose: Persian, Indic scripts and emoji need them.
ZERO_WIDTH = "\u200b\u2060\ufeff\u00ad"
_INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}]")
# The same characters written as escapes in a double-quoted YAML string.
_ESCAPED = re.compile(
    r"\\(?:u|U0000)(202[a-eA-E]|206[6-9]|200[bB]|2060|[fF][eE][fF][fF]|00[aA][dD])")
_TERM_INVISIBLE = re.compile(f"[{BIDI_CONTROLS}{ZERO_WIDTH}\u200c\u200d]")


def check(glossary: Glossary, project: Project) -> Iterator[Finding]:
    # Raw text was scanned as each file was read (see tooling.glossary).
    for entry in glossary.entries():
        for term in entry.terms:
            yield from _term(entry.path, entry.lang, entry.concept, term)


def scan_text(path: str, text: str) -> Iterator[Finding]:
    """Invisible characters anywhere (comments included) and non-NFC lines."""
    starts = [0] + [m.end() for m in re.finditer("\n", text)]
    matches = [(m, m.group()) for m in _INVISIBLE.finditer(text)]
    matches += [(m, chr(int(m.group(1), 16))) for m in _ESCAPED.finditer(text)]
    for match, char in sorted(matches, key=lambda pair: pair[0].start()):
        line = bisect_right(starts, match.start())
        column = match.start() - starts[line - 1] + 1
        span = Span(line, column, line, column + match.end() - match.start())
        yield Finding(RULE, Severity.ERROR, path, span,
                      f"invisible character {_name(char)}: it makes the text differ from what "
                      "is displayed; remove it", found=match.group(), suggestion="")
    for number, line_text in enumerate(text.split("\n"), start=1):
        if not unicodedata.is_normalized("NFC", line_text):
            column = _first_unnormalized(line_text)
            yield Finding(RULE, Severity.WARNING, path, Span(number, column, number, column + 2),
                          "text is not in Unicode normalisation form NFC (a decomposed accent?); "
                          "re-type it or normalise the file to NFC",
                          found=line_text, suggestion=unicodedata.normalize("NFC", line_text))


def _name(char: str) -> str:
    return f"U+{ord(char):04X} ({unicodedata.name(char, 'unnamed')})"


def _first_unnormalized(line: str) -> int:
    for index in range(len(line)):
        prefix = line[: index + 1]
        if not unicodedata.is_normalized("NFC", prefix):
            # The character that combines with the previous one is at `index`.
            return max(index, 1)
    return 1  # pragma: no cover - only called on lines that are not NFC


def _term(path: str, lang: str, concept: str, term: Term) -> Iterator[Finding]:
    tidy = " ".join(term.text.split())
    if not tidy and term.text:  # an empty term is the schema check's finding
        yield Finding(RULE, Severity.ERROR, path, term.span,
                      "term is only whitespace; write the term or remove the entry",
                      lang=lang, concept=concept, found=term.text)
    elif tidy != term.text:
        odd = sorted({f"U+{ord(c):04X} {unicodedata.name(c, '')}".strip()
                      for c in term.text if c.isspace() and c != " "})
        named = f" ({', '.join(odd)})" if odd else ""
        yield Finding(RULE, Severity.ERROR, path, term.span,
                      f"term '{term.text}' has stray whitespace{named}; write it as '{tidy}'",
                      lang=lang, concept=concept, found=term.text, suggestion=tidy)
    joiner = _TERM_INVISIBLE.search(term.text)
    if joiner is not None and joiner.group() in "\u200c\u200d":
        yield Finding(RULE, Severity.ERROR, path, term.span,
                      f"term '{term.text}' contains the invisible {_name(joiner.group())}, "
                      "which stops it from matching in text; remove it",
                      lang=lang, concept=concept, found=term.text)
