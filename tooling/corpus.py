"""All guidance documents of a project, each analysed once per run.

Analysing a document (reading, scanning, matching terms, the per-document
rules) needs nothing from other documents, so large corpora are analysed in
parallel worker processes; what the cross-document rules need (links, heading
anchors, hashes, and per block its kind and the concepts it uses) comes back as
a compact, picklable summary.
"""

from __future__ import annotations

import functools
import gc
import marshal
import os
import pickle
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tooling.cache import FileCache, cached_map, fingerprint, paused_gc
from tooling.documents import document_stamps
from tooling.findings import Finding, Span, record
from tooling.project import Project
from tooling.suppress import Suppressions

if TYPE_CHECKING:  # the types alone: these load only with the glossary or the analysis
    from tooling.matcher import LanguageMatcher
    from tooling.model import Entry, Glossary
    from tooling.rules.document_terms import Edit

PARALLEL_FROM = 200
"""Fewer documents than this are analysed in this process: starting workers costs more."""
BACKGROUND_FROM = 1000
"""With this many analyses to read from the cache, a few documents are analysed in a
worker meanwhile (see `_start_analyses`)."""


@record
class Use:
    """A term occurrence in a block."""

    concept: str
    found: str
    term: str
    do_not_translate: bool


@record
class BlockInfo:
    kind: str
    line: int
    prose: bool
    """Whether the block has prose (code, HTML and rules have none)."""
    kept: frozenset[str]
    """The glossary's do-not-translate terms written in this block, exactly."""
    first: Span | None
    """The block's first character of prose, where block-level findings point."""
    uses: tuple[Use, ...]


@record
class LinkInfo:
    target: str
    span: Span


@record
class Analysis:
    lang: str
    key: str
    path: str
    source_hash: str | None
    """The source version this translation was made from (front matter)."""
    content_hash: str
    """This document's own hash: what its translations record."""
    packed: bytes
    """Its blocks and fixes, pickled. Only alignment reads the blocks, and only
    `check --fix` the fixes, so a large corpus's analyses cross from worker processes
    and load from the cache without rebuilding hundreds of thousands of records."""
    concepts: frozenset[str]
    """The concepts it mentions."""
    links: tuple[LinkInfo, ...]
    slugs: frozenset[str]
    findings: tuple[Finding, ...]
    """Problems found reading it, and its term findings (suppressions applied)."""
    suppressions: Suppressions

    @property
    def blocks(self) -> tuple[BlockInfo, ...]:
        return _unpack(self.packed)[0]

    @property
    def edits(self) -> tuple[Edit, ...]:
        """Unambiguous fixes of its deprecated terms."""
        return _unpack(self.packed)[1]


@functools.lru_cache(maxsize=64)  # a source is read once for each of its translations
def _unpack(packed: bytes) -> tuple[tuple[BlockInfo, ...], tuple[Edit, ...]]:
    unpacked: tuple[tuple[BlockInfo, ...], tuple[Edit, ...]] = pickle.loads(packed)
    return unpacked


@record
class Corpus:
    files: Mapping[str, Mapping[str, Analysis]]
    """Language -> path within the language folder -> analysis."""
    unreadable: tuple[Finding, ...]
    """Findings of documents that could not be read at all."""

    def get(self, lang: str, key: str) -> Analysis | None:
        return self.files.get(lang, {}).get(key)

    def analyses(self) -> Iterable[Analysis]:
        for files in self.files.values():
            yield from files.values()


@record
class TermFacts:
    """What checking documents needs of the glossary besides its matchers. It is
    small, so the check's cache keeps it and a re-run need not load the glossary."""

    fingerprints: tuple[tuple[str, str], ...]
    """Each language's terms as a hash: all a document's analysis depends on in the
    glossary."""
    never_translated: tuple[str, ...]
    """Every do-not-translate term of the source language."""
    concept_ids: frozenset[str]
    """Every concept file's id (links to glossary pages point at them)."""


