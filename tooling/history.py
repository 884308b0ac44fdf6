"""What changed in a source document since its translation was made, from git history.

A translation records the `source_hash` of the source it was made from; the
source version with that hash is found by hashing the file at each commit that
touched it, newest first, and then compared with the file as it is now.
"""

from __future__ import annotations

import difflib
from pathlib import Path

from tooling.documents import document_hash, load_document_text
from tooling.errors import InterlexError
from tooling.git import run_git
from tooling.glossary import CONTENT_DIR
from tooling.project import Project


def source_diff(project: Project, translation_path: Path) -> str:
    """A unified diff from the source version a translation was made from to today's."""
    rel = translation_path.resolve().relative_to(project.root).as_posix()
    parts = rel.split("/", 2)
    if len(parts) != 3 or parts[0] != CONTENT_DIR or parts[1] == project.source.code:
        raise InterlexError(f"{rel}: not a translated document; give a path such as "
                            f"{CONTENT_DIR}/fr/guidance/x.md")
    lang, key = parts[1], parts[2]
    text = (project.root / rel).read_text("utf-8")
    translation = load_document_text(project, lang, key, text)
    recorded = translation.source_hash
    source_rel = f"{CONTENT_DIR}/{project.source.code}/{key}"
    if recorded is None:
        raise InterlexError(f"{rel} records no source_hash, so the version it was translated "
                            "from is unknown")
    current = (project.root / source_rel).read_text("utf-8")
    needed_by = "`status --diff`"
    for commit in run_git(project.root, "log", "--format=%H", "--", source_rel,
                          needed_by=needed_by).split():
        old = run_git(project.root, "show", f"{commit}:{source_rel}", needed_by=needed_by)
        if document_hash(load_document_text(project, project.source.code, key, old)) == recorded:
            return "".join(difflib.unified_diff(
                old.splitlines(keepends=True), current.splitlines(keepends=True),
                fromfile=f"{source_rel}@{commit[:12]}", tofile=source_rel))
    raise InterlexError(f"no committed version of {source_rel} has the hash {recorded} that "
                        f"{rel} records; compare by hand")
