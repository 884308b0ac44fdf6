"""One search index per language, so a reader's search finds pages in their language.

The i18n plugin merges every language's pages into the one index at the site's
root. After the build, that index is split by the language folder each entry
lives in: the source language's stays at the root, each other language's goes to
`<lang>/search/search_index.json` with that language's word rules, and a page
loads its own (see `tooling/theme/main.html`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from tooling.cache import CACHE_DIR
from tooling.fileio import write_atomic
from tooling.model import Glossary
from tooling.project import Project

INDEX = Path("search") / "search_index.json"
LUNR_DIR = Path("assets") / "javascripts" / "lunr" / "min"
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_WORD_FREQUENCY = 100_000
"""High enough that jieba prefers the whole term to splitting it."""
_SEARCH_SETTING = re.compile(r'"search\.config\.(\w+)": "((?:[^"\\]|\\.)*)"')


def split_search_index(project: Project, site_dir: Path, fallbacks: Collection[str] = (),
                       theme_dirs: Sequence[Path] = (),
                       extra: Callable[[str], list[dict[str, str]]] | None = None
                       ) -> dict[str, int]:
    """Split the built site's index; returns the number of entries of each language.
    Pages in `fallbacks` (URLs) show the source language in another language's place:
    they are left out, so a search finds only pages in the reader's language. Each
    index gets its language's word rules from the theme's language files in
    `theme_dirs` (Material declares them per language, but writes one index)."""
    path = site_dir / INDEX
    if not path.is_file():
        return {}
    merged: dict[str, Any] = json.loads(path.read_text("utf-8"))
    prefixes = {lang.code: f"{lang.code}/" for lang in project.translations}
    by_lang: dict[str, list[Any]] = {lang.code: [] for lang in project.languages}
    for doc in merged.get("docs", []):
        location = str(doc.get("location", ""))
        if location.partition("#")[0] in fallbacks:
            continue
        lang = next((code for code, prefix in prefixes.items() if location.startswith(prefix)),
                    project.source.code)
        by_lang[lang].append(doc)
    for lang, docs in by_lang.items():
        if extra is not None:
            docs += [{**entry, "title": segment_han(entry["title"]),
                      "text": segment_han(entry["text"])} for entry in extra(lang)]
        config = {**merged.get("config", {}), **_language_config(site_dir, theme_dirs, lang)}
        target = path if lang == project.source.code else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                                        separators=(",", ":")), durable=False)
    return {lang: len(docs) for lang, docs in by_lang.items()}


def _language_config(site_dir: Path, theme_dirs: Sequence[Path], lang: str) -> dict[str, Any]:
    declared = {**_declared(theme_dirs, "en"), **_declared(theme_dirs, lang)}
    lunr = declared.get("lang", lang)
    config: dict[str, Any] = {
        # The language's own word rules (stemming, segmenting) when the theme ships them.
        "lang": [lunr if (site_dir / LUNR_DIR / f"lunr.{lunr}.min.js").is_file() else "en"]}
    if "separator" in declared:
        config["separator"] = declared["separator"]
    if "pipeline" in declared:
        config["pipeline"] = [p for p in re.split(r"\s*,\s*", declared["pipeline"].strip()) if p]
    return config


def _declared(theme_dirs: Sequence[Path], lang: str) -> dict[str, str]:
    """The `search.config.*` values in the first `partials/languages/<lang>.html` found."""
    for folder in theme_dirs:
        path = folder / "partials" / "languages" / f"{lang}.html"
        if path.is_file():
            return {key: json.loads(f'"{value}"') for key, value
                    in _SEARCH_SETTING.findall(path.read_text("utf-8"))}
    return {}


def segmenter_dictionary(project: Project, glossary: Glossary, lang: str = "zh") -> Path | None:
    """A jieba user dictionary of the language's glossary terms, so the search plugin,
    which segments Chinese text with jieba, keeps each term one word: a reader's search
    for a term then finds it. Written to the cache folder; None without such terms."""
    locale = glossary.locales.get(lang)
    words = sorted({term.text for entry in (locale.entries.values() if locale else ())
                    for term in entry.terms if term.text and not any(c.isspace()
                                                                     for c in term.text)})
    if not words:
        return None
    path = project.root / CACHE_DIR / f"jieba-{lang}.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    text = "".join(f"{word} {_WORD_FREQUENCY}\n" for word in words)
    if not path.is_file() or path.read_text("utf-8") != text:
        write_atomic(path, text)
    return path


def segment_han(text: str) -> str:
    """Chinese characters cut into words, each between zero-width spaces, as the search
    plugin does for the pages it indexes (with the glossary's terms as words, see
    `segmenter_dictionary`), so that entries are searched alike."""
    if not _HAN.search(text):
        return text
    import jieba  # noqa: PLC0415 - loaded only when there is Chinese text

    def cut(match: re.Match[str]) -> str:
        return "\u200b" + "\u200b".join(jieba.cut(match.group(0))) + "\u200b"

    return _HAN.sub(cut, text).strip("\u200b")
