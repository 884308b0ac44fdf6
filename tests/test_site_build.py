"""A real MkDocs build of the site fixture (en, fr, ja, and ar as a partial language),
with assertions on the HTML every reader gets."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import DATA


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("site") / "project"
    shutil.copytree(DATA / "site", root)
    done = subprocess.run([sys.executable, "-m", "tooling", "-C", str(root), "build"],
                          capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert "Glossary pages: 28 written, 0 unchanged, 0 removed" in done.stderr
    return root / "site"


def _page(site: Path, path: str) -> str:
    return (site / path / "index.html").read_text("utf-8")


def _notices(html: str) -> list[str]:
    return re.findall(r'data-interlex-notice="(\w+)"', html)


def test_concept_pages_in_every_language(site: Path) -> None:
    for lang in ("", "fr/", "ja/", "ar/"):
        for concept in ("evaluation", "red-teaming", "markup-test"):
            assert (site / f"{lang}glossary/{concept}/index.html").is_file()
    french = _page(site, "fr/glossary/evaluation")
    assert '<h1 id="evaluation">évaluation<a class="headerlink"' in french
    assert "<td><strong>évaluation</strong></td><td>privilégié</td>" in french
    assert '<h2 id="definition">Définition' in french  # from the fixture's messages.po
    assert 'Source term (English): <span lang="en">evaluation</span>' in french
    assert ('<tr><td><a href="../../../ja/glossary/evaluation/" hreflang="ja" lang="ja">日本語'
            '</a></td><td><span lang="ja" dir="ltr">評価</span></td><td>draft</td></tr>'
            ) in french
    japanese = _page(site, "ja/glossary/evaluation")
    assert "<td><strong>評価</strong> (ひょうか)</td>" in japanese


def test_fuzzy_interface_strings_are_not_used(site: Path) -> None:
    french = _page(site, "fr/glossary/red-teaming")
    assert "<td>équipe rouge</td><td>admitted</td>" in french


def test_guidance_links_terms_once_with_tooltips(site: Path) -> None:
    english = _page(site, "guide/testing")
    assert ('<p>An <a href="../../glossary/evaluation/" class="interlex-term" title="evaluation: '
            'Systematic measurement of what an AI system can do and how it behaves." '
            'data-concept="evaluation">evaluation</a> measures a system. Every evaluation is '
            'planned.</p>') in english
    assert ('<p><a href="../../glossary/red-teaming/" class="interlex-term" title="red teaming: '
            'Structured probing of an AI system by people acting as adversaries, to find '
            'failures." data-concept="red-teaming">Red teaming</a> is one kind of <a href="../../">'
            'evaluation work</a>, and <code>evaluation</code> in code is not a term.</p>'
            ) in english
    assert '<h1 id="evaluation-and-red-teaming">Evaluation and red teaming' in english
    japanese = _page(site, "ja/guide/testing")
    assert ('<p>システムの<a href="../../glossary/evaluation/" class="interlex-term" title="評価: '
            'AIシステムができることとその振る舞いの体系的な測定。" data-concept="evaluation">評価'
            '</a>は測定である。') in japanese
    assert ('<p><a href="../../glossary/red-teaming/" class="interlex-term" title="レッドチーミング'
            ': 敵対者の役割を担う人々による、AIシステムの欠陥を見つけるための構造化された検証。" '
            'data-concept="red-teaming">レッドチーミング</a>は') in japanese


def test_notices_are_honest(site: Path) -> None:
    assert _notices(_page(site, "guide/testing")) == []
    assert _notices(_page(site, "fr/guide/testing")) == ["outdated", "draft"]
    assert _notices(_page(site, "fr/index.html".removesuffix("index.html"))) == ["draft"]
    assert _notices(_page(site, "ja/guide/testing")) == []
    assert _notices(_page(site, "ja/")) == ["draft"]
    assert _notices(_page(site, "ar/guide/testing")) == ["fallback"]
    assert _notices(_page(site, "fr/glossary/red-teaming")) == ["outdated"]
    assert _notices(_page(site, "fr/glossary/evaluation")) == ["draft"]
    assert _notices(_page(site, "ja/glossary/red-teaming")) == []
    assert _notices(_page(site, "ja/glossary/markup-test")) == ["fallback"]
    french = _page(site, "fr/guide/testing")
    assert '<p class="admonition-title">Traduction provisoire</p>' in french
    assert ("<p>The English text has changed since this translation was made; the translation "
            "does not yet include the changes.</p>") in french


def test_language_and_direction(site: Path) -> None:
    arabic = _page(site, "ar/guide/testing")
    assert '<html lang="ar" class="no-js">' in arabic and '<body dir="rtl">' in arabic
    assert '<div lang="en" dir="ltr">' in arabic  # the English shown in its place
    assert ("This text is not yet available in العربية. It is shown in English.") in arabic
    assert '<html lang="ja" class="no-js">' in _page(site, "ja/glossary/evaluation")
    assert '<body dir="ltr">' in _page(site, "ja/glossary/evaluation")
    concept = _page(site, "ja/glossary/markup-test")
    assert '<h1 dir="ltr" id="bmarkupb-test" lang="en">&lt;b&gt;markup&lt;/b&gt; test' in concept


def test_hreflang_lists_only_real_translations(site: Path) -> None:
    # In the sitemap, not in page heads (Material's JavaScript reads those as language roots).
    assert '<link rel="alternate"' not in _page(site, "guide/testing")
    sitemap = (site / "sitemap.xml").read_text("utf-8")
    entry = sitemap[sitemap.index("<loc>https://example.org/sub/guide/testing/</loc>"):]
    assert entry[:entry.index("</url>")] == (
        "<loc>https://example.org/sub/guide/testing/</loc>\n"
        '    <xhtml:link rel="alternate" hreflang="en" href="https://example.org/sub/guide/'
        'testing/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="fr" href="https://example.org/sub/fr/guide/'
        'testing/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="ja" href="https://example.org/sub/ja/guide/'
        'testing/"/>\n'
        '    <xhtml:link rel="alternate" hreflang="x-default" href="https://example.org/sub/'
        'guide/testing/"/>\n  ')
    assert "https://example.org/sub/ja/guide/testing/" in sitemap
    assert "https://example.org/sub/ar/guide/testing/" not in sitemap
    assert "<loc>https://example.org/sub/ar/glossary/</loc>" in sitemap
    assert "<loc>https://example.org/sub/ar/glossary/evaluation/</loc>" not in sitemap


def test_accessibility_fixes_of_the_theme(site: Path) -> None:
    french = _page(site, "fr/guide/testing")
    assert ('<div class="md-search" data-md-component="search" role="dialog" '
            'aria-label="Search">') in french
    assert ".md-typeset a.interlex-term { text-decoration: underline dotted;" in french
    arabic = _page(site, "ar/guide/testing")
    # The fixture has no Arabic catalog: the notice is in English, and says so.
    assert ('<div class="admonition info interlex-notice interlex-fallback" lang="en" '
            'data-interlex-notice="fallback">') in arabic


def test_status_page_figures(site: Path) -> None:
    status = _page(site, "glossary/status")
    rows = re.findall(r"<tr>\s*<td><span lang=\"(\w+)\">[^<]*</span></td>((?:\s*<td>\d+</td>)+)",
                      status)
    figures = [(lang, re.findall(r"\d+", cells)) for lang, cells in rows]
    # Language, total, approved, reviewed, draft, outdated, missing: concepts, then documents.
    assert figures == [
        ("fr", ["3", "0", "0", "2", "1", "0"]), ("ja", ["3", "1", "0", "1", "0", "1"]),
        ("ar", ["3", "0", "0", "0", "0", "3"]),
        ("fr", ["2", "0", "0", "1", "1", "0"]), ("ja", ["2", "1", "0", "1", "0", "0"]),
        ("ar", ["2", "0", "0", "0", "0", "2"])]


def test_downloads_are_built_and_linked(site: Path) -> None:
    page = _page(site, "fr/glossary/downloads")
    for name in ("interlex-glossary.tbx", "interlex-glossary.csv", "interlex-glossary.json",
                 "interlex-glossary.jsonld"):
        assert f'<a href="../../../downloads/{name}" download>{name}</a>' in page
        assert (site / "downloads" / name).stat().st_size > 0


def test_index_in_each_languages_order(site: Path) -> None:
    japanese = _page(site, "ja/glossary")
    headings = re.findall(r'<h2 id="[^"]*">([^<]+)<', japanese)
    assert headings == ["ひ", "れ", "Not yet translated into 日本語"]
    french = _page(site, "fr/glossary")
    assert re.findall(r'<h2 id="[^"]*">([^<]+)<', french) == ["#", "E", "R"]


def test_each_language_searches_its_own_pages(site: Path) -> None:
    def locations(path: str) -> set[str]:
        index = json.loads((site / path).read_text("utf-8"))
        return {doc["location"].partition("#")[0] for doc in index["docs"]}

    assert all(not loc.startswith(("fr/", "ja/", "ar/"))
               for loc in locations("search/search_index.json"))
    assert all(loc.startswith("fr/") for loc in locations("fr/search/search_index.json"))
    arabic = locations("ar/search/search_index.json")
    assert "ar/guide/testing/" not in arabic and "ar/glossary/evaluation/" not in arabic
    assert "ar/glossary/" in arabic
    assert json.loads((site / "ja/search/search_index.json").read_text())["config"]["lang"] == [
        "ja"]


def test_no_request_leaves_the_site(site: Path) -> None:
    external = re.compile(r'<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?//')
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        found = [m.group(0) for m in external.finditer(text)
                 if 'rel="alternate"' not in m.group(0) and 'rel="canonical"' not in m.group(0)]
        assert found == [], page


def test_hostile_glossary_text_stays_text(site: Path) -> None:
    for path in ("glossary/markup-test", "fr/glossary/markup-test", "ar/glossary/markup-test"):
        html = _page(site, path)
        assert "<script>window" not in html and "<img src=x" not in html
        assert 'href="javascript:' not in html and "<b>markup</b>" not in html
    english = _page(site, "glossary/markup-test")
    assert "<title>‹b›markup‹/b› test - Site fixture</title>" in english
    assert ("A &lt;script&gt;window.pwned = 3&lt;/script&gt; &lt;img src=x onerror=&quot;window."
            "pwned = 4&quot;&gt; [link](javascript:window.pwned=5) **bold** &quot;quoted&quot; "
            "&amp; more.") in english


def test_navigation_sections_are_translated_and_concepts_left_out(site: Path) -> None:
    french = _page(site, "fr/guide/testing")
    sections = re.findall(r'<label class="md-nav__link" for="__nav_\d+" id="__nav_\d+_label" '
                          r'tabindex="0">\s*<span class="md-ellipsis">\s*([^<\s][^<]*?)\s*<',
                          french)
    assert sections == ["Glossaire", "Guide"]
    assert 'href="../../glossary/evaluation/"' in french  # the term link
    assert french.count("glossary/evaluation/") == 1  # and not a navigation entry


def test_per_term_notices_in_tooltips_and_native_language_names(site: Path) -> None:
    french = _page(site, "fr/guide/testing")
    assert ('title="red teaming (Outdated translation): Mise à l’épreuve structurée d’un système '
            'd’IA par des personnes jouant l’adversaire."') in french
    arabic = _page(site, "ar/guide/testing")
    assert ('title="evaluation (English): Systematic measurement of what an AI system can do '
            'and how it behaves."') in arabic
    names = re.findall(r'hreflang="(\w+)" class="md-select__link">\s*([^<\s][^<]*?)\s*<', french)
    assert names == [("en", "English"), ("fr", "Français"), ("ja", "日本語"), ("ar", "العربية")]
