"""A cache of what reading a file yields, so a re-run re-reads only what changed.

Kept in `.interlex-cache/` at the project root (never committed). An entry is
valid while its file has the same size and modification time, and, for
documents, while the glossary terms of their language are the same (their
fingerprint). Every entry was computed by this very code: the stamps of the
package's own files are part of the cache's version. The cache is a speed-up
only: a missing, old or unreadable cache file is ignored, and nothing is lost by
deleting the folder.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import hashlib
import marshal
import os
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, Generic, TypeVar

from tooling import __version__
from tooling.fileio import write_atomic_bytes

CACHE_DIR = ".interlex-cache"
DISABLE_VARIABLE = "INTERLEX_NO_CACHE"
_FORMAT = 5
_CODE_SUFFIXES = (".py", ".html", ".json", ".yaml", ".js", ".css")

T = TypeVar("T")
Stamp = tuple[int, int]
Codec = tuple[Callable[[T], bytes], Callable[[bytes], T]]
"""How a cache keeps its values as bytes, and reads them back: pickle unless said."""


def _pickled(value: object) -> bytes:
    return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)


@functools.cache
def code_version() -> str:
    """This code's identity: the interlex and Python versions and the stamps of the
    package's files, so that a cache written by other code (an edited rule, say)
    is never read."""
    package = Path(__file__).parent
    files = sorted((name, entry[1]) for name, entry in tree_stamps(package).items()
                   if name.endswith(_CODE_SUFFIXES))
    return fingerprint([__version__, sys.version_info[:2], _FORMAT, files])


def _walk(folder: Path, *, deep: bool = True) -> Iterator[tuple[str, os.DirEntry[str], bool]]:
    """Every entry under `folder` (recursively unless not `deep`, never through links to
    folders): its POSIX path relative to `folder`, the entry, and whether it is a folder.
    os.scandir, not pathlib: this runs over tens of thousands of files per check."""
    pending = [("", str(folder))]
    while pending:
        prefix, directory = pending.pop()
        try:
            entries = list(os.scandir(directory))
        except OSError:
            continue  # not a folder, or unreadable: whoever reads it reports that
        for entry in entries:
            name = prefix + entry.name
            is_folder = entry.is_dir(follow_symlinks=False)
            if is_folder and deep:
                pending.append((name + "/", entry.path))
            yield name, entry, is_folder


def tree_stamps(folder: Path, *, deep: bool = True) -> dict[str, tuple[bool, Stamp | None]]:
    """Every entry under `folder` by relative path (see `_walk`): whether it is a folder,
    and its stamp when a file."""
    return {name: (True, None) if is_folder else (entry.is_dir(), _entry_stamp(entry))
            for name, entry, is_folder in _walk(folder, deep=deep)}


def tree_fingerprint(folder: Path) -> str:
    """A hash of every entry under `folder`: path, and folder or size and modification
    time. In the order the file system lists them, unsorted (this runs on every
    check): a new order can only make the cache miss, never hit wrongly."""
    values: list[str | int] = []
    for name, entry, is_folder in _walk(folder):
        values.append(name)
        values.extend((-1,) if is_folder else _entry_stamp(entry) or (-2,))
    return plain_fingerprint(values)


def _entry_stamp(entry: os.DirEntry[str]) -> Stamp | None:
    try:
        status = entry.stat()
    except OSError:
        return None  # a dangling link
    return status.st_size, status.st_mtime_ns


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


def plain_fingerprint(values: list[Any]) -> str:
    """`fingerprint` of plain values (str, numbers, None, tuples, lists, dicts) only,
    marshalled rather than repr'd: many times faster on tens of thousands of stamps."""
    return hashlib.sha256(marshal.dumps(values)).hexdigest()[:16]


