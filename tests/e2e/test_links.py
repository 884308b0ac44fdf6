"""Every internal link of the built fixture site leads somewhere: each href and src of
every HTML page (relative links, links to downloads, the absolute hreflang and canonical
URLs under site_url), and each #anchor to an element id of its target page; and so does
every URL of the sitemap and of each language's search index. No browser."""

from __future__ import annotations

import json
from pathlib import Path

import lxml.etree

from tests.e2e.conftest import SUB
from tests.linkcheck import Links

SITE_URL = f"https://example.org/{SUB}/"  # the fixture's site_url
ROOT = f"http://site.invalid/{SUB}/"  # where each page is resolved from, as when served


def _links(root: Path) -> Links:
    return Links(root, SITE_URL)


def test_every_internal_link_leads_somewhere(built_site: Path) -> None:
    links = _links(built_site)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) == 37  # 9 pages in each of 4 languages, and 404.html
    broken = links.check_pages(pages)
    assert not broken, f"{broken[0]} (and {len(broken) - 1} more broken links)"
    print(f"{links.checked} internal links checked on {len(pages)} pages")
    assert links.checked > 850  # every page links its languages, sections and terms


def test_the_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text('<p id="x">', "utf-8")
    (tmp_path / "f.csv").write_text("x", "utf-8")
    links = _links(tmp_path)
    assert [links.broken(page, link) for link in
            ("#x", "../f.csv", "../a/#x", f"{SITE_URL}a/", "https://else.org/", "../a")
            ] == [None] * 6
    assert links.broken(page, "#y") == "no element with id 'y' in a/index.html"
    assert links.broken(page, "../b/") == (f"no file for /{SUB}/b/ (resolved from {ROOT}a/)")
    assert links.broken(page, "../../") == (f"no file for / (resolved from {ROOT}a/)")
    assert links.broken(page, f"{SITE_URL}g.csv") is not None
    assert links.broken(page, "javascript:alert(1)") == "a javascript: URL"


def test_sitemap_and_search_results_lead_somewhere(built_site: Path) -> None:
    links = _links(built_site)
    found = lxml.etree.parse(built_site / "sitemap.xml").xpath(
        "//s:loc/text() | //x:link/@href", namespaces={
            "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
            "x": "http://www.w3.org/1999/xhtml"})
    assert isinstance(found, list)
    urls = [str(url) for url in found]
    assert len(urls) > 37 and all(url.startswith(SITE_URL) for url in urls)
    for index in sorted(built_site.glob("**/search/search_index.json")):
        urls += [SITE_URL + doc["location"]
                 for doc in json.loads(index.read_text("utf-8"))["docs"]]
    home = built_site / "index.html"
    broken = [f"{url}: {why}" for url in urls if (why := links.broken(home, url))]
    assert broken == []
    assert links.checked == len(urls)
    print(f"{links.checked} sitemap and search result URLs checked")
