"""axe-core on every kind of page in every language of the fixture site: no serious or
critical violation, each page says its own language, and (as everywhere) no page requests
another host."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser

from tests.e2e.conftest import LANGUAGES, Site, Tab, open_tab

PAGES = {
    "home": "",
    "guide": "guide/testing/",
    "concept": "glossary/red-teaming/",
    "index": "glossary/",
    "domain": "glossary/domains/testing-evaluation/",
    "status": "glossary/status/",
    "downloads": "glossary/downloads/",
}
SERIOUS = ("serious", "critical")


def _describe(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"]:
            summary = " / ".join(line.strip() for line in node["failureSummary"].splitlines()[1:])
            html = " ".join(node["html"].split())[:160]
            lines.append(f"    {json.dumps(node['target'])} {html}: {summary}")
    return "\n".join(lines)


@pytest.fixture(scope="module")
def shared_tab(browser: Browser, site: Site) -> Iterator[Tab]:
    """One context for the 28 pages: each test reads the problems of its own page."""
    with open_tab(browser, site) as opened:
        yield opened


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("kind", PAGES)
def test_no_serious_accessibility_violation(shared_tab: Tab, axe_source: str, lang: str,
                                            kind: str) -> None:
    tab = shared_tab
    tab.goto(LANGUAGES[lang] + PAGES[kind])
    failures = [] if tab.lang() == lang else [f'<html lang="{tab.lang()}">, not "{lang}"']
    tab.page.add_script_tag(content=axe_source)
    violations: list[dict[str, Any]] = tab.page.evaluate(
        "axe.run(document, {resultTypes: ['violations']}).then(result => result.violations)")
    if serious := [v for v in violations if v["impact"] in SERIOUS]:
        failures.append(_describe(serious))
    failures += tab.take_problems()
    if failures:
        pytest.fail(f"{tab.page.url}:\n" + "\n".join(failures), pytrace=False)
