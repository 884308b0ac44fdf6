"""Property-based tests: hostile or random input never escapes as an exception, and
every position reported lies inside the text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tooling.findings import Span
from tooling.markdown_scan import LINE_BREAK, scan
from tooling.matcher import LanguageMatcher
from tooling.model import Entry, Term, TermStatus
from tooling.yamlload import parse_yaml

# Text made of the characters that matter to the parsers, plus anything at all.
_SYNTAX = st.sampled_from([*"-:[]{}&*!|>'\"#%@`\\\n\t ,?<>=_()\r\x00", "---", "!!str", "<!--",
                            "-->", "```"])
_TEXT = st.lists(st.one_of(_SYNTAX, st.text(max_size=6)), max_size=60).map("".join)
# Derandomized: CI runs the same 300 examples every time, so a run never fails by luck;
# `--hypothesis-seed` or a larger max_examples explores further by hand.
_SETTINGS = settings(max_examples=300, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow])


def _inside(text: str, span: Span) -> bool:
    lines = LINE_BREAK.split(text)  # YAML and Markdown also break lines at a lone CR
    return 1 <= span.line <= len(lines) + 1 and span.column >= 1


@_SETTINGS
@given(_TEXT)
def test_yaml_never_raises_and_locates_every_finding(text: str) -> None:
    document, findings = parse_yaml(text, "f.yaml")
    assert document is not None or findings or not text.strip("\ufeff")
    assert all(_inside(text, f.span) for f in findings)


@_SETTINGS
@given(_TEXT)
def test_markdown_prose_always_points_at_its_own_characters(text: str) -> None:
    document = scan(text)
    for block in document.blocks:
        if block.prose is None:
            continue
        assert len(block.prose.offsets) >= len(block.prose.text)
        for char, offset in zip(block.prose.text, block.prose.offsets, strict=False):
            assert 0 <= offset <= len(text)
            if char not in ("\x00", " ") and offset < len(text):
                # An entity stands for its character; CommonMark reads NUL as U+FFFD.
                assert text[offset] in (char, "&") or (char, text[offset]) == ("\ufffd",
                                                                                "\x00")


_TERMS = [("gp", "general-purpose AI model"), ("ai", "AI model"), ("acr", "GPAI"),
          ("ja", "モデル"), ("ko", "평가"), ("ar", "نموذج"), ("zh", "红队测试")]


@_SETTINGS
@given(st.sampled_from(["en", "fr", "de", "ja", "ko", "ar", "zh", "sw"]),
       st.lists(st.one_of(st.sampled_from([t for _, t in _TERMS]), st.text(max_size=8)),
                max_size=30).map(" ".join))
def test_matches_are_ordered_disjoint_spans_of_the_text(lang: str, text: str) -> None:
    entries = [Entry(concept, lang, "", Span(1, 1),
                     terms=(Term(term, TermStatus.PREFERRED, Span(1, 1),
                                 case_sensitive=term.isupper()),))
               for concept, term in _TERMS]
    matches = LanguageMatcher(lang, entries).find(text)
    reach = 0
    for match in matches:
        assert reach <= match.start < match.end <= len(text)
        reach = match.end
