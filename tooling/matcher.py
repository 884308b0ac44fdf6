"""Find glossary terms in text: one Aho-Corasick automaton per language, built once.

Patterns are folded terms and their declared forms (`tooling.fold`). Every
occurrence is found (overlapping), then judged by the rules of its script:

- spaced scripts: whole words only;
- Chinese: on word boundaries of a segmenter that knows the glossary's terms,
  so a term never straddles two words; Japanese: katakana words are whole;
- Korean: a term starts a word and may carry a trailing particle;
- Arabic: a term may carry the article and the common proclitics;
- case-sensitive terms (acronyms) must match their case exactly.

A second automaton over word stems (Snowball) finds inflected forms in the
languages it covers. Of overlapping survivors the leftmost-longest wins, so
"general-purpose AI model" is not also "AI model".
"""

from __future__ import annotations

import marshal
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from itertools import accumulate
from typing import Any

import ahocorasick_rs
import Stemmer

from tooling.findings import record
from tooling.fold import Folded, fold, fold_term, translate
from tooling.model import Entry, TermStatus

_STEMMERS = {"en": "english", "fr": "french", "de": "german", "es": "spanish",
             "it": "italian", "pt": "portuguese", "nl": "dutch", "sv": "swedish",
             "da": "danish", "no": "norwegian", "fi": "finnish", "ru": "russian",
             "pl": "polish", "tr": "turkish", "ro": "romanian", "hu": "hungarian",
             "ca": "catalan", "cs": "czech", "el": "greek", "id": "indonesian"}
_KOREAN_PARTICLES = frozenset((
    "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게",
    "께", "께서", "로", "으로", "와", "과", "도", "만", "까지", "부터",
    "보다", "처럼", "이나", "나", "이란", "란", "이라는", "라는", "이라고", "라고",
    "이며", "며", "이다", "다", "입니다", "이고", "고", "에는", "에서는", "으로는",
    "로는", "와의", "과의", "에서의", "으로의", "로의", "에의", "들", "들은", "들이",
    "들을", "들의", "들과", "들에", "들에서", "들로", "이라", "라",
))
_ARABIC_PROCLITICS = frozenset(["", "ال", "و", "ف", "ب", "ك", "ل", "لل", "وال", "فال", "بال",
                                "كال", "ولل", "فلل", "وب", "فب", "وك", "فك", "ول", "فل", "وبال",
                                "فبال", "وكال", "فكال"])
_WORD = re.compile(r"\w+")
_STATE = ("lang", "patterns", "rows", "preferred", "allowed", "stem_uses", "stem_words",
          "stem_patterns")
"""What a matcher keeps when pickled; the rest is compiled from it."""
_WORD_PIECES = re.compile(r"(\w+)")


@record
class TermUse:
    """What a pattern stands for: a term of a concept in a language, with what
    matching and findings need of it."""

    concept: str
    lang: str
    text: str
    status: TermStatus | None
    case_sensitive: bool = False
    do_not_translate: bool = False
    forms: tuple[str, ...] = ()


_Row = tuple[str, str, str, str | None, bool, bool, tuple[str, ...]]
"""A TermUse's fields, the status as its text."""
_STATUSES = {status.value: status for status in TermStatus}
_CASE_SENSITIVE = 4


@dataclass(frozen=True)
class Match:
    start: int
    end: int
    """Indexes in the searched text (not the folded one)."""
    use: TermUse
    stemmed: bool = False
    ambiguous: bool = False
    """Other concepts have a term written the same way: a fix cannot choose."""


def _is_han(char: str) -> bool:
    code = ord(char)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF \
        or 0x20000 <= code <= 0x2FFFF


def _is_kana(char: str) -> bool:
    """Katakana; the middle dot (・) separates katakana words and is not one."""
    return ("\u30a0" <= char <= "\u30ff" and char != "\u30fb") or "\u31f0" <= char <= "\u31ff"


def _is_hangul(char: str) -> bool:
    return "\uac00" <= char <= "\ud7a3" or "\u1100" <= char <= "\u11ff" or \
        "\u3130" <= char <= "\u318f"


def _is_arabic(char: str) -> bool:
    return "\u0620" <= char <= "\u064a" or "\u066e" <= char <= "\u06d3"


def _is_hiragana(char: str) -> bool:
    return "\u3040" <= char <= "\u309f"


def _is_unspaced(char: str) -> bool:
    """Scripts written without spaces between words: they never join a Latin word."""
    return _is_han(char) or _is_kana(char) or _is_hiragana(char) or _is_hangul(char)


def _is_word(char: str) -> bool:
    """A letter or digit of a spaced script: a term may not start or end next to one."""
    if char.isascii():  # the common case, and the empty string (the text's edge)
        return char.isalnum()
    if _is_unspaced(char):
        return False
    return char.isalnum() or unicodedata.category(char)[0] == "M"


