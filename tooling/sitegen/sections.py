"""Navigation section titles, which MkDocs makes from folder names (`guidance/` gives
"Guidance"), translated through the interface catalogs like any other label."""

from __future__ import annotations

from collections.abc import Callable


def known_sections(_: Callable[[str], str]) -> tuple[str, ...]:
    """The sections of this project's site, listed so that Babel extracts them; any
    other folder's title is looked up in the catalogs all the same."""
    return (_("Guidance"), _("Glossary"), _("Contributing"), _("Domains"))


def section_title(title: str, gettext: Callable[[str], str]) -> str:
    return gettext(title)
