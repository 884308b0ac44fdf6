"""What a site build does to each page, with what it loaded once for the whole build."""

from __future__ import annotations

import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from tooling.corpus import Matchers
from tooling.documents import document_hash, load_document
from tooling.editions import Edition
from tooling.project import Project
from tooling.sitegen.context import PageContext
from tooling.sitegen.generate import Generated, generate
from tooling.sitegen.messages import translations
from tooling.sitegen.notices import Notice
from tooling.sitegen.sitemap import BuiltPage
from tooling.sitegen.termlinks import TermLink, link_terms
from tooling.sitegen.text import attribute, relative_url
from tooling.sitegen.urls import GLOSSARY, concept_key, page_url
from tooling.sitegen.views import direction, native_name
from tooling.status import State


@dataclass(frozen=True)
class PageExtras:
    """What `tooling/theme/main.html` and the language selector need of a page. (Its
    hreflang alternates are in the sitemap, not in its head: Material's JavaScript takes
    every `link rel=alternate` of a head for a language's root and fetches a sitemap
    there, which from a page's URL, or another host, goes wrong.)"""

    search_index: str | None
    """The language's own search index, site-relative (None for the source language)."""
    switcher: Mapping[str, str]
    """Language to the site-relative URL the language selector offers: the same page."""
    names: Mapping[str, str]
    """Language to its name in the selector: in its own language and script."""
    edition: str | None
    """The edition being built, if `interlex publish` builds one."""
    outdated: str
    """The notice on an edition that is not the latest (Material shows it only then)."""
    outdated_link: str


_THEME_ALTERNATE = re.compile(r'[ \t]*<link rel="alternate" href="[^"]*" hreflang="[^"]*">\n?')
"""Material's hreflang links, one per language root (see `PageExtras`): the sitemap has
each page's real alternates."""
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'
"""Material's search dialog, which has no accessible name."""


