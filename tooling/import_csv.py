"""`interlex import csv FILE --lang L`: merge a translator's spreadsheet into a locale file.

The CSV is the one `interlex export csv` writes (one row per term; the apostrophe
that disarmed formulas is removed again). Only rows of language L are read.
Entries that are new or differ are written (terms, definition, review), with
`source_hash` set to the current source entry: the translation is now of it.
Entries that do not differ are left exactly as they are, comments included, so
an export followed by an import changes nothing. The file is round-tripped with
ruamel.yaml and replaced atomically.
"""

from __future__ import annotations

import csv
import difflib
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from tooling.errors import InterlexError
from tooling.export import FORMULA_START
from tooling.fileio import write_atomic
from tooling.glossary import LOCALE_GLOSSARY_FILE, LOCALES_DIR, load_glossary
from tooling.hashing import source_hash
from tooling.model import TermStatus
from tooling.pin import round_trip_yaml
from tooling.project import Project

_REQUIRED = ("concept", "lang", "term", "status")
_TERM_KEYS = ("type", "part_of_speech")
_FLAGS = ("case_sensitive", "do_not_translate")


@dataclass(frozen=True)
class ImportResult:
    path: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    diff: str


def _cell(value: str) -> str:
    """Undo the export's formula guard: "'=x" was written for "=x"."""
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_START) else value


def read_rows(path: Path, lang: str) -> dict[str, list[dict[str, str]]]:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InterlexError(f"{path}: cannot read it as UTF-8 CSV ({exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    missing = [c for c in _REQUIRED if c not in (reader.fieldnames or [])]
    if missing:
        raise InterlexError(f"{path}: the header row lacks {', '.join(missing)}; export a "
                            "template with `interlex export csv`")
    concepts: dict[str, list[dict[str, str]]] = {}
    for row in reader:
        cleaned = {key: _cell(value or "") for key, value in row.items() if key}
        if cleaned.get("lang") == lang:
            concepts.setdefault(cleaned["concept"], []).append(cleaned)
    if not concepts:
        raise InterlexError(f"{path}: no rows for language '{lang}'")
    return concepts


def _terms(rows: list[dict[str, str]], where: str, problems: list[str]) -> CommentedSeq:
    terms = CommentedSeq()
    for row in rows:
        if row["status"] not in set(TermStatus):
            problems.append(f"{where}: term '{row['term']}' has status '{row['status']}'; use "
                            "preferred, admitted, deprecated or superseded")
        term = CommentedMap([("term", row["term"]), ("status", row["status"])])
        for key in _TERM_KEYS:
            if row.get(key):
                term[key] = row[key]
        for key in _FLAGS:
            if row.get(key) == "yes":
                term[key] = True
        forms = [f.strip() for f in row.get("forms", "").split(" | ") if f.strip()]
        if forms:
            term["forms"] = forms
        terms.append(term)
    return terms


_COMPARED = ("term", "status", *_TERM_KEYS, *_FLAGS, "forms")


def _simple(term: Any) -> Any:
    """A term as plain values, for comparing a file's term with an imported one."""
    if not isinstance(term, dict):
        return term
    return tuple((key, list(term[key]) if key == "forms" else term[key])
                 for key in _COMPARED if term.get(key))


def _same_terms(old: Any, new: CommentedSeq) -> bool:
    return isinstance(old, list) and [_simple(t) for t in old] == [_simple(t) for t in new]


def _merge(data: Any, concept_id: str, rows: list[dict[str, str]], *, where: str,
           problems: list[str], current: str) -> str:
    """Merge one concept's rows into the locale data: added, changed or unchanged."""
    terms = _terms(rows, where, problems)
    definition = next((r["definition"] for r in rows if r.get("definition")), None)
    review = next((r["review"] for r in rows if r.get("review")), None)
    entry = data.get(concept_id)
    if isinstance(entry, dict) and _same_terms(entry.get("terms"), terms) and (
            definition is None or entry.get("definition") == definition):
        return "unchanged"
    target = entry if isinstance(entry, dict) else CommentedMap()
    target["terms"] = terms
    if definition is not None:
        target["definition"] = definition
    if review is not None or "review" not in target:
        target["review"] = review or "draft"
    target["source_hash"] = current  # translated from the source as it is now
    if entry is None:
        data[concept_id] = target
        return "added"
    return "changed"


def import_csv(project: Project, path: Path, lang: str, *, dry_run: bool) -> ImportResult:
    project.select_translations([lang])  # a usage error for anything else
    glossary = load_glossary(project).glossary
    rows = read_rows(path, lang)
    locale = project.root / LOCALES_DIR / lang / LOCALE_GLOSSARY_FILE
    yaml = round_trip_yaml()
    before = locale.read_bytes().decode("utf-8") if locale.exists() else ""
    data: Any = yaml.load(before.replace("\r\n", "\n")) or CommentedMap()
    problems: list[str] = []
    added, changed, unchanged = [], [], 0
    for concept_id, concept_rows in rows.items():
        where = f"{path.name}: {concept_id}"
        if concept_id not in glossary.concepts:
            problems.append(f"{where}: no such concept in glossary/")
            continue
        outcome = _merge(data, concept_id, concept_rows, where=where, problems=problems,
                         current=source_hash(glossary.concepts[concept_id].entry))
        added += [concept_id] if outcome == "added" else []
        changed += [concept_id] if outcome == "changed" else []
        unchanged += outcome == "unchanged"
    if problems:
        raise InterlexError("nothing imported; fix these first:\n" + "\n".join(problems))
    out = io.StringIO()
    yaml.dump(data, out)
    after = out.getvalue()
    if "\r\n" in before:
        after = after.replace("\n", "\r\n")
    rel = locale.relative_to(project.root).as_posix()
    diff = "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        fromfile=f"a/{rel}", tofile=f"b/{rel}"))
    if (added or changed) and not dry_run:
        locale.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(locale, after)
    return ImportResult(rel, tuple(added), tuple(changed), unchanged, diff)
