from __future__ import annotations

from tooling.markdown_scan import SEPARATOR, heading_slug, scan

DOC = (
    "---\ntitle: \"Red teaming guide\"\n---\n\n"
    "# Red *teaming* basics\n\n"
    "Text with `red teaming` code, [a link](other.md#part \"T\") and <b class='red'>bold</b>.\n"
    "Second line\tafter a tab, é and 日本語 red teaming.\n\n"
    "- item \\*one\\* &amp; see https://example.org/red-teaming now\n"
    "  <!-- red teaming --> tail\n\n"
    "| head | cell |\n|---|---|\n| red | teaming `x` |\n\n"
    "!!! note \"Admonition title\"\n    Inside the *admonition*.\n\n"
    "```\nred teaming in code\n```\n\n"
    "![alt text](img.png) <https://auto.link/x> end\r\n"
)


def _check_offsets(text: str, prose_text: str, offsets: tuple[int, ...]) -> None:
    for char, offset in zip(prose_text, offsets, strict=True):
        if char not in (SEPARATOR, " "):
            assert text[offset] == char


def test_blocks_and_their_prose() -> None:
    title_offset = DOC.index("Red teaming guide")
    document = scan(DOC, ("Red teaming guide", title_offset))
    kinds = [(b.kind, b.line) for b in document.blocks]
    # An HTML comment at the start of a line opens an HTML block (CommonMark type 2).
    assert kinds == [("title", 2), ("heading1", 5), ("paragraph", 7), ("item", 10),
                     ("html", 11), ("cell", 13), ("cell", 13), ("cell", 15), ("cell", 15),
                     ("admonition", 17), ("paragraph", 18), ("code", 20), ("paragraph", 24)]
    texts = [b.prose.text if b.prose else None for b in document.blocks]
    assert texts[1] == "Red teaming basics"
    assert texts[2] == ("Text with \x00 code, a link\x00 and \x00bold\x00. Second line\tafter "
                        "a tab, é and 日本語 red teaming.")
    assert texts[3] == ("item *one* & see " + SEPARATOR * 31 + " now")
    assert texts[4] is None
    assert texts[7:9] == ["red", "teaming \x00"]
    assert texts[9:11] == ["Admonition title", "Inside the admonition."]
    assert texts[11] is None
    assert texts[12] == "\x00 \x00 end"
    for block in document.blocks:
        if block.prose:
            _check_offsets(DOC, block.prose.text, block.prose.offsets)
    assert [link.target for b in document.blocks for link in b.links] == [
        "other.md#part", "img.png", "https://auto.link/x"]


def test_spans_count_code_points_after_multibyte_text() -> None:
    document = scan(DOC)
    paragraph = document.blocks[1]
    assert paragraph.prose is not None
    start = paragraph.prose.text.index("red teaming.")
    offset = paragraph.prose.offsets[start]
    span = document.span(offset, offset + len("red teaming"))
    assert (span.line, span.column, span.end_line, span.end_column) == (8, 36, 8, 47)


def test_title_that_is_not_written_plainly_has_no_prose() -> None:
    text = "---\ntitle: >-\n  Folded\n---\n"
    document = scan(text, ("Folded", text.index(">-")))
    assert [(b.kind, b.prose) for b in document.blocks] == [("title", None)]


def test_heading_slugs_are_the_sites_unicode_anchors() -> None:
    assert heading_slug("Planning & running: a joint test!") == "planning--running-a-joint-test"
    assert heading_slug("Évaluer les modèles") == "évaluer-les-modèles"
    assert heading_slug("評価とレッドチーミング") == "評価とレッドチーミング"
    assert heading_slug("한국어 제목: 평가") == "한국어-제목-평가"


def test_links_with_references_and_nested_parentheses() -> None:
    text = "[a](x_(1).md) then [b][ref] and [c]\n\n[ref]: y.md\n[c]: z.md\n"
    document = scan(text)
    paragraph = document.blocks[0]
    assert paragraph.prose is not None
    assert paragraph.prose.text == "a\x00 then b\x00 and c\x00"
    assert [link.target for link in paragraph.links] == ["x_(1).md", "y.md", "z.md"]


def test_unlocatable_text_becomes_a_separator() -> None:
    # An entity the aligner cannot read back: that text is left out, never misplaced.
    document = scan("a &copy b &unknown; c\n")
    paragraph = document.blocks[0]
    assert paragraph.prose is not None
    _check_offsets("a &copy b &unknown; c\n", paragraph.prose.text, paragraph.prose.offsets)
