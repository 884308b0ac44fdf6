from __future__ import annotations

from tooling.findings import Span
from tooling.model import Term
from tooling.sitegen.collation import index_letter, sort_key

SPAN = Span(1, 1, 1, 1)


def _term(text: str, reading: str | None = None) -> Term:
    return Term(text, None, SPAN, reading=reading)


def _sorted(lang: str, *terms: Term) -> list[str]:
    return [t.text for t in sorted(terms, key=lambda t: sort_key(t, lang))]


def test_alphabetic_order_ignores_accents_then_case() -> None:
    assert _sorted("fr", _term("évaluation"), _term("Evaluation"), _term("essai"),
                   _term("zone")) == ["essai", "Evaluation", "évaluation", "zone"]
    assert [index_letter(_term(t), "fr") for t in ("évaluation", "1er", "«x»", "")] == [
        "E", "#", "#", "#"]


def test_japanese_by_reading_katakana_as_hiragana() -> None:
    terms = (_term("評価", "ひょうか"), _term("レッドチーミング"), _term("安全性", "アンゼンセイ"))
    assert _sorted("ja", *terms) == ["安全性", "評価", "レッドチーミング"]
    assert [index_letter(t, "ja") for t in terms] == ["ひ", "れ", "あ"]


def test_chinese_by_pinyin() -> None:
    terms = (_term("评估", "pínggū"), _term("红队测试", "hóngduì cèshì"), _term("AI"))
    assert _sorted("zh", *terms) == ["AI", "红队测试", "评估"]
    assert [index_letter(t, "zh") for t in terms] == ["P", "H", "A"]


def test_korean_under_initial_consonant() -> None:
    terms = (_term("평가"), _term("가드레일"), _term("AI 모델"))
    assert _sorted("ko", *terms) == ["AI 모델", "가드레일", "평가"]
    assert [index_letter(t, "ko") for t in terms] == ["ㅍ", "ㄱ", "A"]


def test_arabic_ignores_the_article() -> None:
    terms = (_term("التقييم"), _term("بيانات"), _term("ال"))
    assert _sorted("ar", *terms) == ["ال", "بيانات", "التقييم"]
    assert index_letter(terms[0], "ar") == "ت"
