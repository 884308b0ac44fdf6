from __future__ import annotations

import gzip
from pathlib import Path

from tooling.sitegen.sitemap import BuiltPage, write_sitemap


def test_pages_only_in_their_real_languages(tmp_path: Path) -> None:
    pages = [BuiltPage("en", "a.md", "a/", True), BuiltPage("fr", "a.md", "fr/a/", True),
             BuiltPage("ar", "a.md", "ar/a/", False), BuiltPage("fr", "only.md", "fr/only/", True)]
    assert write_sitemap(tmp_path, "https://example.org/s/", pages, "en") == 3
    text = (tmp_path / "sitemap.xml").read_text()
    assert text == (
        '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/'
        'sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
        "  <url>\n    <loc>https://example.org/s/a/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/s/a/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/s/fr/a/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/s/a/"/>\n'
        "  </url>\n  <url>\n    <loc>https://example.org/s/fr/a/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/s/a/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/s/fr/a/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/s/a/"/>\n'
        "  </url>\n  <url>\n    <loc>https://example.org/s/fr/only/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/s/fr/only/"/>\n'
        "  </url>\n</urlset>\n")
    assert gzip.decompress((tmp_path / "sitemap.xml.gz").read_bytes()).decode() == text