class Matchers:
    """The glossary as documents see it: one matcher per language, built once (or read
    from the cache while that language's terms are unchanged), and the facts above.
    The glossary itself is loaded only if a matcher or the facts must be computed."""

    def __init__(self, glossary: Callable[[], Glossary], source: str, *,
                 facts: TermFacts | None = None, cache_root: Path | None = None) -> None:
        self._load_glossary = glossary
        self.source = source
        self._facts = facts
        self.cache_root = cache_root
        self.built: dict[str, LanguageMatcher] = {}

    @classmethod
    def of(cls, glossary: Glossary, source: str) -> Matchers:
        return cls(lambda: glossary, source)

    @functools.cached_property
    def glossary(self) -> Glossary:
        return self._load_glossary()

    @property
    def facts(self) -> TermFacts:
        if self._facts is None:
            glossary = self.glossary
            languages = [self.source, *glossary.locales]
            self._facts = TermFacts(
                tuple((lang, fingerprint(self._terms(lang))) for lang in languages),
                tuple(sorted({t.text for concept in glossary.concepts.values()
                              for t in concept.entry.terms if t.do_not_translate})),
                glossary.concept_files)
        return self._facts

    def _terms(self, lang: str) -> list[object]:
        return [(entry.concept, tuple((t.text, t.status, t.forms, t.case_sensitive,
                                       t.do_not_translate) for t in entry.terms))
                for entry in self.entries(lang)]

    def entries(self, lang: str) -> Iterable[Entry]:
        if lang == self.source:
            return [concept.entry for concept in self.glossary.concepts.values()]
        locale = self.glossary.locales.get(lang)
        return locale.entries.values() if locale else []

    @property
    def never_translated(self) -> tuple[str, ...]:
        return self.facts.never_translated

    def fingerprint(self, lang: str) -> str:
        """What a document's analysis depends on in the glossary: its language's terms
        (a language without a locale file has none) and the never-translated terms."""
        terms = dict(self.facts.fingerprints).get(lang, "")
        return fingerprint([terms, self.never_translated])

    def get(self, lang: str) -> LanguageMatcher:
        if lang not in self.built:
            self.built[lang] = self._cached(lang) or self._build(lang)
        return self.built[lang]

    def _store(self, lang: str) -> FileCache[LanguageMatcher] | None:
        return FileCache(self.cache_root, f"matcher-{lang}") if self.cache_root else None

    def _cached(self, lang: str) -> LanguageMatcher | None:
        store = self._store(lang)
        if store is None:
            return None
        with paused_gc():
            return store.get(lang, self.fingerprint(lang))

    def _build(self, lang: str) -> LanguageMatcher:
        from tooling.matcher import LanguageMatcher  # noqa: PLC0415 - see the imports

        matcher = LanguageMatcher(lang, self.entries(lang))
        store = self._store(lang)
        if store is not None:
            store.put(lang, self.fingerprint(lang), matcher)
            store.save()
        return matcher


# Set before workers are forked, so that they share the glossary and the matchers.
_STATE: tuple[Project, Matchers] | None = None


def load_corpus(project: Project, matchers: Matchers, jobs: int | None = None,
                meanwhile: Callable[[], object] | None = None) -> Corpus:
    """Every document analysed, or taken from the cache when neither it nor its
    language's glossary terms changed since the last run. `meanwhile` is done while
    worker processes analyse."""
    items = []
    for lang in project.languages:
        terms = matchers.fingerprint(lang.code)
        items += [((lang.code, key), (stamp, terms))
                  for key, stamp in document_stamps(project, lang.code).items()]
    cache: FileCache[Analysis | tuple[Finding, ...]] = FileCache(
        project.root, "documents", (_encode, _decode))
    results = cached_map(cache, items, lambda todo: _start_analyses(
        project, matchers, todo, len(items) - len(todo), jobs), meanwhile)
    cache.save()
    files: dict[str, dict[str, Analysis]] = {lang.code: {} for lang in project.languages}
    unreadable: list[Finding] = []
    for result in results:
        if isinstance(result, Analysis):
            files[result.lang][result.key] = result
        else:
            unreadable.extend(result)
    return Corpus(files, tuple(unreadable))


