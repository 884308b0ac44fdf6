"""Text normalisation shared by the rules that compare terms."""

from __future__ import annotations

import unicodedata

# Typographic variants that readers treat as the same character.
_EQUIVALENTS = str.maketrans({
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\uff07": "'",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\ufe63": "-",
    "\u00a0": " ", "\u202f": " ",
})


def term_key(text: str, *, case_sensitive: bool = False) -> str:
    """The form under which two spellings of a term count as the same term.

    NFKC folds full-width and compatibility forms; apostrophe and hyphen
    variants are unified; case is folded unless the term is case-sensitive.
    """
    folded = unicodedata.normalize("NFKC", text).translate(_EQUIVALENTS)
    folded = " ".join(folded.split())
    return folded if case_sensitive else folded.casefold()
