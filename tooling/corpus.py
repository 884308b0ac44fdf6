"""All guidance documents of a project, read and scanned once per run."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from tooling.documents import Document, document_keys, load_document
from tooling.findings import Finding
from tooling.markdown_scan import ScannedDocument, scan
from tooling.matcher import LanguageMatcher, Match
from tooling.model import Entry, Glossary
from tooling.project import Project


@dataclass(frozen=True)
class ScannedFile:
    document: Document
    scanned: ScannedDocument


@dataclass(frozen=True)
class Corpus:
    files: Mapping[str, Mapping[str, ScannedFile]]
    """Language -> path within the language folder -> file."""
    findings: tuple[Finding, ...]

    def get(self, lang: str, key: str) -> ScannedFile | None:
        return self.files.get(lang, {}).get(key)


def load_corpus(project: Project) -> Corpus:
    files: dict[str, dict[str, ScannedFile]] = {}
    findings: list[Finding] = []
    for lang in project.languages:
        files[lang.code] = {}
        for key in document_keys(project, lang.code):
            loaded = load_document(project, lang.code, key)
            findings.extend(loaded.findings)
            document = loaded.document
            if document is None:
                continue
            title = (document.title, document.title_offset) if (
                document.title is not None and document.title_offset is not None) else None
            files[lang.code][key] = ScannedFile(document, scan(document.text, title))
    return Corpus(files, tuple(findings))


class Matchers:
    """One matcher per language, built on first use, from that language's entries."""

    def __init__(self, glossary: Glossary, source: str) -> None:
        self.glossary = glossary
        self.source = source
        self.built: dict[str, LanguageMatcher] = {}
        self.cache: dict[tuple[str, str, int], list[Match]] = {}

    def entries(self, lang: str) -> Iterable[Entry]:
        if lang == self.source:
            return [concept.entry for concept in self.glossary.concepts.values()]
        locale = self.glossary.locales.get(lang)
        return locale.entries.values() if locale else []

    def get(self, lang: str) -> LanguageMatcher:
        if lang not in self.built:
            self.built[lang] = LanguageMatcher(lang, self.entries(lang))
        return self.built[lang]

    def find(self, lang: str, key: str, block: int, text: str) -> list[Match]:
        """Matches in one block of one document, computed once per run."""
        cached = self.cache.get((lang, key, block))
        if cached is None:
            cached = self.get(lang).find(text)
            self.cache[(lang, key, block)] = cached
        return cached
