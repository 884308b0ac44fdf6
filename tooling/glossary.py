"""Load the whole glossary of a project: concepts, domains and locale files.

Every file is read, validated against its schema and built into records; all
problems found on the way come back as findings, never as exceptions.
"""

from __future__ import annotations

import functools
import gc
import os
import pickle
import re
from dataclasses import dataclass
from pathlib import Path

from tooling.build import concept_from, domains_from, entry_from
from tooling.cache import FileCache, Stamp, cached_map, tree_stamps
from tooling.findings import FILE_START, Finding, Severity
from tooling.layout import CONTENT_DIR, GLOSSARY_DIR, LOCALES_DIR
from tooling.model import Concept, Domain, Entry, Glossary, LocaleGlossary
from tooling.project import CONFIG_FILE, Project
from tooling.rules.unicode import scan_text
from tooling.schema import SCHEMA_RULE, SchemaName, validate
from tooling.yamlload import YamlDocument, load_yaml

DOMAINS_FILE = "domains.yaml"
LOCALE_GLOSSARY_FILE = "glossary.yaml"
# One concept per file: anything bigger than this is not a concept.
MAX_CONCEPT_BYTES = 1 << 20
# A locale file holds every concept of a language: thousands of entries.
MAX_LOCALE_BYTES = 64 << 20
__all__ = ["CONTENT_DIR", "DOMAINS_FILE", "GLOSSARY_DIR", "LOCALES_DIR", "LOCALE_GLOSSARY_FILE",
           "RESERVED_IDS", "Loaded", "load_glossary"]
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
RESERVED_IDS = frozenset({"index", "status", "downloads", "domains", "changes"})
"""Concept ids that would collide with the glossary's own pages on the site."""


@dataclass(frozen=True)
class Loaded:
    glossary: Glossary
    findings: tuple[Finding, ...]


def load_glossary(project: Project) -> Loaded:
    loader = _Loader(project)
    concepts = loader.concepts()
    domains = loader.domains()
    locales = loader.locales()
    loader.language_folders()
    glossary = Glossary(concepts, domains, locales, frozenset(loader.concept_files))
    return Loaded(glossary, tuple(loader.findings))


class _Loader:
    def __init__(self, project: Project) -> None:
        self.project = project
        self.root = project.root
        self.concept_files: set[str] = set()
        self.findings: list[Finding] = []

    def _read(self, path: Path, max_bytes: int, schema: SchemaName) -> YamlDocument | None:
        rel = path.relative_to(self.root).as_posix()
        result = load_yaml(path, rel, max_bytes=max_bytes)
        self.findings.extend(result.findings)
        if result.text is not None:
            # Raw-text problems (invisible characters), found once with the file.
            self.findings.extend(scan_text(rel, result.text))
        if result.document is None:
            return None
        self.findings.extend(validate(result.document, schema))
        return result.document

    def _report(self, rule: str, severity: Severity, rel: str, message: str,
                lang: str | None = None) -> None:
        self.findings.append(Finding(rule, severity, rel, FILE_START, message, lang=lang))

    def concepts(self) -> dict[str, Concept]:
        folder = self.root / GLOSSARY_DIR
        concepts: dict[str, Concept] = {}
        if not folder.is_dir():
            self._report(SCHEMA_RULE, Severity.ERROR, GLOSSARY_DIR,
                         "the glossary folder is missing; create glossary/ with one "
                         "<concept-id>.yaml per concept")
            return concepts
        stamps = {name: stamp for name, (_, stamp) in tree_stamps(folder, deep=False).items()
                  if name != DOMAINS_FILE and not name.startswith(".")}
        for concept, findings, known in _load_concepts(self.project, sorted(stamps.items())):
            self.findings.extend(findings)
            self.concept_files.update(known)
            if concept is not None:
                concepts[concept.id] = concept
        return concepts

    def _concept(self, path: Path) -> Concept | None:
        rel = path.relative_to(self.root).as_posix()
        if not path.is_file() or path.suffix != ".yaml":
            self._report(SCHEMA_RULE, Severity.ERROR, rel,
                         "the glossary folder holds only <concept-id>.yaml files; rename or "
                         "move this")
            return None
        if not ID_RE.match(path.stem):
            self._report(SCHEMA_RULE, Severity.ERROR, rel,
                         f"file name '{path.name}' is not a concept id: use lowercase ASCII "
                         "words joined by '-', ending in .yaml")
            return None
        if path.stem in RESERVED_IDS:
            self._report(SCHEMA_RULE, Severity.ERROR, rel,
                         f"'{path.stem}' is the name of one of the glossary's own pages "
                         f"({', '.join(sorted(RESERVED_IDS))}); choose another concept id")
            return None
        self.concept_files.add(path.stem)
        document = self._read(path, MAX_CONCEPT_BYTES, SchemaName.CONCEPT)
        if document is None:
            return None
        declared = document.data.get("id") if isinstance(document.data, dict) else None
        # An invalid id is already a schema finding: suggesting it as a file name would not help.
        if isinstance(declared, str) and declared != path.stem and ID_RE.match(declared):
            self.findings.append(Finding(
                SCHEMA_RULE, Severity.ERROR, rel, document.positions.value(("id",)),
                f"id '{declared}' does not match the file name '{path.name}'; an id never "
                f"changes, so rename the file to '{declared}.yaml' or set id: {path.stem}",
                concept=path.stem, found=declared, suggestion=path.stem))
        return concept_from(document, path.stem, self.project.source.code)

    def domains(self) -> dict[str, Domain] | None:
        path = self.root / GLOSSARY_DIR / DOMAINS_FILE
        if not path.is_file():
            self._report(SCHEMA_RULE, Severity.ERROR, f"{GLOSSARY_DIR}/{DOMAINS_FILE}",
                         "the list of subject domains is missing; create it with one id per "
                         "domain")
            return None
        document = self._read(path, MAX_CONCEPT_BYTES, SchemaName.DOMAINS)
        return domains_from(document) if document is not None else None

    def locales(self) -> dict[str, LocaleGlossary]:
        locales: dict[str, LocaleGlossary] = {}
        for lang in self.project.translations:
            path = self.root / LOCALES_DIR / lang.code / LOCALE_GLOSSARY_FILE
            if not path.is_file():
                self.findings.append(Finding(
                    "missing-translation", self._missing_severity(lang.code), CONFIG_FILE,
                    lang.span, f"language '{lang.code}' has no {LOCALES_DIR}/{lang.code}/"
                    f"{LOCALE_GLOSSARY_FILE}; create it (every concept id as a key)",
                    lang=lang.code))
                continue
            document = self._read(path, MAX_LOCALE_BYTES, SchemaName.LOCALE_GLOSSARY)
            if document is not None:
                locales[lang.code] = _locale_from(document, lang.code)
        return locales

    def _missing_severity(self, code: str) -> Severity:
        return Severity.WARNING if self.project.is_required(code) else Severity.INFO

    def language_folders(self) -> None:
        """A `locales/<lang>/` or `content/<lang>/` folder for a language not configured."""
        codes = self.project.codes
        for top in (LOCALES_DIR, CONTENT_DIR):
            folder = self.root / top
            children = sorted(folder.iterdir()) if folder.is_dir() else []
            for child in children:
                if child.is_dir() and child.name not in codes:
                    self._report("orphan-translation", Severity.ERROR, f"{top}/{child.name}",
                                 f"'{child.name}' is not a language in {CONFIG_FILE}; add it to "
                                 "the i18n plugin's languages or remove the folder",
                                 lang=child.name)
        for lang in self.project.translations:
            if not (self.root / CONTENT_DIR / lang.code).is_dir():
                self.findings.append(Finding(
                    "missing-translation", self._missing_severity(lang.code), CONFIG_FILE,
                    lang.span, f"language '{lang.code}' has no {CONTENT_DIR}/{lang.code}/ "
                    "folder; create it for its translated documents", lang=lang.code))
        source = self.project.source.code
        stray = self.root / LOCALES_DIR / source / LOCALE_GLOSSARY_FILE
        if stray.is_file():
            self._report("orphan-translation", Severity.ERROR, stray.relative_to(
                self.root).as_posix(), f"'{source}' is the source language: its entries live "
                f"in {GLOSSARY_DIR}/<concept-id>.yaml; move them there", lang=source)


