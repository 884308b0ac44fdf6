"""Sorting terms in each language's own order, and the letter each one is filed under.

Without ICU at hand, each script gets the rule its dictionaries use:
- Japanese by reading (the `reading` the glossary stores, in kana), in gojūon order,
  which is kana code-point order once katakana is folded to hiragana;
- Chinese by pinyin (the stored `reading`), filed under its first Latin letter;
- Korean by Hangul syllable, whose code points follow dictionary order, filed
  under the initial consonant;
- Arabic ignoring the article ال, which dictionaries do not sort by;
- alphabetic scripts by letters without accents, then accents, then case.
"""

from __future__ import annotations

import unicodedata

from tooling.model import Term

_HANGUL_FIRST = 0xAC00
_HANGUL_LAST = 0xD7A3
_SYLLABLES_PER_INITIAL = 588
_INITIALS = "ㄱㄲㄴㄷㄸㄹㅁㅂㅃㅅㅆㅇㅈㅉㅊㅋㅌㅍㅎ"
_KATAKANA_TO_HIRAGANA = 0x60
_ARABIC_ARTICLE = "ال"


def _hiragana(text: str) -> str:
    return "".join(chr(ord(c) - _KATAKANA_TO_HIRAGANA) if "ァ" <= c <= "ヶ" else c for c in text)


def _base_letters(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def sort_text(term: Term, lang: str) -> str:
    """What the term is sorted by: its reading where the script needs one."""
    text = term.reading if lang in ("ja", "zh") and term.reading else term.text
    if lang == "ja":
        return _hiragana(text)
    if lang == "ar" and text.startswith(_ARABIC_ARTICLE) and len(text) > 2:
        return text[2:]
    return text


def sort_key(term: Term, lang: str) -> tuple[str, str, str]:
    text = sort_text(term, lang)
    return (_base_letters(text), text.casefold(), text)


def index_letter(term: Term, lang: str) -> str:
    """The heading of the A-Z index the term is filed under."""
    text = sort_text(term, lang)
    first = _base_letters(text)[:1]
    if not first:
        return "#"
    if lang == "ko" and _HANGUL_FIRST <= ord(text[0]) <= _HANGUL_LAST:
        return _INITIALS[(ord(text[0]) - _HANGUL_FIRST) // _SYLLABLES_PER_INITIAL]
    if first.isalpha():
        return first.upper()
    return "#"
