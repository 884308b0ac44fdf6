"""The sitemap, with every page's hreflang alternates, written after the build.

The i18n plugin's own sitemap lists, for every page, an alternate in every language,
also where a language only shows the source text in a translation's place, and it
needs every language's files in every language's build to know them. Interlex
knows which pages each language really has, so it writes the sitemap itself: a
page appears in the languages it exists in, each with the others as alternates
and the source language's as x-default.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin
from xml.sax.saxutils import quoteattr

from tooling.fileio import write_atomic, write_atomic_bytes

SITEMAP = "sitemap.xml"


@dataclass(frozen=True)
class BuiltPage:
    lang: str
    key: str
    """The page's path within its language folder: the same in every language."""
    url: str
    """Site-relative."""
    translated: bool
    """False where the page shows the source language in the translation's place."""


def write_sitemap(site_dir: Path, site_url: str, pages: Iterable[BuiltPage], source: str) -> int:
    """Write sitemap.xml and sitemap.xml.gz; returns the number of URLs listed."""
    by_key: dict[str, dict[str, str]] = {}
    for page in pages:
        if page.translated:
            by_key.setdefault(page.key, {})[page.lang] = urljoin(site_url, page.url)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" '
             'xmlns:xhtml="http://www.w3.org/1999/xhtml">']
    count = 0
    for key in sorted(by_key):
        urls = by_key[key]
        alternates = [(lang, urls[lang]) for lang in sorted(urls)]
        if source in urls:
            alternates.append(("x-default", urls[source]))
        for lang in sorted(urls):
            count += 1
            lines.append(f"  <url>\n    <loc>{_escape(urls[lang])}</loc>")
            lines += [f'    <xhtml:link rel="alternate" hreflang="{code}" href={quoteattr(url)}/>'
                      for code, url in alternates]
            lines.append("  </url>")
    lines.append("</urlset>\n")
    text = "\n".join(lines)
    write_atomic(site_dir / SITEMAP, text, durable=False)
    write_atomic_bytes(site_dir / f"{SITEMAP}.gz", gzip.compress(text.encode("utf-8"), mtime=0))
    return count


def _escape(url: str) -> str:
    return url.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
