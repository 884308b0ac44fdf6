"""Find the project and read its languages from `mkdocs.yml`.

`mkdocs.yml` is the one list of languages: the i18n plugin's `languages`, whose
default language is the source. The tooling's own per-language settings live in
the `interlex` plugin's block there too. The file is read with the tooling's
safe loader, which keeps mkdocs' custom tags (`!ENV`, `!!python/name:`) as
opaque values instead of failing on them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tooling.errors import InterlexError
from tooling.findings import Severity, Span
from tooling.yamlload import KeyPath, YamlDocument, load_yaml

CONFIG_FILE = "mkdocs.yml"
MAX_CONFIG_BYTES = 1 << 20


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    span: Span


@dataclass(frozen=True)
class Settings:
    """The `interlex` plugin block; see `tooling.mkdocs_plugin.InterlexConfig`."""

    partial_languages: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Project:
    root: Path
    source: Language
    languages: tuple[Language, ...]
    settings: Settings

    @property
    def translations(self) -> tuple[Language, ...]:
        """Every configured language except the source, in configured order."""
        return tuple(lang for lang in self.languages if lang.code != self.source.code)

    @property
    def codes(self) -> frozenset[str]:
        return frozenset(lang.code for lang in self.languages)

    def language(self, code: str) -> Language:
        return next(lang for lang in self.languages if lang.code == code)

    def select_translations(self, codes: Sequence[str]) -> tuple[Language, ...]:
        """The translation languages named in `codes` (all of them when empty)."""
        known = [lang.code for lang in self.translations]
        unknown = sorted(set(codes) - set(known))
        if unknown:
            raise InterlexError(f"not a translation language: {', '.join(unknown)}; the "
                                f"languages are {', '.join(known)} (see mkdocs.yml)")
        return tuple(lang for lang in self.translations if not codes or lang.code in codes)

    def is_required(self, code: str) -> bool:
        return code not in self.settings.partial_languages


def find_root(start: Path) -> Path:
    """The nearest folder at or above `start` that holds `mkdocs.yml`."""
    start = start.resolve()
    for folder in (start, *start.parents):
        if (folder / CONFIG_FILE).is_file():
            return folder
    raise InterlexError(f"no {CONFIG_FILE} in {start} or any folder above it; run inside an "
                        "Interlex project or pass -C DIR")


def load_project(root: Path) -> Project:
    """Read and validate the language configuration; every problem in one error."""
    path = root / CONFIG_FILE
    if not path.is_file():
        raise InterlexError(f"{path}: not found; pass -C with the folder holding {CONFIG_FILE}")
    result = load_yaml(path, CONFIG_FILE, max_bytes=MAX_CONFIG_BYTES, lenient_tags=True)
    errors = [f for f in result.findings if f.severity is Severity.ERROR]
    if result.document is None or errors:
        first = errors[0]
        raise InterlexError(f"{CONFIG_FILE}:{first.span.line}:{first.span.column}: "
                            f"{first.message}")
    return _ConfigReader(root, result.document).project()


class _ConfigReader:
    def __init__(self, root: Path, document: YamlDocument) -> None:
        self.root = root
        self.document = document
        self.problems: list[str] = []

    def project(self) -> Project:
        data = self.document.data if isinstance(self.document.data, dict) else {}
        plugins = _plugin_blocks(data.get("plugins"))
        languages, source = self._languages(plugins)
        settings = self._settings(plugins, {lang.code for lang in languages})
        if self.problems or source is None:
            raise InterlexError("\n".join(self.problems) if self.problems else
                                "no language is marked 'default: true'")
        return Project(self.root, source, tuple(languages), settings)

    def _problem(self, path: KeyPath, message: str) -> None:
        span = self.document.positions.value(path)
        self.problems.append(f"{CONFIG_FILE}:{span.line}:{span.column}: {message}")

    def _languages(self, plugins: dict[str, tuple[KeyPath, Any]]
                   ) -> tuple[list[Language], Language | None]:
        if "i18n" not in plugins:
            self._problem(("plugins",), "the i18n plugin is not configured; add `- i18n:` with "
                          "its `languages` list (mkdocs-static-i18n)")
            return [], None
        where, block = plugins["i18n"]
        items = block.get("languages") if isinstance(block, dict) else None
        if not isinstance(items, list) or not items:
            self._problem(where, "the i18n plugin has no `languages` list; add one entry per "
                          "language with `locale:`")
            return [], None
        languages: list[Language] = []
        defaults: list[Language] = []
        for index, item in enumerate(items):
            language = self._language((*where, "languages", index), item, languages)
            if language is not None:
                languages.append(language)
                if isinstance(item, dict) and item.get("default") is True:
                    defaults.append(language)
        if len(defaults) != 1:
            self._problem((*where, "languages"), f"exactly one language needs `default: true` "
                          f"(the source language); found {len(defaults)}")
        return languages, defaults[0] if defaults else None

    def _language(self, path: KeyPath, item: Any, seen: list[Language]) -> Language | None:
        code = item.get("locale") if isinstance(item, dict) else None
        if not isinstance(code, str) or not code:
            self._problem(path, "each language needs a `locale:` code such as `fr`")
            return None
        if any(lang.code == code for lang in seen):
            self._problem(path, f"language '{code}' is listed twice; remove one")
            return None
        name = item.get("name")
        return Language(code, name if isinstance(name, str) else code,
                        self.document.positions.value(path))

    def _settings(self, plugins: dict[str, tuple[KeyPath, Any]], codes: set[str]) -> Settings:
        where, block = plugins.get("interlex", (("plugins",), None))
        partial = block.get("partial_languages", []) if isinstance(block, dict) else []
        if not isinstance(partial, list) or not all(isinstance(c, str) for c in partial):
            self._problem((*where, "partial_languages"),
                          "`partial_languages` must be a list of locale codes")
            return Settings()
        for index, code in enumerate(partial):
            if code not in codes:
                self._problem((*where, "partial_languages", index),
                              f"'{code}' is not a language of the i18n plugin; add it there "
                              "or remove it here")
        return Settings(frozenset(partial))


def _plugin_blocks(plugins: Any) -> dict[str, tuple[KeyPath, Any]]:
    """Plugin name -> (key path of its block, its config); mkdocs allows a list or a mapping."""
    blocks: dict[str, tuple[KeyPath, Any]] = {}
    if isinstance(plugins, dict):
        for name, config in plugins.items():
            blocks[name] = (("plugins", name), config)
    elif isinstance(plugins, list):
        for index, item in enumerate(plugins):
            if isinstance(item, str):
                blocks[item] = (("plugins", index), None)
            elif isinstance(item, dict) and len(item) == 1:
                name, config = next(iter(item.items()))
                blocks[name] = (("plugins", index, name), config)
    return blocks
