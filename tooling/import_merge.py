"""What every `interlex import` shares: the records, the merge, conflicts, the write.

A reader (`import_csv`, `import_tbx`) turns its file into `EntryRecord`s: one per
concept, in language L, with the file's location for messages. A value a format does
not carry is None and keeps what the repository has; an empty value ("", False, ())
clears it. Entries are compared with the repository's as that format exports them (its
`view`), so an export followed by an import changes nothing, comments included.

Conflicts: an export records a fingerprint of each entry as exported (`fingerprint`
of its view). When the repository's entry no longer has that fingerprint, it changed
since the export: if the file's entry still has it, the file is older and the entry is
kept; if not, both changed, and that is a conflict. Any conflict means nothing is
written at all (unless `force`, which takes the file's version); any problem in the
file means nothing is written either. The locale file is round-tripped with
ruamel.yaml and replaced atomically.
"""

from __future__ import annotations

import difflib
import hashlib
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.scalarstring import LiteralScalarString

from tooling.errors import InterlexError
from tooling.fileio import write_atomic
from tooling.glossary import LOCALE_GLOSSARY_FILE, LOCALES_DIR, load_glossary
from tooling.hashing import HASH_LENGTH, normalize_text, source_hash
from tooling.model import Entry, Glossary, ReviewStatus, TermStatus
from tooling.pin import round_trip_yaml
from tooling.project import Project

MAX_TERM = 200
"""Characters in a term, as the schema allows."""
MAX_TEXT = 5000
"""Characters in a definition or a note, as the schema allows."""
TERM_FIELDS = ("term", "status", "type", "part_of_speech", "case_sensitive",
               "do_not_translate", "forms", "note")
ENTRY_FIELDS = ("definition", "notes", "review")
_EMPTY: tuple[object, ...] = ("", False, ())
_HASH = re.compile(f"[0-9a-f]{{{HASH_LENGTH}}}")


@dataclass(frozen=True)
class TermRecord:
    term: str
    status: str
    type: str | None = None
    part_of_speech: str | None = None
    case_sensitive: bool | None = None
    do_not_translate: bool | None = None
    forms: tuple[str, ...] | None = None
    note: str | None = None


@dataclass(frozen=True)
class EntryRecord:
    """One concept's entry in one language, as a file has it (None: the file does not say)."""

    concept: str
    where: str
    terms: tuple[TermRecord, ...]
    definition: str | None = None
    notes: tuple[str, ...] | None = None
    review: str | None = None
    fingerprint: str | None = None
    """The entry's fingerprint when it was exported, if the file records it."""


View = Callable[[Entry], EntryRecord]
"""An entry as one format exports it (None for what that format does not carry)."""


@dataclass(frozen=True)
class ImportResult:
    path: str
    added: tuple[str, ...]
    changed: tuple[str, ...]
    unchanged: int
    diff: str
    kept: tuple[str, ...] = ()
    """Changed in the repository since the export and not in the file: left as they are."""
    conflicts: tuple[str, ...] = ()
    """One message per entry changed in both: when there are any, nothing is written."""


@dataclass(frozen=True)
class Target:
    """The locale file an import writes, and the glossary it is checked against."""

    project: Project
    lang: str
    glossary: Glossary
    path: Path
    rel: str


@dataclass
class _Plan:
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    unchanged: int = 0


def open_target(project: Project, lang: str) -> Target:
    """The glossary and the locale file of `lang`, which must be readable YAML."""
    project.select_translations([lang])  # a usage error for anything else
    loaded = load_glossary(project)
    path = project.root / LOCALES_DIR / lang / LOCALE_GLOSSARY_FILE
    rel = path.relative_to(project.root).as_posix()
    broken = [f for f in loaded.findings if f.rule == "yaml-syntax" and f.path == rel]
    if broken:
        first = broken[0]
        raise InterlexError(f"{rel}:{first.span.line}:{first.span.column}: {first.message}; "
                            "fix the locale file before importing into it (see `interlex "
                            "check`)")
    return Target(project, lang, loaded.glossary, path, rel)


