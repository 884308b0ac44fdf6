"""A cache of what reading a file yields, so a re-run re-reads only what changed.

Kept in `.interlex-cache/` at the project root (never committed). An entry is
valid while its file has the same size and modification time, and, for
documents, while the glossary terms of their language are the same (their
fingerprint). The cache is a speed-up only: a missing, old or unreadable cache
file is ignored, and nothing is lost by deleting the folder.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Generic, TypeVar

from tooling import __version__
from tooling.fileio import write_atomic_bytes

CACHE_DIR = ".interlex-cache"
DISABLE_VARIABLE = "INTERLEX_NO_CACHE"
_VERSION = f"{__version__}-{sys.version_info[0]}.{sys.version_info[1]}-3"

T = TypeVar("T")
Stamp = tuple[int, int]


def stamp(path: Path) -> Stamp | None:
    """Size and modification time: what says a file may have changed."""
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def fingerprint(parts: Iterable[object]) -> str:
    digest = hashlib.sha256()
    for part in parts:
        digest.update(repr(part).encode("utf-8"))
        digest.update(b"\0")
    return digest.hexdigest()[:16]


class FileCache(Generic[T]):
    """Results by key, each with the stamp (and context) it was computed for."""

    def __init__(self, root: Path, name: str) -> None:
        self.path = root / CACHE_DIR / f"{name}.pickle"
        self.enabled = not os.environ.get(DISABLE_VARIABLE)
        self.entries: dict[Any, tuple[Any, T]] = self._read() if self.enabled else {}
        self.changed = False

    def _read(self) -> dict[Any, tuple[Any, T]]:
        try:
            with self.path.open("rb") as stream:
                version, entries = pickle.load(stream)
        except Exception:  # a missing, partial or foreign cache is no cache
            return {}
        return entries if version == _VERSION else {}

    def get(self, key: Any, valid_for: Any) -> T | None:
        found = self.entries.get(key)
        return found[1] if found is not None and found[0] == valid_for else None

    def put(self, key: Any, valid_for: Any, value: T) -> None:
        self.entries[key] = (valid_for, value)
        self.changed = True

    def keep_only(self, keys: set[Any]) -> None:
        """Forget files that no longer exist."""
        stale = set(self.entries) - keys
        for key in stale:
            del self.entries[key]
        self.changed = self.changed or bool(stale)

    def save(self) -> None:
        if not (self.enabled and self.changed):
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            (self.path.parent / ".gitignore").write_text("*\n", "utf-8")
            write_atomic_bytes(self.path, pickle.dumps((_VERSION, self.entries),
                                                       protocol=pickle.HIGHEST_PROTOCOL))
        except OSError:
            pass  # a read-only project is checked all the same, only not faster next time


def cached_map(cache: FileCache[T], items: list[tuple[Any, Any]],
               compute: Callable[[list[Any]], list[T]]) -> list[T]:
    """`compute` over the items whose (key, valid_for) the cache does not hold."""
    results: list[T | None] = [cache.get(key, valid) for key, valid in items]
    missing = [i for i, result in enumerate(results) if result is None]
    if missing:
        fresh = compute([items[i][0] for i in missing])
        for index, value in zip(missing, fresh, strict=True):
            results[index] = value
            cache.put(items[index][0], items[index][1], value)
    cache.keep_only({key for key, _ in items})
    return [r for r in results if r is not None]