class LanguageMatcher:
    """A language's terms, compiled for searching. It pickles without its automata,
    which are rebuilt from the patterns (the slow part, folding and stemming every
    term, is not redone), so the check's cache can keep it."""

    def __init__(self, lang: str, entries: Iterable[Entry]) -> None:
        self.lang = lang.split("_", maxsplit=1)[0].split("-", maxsplit=1)[0]
        by_pattern: dict[str, list[_Row]] = {}
        self.preferred: dict[str, str] = {}
        """Each concept's preferred term, what findings suggest."""
        self.allowed: dict[str, tuple[str, ...]] = {}
        """The terms a translation may use, for each concept that has terms."""
        for entry in entries:
            self._add_entry(lang, entry, by_pattern)
        self.patterns = list(by_pattern)
        self.rows = [tuple(rows) for rows in by_pattern.values()]
        """Each pattern's uses, as plain tuples: they pickle (and load from the cache)
        many times faster than records; `uses` makes records of those that match."""
        self.stem_uses: list[int] = []
        self.stem_words: list[list[str]] = []
        self.stem_patterns: list[str] = []
        self._init_stems(_stemmer(self.lang))
        self._compile()

    def _add_entry(self, lang: str, entry: Entry, by_pattern: dict[str, list[_Row]]
                   ) -> None:
        if entry.terms:
            self.allowed[entry.concept] = tuple(t.text for t in entry.terms
                                                if t.status and t.status.allowed)
        if entry.preferred:
            self.preferred[entry.concept] = entry.preferred[0].text
        for term in entry.terms:
            status = term.status.value if term.status else None
            use = (entry.concept, lang, term.text, status, term.case_sensitive,
                   term.do_not_translate, term.forms)
            for surface in dict.fromkeys((term.text, *term.forms)):
                pattern = fold_term(surface)
                if pattern:
                    by_pattern.setdefault(pattern, []).append(use)

    def __reduce__(self) -> tuple[Callable[[bytes], LanguageMatcher], tuple[bytes]]:
        # All plain values, marshalled: read back several times faster than pickled.
        return LanguageMatcher._from_state, (marshal.dumps([getattr(self, n) for n in _STATE]),)

    @staticmethod
    def _from_state(data: bytes) -> LanguageMatcher:
        matcher = LanguageMatcher.__new__(LanguageMatcher)
        matcher.__dict__.update(zip(_STATE, marshal.loads(data), strict=True))
        matcher._compile()
        return matcher

    def uses(self, index: int) -> list[TermUse]:
        """What pattern `index` stands for."""
        found = self._uses.get(index)
        if found is None:
            found = self._uses[index] = [
                TermUse(concept, lang, text, _STATUSES.get(status) if status else None, case,
                        kept, forms)
                for concept, lang, text, status, case, kept, forms in self.rows[index]]
        return found

    def _compile(self) -> None:
        self.stemmer = _stemmer(self.lang)
        self._segmenter: Any = None
        self.segments = self.lang == "zh"
        self._uses: dict[int, list[TermUse]] = {}
        self._stem_of: dict[str, str] = {}
        self._automata: tuple[_Automaton, _Automaton] | None = None

    def ready(self) -> None:
        """Build the automata now (before forking workers, so that they share them)."""
        self._built()

    def _built(self) -> tuple[_Automaton, _Automaton]:
        # On first use: a matcher read from the cache may never search at all.
        if self._automata is None:
            self._automata = (_automaton(self.patterns), _automaton(self.stem_patterns))
        return self._automata

    @property
    def automaton(self) -> _Automaton:
        return self._built()[0]

    @property
    def stem_automaton(self) -> _Automaton:
        return self._built()[1]

    def _init_stems(self, stemmer: Stemmer.Stemmer | None) -> None:
        if stemmer is None:
            return
        for index, (pattern, rows) in enumerate(zip(self.patterns, self.rows, strict=True)):
            words = _WORD.findall(pattern)
            if all(row[_CASE_SENSITIVE] for row in rows) or not words:
                continue
            self.stem_patterns.append(" ".join(_even(stemmer.stemWords(words), self.lang)))
            self.stem_uses.append(index)
            self.stem_words.append(words)

    @property
    def segmenter(self) -> Any:
        """Chinese word segmentation, loaded on first use: its dictionary takes a while."""
        if self._segmenter is None:
            import jieba  # noqa: PLC0415 - only when Chinese text is matched

            jieba.default_logger.disabled = True  # it reports its dictionary loading
            self._segmenter = jieba.Tokenizer()
            for pattern in self.patterns:
                if any(_is_han(c) for c in pattern):
                    self._segmenter.add_word(pattern)
        return self._segmenter

    def find(self, text: str) -> list[Match]:
        """Every term occurrence in `text`, leftmost-longest, in text order."""
        if self.automaton is None or not text:
            return []
        folded = fold(text)
        found: list[Match] = []
        for index, start, end in self.automaton.find_matches_as_indexes(folded.text,
                                                                        overlapping=True):
            if self._fits(folded.text, start, end, self.patterns[index]):
                begin, stop = folded.original_span(start, end, len(text))
                found += [Match(begin, stop, use) for use in self.uses(index)
                          if _case_fits(text[begin:stop], use)]
        found += self._stemmed(text, folded)
        return _leftmost_longest(found)

    def _fits(self, text: str, start: int, end: int, pattern: str) -> bool:
        return self._start_fits(text, start, pattern[0]) and self._end_fits(text, end,
                                                                            pattern[-1])

    def _start_fits(self, text: str, start: int, first: str) -> bool:
        before = text[start - 1] if start > 0 else ""
        if first.isascii():  # a Latin term: the common case
            return not (first.isalnum() and _is_word(before))
        if _is_han(first) or _is_hiragana(first):
            return self._segment_edge(text, start)
        if _is_kana(first):
            return not (self.lang == "ja" and before and _is_kana(before))
        if _is_arabic(first):
            run = start
            while run > 0 and _is_arabic(text[run - 1]):
                run -= 1
            return text[run:start] in _ARABIC_PROCLITICS
        if _is_hangul(first):
            return not (_is_hangul(before) or _is_word(before))
        return not (_is_word(first) and _is_word(before))

    def _end_fits(self, text: str, end: int, last: str) -> bool:
        after = text[end] if end < len(text) else ""
        if self.lang == "ko" and after and _is_hangul(after):
            run = end
            while run < len(text) and _is_hangul(text[run]):
                run += 1
            return _particles(text[end:run]) and not (run < len(text) and _is_word(text[run]))
        if last.isascii():
            return not (last.isalnum() and _is_word(after))
        if _is_han(last) or _is_hiragana(last):
            return self._segment_edge(text, end)
        if _is_kana(last):
            return not (self.lang == "ja" and after and _is_kana(after))
        if _is_arabic(last):
            return not (after and _is_arabic(after))
        return not (_is_word(last) and _is_word(after))

    def _segment_edge(self, text: str, index: int) -> bool:
        if not self.segments or index in (0, len(text)):
            return True
        cache = getattr(self, "_edges", None)
        if cache is None or cache[0] is not text:
            edges = {0, len(text)}
            for _word, begin, stop in self.segmenter.tokenize(text):
                edges.update((begin, stop))
            cache = (text, edges)
            self._edges = cache
        return index in cache[1]

    def _stems(self, words: list[str]) -> list[str]:
        """Each word's stem. The stemmer's own cache costs a microsecond a word; a dict
        of the corpus's vocabulary, filled a document's new words at a time, much less."""
        assert self.stemmer is not None
        known = self._stem_of
        new = list(set(words).difference(known))  # a dict: set difference has a fast path
        if new:
            known.update(zip(new, _even(self.stemmer.stemWords(new), self.lang), strict=True))
        return list(map(known.__getitem__, words))

    def _stemmed(self, text: str, folded: Folded) -> list[Match]:
        if self.stem_automaton is None or self.stemmer is None:
            return []
        # Words alternate with what separates them; their offsets are running sums
        # of the pieces' lengths (all computed in C, not word by word in Python).
        pieces = _WORD_PIECES.split(folded.text)
        words = pieces[1::2]
        if not words:
            return []
        joined = " ".join(self._stems(words))
        found: list[Match] = []
        bounds: list[int] = []  # offsets of the pieces, computed only when a stem matched
        for index, start, end in self.stem_automaton.find_matches_as_indexes(
                joined, overlapping=True):
            if (start and joined[start - 1] != " ") or (end < len(joined) and
                                                         joined[end] != " "):
                continue  # not whole stems
            first = joined.count(" ", 0, start)
            last = first + joined.count(" ", start, end)
            # Only spaces between the words: not "capability. Evaluation", nor across
            # a separator standing for code or a block boundary.
            if any(pieces[2 * k].strip(" '") for k in range(first + 1, last + 1)):
                continue
            written = words[first: last + 1]
            if not _inflected(written, self.stem_words[index], self.lang):
                continue
            bounds = bounds or list(accumulate(map(len, pieces), initial=0))
            if folded.text[bounds[2 * first + 1]:bounds[2 * last + 2]] == self.patterns[
                    self.stem_uses[index]]:
                continue  # the term exactly as its pattern: the exact search judged it
            begin, stop = folded.original_span(bounds[2 * first + 1], bounds[2 * last + 2],
                                               len(text))
            found += [Match(begin, stop, use, stemmed=True)
                      for use in self.uses(self.stem_uses[index])
                      if not use.case_sensitive]
        return found