def check_text(where: str, what: str, value: str, problems: list[str]) -> None:
    """A problem when `value` is longer than the schema allows for `what`, or holds a
    control character (a CSV cell can; a YAML file would need an escape for it)."""
    limit = MAX_TERM if what == "term" else MAX_TEXT
    if len(value) > limit:
        problems.append(f"{where}: {what} of {len(value)} characters, '{value[:20]}…'; at most "
                        f"{limit} are allowed: shorten it")
    control = next((index for index, char in enumerate(value)
                    if char < " " and char not in "\t\n\r"), None)
    if control is not None:
        problems.append(f"{where}: a {what} has the control character U+{ord(value[control]):04X} "
                        f"(character {control + 1}), which no text needs; remove it")


def check_record(record: EntryRecord, problems: list[str]) -> None:
    """Status, review and the length of every text of one record."""
    where = f"{record.where}: {record.concept}"
    seen: set[str] = set()
    for term in record.terms:
        if not term.term.strip():
            problems.append(f"{where}: a term is empty; write the term, or remove its row")
        elif _norm(term.term) in seen:
            problems.append(f"{where}: term '{term.term}' is given twice; keep one of the two")
        seen.add(_norm(term.term))
        if term.status not in set(TermStatus):
            problems.append(f"{where}: term '{term.term}' has status '{term.status}'; use "
                            "preferred, admitted, deprecated or superseded")
        for text in (term.term, *(term.forms or ())):
            check_text(where, "term", text, problems)
        check_text(where, "note", term.note or "", problems)
    if record.review is not None and record.review not in set(ReviewStatus):
        problems.append(f"{where}: review '{record.review}'; use draft, reviewed or approved")
    if record.fingerprint is not None and not _HASH.fullmatch(record.fingerprint):
        problems.append(f"{where}: entry hash '{record.fingerprint}' is not one an export writes "
                        f"({HASH_LENGTH} hex digits); copy it back from the export, or remove it "
                        "to import this entry without the conflict check")
    check_text(where, "definition", record.definition or "", problems)
    for note in record.notes or ():
        check_text(where, "note", note, problems)


def _norm(value: Any) -> Any:
    if isinstance(value, str):
        return normalize_text(value)
    return tuple(_norm(item) for item in value) if isinstance(value, tuple) else value


