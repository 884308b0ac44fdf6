"""The sitemap without the pages that only stand in for a missing translation.

The i18n plugin lists, for every page, an alternate in every language, also where
that language shows the source text as a fallback. Such a page is not that
language's version of the page: its `<url>` and every hreflang link to it go.
"""

from __future__ import annotations

import gzip
import re
from collections.abc import Collection
from pathlib import Path
from urllib.parse import urljoin

from tooling.fileio import write_atomic, write_atomic_bytes

SITEMAP = "sitemap.xml"
_URL_BLOCK = re.compile(r"[ \t]*<url>\s*<loc>([^<]*)</loc>.*?</url>\n?", re.DOTALL)
_ALTERNATE = re.compile(r'[ \t]*<xhtml:link rel="alternate" hreflang="[^"]*" href="([^"]*)"/>\n?')


def clean_sitemap(site_dir: Path, site_url: str, fallbacks: Collection[str]) -> int:
    """Rewrite the built sitemap (and its gzip copy); returns the entries removed."""
    path = site_dir / SITEMAP
    if not path.is_file() or not fallbacks:
        return 0
    absent = {urljoin(site_url, url) for url in fallbacks}
    text = path.read_text("utf-8")
    removed = sum(1 for match in _URL_BLOCK.finditer(text) if match.group(1) in absent)
    text = _URL_BLOCK.sub(lambda m: "" if m.group(1) in absent else m.group(0), text)
    text = _ALTERNATE.sub(lambda m: "" if m.group(1) in absent else m.group(0), text)
    write_atomic(path, text)
    write_atomic_bytes(site_dir / f"{SITEMAP}.gz", gzip.compress(text.encode("utf-8"), mtime=0))
    return removed