def _encode(result: Analysis | tuple[Finding, ...]) -> bytes:
    """A document's analysis as marshalled plain values: a warm re-run reads thousands of
    them, and marshal reads plain values several times faster than pickle reads records."""
    if not isinstance(result, Analysis):
        return marshal.dumps((tuple(f.row() for f in result),))
    return marshal.dumps((
        tuple(f.row() for f in result.findings), result.lang, result.key, result.path,
        result.source_hash, result.content_hash, result.packed, result.concepts,
        tuple((link.target, _span_row(link.span)) for link in result.links), result.slugs,
        result.suppressions.ranges))


def _span_row(span: Span) -> tuple[int, int, int | None, int | None]:
    return span.line, span.column, span.end_line, span.end_column


_NONE_SUPPRESSED = Suppressions(())


def _decode(data: bytes) -> Analysis | tuple[Finding, ...]:
    rows, *fields = marshal.loads(data)
    findings = tuple(map(Finding.from_row, rows))
    if not fields:
        return findings
    lang, key, path, source_hash, content_hash, packed, concepts, links, slugs, ranges = fields
    return Analysis(lang, key, path, source_hash, content_hash, packed, concepts,
                    tuple(LinkInfo(target, Span(*span)) for target, span in links), slugs,
                    findings, Suppressions(ranges) if ranges else _NONE_SUPPRESSED)


def _start_analyses(project: Project, matchers: Matchers, tasks: list[tuple[str, str]],
                    cached: int, jobs: int | None) -> Callable[[], list[bytes]]:
    """Start analysing `tasks`; returns how to wait for the results, encoded.

    Many tasks go to a pool of workers sharing the matchers, built here first. A few,
    while this process has `cached` analyses to read from the cache, go to one worker
    that loads the matchers itself: reading the rest goes on meanwhile, on the other
    core, instead of after the matchers are built.
    """
    workers = jobs if jobs is not None else (os.cpu_count() or 1)
    if workers > 1 and len(tasks) >= PARALLEL_FROM:
        for lang in sorted({lang for lang, _ in tasks}):
            matchers.get(lang).ready()  # before forking, so that the workers share them
        return _in_workers(project, matchers, tasks, workers)
    if workers > 1 and cached >= BACKGROUND_FROM:
        return _in_workers(project, matchers, tasks, 1)
    global _STATE  # noqa: PLW0603 - `_analyse_task` reads it, here as in a worker
    _STATE = (project, matchers)
    try:
        results = [_analyse_task(task) for task in tasks]
    finally:
        _STATE = None
    return lambda: results


def _in_workers(project: Project, matchers: Matchers, tasks: list[tuple[str, str]],
                workers: int) -> Callable[[], list[bytes]]:
    import multiprocessing  # noqa: PLC0415 - only for large inputs

    global _STATE  # noqa: PLW0603 - the one way to hand a forked pool its inputs
    _STATE = (project, matchers)
    gc.freeze()  # keep the collector from touching (and so copying) shared pages
    try:
        pool = multiprocessing.get_context("fork").Pool(workers, initializer=gc.enable)
    finally:
        _STATE = None  # the workers have their copy
        gc.unfreeze()
    pending = pool.map_async(_analyse_task, tasks, chunksize=_chunk(len(tasks), workers))

    def wait() -> list[bytes]:
        with pool:
            return pending.get()

    return wait


def _chunk(tasks: int, workers: int) -> int:
    """Tasks handed to a worker at a time: enough to make handing them cheap, few
    enough that no worker is left alone on a long last chunk."""
    return max(1, min(64, tasks // (16 * workers)))


def _analyse_task(task: tuple[str, str]) -> bytes:
    # Imported where documents are analysed: Markdown parsing and the matchers are
    # then loaded in the worker, and a re-run that reads everything from the cache
    # never loads them.
    from tooling.analysis import analyse  # noqa: PLC0415

    assert _STATE is not None
    project, matchers = _STATE
    return _encode(analyse(project, matchers, *task))
