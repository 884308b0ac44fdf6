"""Where each generated page lives, in the docs folder and on the site."""

from __future__ import annotations

GLOSSARY = "glossary"
INDEX = f"{GLOSSARY}/index.md"
STATUS = f"{GLOSSARY}/status.md"
DOWNLOADS = f"{GLOSSARY}/downloads.md"
DOMAINS = f"{GLOSSARY}/domains"
CHANGES = f"{GLOSSARY}/changes.md"


def concept_key(concept_id: str) -> str:
    return f"{GLOSSARY}/{concept_id}.md"


def domain_key(domain_id: str) -> str:
    return f"{DOMAINS}/{domain_id}.md"


def page_url(lang: str, key: str, source: str, directory_urls: bool = True) -> str:
    """The site URL of page `key` (a path in a language folder) in `lang`, as MkDocs and
    the i18n plugin give it: the source language at the root, others under `lang/`."""
    stem = key[:-3] if key.endswith(".md") else key
    if stem == "index" or stem.endswith("/index"):
        path = stem[: -len("index")]
    else:
        path = f"{stem}/" if directory_urls else f"{stem}.html"
    if not directory_urls and (not path or path.endswith("/")):
        path += "index.html"
    return path if lang == source else f"{lang}/{path}"


def in_navigation(key: str) -> bool:
    """Whether a page belongs in the navigation: every page but the concept pages."""
    folder, _, name = key.rpartition("/")
    return folder != GLOSSARY or f"{folder}/{name}" in (INDEX, STATUS, DOWNLOADS, CHANGES)
