"""Putting glossary text into generated Markdown: always as text, never as markup.

Glossary files come from pull requests; a definition holding `<script>`, a
`[link](javascript:...)` or `**` must show those characters, not act on them.
Every character Markdown or HTML would read as syntax is escaped here.
"""

from __future__ import annotations

import html
import json
import re
from urllib.parse import urlsplit

_MARKDOWN_PUNCTUATION = re.compile(r"([\\`*_{}\[\]()#+\-.!|])")
"""What Python-Markdown (with `tables`, which MkDocs always loads) lets a backslash escape."""
_SAFE_SCHEMES = ("http", "https", "mailto")
_TITLE_LOOKALIKES = str.maketrans({"<": "‹", ">": "›", '"': "”", "'": "’", "&": "＆"})


def inline(text: str) -> str:
    """Text for a Markdown paragraph, heading or cell: one line, nothing interpreted."""
    flat = " ".join(text.split())
    return _MARKDOWN_PUNCTUATION.sub(r"\\\1", html.escape(flat, quote=False))


def attribute(text: str) -> str:
    """Text for a double-quoted HTML attribute."""
    return html.escape(" ".join(text.split()), quote=True)


def page_title(text: str) -> str:
    """A front-matter title. Themes print titles unescaped (MkDocs templates do not
    autoescape) and through `striptags`, which turns entities back into `<`, so
    characters that could open a tag or end an attribute become look-alikes."""
    return json.dumps(" ".join(text.translate(_TITLE_LOOKALIKES).split()), ensure_ascii=False)


def safe_url(url: str | None) -> str | None:
    """The URL when it is http(s) or mailto; None for `javascript:` and the like."""
    if not url:
        return None
    scheme = urlsplit(url.strip()).scheme.lower()
    return url.strip() if scheme in _SAFE_SCHEMES else None


def relative_url(from_url: str, to_url: str) -> str:
    """The link from page URL `from_url` to `to_url`, both site-relative
    (`fr/guidance/x/` or `fr/guidance/x.html`): relative, so any sub-path works.
    (Plain list work: this runs for every link of thousands of pages.)"""
    base = from_url.split("/")[:-1]  # the page's folder: `x/` is a folder, `x.html` is not
    *target, name = to_url.split("/")
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    parts = [".."] * (len(base) - common) + target[common:]
    link = "/".join([*parts, name]) if parts else name
    return link or "./"


def heading(text: str, level: int = 2) -> str:
    return f"{'#' * level} {inline(text)}\n"

