"""The fixture site (tests/data/site), built once and served from a sub-path, and a
headless Chromium to read it with.

The browser is Debian's chromium (`apt-get install chromium`, which .ci/run does), never a
browser Playwright downloads; INTERLEX_CHROMIUM names another binary. axe-core comes from
npm, pinned in tests/e2e/package.json and installed by `nox -s tests` (npm ci).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Dialog, Frame, Page, Route, sync_playwright

from tests.conftest import DATA

HERE = Path(__file__).parent
SUB = "sub"  # the fixture's site_url is https://example.org/sub/
CHROMIUM = os.environ.get("INTERLEX_CHROMIUM", "/usr/bin/chromium")
AXE = HERE / "node_modules" / "axe-core" / "axe.min.js"
LANGUAGES = {"en": "", "fr": "fr/", "ja": "ja/", "ar": "ar/"}  # code -> URL prefix


@dataclass(frozen=True)
class Site:
    root: Path  # the built site: root/index.html is served at base
    base: str  # http://127.0.0.1:PORT/sub/


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the fixture project once, into <tmp>/www/sub, as `interlex build` does."""
    tmp = tmp_path_factory.mktemp("e2e")
    project = tmp / "project"
    shutil.copytree(DATA / "site", project)
    target = tmp / "www" / SUB
    done = subprocess.run(
        [sys.executable, "-m", "tooling", "-C", str(project), "build", "--site-dir", str(target)],
        capture_output=True, text=True, check=False,
        env={**os.environ, "INTERLEX_NO_CACHE": "1"})
    assert done.returncode == 0, done.stderr
    return target


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def site(built_site: Path) -> Iterator[Site]:
    """Serve the folder above the site, so that the site lives at /sub/."""
    handler = functools.partial(_QuietHandler, directory=str(built_site.parent))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(built_site, f"http://127.0.0.1:{server.server_address[1]}/{SUB}/")
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    """One headless Chromium per test module."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"Chromium is needed for the browser tests and {CHROMIUM} does not exist. "
                    "Install Debian's package: `sudo apt-get install -y chromium` (.ci/run does), "
                    "or set INTERLEX_CHROMIUM to a Chromium binary. Do not run `playwright "
                    "install`.", pytrace=False)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def axe_source() -> str:
    """axe-core's browser build, at the version pinned in tests/e2e/package.json."""
    pinned = json.loads((HERE / "package.json").read_text("utf-8"))["dependencies"]["axe-core"]
    installed = AXE.parent / "package.json"
    version = (json.loads(installed.read_text("utf-8"))["version"]
               if installed.is_file() else None)
    if version != pinned or not AXE.is_file():
        pytest.fail(f"axe-core {pinned} is needed for the accessibility tests (found: {version}). "
                    "Install it with `npm ci --prefix tests/e2e` (`nox -s tests` and .ci/run do "
                    "this).", pytrace=False)
    return AXE.read_text("utf-8")


# Every request to a host other than 127.0.0.1 (matched in the browser, so that the
# page's own requests do not each wait for Python).
ELSEWHERE = re.compile(r"^(?!http://127\.0\.0\.1[:/])")

# Runs before any script of every page: an assignment to window.pwned (what the hostile
# fixture concept tries in every way) is reported to the test, and so is any dialog.
TRAP = """
(() => {
  let value;
  Object.defineProperty(window, "pwned", {
    configurable: false,
    get() { return value; },
    set(v) { value = v; window.__interlexScriptRan(String(v)); },
  });
})();
"""


@dataclass
class Tab:
    """A page in a fresh browser context that records, for every page it visits, the
    requests to any host other than 127.0.0.1 (blocked) and any script that ran."""

    base: str
    page: Page = field(init=False)  # opened once the context records everything
    visiting: str = ""  # the URL of the page that made the requests being seen
    problems: list[str] = field(default_factory=list)

    def goto(self, path: str) -> None:
        self.page.goto(self.base + path)

    def navigate(self, action: Callable[[], None], path: str) -> None:
        """Do what leads to base + path (a click) and wait for that page."""
        action()
        self.page.wait_for_url(self.base + path)

    def lang(self) -> str:
        return str(self.page.evaluate("document.documentElement.lang"))

    def note(self, problem: str) -> None:
        self.problems.append(f"{self.visiting}: {problem}")

    def take_problems(self) -> list[str]:
        """What the pages visited so far did wrong: requests to another host, scripts."""
        self.page.evaluate("0")  # a round trip: every event sent before it is handled
        problems, self.problems = self.problems, []
        return problems

    def check(self) -> None:
        problems = self.take_problems()
        assert not problems, ("pages must not request other hosts or run injected scripts:\n  "
                              + "\n  ".join(problems))


@contextmanager
def open_tab(browser: Browser, site: Site) -> Iterator[Tab]:
    """A fresh browser context and page that record what a page must not do."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(10_000)
    opened = Tab(site.base)

    def route(route: Route) -> None:
        opened.note(f"requested {route.request.url}")
        route.abort()

    def navigated(frame: Frame) -> None:
        # Events arrive in order: a request seen after this one came from this page.
        if frame.parent_frame is None:
            opened.visiting = frame.url

    def dialog(dialog: Dialog) -> None:
        opened.note(f"a script opened a dialog: {dialog.message!r}")
        dialog.dismiss()

    context.route(ELSEWHERE, route)
    context.expose_function(
        "__interlexScriptRan", lambda value: opened.note(f"a script set window.pwned = {value!r}"))
    context.add_init_script(TRAP)
    opened.page = context.new_page()
    opened.page.on("framenavigated", navigated)
    opened.page.on("dialog", dialog)
    try:
        yield opened
        opened.page.evaluate("0")  # see Tab.take_problems
    finally:
        context.close()


@pytest.fixture
def tab(browser: Browser, site: Site) -> Iterator[Tab]:
    """A fresh context per test; after it, no page it visited may have run an injected
    script or requested anything from another host."""
    with open_tab(browser, site) as opened:
        yield opened
    if opened.problems:
        pytest.fail("Pages must not request other hosts or run injected scripts:\n  "
                    + "\n  ".join(opened.problems), pytrace=False)
