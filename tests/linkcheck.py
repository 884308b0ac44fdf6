"""A link checker for built sites: every href and src of every HTML page, relative or
under the site's own URL, must lead to a file, and every #anchor to an element id."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import lxml.html

EXTERNAL = ("http:", "https:", "mailto:", "data:")


@dataclass
class Links:
    root: Path
    """The folder served at `site_url`."""
    site_url: str
    ids: dict[Path, set[str]] = field(default_factory=dict)
    checked: int = 0

    @property
    def sub(self) -> str:
        return urlsplit(self.site_url).path  # such as /sub/

    @property
    def served(self) -> str:
        """Where each page is resolved from, as when served."""
        return "http://site.invalid" + self.sub

    def anchors(self, page: Path) -> set[str]:
        if page not in self.ids:
            tree = lxml.html.parse(page)
            self.ids[page] = {str(value) for value in tree.xpath("//@id | //a/@name")}
        return self.ids[page]

    def target(self, url: str) -> Path | None:
        """The file that URL (absolute, under `served`) is served from, if there is one."""
        path = unquote(urlsplit(url).path)
        if not path.startswith(self.sub) or ".." in path.split("/"):
            return None
        file = self.root / path.removeprefix(self.sub)
        if path.endswith("/") or file.is_dir():
            file = file / "index.html"
        return file if file.is_file() else None

    def broken(self, page: Path, link: str) -> str | None:
        """Why `link` on `page` is broken, or None if it leads where it says."""
        if link.startswith(self.site_url):  # canonical links and the like
            link = self.served + link.removeprefix(self.site_url)
        elif link.lower().startswith(EXTERNAL) or link.startswith("//"):
            return None
        elif link.lower().startswith("javascript:"):
            return "a javascript: URL"
        self.checked += 1
        relative = page.relative_to(self.root).as_posix()
        here = self.served + (relative.removesuffix("index.html")
                              if relative.endswith("index.html") else relative)
        url = urljoin(here, link)
        target = self.target(url)
        if target is None:
            return f"no file for {urlsplit(url).path} (resolved from {here})"
        fragment = unquote(urlsplit(url).fragment)
        if fragment and target.suffix == ".html" and fragment not in self.anchors(target):
            return f"no element with id {fragment!r} in {target.relative_to(self.root)}"
        return None

    def check_pages(self, pages: list[Path]) -> list[str]:
        """Every broken link of these pages, named by page, attribute and link."""
        broken: list[str] = []
        for page in pages:
            for element in lxml.html.parse(page).iter():
                for attribute in ("href", "src"):
                    link = element.get(attribute)
                    if link is not None and (why := self.broken(page, link.strip())):
                        broken.append(f"{page.relative_to(self.root)}: {attribute}={link!r}: "
                                      f"{why}")
        return broken
