"""What every generated page of one language needs to know."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from tooling.editions import Edition, Snapshot
from tooling.model import ReviewStatus, TermStatus
from tooling.sitegen.notices import Notice, notice_html
from tooling.sitegen.urls import page_url
from tooling.sitegen.views import ConceptView, SiteModel, direction
from tooling.status import State


@dataclass(frozen=True)
class PageContext:
    model: SiteModel
    lang: str
    gettext: Callable[[str], str]
    directory_urls: bool = True
    edition: Edition | None = None
    snapshot: Snapshot | None = None
    """The glossary as this build publishes it (when it is an edition)."""

    @property
    def source(self) -> str:
        return self.model.source

    def language_name(self, code: str) -> str:
        return self.model.project.language(code).name

    def url(self, lang: str, key: str) -> str:
        return page_url(lang, key, self.source, self.directory_urls)

    def notice(self, kind: Notice) -> str:
        return notice_html(kind, self.gettext, language=self.language_name(self.lang),
                           source_language=self.language_name(self.source), lang=self.lang,
                           source=self.source)

    def notices(self, view: ConceptView) -> list[str]:
        """Notices for a concept's entry: fallback, outdated, draft (in that order)."""
        if self.lang == self.source:
            return []
        if view.fallback:
            return [self.notice(Notice.FALLBACK)]
        found = [self.notice(Notice.OUTDATED)] if view.state is State.STALE else []
        review = view.entry.review.status if view.entry.review else ReviewStatus.DRAFT
        if review is ReviewStatus.DRAFT:
            found.append(self.notice(Notice.DRAFT))
        return found

    def lang_attributes(self, view: ConceptView) -> str:
        """attr_list attributes for a block in the entry's language, when it is not the
        page's own (a fallback to the source language)."""
        if view.content_lang == self.lang:
            return ""
        return f'{{: lang="{view.content_lang}" dir="{direction(view.content_lang)}" }}'

    def term_status(self, status: TermStatus | None) -> str:
        _ = self.gettext
        labels = {TermStatus.PREFERRED: _("preferred"), TermStatus.ADMITTED: _("admitted"),
                  TermStatus.DEPRECATED: _("deprecated"), TermStatus.SUPERSEDED: _("superseded")}
        return labels[status] if status is not None else ""

    def state(self, state: State) -> str:
        _ = self.gettext
        return {State.APPROVED: _("approved"), State.REVIEWED: _("reviewed"),
                State.DRAFT: _("draft"), State.STALE: _("outdated"),
                State.MISSING: _("missing")}[state]
