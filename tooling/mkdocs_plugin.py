"""The `interlex` MkDocs plugin: a thin adapter from MkDocs events to the core.

Its config block in `mkdocs.yml` also carries the tooling's per-language
settings, which the command line reads from the same place. The i18n plugin
builds each language by running the whole build again inside the first one's
`on_post_build`; `depth` tells the outer build (which generates the glossary
pages once for every language) from those inner ones.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

from jinja2 import MemcachedBytecodeCache
from mkdocs.config import base
from mkdocs.config import config_options as c
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from tooling.check import run_check
from tooling.editions import EDITION_VARIABLE, HISTORY_VARIABLE, Edition, read_history
from tooling.findings import Severity
from tooling.glossary import load_glossary
from tooling.project import Project, load_project
from tooling.site import CHECKED_VARIABLE
from tooling.sitegen.report_pages import write_exports
from tooling.sitegen.runtime import SiteBuild
from tooling.sitegen.search import segmenter_dictionary, split_search_index
from tooling.sitegen.sections import section_title
from tooling.sitegen.sitemap import write_sitemap
from tooling.sitegen.urls import in_navigation

log = logging.getLogger("mkdocs.plugins.interlex")
THEME_DIR = str(Path(__file__).resolve().parent / "theme")
MIKE_VERSION_VARIABLE = "MIKE_DOCS_VERSION"
"""Set by `mike deploy` for the build of a version."""


class InterlexConfig(base.Config):  # type: ignore[no-untyped-call]
    partial_languages = c.ListOfItems(c.Type(str), default=[])
    """Languages still being translated: a missing translation there is reported as info,
    not as a warning. Every other language of the i18n plugin is required."""

    check = c.Type(bool, default=True)
    """Check the glossary before each build; errors are logged as warnings, so that
    `mkdocs build --strict` fails on them."""


class InterlexPlugin(BasePlugin[InterlexConfig]):  # type: ignore[no-untyped-call]
    def __init__(self) -> None:
        self.depth = 0
        self.site: SiteBuild | None = None
        self.edition: Edition | None = None
        self.templates = MemcachedBytecodeCache(_CompiledTemplates())
        self.root_url: str | None = None
        """site_url as mkdocs.yml gives it, before any plugin adds a version to it."""
        self.project: Project | None = None

    @event_priority(100)  # before the search plugin reads its jieba dictionary
    def _config_first(self, config: Any) -> Any:
        if self.root_url is None:
            self.root_url = config.site_url
        self.edition = self._edition(config)
        # Interlex's templates (head links, Swahili interface strings) come with the
        # plugin; a project's own custom_dir, first in the list, still overrides them.
        dirs = config.theme.dirs
        if THEME_DIR not in dirs:
            dirs.insert(1 if config.theme.custom_dir else 0, THEME_DIR)
        search = config.plugins.get("material/search")
        if search is not None and not search.config.jieba_dict_user:
            project = load_project(Path(config.config_file_path).parent)
            glossary = load_glossary(project).glossary
            dictionary = segmenter_dictionary(project, glossary)
            if dictionary is not None:
                search.config.jieba_dict_user = str(dictionary)
        return config

    def _edition(self, config: Any) -> Edition | None:
        """The edition `interlex publish` builds (it says so in the environment): the
        site's URLs then live under the edition's own folder."""
        name = os.environ.get(EDITION_VARIABLE)
        root = config.site_url or "/"
        if not name:
            return None
        if not root.endswith(f"/{name}/"):
            config.site_url = root = urljoin(root, f"{name}/")
        history_file = os.environ.get(HISTORY_VARIABLE)
        history = read_history(Path(history_file)) if history_file else ()
        return Edition(name, root, config.site_author or config.site_name, history)

    @event_priority(-200)  # after mike's plugin, if a project lists it, and the i18n plugin
    def _config_last(self, config: Any) -> Any:
        # mike's own plugin appends its version to site_url without a slash (links made
        # from it read `.../2.0fr/`), again in each language's build: one stable value.
        version = os.environ.get(MIKE_VERSION_VARIABLE)
        if version and self.root_url:
            config.site_url = urljoin(self.root_url, version.strip("/") + "/")
        return config

    on_config = CombinedEvent(_config_first, _config_last)

    def on_pre_build(self, *, config: Any) -> None:
        self.depth += 1
        if self.depth > 1:
            return
        self.project = load_project(Path(config.config_file_path).parent)
        if self.config.check and not os.environ.get(CHECKED_VARIABLE):
            self._check(self.project)
        self.site = SiteBuild(self.project, config.use_directory_urls, self.edition)
        generated = self.site.generated
        log.info(f"Glossary pages: {len(generated.written)} written, {generated.unchanged} "
                 f"unchanged, {len(generated.removed)} removed")

    def _check(self, project: Project) -> None:
        for finding in run_check(project).findings:
            where = f"{finding.path}:{finding.span.line}:{finding.span.column}"
            line = f"{where}: {finding.rule}: {finding.message}"
            if finding.severity is Severity.ERROR:
                log.warning(line)
            else:
                log.debug(line)

    def on_files(self, files: Files, *, config: Any) -> Files:
        # Before the i18n plugin (priority -100) sorts the files into languages.
        assert self.site is not None
        lang = _language(config, self.site)
        for file in [f for f in files if not self.site.belongs_to_build(f.src_uri, lang)]:
            files.remove(file)
        return files

    @event_priority(-110)  # after the i18n plugin has made the language's navigation
    def on_nav(self, nav: Navigation, *, config: Any, files: Any) -> Navigation:
        # Thousands of concept pages would each render a navigation of thousands of
        # entries; they are reached from the glossary's index instead.
        assert self.site is not None
        gettext = self.site.context(_language(config, self.site)).gettext
        nav.items = _prune(nav.items, gettext)
        nav.pages = [page for page in nav.pages if in_navigation(_key(page))]
        return nav

    def on_env(self, env: Any, *, config: Any, files: Any) -> Any:
        # The i18n plugin makes a new template environment for each language's build,
        # which compiles the theme again: the compiled templates are kept for them all.
        env.bytecode_cache = self.templates
        return env

    def on_page_markdown(self, markdown: str, *, page: Page, config: Any, files: Any) -> str:
        assert self.site is not None
        return self.site.page_markdown(
            markdown, lang=_language(config, self.site), content_lang=_content_lang(page, config,
                                                                                    self.site),
            key=_key(page), meta=page.meta, page_url=page.url)

    def on_page_content(self, html: str, *, page: Page, config: Any, files: Any) -> str:
        assert self.site is not None
        return self.site.page_html(html, lang=_language(config, self.site),
                                   content_lang=_content_lang(page, config, self.site),
                                   key=_key(page), page_url=page.url)

    def on_page_context(self, context: Any, *, page: Page, config: Any, nav: Any) -> Any:
        assert self.site is not None
        alternates = {code: file.url for code, file in getattr(page.file, "alternates", {}).items()}
        links = self.site.page_extras(_language(config, self.site), _key(page), alternates)
        context["interlex"] = links
        # The i18n plugin leaves absolute links on home pages, which escape a version
        # alias such as latest/ (mike); site-relative ones work under any path.
        # (the i18n plugin sets `extra.alternate` as an attribute, which is what templates
        # read first, and which is not the mapping's item)
        for alternate in getattr(config.extra, "alternate", None) or []:
            alternate["link"] = links.switcher.get(alternate.get("lang"), alternate["link"])
            alternate["name"] = links.names.get(alternate.get("lang"), alternate["name"])
        return context

    def on_post_page(self, output: str, *, page: Page, config: Any) -> str:
        assert self.site is not None
        return self.site.page_output(output, _language(config, self.site))

    @event_priority(-110)  # after the i18n plugin has built every language
    def on_post_build(self, *, config: Any) -> None:
        self.depth -= 1
        if self.depth or self.site is None:
            return
        site_dir = Path(config.site_dir)
        write_exports(self.site.project, self.site.model.glossary, site_dir)
        split_search_index(self.site.project, site_dir, self.site.fallback_urls,
                           [Path(folder) for folder in config.theme.dirs],
                           self.site.search_entries)
        write_sitemap(site_dir, config.site_url or "/", self.site.pages,
                      self.site.project.source.code)

    def on_build_error(self, *, error: Exception) -> None:
        self.depth = 0


class _CompiledTemplates:
    """An in-memory store for Jinja's bytecode cache (the memcached interface)."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def get(self, key: str) -> bytes:
        return self.compiled.get(key, b"")  # empty: not compiled yet

    def set(self, key: str, value: bytes, timeout: int | None = None) -> None:
        self.compiled[key] = value


def _language(config: Any, site: SiteBuild) -> str:
    """The language being built: the i18n plugin builds one at a time."""
    i18n = config.plugins.get("i18n")
    return str(getattr(i18n, "current_language", None) or site.project.source.code)


def _content_lang(page: Page, config: Any, site: SiteBuild) -> str:
    """The language the page's file is written in (the source for a fallback)."""
    return str(getattr(page.file, "locale", None) or _language(config, site))


def _key(page: Any) -> str:
    """The page's path inside its language folder."""
    file = page.file
    return str(getattr(file, "norm_src_uri", None) or file.src_uri)


def _prune(items: list[Any], gettext: Callable[[str], str]) -> list[Any]:
    kept = []
    for item in items:
        if isinstance(item, Section):  # never left empty: the glossary has its index
            item.title = section_title(item.title, gettext)
            item.children = _prune(item.children, gettext)
        if not isinstance(item, Page) or in_navigation(_key(item)):
            kept.append(item)
    return kept