class FileCache(Generic[T]):
    """Results by key, each with the stamp (and context) it was computed for.

    Each result is kept encoded on its own, in one file; a few changes are appended
    to a journal beside it rather than written with the whole file again (which took
    longer than the rest of a re-run after one change), until the journal has grown
    to a tenth of the entries and the file is written anew.
    """

    def __init__(self, root: Path, name: str, codec: Codec[T] | None = None) -> None:
        self.encode: Callable[[T], bytes]
        self.decode: Callable[[bytes], T]
        self.encode, self.decode = codec or (_pickled, pickle.loads)
        self.path = root / CACHE_DIR / f"{name}.pickle"
        self.journal = self.path.with_suffix(".journal")
        self.enabled = not os.environ.get(DISABLE_VARIABLE)
        self.journalled = 0
        self.entries: dict[Any, tuple[Any, bytes]] = self._read() if self.enabled else {}
        self.changes: dict[Any, tuple[Any, bytes] | None] = {}
        """Entries put (or, as None, forgotten) since the cache was read."""

    def _read(self) -> dict[Any, tuple[Any, bytes]]:
        try:
            with self.path.open("rb") as stream, paused_gc():
                version, entries = pickle.load(stream)
        except Exception:  # a missing, partial or foreign cache is no cache
            return {}
        if version != code_version():
            return {}
        self._replay(entries)
        return entries  # type: ignore[no-any-return]

    def _replay(self, entries: dict[Any, tuple[Any, bytes]]) -> None:
        try:
            with self.journal.open("rb") as stream, paused_gc():
                while True:
                    version, key, entry = pickle.load(stream)
                    if version != code_version():
                        return
                    if entry is None:
                        entries.pop(key, None)
                    else:
                        entries[key] = entry
                    self.journalled += 1
        except Exception:  # the end, or a record cut short: what came before stands
            return

    def holds(self, key: Any, valid_for: Any) -> bool:
        found = self.entries.get(key)
        return found is not None and found[0] == valid_for

    def get(self, key: Any, valid_for: Any) -> T | None:
        found = self.entries.get(key)
        if found is None or found[0] != valid_for:
            return None
        return self.decode(found[1])

    def put(self, key: Any, valid_for: Any, value: T) -> None:
        self.put_encoded(key, valid_for, self.encode(value))

    def put_encoded(self, key: Any, valid_for: Any, data: bytes) -> None:
        if self.enabled:
            self.entries[key] = self.changes[key] = (valid_for, data)

    def keep_only(self, keys: set[Any]) -> None:
        """Forget files that no longer exist."""
        for key in set(self.entries) - keys:
            del self.entries[key]
            self.changes[key] = None

    def save(self) -> None:
        if not (self.enabled and self.changes):
            return
        try:
            self.path.parent.mkdir(exist_ok=True)
            (self.path.parent / ".gitignore").write_text("*\n", "utf-8")
            if self.path.exists() and (self.journalled + len(self.changes)) * 10 <= len(
                    self.entries):
                self._append()
                return
            write_atomic_bytes(self.path, pickle.dumps((code_version(), self.entries),
                                                       protocol=pickle.HIGHEST_PROTOCOL),
                               durable=False)
            self.journal.unlink(missing_ok=True)
        except OSError:
            pass  # a read-only project is checked all the same, only not faster next time

    def _append(self) -> None:
        version = code_version()
        records = b"".join(pickle.dumps((version, key, entry), protocol=pickle.HIGHEST_PROTOCOL)
                           for key, entry in self.changes.items())
        # One write in append mode: records of two runs at once never interleave.
        with self.journal.open("ab") as stream:
            stream.write(records)


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Unpickling builds no reference cycles, yet hundreds of thousands of new objects
    set off the cycle collector again and again, each time over the whole heap: it
    tripled the time to load a large corpus's cache."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def cached_map(cache: FileCache[T], items: list[tuple[Any, Any]],
               compute: Callable[[list[Any]], Callable[[], list[bytes]]],
               meanwhile: Callable[[], object] | None = None) -> list[T]:
    """`compute` over the items whose (key, valid_for) the cache does not hold.

    `compute` starts the work and returns how to wait for its results, each encoded
    with the cache's codec: work done in other processes goes on while the rest is
    read from the cache, and what crosses back to this process is bytes. `meanwhile`
    is done then too, before waiting.
    """
    missing = [i for i, (key, valid) in enumerate(items) if not cache.holds(key, valid)]
    wait = compute([items[i][0] for i in missing]) if missing else None
    with paused_gc():  # once around them all, not once for each
        results: list[T | None] = [cache.get(key, valid) for key, valid in items]
    if meanwhile is not None:
        meanwhile()
    if wait is not None:
        fresh = wait()
        with paused_gc():
            for index, data in zip(missing, fresh, strict=True):
                results[index] = cache.decode(data)
                cache.put_encoded(items[index][0], items[index][1], data)
    cache.keep_only({key for key, _ in items})
    return [r for r in results if r is not None]
