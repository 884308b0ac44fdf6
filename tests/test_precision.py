"""Precision and recall of the terminology engine on a labelled corpus in nine languages.

tests/data/terms-corpus/ is a project whose documents carry labels: a term
occurrence the check must report is written `⟦text|concept⟧` (a deprecated or
admitted term), and a finding that is not tied to a term occurrence (such as
inconsistent-translation, reported at the start of a block) is written
`⟦@rule|concept⟧` where it must be reported. Labels are removed before the check
runs; everything unlabelled must not be reported. The test fails when precision
or recall falls below 0.95, overall or in any language.
"""

from __future__ import annotations

import re
import shutil
from collections import defaultdict
from pathlib import Path

from tooling.check import run_check
from tooling.model import TermStatus
from tooling.project import load_project

CORPUS = Path(__file__).parent / "data" / "terms-corpus"
LABEL = re.compile(r"⟦(@?)([^|⟧]*)\|([^⟧]*)⟧")
RULES = {"deprecated-term", "admitted-term", "inconsistent-translation", "do-not-translate",
         "structure-mismatch"}
THRESHOLD = 0.95

Key = tuple[str, int, int, str, str]


def _unlabel(text: str, path: str, statuses: dict[tuple[str, str], str]) -> tuple[str, set[Key]]:
    """The text without labels, and the findings its labels expect."""
    expected: set[Key] = set()
    out: list[str] = []
    line, column, last = 1, 1, 0
    for match in LABEL.finditer(text):
        before = text[last:match.start()]
        out.append(before)
        line, column = _advance(line, column, before)
        marker, body, concept = match.groups()
        if marker:
            expected.add((path, line, column, body, concept))
        else:
            lang = path.split("/")[1]
            rule = statuses[(lang, body.casefold())]
            expected.add((path, line, column, rule, concept))
            out.append(body)
            line, column = _advance(line, column, body)
        last = match.end()
    out.append(text[last:])
    return "".join(out), expected


def _advance(line: int, column: int, text: str) -> tuple[int, int]:
    breaks = text.count("\n")
    if breaks:
        return line + breaks, len(text) - text.rfind("\n")
    return line, column + len(text)


def _statuses(root: Path) -> dict[tuple[str, str], str]:
    """(lang, casefolded term or form) -> the rule its use triggers."""
    from tooling.glossary import load_glossary  # noqa: PLC0415

    project = load_project(root)
    glossary = load_glossary(project).glossary
    rules = {TermStatus.DEPRECATED: "deprecated-term", TermStatus.SUPERSEDED: "deprecated-term",
             TermStatus.ADMITTED: "admitted-term"}
    found = {}
    for entry in glossary.entries():
        for term in entry.terms:
            if term.status in rules:
                for surface in (term.text, *term.forms):
                    found[(entry.lang, surface.casefold())] = rules[term.status]
    return found


def _prepare(tmp_path: Path) -> tuple[Path, set[Key]]:
    root = tmp_path / "corpus"
    shutil.copytree(CORPUS, root)
    statuses = _statuses(root)
    expected: set[Key] = set()
    for path in sorted((root / "content").rglob("*.md")):
        rel = path.relative_to(root).as_posix()
        text, labels = _unlabel(path.read_text("utf-8"), rel, statuses)
        path.write_text(text, "utf-8")
        expected |= labels
    return root, expected


def _scores(expected: set[Key], found: set[Key]) -> tuple[float, float]:
    hits = len(expected & found)
    precision = hits / len(found) if found else 1.0
    recall = hits / len(expected) if expected else 1.0
    return precision, recall


def test_precision_and_recall_in_every_language(tmp_path: Path) -> None:
    root, expected = _prepare(tmp_path)
    result = run_check(load_project(root))
    found = {(f.path, f.span.line, f.span.column, f.rule, f.concept or "")
             for f in result.findings if f.rule in RULES and f.path.startswith("content/")}
    by_lang: dict[str, tuple[set[Key], set[Key]]] = defaultdict(lambda: (set(), set()))
    for key in expected:
        by_lang[key[0].split("/")[1]][0].add(key)
    for key in found:
        by_lang[key[0].split("/")[1]][1].add(key)
    report = {lang: _scores(*sets) for lang, sets in sorted(by_lang.items())}
    overall = _scores(expected, found)
    print(f"\nlabelled findings: {len(expected)}; reported: {len(found)}")
    for lang, (precision, recall) in report.items():
        print(f"  {lang}: precision {precision:.3f}, recall {recall:.3f}")
    print(f"  all: precision {overall[0]:.3f}, recall {overall[1]:.3f}")
    assert set(report) >= {"en", "fr", "de", "es", "ja", "zh", "ko", "ar", "sw"}
    assert len(expected) >= 150
    misses = sorted(expected - found)
    extras = sorted(found - expected)
    for lang, (precision, recall) in report.items():
        assert precision >= THRESHOLD and recall >= THRESHOLD, (lang, misses, extras)
    assert overall[0] >= THRESHOLD and overall[1] >= THRESHOLD, (misses, extras)
