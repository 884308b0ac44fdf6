"""Documents as files: missing, orphan and stale translations, and broken links."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from tooling.corpus import Corpus, ScannedFile
from tooling.documents import document_hash
from tooling.findings import FILE_START, Finding, Severity
from tooling.markdown_scan import heading_slug
from tooling.model import Glossary
from tooling.project import Project

GLOSSARY_PREFIX = "glossary/"


def check(glossary: Glossary, corpus: Corpus, project: Project) -> Iterator[Finding]:
    source = project.source.code
    sources = corpus.files.get(source, {})
    for lang in project.translations:
        files = corpus.files.get(lang.code, {})
        severity = Severity.WARNING if project.is_required(lang.code) else Severity.INFO
        for key, file in sources.items():
            translation = files.get(key)
            if translation is None:
                yield Finding("missing-translation", severity, file.document.path, FILE_START,
                              f"'{key}' has no {lang.code} translation; add "
                              f"content/{lang.code}/{key}", lang=lang.code)
            else:
                yield from _stale(file, translation)
        for key, file in files.items():
            if key not in sources:
                yield Finding("orphan-translation", Severity.WARNING, file.document.path,
                              FILE_START, f"no source document content/{source}/{key}; "
                              "remove this translation or restore its source",
                              lang=lang.code)
    for lang_code, files in corpus.files.items():
        for file in files.values():
            yield from _links(glossary, corpus, lang_code, source, file)


def _stale(source: ScannedFile, translation: ScannedFile) -> Iterator[Finding]:
    current = document_hash(source.document)
    recorded = translation.document.source_hash
    path = translation.document.path
    lang = translation.document.lang
    pin = f"`interlex translations pin --lang {lang} {translation.document.key}`"
    if recorded is None:
        yield Finding("stale-document", Severity.WARNING, path, FILE_START,
                      f"no source_hash in the front matter, so staleness is unknown; check "
                      f"it against {source.document.path}, then run {pin}", lang=lang,
                      suggestion=current)
    elif recorded != current:
        yield Finding("stale-document", Severity.WARNING, path, FILE_START,
                      f"{source.document.path} changed since this translation was made "
                      f"({recorded}, now {current}); see `interlex status --diff {path}`, "
                      f"update it, then run {pin}", lang=lang, found=recorded,
                      suggestion=current)


def _links(glossary: Glossary, corpus: Corpus, lang: str, source: str, file: ScannedFile
           ) -> Iterator[Finding]:
    for block in file.scanned.blocks:
        for link in block.links:
            problem = _link_problem(glossary, corpus, (lang, source), file, link.target)
            if problem:
                span = file.scanned.span(link.offset, link.offset + 1)
                yield Finding("broken-link", Severity.ERROR, file.document.path, span, problem,
                              lang=lang, found=link.target)


def _link_problem(glossary: Glossary, corpus: Corpus, langs: tuple[str, str],
                  file: ScannedFile, target: str) -> str | None:
    """What is wrong with a link, if anything; `langs` is (this language, the source)."""
    lang, source = langs
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return None  # external, or absolute on the site: not checked here
    path = unquote(parts.path)
    key = file.document.key
    if path:
        key = posixpath.normpath(posixpath.join(posixpath.dirname(key), path))
        if key.startswith(GLOSSARY_PREFIX):
            concept = posixpath.splitext(key[len(GLOSSARY_PREFIX):].rstrip("/"))[0]
            if concept in glossary.concept_files or concept in ("", "index"):
                return None
            return f"link to glossary concept '{concept}', which does not exist"
        if key.endswith("/"):
            key += "index.md"
    target_file = corpus.get(lang, key) or corpus.get(source, key)
    if target_file is None:
        return _missing_file(corpus, lang, file, key, path)
    if parts.fragment and parts.fragment not in {
            heading_slug(h.prose.text) for h in target_file.scanned.headings if h.prose}:
        return f"no heading with the anchor '#{parts.fragment}' in {target_file.document.path}"
    return None


def _missing_file(corpus: Corpus, lang: str, file: ScannedFile, key: str, path: str
                  ) -> str | None:
    if not path.endswith(".md") and "." in posixpath.basename(path):
        return None  # an image or download: assets are not tracked here
    if key.startswith(".."):
        return f"link to '{path}' leaves the content of language '{lang}'"
    return f"link to '{path}': no page content/{lang}/{key} (nor in the source language)"