def _stemmer(lang: str) -> Stemmer.Stemmer | None:
    algorithm = _STEMMERS.get(lang)
    if algorithm is None:
        return None
    stemmer = Stemmer.Stemmer(algorithm)
    stemmer.maxCacheSize = 0  # `_stems` keeps its own
    return stemmer


_Automaton = ahocorasick_rs.AhoCorasick | None


def _even(stems: list[str], lang: str) -> list[str]:
    """Stems without a final s (in Dutch, d or t too): Snowball keeps it in some words
    and not in others ("essais" stays "essais" while "essai" stays "essai"; Dutch
    "beoogd" stays, "beoogde" becomes "beoog"), so forms of one word would not meet.
    Only candidates are found this way: `_inflected` judges them."""
    loose = _LOOSE_ENDS.get(lang, "s")
    return [stem[:-1] if len(stem) > 3 and stem[-1] in loose else stem for stem in stems]


def _automaton(patterns: list[str]) -> _Automaton:
    # A contiguous NFA: as fast to search here as a DFA, and the quickest to build.
    return ahocorasick_rs.AhoCorasick(
        patterns, implementation=ahocorasick_rs.Implementation.ContiguousNFA) if patterns else None


# Inflectional endings by language: a text word is an inflection of a term's word
# when, past their common beginning, both end in one of these (accents aside).
# Derivations share stems too ("developer", "development"), and are not the term.
_ENDINGS: dict[str, frozenset[str]] = {
    "en": frozenset(("", "s", "es", "'s", "s'", "y", "ies")),
    "fr": frozenset(("", "s", "x", "e", "es")),
    "es": frozenset(("", "s", "es", "a", "as", "o", "os")),
    "it": frozenset(("", "a", "e", "i", "o")),
    "pt": frozenset(("", "s", "a", "as", "o", "os")),
    "de": frozenset(("", "e", "en", "er", "em", "es", "s", "n", "ern")),
    "nl": frozenset(("", "s", "en", "e", "n")),
    # Polish cases (accents are compared aside, so "ów" is "ow", "ą" is "a").
    "pl": frozenset(("", "a", "u", "y", "i", "e", "ie", "ow", "om", "ami", "ach", "em", "owi",
                     "o", "ego", "emu", "ym", "ych", "ymi", "ej")),
}
_DEFAULT_ENDINGS = frozenset(("", "s"))
_LOOSE_ENDS = {"nl": "sdt"}