def fingerprint(record: EntryRecord) -> str:
    """A hash of what an entry says in one format's view, whitespace and order of keys aside."""
    canonical = [[[_norm(getattr(term, key)) for key in TERM_FIELDS] for term in record.terms],
                 *(_norm(getattr(record, key)) for key in ENTRY_FIELDS)]
    text = json.dumps(canonical, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def _same_value(new: Any, old: Any) -> bool:
    return new is None or _norm(new) == _norm(old)


def _same_term(new: TermRecord, old: TermRecord) -> bool:
    return all(_same_value(getattr(new, key), getattr(old, key)) for key in TERM_FIELDS)


def _same(new: EntryRecord, old: EntryRecord) -> bool:
    return (len(new.terms) == len(old.terms) and all(map(_same_term, new.terms, old.terms))
            and all(_same_value(getattr(new, key), getattr(old, key)) for key in ENTRY_FIELDS))


def _outcome(record: EntryRecord, old: EntryRecord | None, force: bool) -> str:
    if old is not None and _same(record, old):
        return "unchanged"
    exported = record.fingerprint
    if exported is not None and exported != (fingerprint(old) if old else None):
        if fingerprint(record) == exported:
            return "kept"  # the file is older than the repository: nothing to take from it
        if not force:
            return "conflict"
    return "added" if old is None else "changed"


def _yaml_value(value: Any) -> Any:
    """A value for the YAML: a list for a tuple, a literal block for text of many lines."""
    if isinstance(value, tuple):
        return [_yaml_value(item) for item in value]
    return LiteralScalarString(value) if isinstance(value, str) and "\n" in value else value


def _term_node(new: TermRecord, node: Any, old: TermRecord | None) -> Any:
    """The YAML of one imported term: the repository's, changed where the file differs."""
    if node is None:
        return CommentedMap((key, _yaml_value(value)) for key in TERM_FIELDS
                            if (value := getattr(new, key)) is not None
                            and value not in _EMPTY)
    for key in TERM_FIELDS:
        value = getattr(new, key)
        if value is None or (old is not None and _norm(value) == _norm(getattr(old, key))):
            continue
        if value in _EMPTY:
            node.pop(key, None)
        else:
            node[key] = _yaml_value(value)
    return node


def _set_terms(target: Any, terms: Sequence[TermRecord], old: Sequence[TermRecord]) -> None:
    items = target.get("terms")
    items = items if isinstance(items, list) else []
    nodes: dict[str, Any] = {}
    for item in items:
        if isinstance(item, dict):
            nodes.setdefault(_norm(str(item.get("term"))), item)
    views: dict[str, TermRecord] = {}
    for view in old:
        views.setdefault(_norm(view.term), view)
    new = [_term_node(term, nodes.pop(_norm(term.term), None), views.get(_norm(term.term)))
           for term in terms]
    if len(new) != len(items) or any(a is not b for a, b in zip(new, items, strict=True)):
        target["terms"] = CommentedSeq(new)


def _apply(data: Any, record: EntryRecord, old: EntryRecord | None, source: str) -> None:
    """Write the file's entry into the locale data, keeping what it does not change."""
    entry = data.get(record.concept)
    target = entry if isinstance(entry, dict) else CommentedMap()
    _set_terms(target, record.terms, old.terms if old else ())
    for key in ENTRY_FIELDS:
        value = getattr(record, key)
        if value is not None and (old is None or _norm(value) != _norm(getattr(old, key))):
            target[key] = _yaml_value(value)
    if "review" not in target:
        target["review"] = ReviewStatus.DRAFT.value
    target["source_hash"] = source  # translated from the source as it is now
    if target is not entry:
        data[record.concept] = target


def _conflict(target: Target, record: EntryRecord) -> str:
    return (f"{record.where}: {record.concept}: changed in the file and, since the export, in "
            f"{target.rel}; export again and redo the change there, or import with --force "
            "to replace the repository's entry with the file's")


def merge(target: Target, records: Sequence[EntryRecord], problems: Sequence[str], *,
          view: View, dry_run: bool, force: bool) -> ImportResult:
    """Merge `records` into the locale file; raise with every problem when there is any."""
    if problems:
        raise InterlexError("nothing imported; fix these first:\n" + "\n".join(problems))
    yaml = round_trip_yaml()
    before = target.path.read_bytes().decode("utf-8") if target.path.exists() else ""
    data: Any = yaml.load(before.replace("\r\n", "\n")) or CommentedMap()
    if not isinstance(data, dict):
        raise InterlexError(f"{target.rel}:1:1: not a mapping of concept ids to entries; fix "
                            "the locale file before importing into it (see `interlex check`)")
    locale = target.glossary.locales.get(target.lang)
    plan = _Plan()
    for record in records:
        current = locale.entries.get(record.concept) if locale else None
        old = view(current) if current is not None else None
        outcome = _outcome(record, old, force)
        if outcome in ("added", "changed"):
            _apply(data, record, old, source_hash(target.glossary.concepts[record.concept].entry))
            getattr(plan, outcome).append(record.concept)
        elif outcome == "conflict":
            plan.conflicts.append(_conflict(target, record))
        elif outcome == "kept":
            plan.kept.append(record.concept)
        else:
            plan.unchanged += 1
    return _finish(target, yaml, data, before, plan, dry_run=dry_run)


def _finish(target: Target, yaml: Any, data: Any, before: str, plan: _Plan, *,
            dry_run: bool) -> ImportResult:
    out = io.StringIO()
    yaml.dump(data, out)
    after = out.getvalue()
    if "\r\n" in before:
        after = after.replace("\n", "\r\n")
    diff = "".join(difflib.unified_diff(before.splitlines(keepends=True),
                                        after.splitlines(keepends=True),
                                        fromfile=f"a/{target.rel}", tofile=f"b/{target.rel}"))
    if (plan.added or plan.changed) and not dry_run and not plan.conflicts:
        target.path.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target.path, after)
    return ImportResult(target.rel, tuple(plan.added), tuple(plan.changed), plan.unchanged,
                        diff, tuple(plan.kept), tuple(plan.conflicts))
