from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from tests.conftest import write
from tooling.glossary import load_glossary
from tooling.project import load_project
from tooling.sitegen.search import segmenter_dictionary, split_search_index


def _index(site: Path, *locations: str) -> None:
    docs = [{"location": loc, "title": loc, "text": ""} for loc in locations]
    write(site / "search" / "search_index.json",
          json.dumps({"config": {"lang": ["en", "fr"], "separator": "x"}, "docs": docs}))


def test_the_index_is_split_by_language(project: Callable[[str], Path], tmp_path: Path) -> None:
    loaded = load_project(project("minimal"))
    site = tmp_path / "site"
    _index(site, "", "glossary/x/", "fr/", "fr/glossary/x/#def", "fr/guide/")
    write(site / "assets" / "javascripts" / "lunr" / "min" / "lunr.fr.min.js", "")
    theme = tmp_path / "theme" / "partials" / "languages"
    write(theme / "fr.html", '  "search.config.lang": "fr",\n  "search.config.pipeline": '
          '"trimmer, stemmer",\n  "search.config.separator": "[\\\\s\\\\u200b]+",\n')
    counts = split_search_index(loaded, site, {"fr/guide/"}, [tmp_path / "nowhere",
                                                               tmp_path / "theme"])
    assert counts == {"en": 2, "fr": 2}
    french = json.loads((site / "fr" / "search" / "search_index.json").read_text())
    assert french["config"] == {"lang": ["fr"], "separator": "[\\s\\u200b]+",
                                "pipeline": ["trimmer", "stemmer"]}
    assert [d["location"] for d in french["docs"]] == ["fr/", "fr/glossary/x/#def"]
    english = json.loads((site / "search" / "search_index.json").read_text())
    assert english["config"] == {"lang": ["en"], "separator": "x"}


def test_nothing_to_split_without_an_index(project: Callable[[str], Path],
                                           tmp_path: Path) -> None:
    assert split_search_index(load_project(project("minimal")), tmp_path) == {}


def test_chinese_terms_become_one_word_each(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    config = root / "mkdocs.yml"
    write(config, config.read_text().replace("          name: Français\n", (
        "          name: Français\n        - locale: zh\n          name: 中文\n")))
    loaded = load_project(root)
    assert segmenter_dictionary(loaded, load_glossary(loaded).glossary) is None
    write(root / "locales" / "zh" / "glossary.yaml", "evaluation:\n  terms:\n    - term: 评估\n"
          "      status: preferred\n    - term: AI 评估\n      status: admitted\n")
    glossary = load_glossary(loaded).glossary
    path = segmenter_dictionary(loaded, glossary)
    assert path == root / ".interlex-cache" / "jieba-zh.txt"
    assert path.read_text("utf-8") == "评估 100000\n"
    stamp = path.stat().st_mtime_ns
    assert segmenter_dictionary(loaded, glossary) == path and path.stat().st_mtime_ns == stamp