def _inflected(words: list[str], term_words: list[str], lang: str) -> bool:
    """Whether text words sharing a term's stems are inflections of it, word by word."""
    endings = _ENDINGS.get(lang, _DEFAULT_ENDINGS)
    return all(_inflection(_plain(w), _plain(t), endings)
               for w, t in zip(words, term_words, strict=True))


def _plain(word: str) -> str:
    """Without accents: "valoración" and "valoraciones", "Unfall" and "Unfälle"."""
    if word.isascii():
        return word
    return "".join(c for c in unicodedata.normalize("NFD", word)
                   if unicodedata.category(c) != "Mn")


def _inflection(word: str, term: str, endings: frozenset[str]) -> bool:
    common = 0
    for a, b in zip(word, term, strict=False):
        if a != b:
            break
        common += 1
    # The longest common beginning may take a letter of the ending: Polish
    # "przeznaczeniem" and "przeznaczenie" share "przeznaczenie", but are
    # "przeznaczeni" with "em" and with "e". Endings are at most three letters.
    return any(word[cut:] in endings and term[cut:] in endings
               for cut in range(common, max(common - 3, 0) - 1, -1))


def _particles(run: str, depth: int = 3) -> bool:
    """Whether a run of Hangul after a term is particles, stacked up to three (만으로는)."""
    if not run:
        return True
    return depth > 0 and any(run.startswith(p) and _particles(run[len(p):], depth - 1)
                             for p in _KOREAN_PARTICLES)


def _case_fits(found: str, use: TermUse) -> bool:
    """A case-sensitive term matches only as written (or as one of its forms)."""
    if not use.case_sensitive:
        return True
    written = " ".join(translate(found).split())
    return written in {" ".join(translate(s).split()) for s in (use.text, *use.forms)}


def _leftmost_longest(matches: list[Match]) -> list[Match]:
    ordered = sorted(matches, key=lambda m: (m.start, -(m.end - m.start), m.stemmed,
                                             m.use.concept, m.use.text))
    chosen: list[Match] = []
    reach = -1
    for match in ordered:
        if match.start >= reach:
            chosen.append(match)
            reach = match.end
        elif chosen and (match.start, match.end) == (chosen[-1].start, chosen[-1].end) and (
                match.use.concept != chosen[-1].use.concept):
            chosen[-1] = replace(chosen[-1], ambiguous=True)
    return chosen
