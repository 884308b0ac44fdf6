"""Editions of the glossary: snapshots of what it said, and the changes between two.

A snapshot is the glossary's JSON export, the same file every built site offers
for download, so the changes since a published edition can be computed from that
edition's own site, and between any two git revisions from their files.
"""

from __future__ import annotations

import io
import json
import subprocess
import tarfile
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tooling.errors import InterlexError
from tooling.export import write_json
from tooling.git import run_git
from tooling.glossary import GLOSSARY_DIR, LOCALES_DIR, load_glossary
from tooling.hashing import normalize_text
from tooling.model import Glossary
from tooling.project import CONFIG_FILE, Project, load_project

EDITION_VARIABLE = "INTERLEX_EDITION"
"""Set by `interlex publish` for the build of an edition: its name."""
HISTORY_VARIABLE = "INTERLEX_EDITION_HISTORY"
"""Set by `interlex publish`: a file with the earlier editions' snapshots."""
SNAPSHOT_FILE = "downloads/interlex-glossary.json"
"""Where a built site keeps its snapshot (see tooling.sitegen.report_pages)."""

# concept id -> language -> (definition, {term: status})
Snapshot = Mapping[str, Mapping[str, tuple[str, Mapping[str, str]]]]


@dataclass(frozen=True)
class LanguageChanges:
    lang: str
    added: tuple[str, ...] = ()
    retired: tuple[str, ...] = ()
    definition_changed: tuple[str, ...] = ()
    terms_added: tuple[tuple[str, str], ...] = ()
    """(concept, term)."""
    deprecated: tuple[tuple[str, str], ...] = ()
    superseded: tuple[tuple[str, str], ...] = ()

    @property
    def empty(self) -> bool:
        return not (self.added or self.retired or self.definition_changed or self.terms_added
                    or self.deprecated or self.superseded)


@dataclass(frozen=True)
class Changelog:
    old: str
    new: str
    languages: tuple[LanguageChanges, ...]


def snapshot_from_json(text: str, where: str) -> Snapshot:
    try:
        data: Any = json.loads(text)
        return {concept["id"]: {lang: (normalize_text(entry.get("definition") or ""),
                                       {t["term"]: t["status"] for t in entry["terms"]})
                                for lang, entry in concept["languages"].items()}
                for concept in data["concepts"]}
    except (ValueError, KeyError, TypeError, AttributeError):
        raise InterlexError(f"{where}: not a glossary snapshot (an `interlex export json` "
                            "file)") from None


def snapshot_of(project: Project, glossary: Glossary | None = None) -> Snapshot:
    out = io.StringIO()
    write_json(project, glossary or load_glossary(project).glossary, (), out)
    return snapshot_from_json(out.getvalue(), str(project.root))


def snapshot_at(project: Project, revision: str) -> Snapshot:
    """The glossary as it was at a git revision (tag, branch or commit)."""
    archive = subprocess.run(["git", "-C", str(project.root), "archive", "--format=tar",
                              revision, CONFIG_FILE, GLOSSARY_DIR, LOCALES_DIR],
                             capture_output=True, check=False)
    if archive.returncode != 0:
        problem = archive.stderr.decode("utf-8", "replace").strip()
        raise InterlexError(f"cannot read the glossary at '{revision}': {problem}; give a tag, "
                            "branch or commit of this repository")
    with tempfile.TemporaryDirectory(prefix="interlex-edition-") as folder:
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(folder, filter="data")
        return snapshot_of(load_project(Path(folder)))


def snapshot_published(project: Project, branch: str, edition: str) -> Snapshot:
    """The glossary of an edition published with `interlex publish` on the site branch."""
    text = run_git(project.root, "show", f"{branch}:{edition}/{SNAPSHOT_FILE}",
                   needed_by="the changelog of an edition")
    return snapshot_from_json(text, f"{branch}:{edition}/{SNAPSHOT_FILE}")


def compare(old: Snapshot, new: Snapshot, langs: list[str], labels: tuple[str, str]
            ) -> Changelog:
    return Changelog(labels[0], labels[1], tuple(_language(old, new, lang) for lang in langs))


def _language(old: Snapshot, new: Snapshot, lang: str) -> LanguageChanges:
    before = {cid: langs[lang] for cid, langs in old.items() if lang in langs}
    after = {cid: langs[lang] for cid, langs in new.items() if lang in langs}
    kept = sorted(before.keys() & after.keys())
    return LanguageChanges(
        lang,
        added=tuple(sorted(after.keys() - before.keys())),
        retired=tuple(sorted(cid for cid in before if cid not in new)),
        definition_changed=tuple(c for c in kept if before[c][0] != after[c][0]),
        terms_added=tuple(_terms(before, after, kept, lambda old, new: old is None)),
        deprecated=tuple(_terms(before, after, kept, _became("deprecated"))),
        superseded=tuple(_terms(before, after, kept, _became("superseded"))))


def _became(status: str) -> Any:
    return lambda old, new: new == status and old != status


def _terms(before: Mapping[str, tuple[str, Mapping[str, str]]],
           after: Mapping[str, tuple[str, Mapping[str, str]]], kept: list[str],
           changed: Any) -> Iterator[tuple[str, str]]:
    for concept in kept:
        old_terms, new_terms = before[concept][1], after[concept][1]
        for term in sorted(new_terms):
            if changed(old_terms.get(term), new_terms[term]):
                yield concept, term


@dataclass(frozen=True)
class Edition:
    """The edition a site is built as (by `interlex publish`)."""

    name: str
    site_url: str
    """The edition's own root URL, such as https://example.org/2025.2/."""
    publisher: str
    history: tuple[tuple[str, Snapshot], ...] = ()
    """Earlier published editions and their snapshots, oldest first."""

    @property
    def previous(self) -> tuple[str, Snapshot] | None:
        return self.history[-1] if self.history else None


def concept_history(edition: Edition, current: Snapshot, concept: str, lang: str
                    ) -> list[tuple[str, list[str]]]:
    """(edition, kinds of change) for each edition that changed the concept in `lang`:
    kinds among added, definition, terms, deprecated, superseded."""
    chain = [*edition.history, (edition.name, current)]
    found = []
    previous: Snapshot = {}
    for name, snapshot in chain:
        changes = _language(previous, snapshot, lang)
        kinds = [kind for kind, hit in (
            ("added", concept in changes.added),
            ("definition", concept in changes.definition_changed),
            ("terms", any(c == concept for c, _ in changes.terms_added)),
            ("deprecated", any(c == concept for c, _ in changes.deprecated)),
            ("superseded", any(c == concept for c, _ in changes.superseded))) if hit]
        if kinds:
            found.append((name, kinds))
        previous = snapshot
    return found


def write_history(path: Path, history: list[tuple[str, str]]) -> None:
    """Save earlier editions (name, snapshot JSON text) for the build of the next one."""
    path.write_text(json.dumps([{"edition": name, "snapshot": json.loads(text)}
                                for name, text in history], ensure_ascii=False), "utf-8")


def read_history(path: Path) -> tuple[tuple[str, Snapshot], ...]:
    try:
        items = json.loads(path.read_text("utf-8"))
        return tuple((str(item["edition"]), snapshot_from_json(json.dumps(item["snapshot"]),
                                                               str(path)))
                     for item in items)
    except (OSError, ValueError, KeyError, TypeError):
        raise InterlexError(f"{path}: not a history of editions written by `interlex "
                            "publish`") from None

