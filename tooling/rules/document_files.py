"""Documents as files: missing, orphan and stale translations, and broken links."""

from __future__ import annotations

import posixpath
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from tooling.corpus import Analysis, Corpus, Matchers
from tooling.findings import FILE_START, Finding, Severity
from tooling.project import Project

GLOSSARY_PREFIX = "glossary/"


def check(matchers: Matchers, corpus: Corpus, project: Project) -> Iterator[Finding]:
    source = project.source.code
    sources = corpus.files.get(source, {})
    for lang in project.translations:
        files = corpus.files.get(lang.code, {})
        severity = Severity.WARNING if project.is_required(lang.code) else Severity.INFO
        for key, original in sources.items():
            translation = files.get(key)
            if translation is None:
                yield Finding("missing-translation", severity, original.path, FILE_START,
                              f"'{key}' has no {lang.code} translation; add "
                              f"content/{lang.code}/{key}", lang=lang.code)
            else:
                yield from _stale(original, translation)
        for key, translation in files.items():
            if key not in sources:
                yield Finding("orphan-translation", Severity.WARNING, translation.path,
                              FILE_START, f"no source document content/{source}/{key}; "
                              "remove this translation or restore its source",
                              lang=lang.code)
    for analysis in corpus.analyses():
        yield from _links(matchers, corpus, source, analysis)


def _stale(original: Analysis, translation: Analysis) -> Iterator[Finding]:
    current = original.content_hash
    recorded = translation.source_hash
    lang = translation.lang
    pin = f"`interlex translations pin --lang {lang} {translation.key}`"
    if recorded is None:
        yield Finding("stale-document", Severity.WARNING, translation.path, FILE_START,
                      f"no source_hash in the front matter, so staleness is unknown; check "
                      f"it against {original.path}, then run {pin}", lang=lang,
                      suggestion=current)
    elif recorded != current:
        yield Finding("stale-document", Severity.WARNING, translation.path, FILE_START,
                      f"{original.path} changed since this translation was made "
                      f"({recorded}, now {current}); see `interlex status --diff "
                      f"{translation.path}`, update it, then run {pin}", lang=lang,
                      found=recorded, suggestion=current)


def _links(matchers: Matchers, corpus: Corpus, source: str, analysis: Analysis
           ) -> Iterator[Finding]:
    for link in analysis.links:
        problem = _link_problem(matchers, corpus, source, analysis, link.target)
        if problem:
            yield Finding("broken-link", Severity.ERROR, analysis.path, link.span, problem,
                          lang=analysis.lang, found=link.target)


def _link_problem(matchers: Matchers, corpus: Corpus, source: str, analysis: Analysis,
                  target: str) -> str | None:
    """What is wrong with a link, if anything."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or target.startswith("/"):
        return None  # external, or absolute on the site: not checked here
    path = unquote(parts.path)
    key = analysis.key
    if path:
        key = posixpath.normpath(posixpath.join(posixpath.dirname(key), path))
        if key.startswith(GLOSSARY_PREFIX):
            concept = posixpath.splitext(key[len(GLOSSARY_PREFIX):].rstrip("/"))[0]
            if concept in matchers.facts.concept_ids or concept in ("", "index"):
                return None
            return f"link to glossary concept '{concept}', which does not exist"
        if path.endswith("/"):  # a folder: its index page (normpath dropped the slash)
            key += "/index.md"
    target_file = corpus.get(analysis.lang, key) or corpus.get(source, key)
    if target_file is None:
        return _missing_file(analysis.lang, key, path)
    if parts.fragment and parts.fragment not in target_file.slugs:
        return f"no heading with the anchor '#{parts.fragment}' in {target_file.path}"
    return None


def _missing_file(lang: str, key: str, path: str) -> str | None:
    if not path.endswith(".md") and "." in posixpath.basename(path):
        return None  # an image or download: assets are not tracked here
    if key.startswith(".."):
        return f"link to '{path}' leaves the content of language '{lang}'"
    return f"link to '{path}': no page content/{lang}/{key} (nor in the source language)"
