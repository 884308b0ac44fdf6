from __future__ import annotations

import pickle

from tooling.findings import Span
from tooling.matcher import LanguageMatcher
from tooling.model import Entry, Term, TermStatus


def _matcher(lang: str, *terms: tuple[str, str]) -> LanguageMatcher:
    entries = [Entry(concept, lang, "", Span(1, 1),
                     terms=(Term(text, TermStatus.PREFERRED, Span(1, 1),
                                 case_sensitive=text.isupper()),))
               for concept, text in terms]
    return LanguageMatcher(lang, entries)


def _found(matcher: LanguageMatcher, text: str) -> list[tuple[str, str]]:
    return [(m.use.concept, text[m.start:m.end]) for m in matcher.find(text)]


def test_spaced_scripts_match_whole_words_and_inflections() -> None:
    en = _matcher("en", ("eval", "evaluation"), ("gpai", "GPAI"), ("ai", "AI model"),
                  ("gp", "general-purpose AI model"))
    assert _found(en, "Evaluations, a reevaluation, GPAI not gpai; general purpose AI "
                      "models and an AI model.") == [
        ("eval", "Evaluations"), ("gpai", "GPAI"), ("gp", "general purpose AI models"),
        ("ai", "AI model")]
    assert _found(en, "!!! ...") == []
    assert _matcher("en").find("anything") == []


def test_scripts_without_spaces() -> None:
    ja = _matcher("ja", ("m", "モデル"), ("s", "AIシステム"))
    assert _found(ja, "高度なAIシステムのモデル、モデルカード、ｱｲﾃﾑ。") == [
        ("s", "AIシステム"), ("m", "モデル")]
    zh = _matcher("zh", ("peace", "和平"), ("ai", "人工智能"))
    assert _found(zh, "我们和平台一起研究人工智能。世界和平。") == [
        ("ai", "人工智能"), ("peace", "和平")]
    ko = _matcher("ko", ("e", "평가"))
    assert _found(ko, "평가는 재평가와 평가자, 평가만으로는") == [("e", "평가"), ("e", "평가")]
    ar = _matcher("ar", ("m", "نموذج"))
    assert _found(ar, "والنموذج ونماذج كنموذجين") == [("m", "نموذج")]


def test_a_matcher_pickles_without_its_automata_and_finds_the_same() -> None:
    matcher = _matcher("en", ("c", "model evaluation"), ("d", "red teaming"))
    copy = pickle.loads(pickle.dumps(matcher))
    assert copy.__dict__.keys() == matcher.__dict__.keys()
    text = "Model evaluations and red teaming."
    assert [(m.start, m.end, m.use) for m in copy.find(text)] == [
        (m.start, m.end, m.use) for m in matcher.find(text)]
    assert (copy.preferred, copy.allowed) == (matcher.preferred, matcher.allowed)


def test_a_term_with_two_spaces_inside_is_still_the_term() -> None:
    matcher = _matcher("en", ("ai-model", "AI model"))
    text = "an AI  model, an AI model"
    assert [(text[m.start:m.end], m.stemmed) for m in matcher.find(text)] == [
        ("AI  model", True), ("AI model", False)]


def test_singular_and_plural_meet_where_snowball_keeps_a_final_s() -> None:
    matcher = _matcher("fr", ("real-world-testing", "essais en conditions réelles"))
    text = "un essai en conditions réelles, des essais en conditions réelles"
    assert [text[m.start:m.end] for m in matcher.find(text)] == [
        "essai en conditions réelles", "essais en conditions réelles"]


def test_an_ending_may_begin_inside_the_common_beginning() -> None:
    matcher = _matcher("pl", ("intended-purpose", "przeznaczenie"))
    text = "zgodnie z jego przeznaczeniem"
    assert [text[m.start:m.end] for m in matcher.find(text)] == ["przeznaczeniem"]