_Loaded = tuple[Concept | None, list[Finding], set[str]]
_PROJECT: Project | None = None
PARALLEL_FROM = 1000
"""Fewer concept files than this are read in this process: workers cost more to start."""


def _load_concepts(project: Project, items: list[tuple[str, Stamp | None]]) -> list[_Loaded]:
    """Each concept file (name and stamp) read, validated and built, or taken from the
    cache when unchanged since the last run."""
    cache: FileCache[_Loaded] = FileCache(project.root, "concepts")
    folder = project.root / GLOSSARY_DIR
    loaded = cached_map(cache, items, lambda names: functools.partial(
        _read_concepts, project, [folder / n for n in names]))
    cache.save()
    return loaded


def _read_concepts(project: Project, paths: list[Path]) -> list[bytes]:
    """In parallel for large glossaries; each result pickled (for the cache) where read."""
    global _PROJECT  # noqa: PLW0603 - the one way to hand a forked pool its inputs
    _PROJECT = project
    workers = os.cpu_count() or 1
    try:
        if workers > 1 and len(paths) >= PARALLEL_FROM:
            gc.freeze()  # keep the collector from touching (and so copying) shared pages
            import multiprocessing  # noqa: PLC0415 - only for large inputs

            with multiprocessing.get_context("fork").Pool(workers, initializer=gc.enable) as pool:
                chunk = max(1, min(128, len(paths) // 32))  # no worker left alone at the end
                return pool.map(_pickled_concept, paths, chunksize=chunk)
        return [_pickled_concept(path) for path in paths]
    finally:
        gc.unfreeze()
        _PROJECT = None


def _pickled_concept(path: Path) -> bytes:
    return pickle.dumps(_concept_task(path), protocol=pickle.HIGHEST_PROTOCOL)


def _concept_task(path: Path) -> _Loaded:
    assert _PROJECT is not None
    loader = _Loader(_PROJECT)
    concept = loader._concept(path)
    return concept, loader.findings, loader.concept_files


def _locale_from(document: YamlDocument, lang: str) -> LocaleGlossary:
    data = document.data if isinstance(document.data, dict) else {}
    entries: dict[str, Entry] = {
        concept_id: entry_from(document, (concept_id,), concept_id, lang)
        for concept_id in data
    }
    return LocaleGlossary(lang, document.path, entries)
