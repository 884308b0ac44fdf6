"""`interlex import csv FILE --lang L`: merge a translator's spreadsheet into a locale file.

The CSV is the one `interlex export csv` writes (one row per term; the apostrophe
that disarmed formulas is removed again). Only rows of language L are read, grouped
by concept into the records `import_merge` merges: terms with every column the CSV
has (an empty cell clears that value), the definition and review of the first row
that has one, and the `entry_hash` the export recorded, which tells a conflict (the
entry changed both in the file and in the repository since the export) from an
outdated row. A column missing from the header keeps the repository's values.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from tooling.errors import InterlexError
from tooling.export import FORMULA_START, PARTS_OF_SPEECH, TERM_TYPES, csv_record
from tooling.import_merge import (
    EntryRecord,
    ImportResult,
    TermRecord,
    check_record,
    merge,
    open_target,
)
from tooling.model import Glossary
from tooling.project import Project

_REQUIRED = ("concept", "lang", "term", "status")
_Row = tuple[int, dict[str, str]]


def _cell(value: str) -> str:
    """Undo the export's formula guard: "'=x" was written for "=x", "''=x" for "'=x"."""
    guarded = value.startswith("'") and value.lstrip("'").startswith(FORMULA_START)
    return value[1:] if guarded else value


def read_rows(path: Path, lang: str) -> dict[str, list[_Row]]:
    """The rows of language `lang` by concept, each with its line number."""
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InterlexError(f"{path}: cannot read it as UTF-8 CSV ({exc})") from None
    reader = csv.DictReader(io.StringIO(text, newline=""))
    concepts: dict[str, list[_Row]] = {}
    try:
        names = reader.fieldnames or []
        missing = [c for c in _REQUIRED if c not in names]
        if missing:
            raise InterlexError(f"{path}: the header row lacks {', '.join(missing)}; export a "
                                "template with `interlex export csv`")
        twice = sorted({name for name in names if names.count(name) > 1})
        if twice:
            raise InterlexError(f"{path}: the header row has {', '.join(twice)} more than once, "
                                "so it is unclear which column to read; keep one of each")
        end = reader.line_num  # of the header row
        for row in reader:
            # A row starts on the line after the previous one ends (a quoted cell may
            # hold line breaks), not on the line the reader has reached.
            start, end = end + 1, reader.line_num
            cells = {key: _cell(value or "") for key, value in row.items() if key}
            if cells["lang"] == lang:
                concepts.setdefault(cells["concept"], []).append((start, cells))
    except csv.Error as exc:
        raise InterlexError(f"{path}:{reader.reader.line_num}:1: not readable as CSV ({exc}); save "
                            "it again as CSV from your spreadsheet") from None
    if not concepts:
        raise InterlexError(f"{path}: no rows for language '{lang}'")
    return concepts


def _flag(value: str | None) -> bool | None:
    return None if value is None else value == "yes"


_CHOICES = {"type": tuple(TERM_TYPES), "part_of_speech": tuple(PARTS_OF_SPEECH),
            "case_sensitive": ("yes",), "do_not_translate": ("yes",)}
"""What a cell of these columns may hold, besides nothing."""


def _check_cells(path: Path, concept_id: str, rows: list[_Row], problems: list[str]) -> None:
    for line, cells in rows:
        for key, allowed in _CHOICES.items():
            value = cells.get(key)
            if value and value not in allowed:
                problems.append(f"{path}:{line}:1: {concept_id}: {key} '{value}' is not one of: "
                                f"{', '.join(allowed)}; use one of these or leave the cell empty")


def _term(cells: dict[str, str]) -> TermRecord:
    forms = cells.get("forms")
    return TermRecord(
        cells["term"], cells["status"], cells.get("type"), cells.get("part_of_speech"),
        _flag(cells.get("case_sensitive")), _flag(cells.get("do_not_translate")),
        None if forms is None else tuple(f.strip() for f in forms.split(" | ") if f.strip()))


def _first(rows: list[_Row], key: str) -> str | None:
    return next((cells[key] for _, cells in rows if cells.get(key)), None)


def read_csv(path: Path, lang: str, glossary: Glossary) -> tuple[list[EntryRecord], list[str]]:
    """One record per concept of language `lang`, and the problems found on the way."""
    records: list[EntryRecord] = []
    problems: list[str] = []
    for concept_id, rows in read_rows(path, lang).items():
        where = f"{path}:{rows[0][0]}:1"
        if concept_id not in glossary.concepts:
            problems.append(f"{where}: {concept_id}: no such concept in glossary/; use the id of "
                            "a concept (its file name without .yaml)")
            continue
        record = EntryRecord(concept_id, where, tuple(_term(cells) for _, cells in rows),
                             _first(rows, "definition"), None, _first(rows, "review"),
                             _first(rows, "entry_hash"))
        _check_cells(path, concept_id, rows, problems)
        check_record(record, problems)
        records.append(record)
    return records, problems


def import_csv(project: Project, path: Path, lang: str, *, dry_run: bool,
               force: bool = False) -> ImportResult:
    target = open_target(project, lang)
    records, problems = read_csv(path, lang, target.glossary)
    return merge(target, records, problems, view=csv_record, dry_run=dry_run, force=force)
