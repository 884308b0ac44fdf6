"""What a reader sees in a real browser (headless Chromium) on the fixture site, served
from a sub-path: the language switcher, term tooltips, search, right-to-left layout,
notices, and hostile glossary text that must stay text.

Every test's `tab` also fails it if any page it visited requested another host than
127.0.0.1 or ran a script the page did not ship (see conftest.py)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import LANGUAGES, Tab


def test_the_recorder_sees_scripts_and_requests_to_other_hosts(tab: Tab) -> None:
    """The checks of every other test can fail: what they look for is recorded."""
    tab.goto("")
    tab.page.add_script_tag(content="window.pwned = 'probe'")
    tab.page.evaluate("fetch('https://fonts.googleapis.com/css').catch(() => null)")
    tab.page.wait_for_load_state("networkidle")
    probes = [f"{tab.base}: a script set window.pwned = 'probe'",
              f"{tab.base}: requested https://fonts.googleapis.com/css"]
    assert [problem for problem in tab.problems if problem in probes] == probes
    for probe in probes:
        tab.problems.remove(probe)


def _switch_language(tab: Tab, name: str, path: str) -> None:
    """Pick a language in Material's language selector (a menu shown on hover)."""
    selector = tab.page.locator(".md-header .md-select")
    selector.hover()
    link = selector.get_by_role("link", name=name, exact=True)
    expect(link).to_be_visible()
    tab.navigate(link.click, path)


@pytest.mark.parametrize(("start", "target"), [("guide/testing/", "fr/guide/testing/"),
                                               ("", "fr/")], ids=["guide", "home"])
def test_switching_language_keeps_the_page(tab: Tab, start: str, target: str) -> None:
    tab.goto(start)
    assert tab.lang() == "en"
    _switch_language(tab, "Français", target)
    assert tab.page.url == tab.base + target
    assert tab.lang() == "fr"


DEFINITIONS = {"en": "Systematic measurement of what an AI system can do",
               "fr": "Mesure systématique",
               "ja": "AIシステムができることとその振る舞いの体系的な測定"}


@pytest.mark.parametrize("lang", DEFINITIONS)
def test_a_term_shows_its_definition_in_the_pages_language(tab: Tab, lang: str) -> None:
    tab.goto(LANGUAGES[lang] + "guide/testing/")
    term = tab.page.locator("a.interlex-term").first
    expect(term).to_have_attribute("data-concept", "evaluation")
    term.hover()
    # content.tooltips turns the link's title into this tooltip, which the link names
    # with aria-describedby.
    tooltip = tab.page.locator(".md-tooltip2--active[role=tooltip]")
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text(DEFINITIONS[lang])
    expect(term).to_have_attribute("aria-describedby", str(tooltip.get_attribute("id")))


QUERIES = {"en": "evaluation", "fr": "évaluation", "ja": "評価"}


@pytest.mark.parametrize("lang", QUERIES)
def test_search_finds_a_term_in_the_pages_language_only(tab: Tab, lang: str) -> None:
    prefix = LANGUAGES[lang]
    tab.goto(prefix + "guide/testing/")
    box = tab.page.locator("input.md-search__input")
    box.click()
    box.fill(QUERIES[lang])
    box.press("End")  # Material searches on keyup
    results = tab.page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    links = [str(href) for href in results.evaluate_all("links => links.map(a => a.href)")]
    assert links, "no search result"
    assert tab.base + prefix + "glossary/evaluation/" in links, links
    others = tuple(tab.base + p for code, p in LANGUAGES.items() if code not in ("en", lang))
    wrong = [link for link in links
             if not link.startswith(tab.base + prefix) or link.startswith(others)]
    assert wrong == [], f"results of another language: {wrong}"


def test_arabic_pages_are_right_to_left(tab: Tab) -> None:
    direction = "element => getComputedStyle(element).direction"
    for path in ("ar/", "ar/guide/testing/"):
        tab.goto(path)
        assert tab.lang() == "ar"
        assert tab.page.locator("body").evaluate(direction) == "rtl"
        assert tab.page.locator(".md-content").evaluate(direction) == "rtl"
        english = tab.page.locator(".md-content div[lang=en][dir=ltr]")  # the fallback text
        expect(english).to_have_count(1)
        assert english.evaluate(direction) == "ltr"


@pytest.mark.parametrize(("path", "notices"), [
    ("guide/testing/", []),
    ("fr/guide/testing/", ["outdated", "draft"]),
    ("ar/guide/testing/", ["fallback"]),
], ids=["en", "fr", "ar"])
def test_notices_are_visible_where_they_apply(tab: Tab, path: str, notices: list[str]) -> None:
    tab.goto(path)
    shown = tab.page.locator("[data-interlex-notice]").all()
    assert [notice.get_attribute("data-interlex-notice") for notice in shown] == notices
    assert all(notice.is_visible() for notice in shown)


def test_screenshots_of_a_concept_page(tab: Tab, tmp_path_factory: pytest.TempPathFactory,
                                       ) -> None:
    """Full-page PNGs for a person to look at: INTERLEX_SCREENSHOTS=DIR keeps them."""
    folder = Path(os.environ.get("INTERLEX_SCREENSHOTS")
                  or tmp_path_factory.mktemp("screenshots"))
    folder.mkdir(parents=True, exist_ok=True)
    for lang in ("en", "fr", "ja"):
        tab.goto(LANGUAGES[lang] + "glossary/red-teaming/")
        shot = folder / f"red-teaming-{lang}.png"
        tab.page.screenshot(path=shot, full_page=True)
        data = shot.read_bytes()
        assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 20_000, (shot, len(data))
        width, height = (int.from_bytes(data[at:at + 4], "big") for at in (16, 20))
        assert width == 1280 and height >= 800, (shot, width, height)


HOSTILE = {  # lang -> the term and the start of the definition, shown as text
    "en": ("<b>markup</b> test", "A <script>window.pwned = 3</script> <img src=x onerror="),
    "fr": ("<i>essai</i> de balisage", "Un <script>window.pwned = 6</script> texte."),
    "ar": ("<b>markup</b> test", "A <script>window.pwned = 3</script> <img src=x onerror="),
}


@pytest.mark.parametrize("lang", HOSTILE)
def test_hostile_glossary_text_runs_no_script_and_requests_nothing_elsewhere(
        tab: Tab, lang: str) -> None:
    term, definition = HOSTILE[lang]
    tab.goto(LANGUAGES[lang] + "glossary/markup-test/")
    expect(tab.page.locator("h1")).to_contain_text(term)
    expect(tab.page.locator(".md-content")).to_contain_text(definition)
    assert tab.page.locator(".md-content :is(h1 b, h1 i, script, img)").count() == 0
    for element in tab.page.locator(".md-content [title]").element_handles():
        element.hover()  # every tooltip of the page
    assert tab.page.evaluate("typeof window.pwned") == "undefined"
    tab.check()
