from __future__ import annotations

from tooling.sitegen.urls import in_navigation, page_url


def test_page_urls_follow_mkdocs_and_the_i18n_plugin() -> None:
    assert page_url("en", "index.md", "en") == ""
    assert page_url("fr", "index.md", "en") == "fr/"
    assert page_url("fr", "glossary/index.md", "en") == "fr/glossary/"
    assert page_url("fr", "glossary/x.md", "en") == "fr/glossary/x/"
    assert page_url("en", "glossary/x.md", "en", directory_urls=False) == "glossary/x.html"
    assert page_url("fr", "glossary/index.md", "en", directory_urls=False) == (
        "fr/glossary/index.html")
    assert page_url("en", "index.md", "en", directory_urls=False) == "index.html"
    assert page_url("en", "notes", "en") == "notes/"


def test_concept_pages_stay_out_of_the_navigation() -> None:
    assert not in_navigation("glossary/red-teaming.md")
    assert in_navigation("glossary/index.md") and in_navigation("glossary/status.md")
    assert in_navigation("glossary/downloads.md") and in_navigation("glossary/domains/risks.md")
    assert in_navigation("guidance/x.md") and in_navigation("index.md")
