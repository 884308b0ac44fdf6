"""Every internal link of the built fixture site leads somewhere: each href and src of
every HTML page (relative links, links to downloads, the absolute hreflang and canonical
URLs under site_url), and each #anchor to an element id of its target page; and so does
every URL of the sitemap and of each language's search index. No browser."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.etree
import lxml.html

from tests.e2e.conftest import SUB

SITE_URL = f"https://example.org/{SUB}/"  # the fixture's site_url
ROOT = f"http://site.invalid/{SUB}/"  # where each page is resolved from, as when served
EXTERNAL = ("http:", "https:", "mailto:", "data:")


@dataclass
class Links:
    root: Path
    ids: dict[Path, set[str]] = field(default_factory=dict)
    checked: int = 0

    def anchors(self, page: Path) -> set[str]:
        if page not in self.ids:
            tree = lxml.html.parse(page)
            self.ids[page] = {str(value) for value in tree.xpath("//@id | //a/@name")}
        return self.ids[page]

    def target(self, url: str) -> Path | None:
        """The file that URL (absolute, under ROOT) is served from, if there is one."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(f"/{SUB}/") or ".." in path.split("/"):
            return None
        file = self.root / path.removeprefix(f"/{SUB}/")
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    def broken(self, page: Path, link: str) -> str | None:
        """Why `link` on `page` is broken, or None if it leads where it says."""
        if link.startswith(SITE_URL):  # hreflang and canonical links
            link = ROOT + link.removeprefix(SITE_URL)
        elif link.lower().startswith(EXTERNAL) or link.startswith("//"):
            return None
        elif link.lower().startswith("javascript:"):
            return "a javascript: URL"
        self.checked += 1
        relative = page.relative_to(self.root).as_posix()
        here = ROOT + (relative.removesuffix("index.html") if relative.endswith("index.html")
                       else relative)
        url = urljoin(here, link)
        target = self.target(url)
        if target is None:
            return f"no file for {urlsplit(url).path} (resolved from {here})"
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.anchors(target):
            return f"no element with id {fragment!r} in {target.relative_to(self.root)}"
        return None


def test_every_internal_link_leads_somewhere(built_site: Path) -> None:
    links = Links(built_site)
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) == 37  # 9 pages in each of 4 languages, and 404.html
    broken: list[str] = []
    for page in pages:
        tree = lxml.html.parse(page)
        for element in tree.iter():
            for attribute in ("href", "src"):
                link = element.get(attribute)
                if link is not None and (why := links.broken(page, link.strip())):
                    broken.append(f"{page.relative_to(built_site)}: {attribute}={link!r}: {why}")
    assert not broken, f"{broken[0]} (and {len(broken) - 1} more broken links)"
    print(f"{links.checked} internal links checked on {len(pages)} pages")
    assert links.checked > 900  # every page links its languages, sections and terms


def test_the_checker_finds_broken_links(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    page = tmp_path / "a" / "index.html"
    page.write_text('<p id="x">', "utf-8")
    (tmp_path / "f.csv").write_text("x", "utf-8")
    links = Links(tmp_path)
    assert [links.broken(page, link) for link in
            ("#x", "../f.csv", "../a/#x", f"{SITE_URL}a/", "https://else.org/", "../a")
            ] == [None] * 6
    assert links.broken(page, "#y") == "no element with id 'y' in a/index.html"
    assert links.broken(page, "../b/") == (f"no file for /{SUB}/b/ (resolved from {ROOT}a/)")
    assert links.broken(page, "../../") == (f"no file for / (resolved from {ROOT}a/)")
    assert links.broken(page, f"{SITE_URL}g.csv") is not None
    assert links.broken(page, "javascript:alert(1)") == "a javascript: URL"


def test_sitemap_and_search_results_lead_somewhere(built_site: Path) -> None:
    links = Links(built_site)
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
