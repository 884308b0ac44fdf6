from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import write
from tooling.project import load_project
from tooling.sitegen.runtime import SiteBuild


def test_terms_of_retired_concepts_are_left_alone(project: Callable[[str], Path]) -> None:
    root = project("site")
    concept = root / "glossary" / "red-teaming.yaml"
    write(concept, concept.read_text("utf-8").replace("status: approved", "status: retired"))
    site = SiteBuild(load_project(root))
    page = site.page_markdown("Red teaming and evaluation.\n", lang="en", content_lang="en",
                              key="guide/x.md", meta={}, page_url="guide/x/")
    assert page == ('Red teaming and <a href="../../glossary/evaluation/" class="interlex-term" '
                    'title="evaluation: Systematic measurement of what an AI system can do and '
                    'how it behaves." data-concept="evaluation">evaluation</a>.\n')
