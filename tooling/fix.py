"""`interlex check --fix` / `--diff`: replace deprecated terms by their preferred ones."""

from __future__ import annotations

import difflib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from tooling.fileio import write_atomic
from tooling.rules.document_terms import Edit


def _apply(text: str, edits: Iterable[Edit]) -> str:
    # From the end, so earlier offsets stay valid; overlapping edits cannot occur
    # (matches are leftmost-longest and never overlap).
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        text = text[: edit.start] + edit.text + text[edit.end:]
    return text


def _by_file(edits: Iterable[Edit]) -> dict[str, list[Edit]]:
    grouped: dict[str, list[Edit]] = defaultdict(list)
    for edit in edits:
        grouped[edit.path].append(edit)
    return dict(sorted(grouped.items()))


def diff(root: Path, edits: Iterable[Edit]) -> str:
    """The unified diff that `apply_fixes` would make, file by file."""
    chunks = []
    for path, file_edits in _by_file(edits).items():
        before = (root / path).read_bytes().decode("utf-8")
        after = _apply(before, file_edits)
        chunks.append("".join(difflib.unified_diff(
            before.splitlines(keepends=True), after.splitlines(keepends=True),
            fromfile=f"a/{path}", tofile=f"b/{path}")))
    return "".join(chunks)


def apply_fixes(root: Path, edits: Iterable[Edit]) -> list[str]:
    """Rewrite each file once, atomically; returns the paths changed."""
    changed = []
    for path, file_edits in _by_file(edits).items():
        target = root / path
        before = target.read_bytes().decode("utf-8")
        write_atomic(target, _apply(before, file_edits))
        changed.append(path)
    return changed
