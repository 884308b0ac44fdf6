"""One search index per language, so a reader's search finds pages in their language.

The i18n plugin merges every language's pages into the one index at the site's
root. After the build, that index is split by the language folder each entry
lives in: the source language's stays at the root, each other language's goes to
`<lang>/search/search_index.json` with that language's word rules, and a page
loads its own (see `tooling/theme/main.html`).
"""

from __future__ import annotations

import json
from collections.abc import Collection
from pathlib import Path
from typing import Any

from tooling.fileio import write_atomic
from tooling.project import Project

INDEX = Path("search") / "search_index.json"
LUNR_DIR = Path("assets") / "javascripts" / "lunr" / "min"


def split_search_index(project: Project, site_dir: Path,
                       fallbacks: Collection[str] = ()) -> dict[str, int]:
    """Split the built site's index; returns the number of entries of each language.
    Pages in `fallbacks` (URLs) show the source language in another language's place:
    they are left out, so a search finds only pages in the reader's language."""
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
        config = {**merged.get("config", {}), "lang": _lunr_languages(site_dir, lang)}
        target = path if lang == project.source.code else site_dir / lang / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps({"config": config, "docs": docs}, ensure_ascii=False,
                                        separators=(",", ":")))
    return {lang: len(docs) for lang, docs in by_lang.items()}


def _lunr_languages(site_dir: Path, lang: str) -> list[str]:
    """The language's own word rules (stemming, segmenting) when the theme ships them."""
    return [lang] if (site_dir / LUNR_DIR / f"lunr.{lang}.min.js").is_file() else ["en"]
