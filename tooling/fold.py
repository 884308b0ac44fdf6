"""Fold text for term matching, keeping a map back to the original characters.

Folding makes equivalent spellings equal: case (full Unicode casefolding),
apostrophe variants, hyphen variants (and hyphen and space: "red-teaming" is
"red teaming"), full-width Latin, any whitespace, and in Arabic the short
vowels, tatweel and the forms of alef. Most folds keep the length, so the map
is the identity and costs nothing; only text where casefolding expands (ß, İ)
or Arabic marks are removed pays for a character-by-character map.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

_TABLE: dict[int, str] = {
    **{ord(c): "'" for c in "\u2019\u2018\u02bc\u2032\uff07"},
    **{ord(c): " " for c in "-\u2010\u2011\u2012\u2013\u2014\u2212\ufe63\uff0d"},
    **{ord(c): " " for c in "\t\n\r\f\v\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
       "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000"},
    # Full-width ASCII (U+FF01-FF5E) to ASCII; U+FF07 and U+FF0D are set above.
    **{code: chr(code - 0xFEE0) for code in range(0xFF01, 0xFF5F) if code not in (0xFF07, 0xFF0D)},
    # Half-width katakana (U+FF61-FF9F) to full width, one character each.
    **{code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFF61, 0xFFA0)},
    # Arabic: the forms of alef are one letter for matching.
    **{ord(c): "\u0627" for c in "\u0622\u0623\u0625\u0671"},
}
# Arabic short vowels and other marks, and tatweel: dropped.
_DROPPED = re.compile("[\u064b-\u065f\u0670\u0640]")


@dataclass(frozen=True)
class Folded:
    text: str
    offsets: tuple[int, ...] | None
    """Index in the original of each folded character; None when it is the identity."""

    def original_span(self, start: int, end: int, length: int) -> tuple[int, int]:
        """Original [start, end) of folded [start, end); `length` is the original's."""
        if self.offsets is None:
            return start, end
        stop = self.offsets[end] if end < len(self.offsets) else length
        return self.offsets[start], stop


def translate(text: str) -> str:
    """The length-keeping folds only (no case): for comparing case-sensitive terms."""
    return text.translate(_TABLE)


def fold(text: str) -> Folded:
    translated = text.translate(_TABLE)
    if _DROPPED.search(translated) is None:
        folded = translated.casefold()
        if len(folded) == len(translated):  # casefolding never shrinks: 1:1
            return Folded(folded, None)
    return _fold_with_map(translated)


def _fold_with_map(translated: str) -> Folded:
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(translated):
        if _DROPPED.match(char):
            continue
        folded = char.casefold()
        chars.append(folded)
        offsets.extend([index] * len(folded))
    return Folded("".join(chars), tuple(offsets))


def fold_term(text: str) -> str:
    """A term as a pattern: folded, with runs of spaces made one."""
    return " ".join(fold(text).text.split())
