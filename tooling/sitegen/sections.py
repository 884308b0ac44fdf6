"""Navigation section titles, which MkDocs makes from folder names (`guidance/` gives
"Guidance"), translated through the interface catalogs like any other label."""

from __future__ import annotations

from collections.abc import Callable


def N_(message: str) -> str:
    """Marks a string for extraction without translating it here."""
    return message


KNOWN_SECTIONS = (N_("Guidance"), N_("Glossary"), N_("Contributing"), N_("Domains"))
"""The sections of this project's site, listed so that Babel extracts them; any other
folder's title is looked up in the catalogs all the same."""


def section_title(title: str, gettext: Callable[[str], str]) -> str:
    return gettext(title)