class SiteBuild:
    """One build of the whole site (every language): pages generated, matchers built."""

    def __init__(self, project: Project, directory_urls: bool = True,
                 edition: Edition | None = None) -> None:
        self.project = project
        self.directory_urls = directory_urls
        self.edition = edition
        self.generated: Generated = generate(project, directory_urls, edition)
        self.model = self.generated.model
        self.matchers = Matchers.of(self.model.glossary, project.source.code)
        self.pages: list[BuiltPage] = []
        """Every page built, in every language, for the sitemap and the search index."""
        self._contexts: dict[str, PageContext] = {}
        self._source_hashes: dict[str, str | None] = {}

    def context(self, lang: str) -> PageContext:
        if lang not in self._contexts:
            self._contexts[lang] = PageContext(self.model, lang, translations(
                self.project, lang).gettext, self.directory_urls, self.edition)
        return self._contexts[lang]

    def _source_hash(self, key: str) -> str | None:
        if key not in self._source_hashes:
            source = load_document(self.project, self.project.source.code, key).document
            self._source_hashes[key] = document_hash(source) if source else None
        return self._source_hashes[key]

    def page_markdown(self, markdown: str, *, lang: str, content_lang: str, key: str,
                      meta: Mapping[str, Any], page_url: str) -> str:
        """A guidance page's Markdown with its notices and term links; generated glossary
        pages come with their own and are returned as they are."""
        if key.startswith(GLOSSARY + "/"):
            return markdown
        ctx = self.context(lang)
        notices = "".join(ctx.notice(n) for n in self._notices(lang, content_lang, key, meta))
        linked = link_terms(markdown, self.matchers.get(content_lang),
                            lambda concept: self._term_link(ctx, concept, page_url))
        return f"{notices}\n{linked}" if notices else linked

    def _notices(self, lang: str, content_lang: str, key: str,
                 meta: Mapping[str, Any]) -> list[Notice]:
        if lang == self.project.source.code:
            return []
        if content_lang != lang:
            return [Notice.FALLBACK]
        found = []
        if meta.get("source_hash") != self._source_hash(key):
            found.append(Notice.OUTDATED)
        if meta.get("review", "draft") == "draft":
            found.append(Notice.DRAFT)
        return found

    def _term_link(self, ctx: PageContext, concept: str, page_url: str) -> TermLink | None:
        view = ctx.model.views[ctx.lang].get(concept)
        if view is None:
            return None
        href = relative_url(page_url, ctx.url(ctx.lang, concept_key(concept)))
        _ = ctx.gettext
        label = view.label
        if view.fallback:  # the tooltip says the definition is not in the reader's language
            label = f"{label} ({ctx.language_name(view.content_lang)})"
        elif view.state is State.STALE:
            label = f"{label} ({_('Outdated translation')})"
        tooltip = f"{label}: {view.entry.definition}" if view.entry.definition else label
        return TermLink(concept, href, tooltip)

    def page_html(self, html: str, *, lang: str, content_lang: str, key: str,
                  page_url: str) -> str:
        """A page shown in another language than the reader's says so to the browser,
        so it is read aloud, hyphenated and searched as that language."""
        translated = content_lang == lang and not self._is_fallback_concept(lang, key)
        self.pages.append(BuiltPage(lang, key, page_url, translated))
        if content_lang == lang:
            return html
        return (f'<div lang="{attribute(content_lang)}" dir="{direction(content_lang)}">'
                f"{html}</div>")

    @property
    def fallback_urls(self) -> set[str]:
        """Pages that show the source language in a translation's place."""
        return {page.url for page in self.pages if not page.translated}

    def belongs_to_build(self, src_uri: str, lang: str) -> bool:
        """Whether a file takes part in `lang`'s build. Other languages' glossary pages do
        not: every language has all of its own, and the i18n plugin would otherwise go
        through every language's thousands of pages in each language's build."""
        code, _, rest = src_uri.partition("/")
        return code == lang or code not in self.project.codes or \
            not rest.startswith(GLOSSARY + "/")

    def page_extras(self, lang: str, key: str, alternates: Mapping[str, str]) -> PageExtras:
        """`alternates` maps languages to the site-relative URL of the page there, as the
        i18n plugin knows it (it does not know glossary pages, which exist in every
        language: see `belongs_to_build`)."""
        source = self.project.source.code
        if key.startswith(GLOSSARY + "/"):
            alternates = {code: page_url(code, key, source, self.directory_urls)
                          for code in self.project.codes}
        index = None if lang == source else f"{lang}/search/search_index.json"
        switcher = {language.code: alternates[language.code] if language.code in alternates
                    else page_url(language.code, "index.md", source, self.directory_urls)
                    for language in self.project.languages}
        _ = self.context(lang).gettext
        edition = self.edition.name if self.edition else ""
        names = {language.code: native_name(language.code, language.name)
                 for language in self.project.languages}
        return PageExtras(index, switcher, names, self.edition.name if self.edition else None,
                         _("You are reading edition {edition} of this site, which is not the "
                           "latest.").format(edition=edition),
                         _("Read this page in the latest edition"))

    def search_entries(self, lang: str) -> list[dict[str, str]]:
        """Search entries of the language's concept pages, made from the glossary rather
        than from their HTML: its terms, definition and notes, escaped like the theme's
        own entries (results are shown as HTML). Fallback pages are not the language's."""
        entries = []
        for concept_id, view in self.model.views[lang].items():
            if view.fallback:
                continue
            text = " ".join([*(t.text for t in view.entry.terms), view.entry.definition or "",
                             *view.entry.notes])
            entries.append({"location": page_url(lang, concept_key(concept_id),
                                                 self.project.source.code, self.directory_urls),
                            "title": html.escape(view.label), "text": html.escape(text)})
        return entries

    def _is_fallback_concept(self, lang: str, key: str) -> bool:
        folder, _, name = key.rpartition("/")
        view = self.model.views[lang].get(name.removesuffix(".md")) if folder == GLOSSARY else None
        return view is not None and view.fallback

    def page_output(self, html: str, lang: str) -> str:
        """The finished page: without the theme's hreflang links, and with a name for
        the search dialog (screen readers announce it)."""
        head, end, body = html.partition("</head>")
        _ = self.context(lang).gettext
        label = attribute(_("Search"))
        body = body.replace(_SEARCH_DIALOG, _SEARCH_DIALOG[:-1] + f' aria-label="{label}">', 1)
        return _THEME_ALTERNATE.sub("", head) + end + body
