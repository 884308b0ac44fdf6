"""Honest notices: a draft translation, an outdated one, or the source language shown
in its place. Rendered as admonitions in raw HTML, so no glossary text is ever read
as markup."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

from tooling.sitegen.text import attribute

Gettext = Callable[[str], str]


class Notice(StrEnum):
    DRAFT = "draft"
    OUTDATED = "outdated"
    FALLBACK = "fallback"


def notice_html(notice: Notice, _: Gettext, *, language: str, source_language: str,
                lang: str, source: str) -> str:
    """The notice block in the reader's language `lang` (`language` is its name), or in
    the source language `source` while the language's catalog lacks the notice."""
    if notice is Notice.DRAFT:
        kind, title = "warning", _("Draft translation")
        body = _("This translation has not yet been reviewed by a human translator. "
                 "It may contain errors.")
    elif notice is Notice.OUTDATED:
        kind, title = "warning", _("Outdated translation")
        body = _("The {source} text has changed since this translation was made; "
                 "the translation does not yet include the changes.").format(
                     source=source_language)
    else:
        kind, title = "info", _("Not yet translated")
        body = _("This text is not yet available in {language}. It is shown in {source}."
                 ).format(language=language, source=source_language)
    english = {Notice.DRAFT: "Draft translation", Notice.OUTDATED: "Outdated translation",
               Notice.FALLBACK: "Not yet translated"}[notice]
    written_in = source if title == english else lang
    return (f'<div class="admonition {kind} interlex-notice interlex-{notice}" '
            f'lang="{attribute(written_in)}" data-interlex-notice="{notice}">\n'
            f'<p class="admonition-title">{attribute(title)}</p>\n'
            f"<p>{attribute(body)}</p>\n</div>\n")
