from __future__ import annotations

from pathlib import Path

from tooling.findings import Span
from tooling.yamlload import Positions, Tagged, load_yaml, parse_yaml


def _messages(text: str, lenient: bool = False) -> list[tuple[int, int, str]]:
    _, findings = parse_yaml(text, "f.yaml", lenient_tags=lenient)
    return [(f.span.line, f.span.column, f.message) for f in findings]


def test_values_keep_their_positions_in_code_points() -> None:
    document, findings = parse_yaml("名前: 日本語\nlist:\n  - x\n  - {k: v}\n", "f.yaml")
    assert findings == []
    assert document is not None
    assert document.data == {"名前": "日本語", "list": ["x", {"k": "v"}]}
    assert document.positions.value(("名前",)) == Span(1, 5, 1, 8)
    assert document.positions.key(("名前",)) == Span(1, 1, 1, 3)
    assert document.positions.value(("list", 1, "k")) == Span(4, 9, 4, 10)
    # A path that does not exist falls back to its nearest ancestor.
    assert document.positions.value(("list", 1, "missing")) == Span(4, 5, 4, 11)
    assert document.positions.key(("list", 0)) == Span(3, 5, 3, 6)


def test_empty_positions_point_at_file_start() -> None:
    assert Positions().value(("x",)) == Span(1, 1)


def test_scalars_follow_yaml_1_2_core_schema() -> None:
    document, _ = parse_yaml(
        "a: 0o17\nb: 0x1F\nc: 1_000\nd: .inf\ne: -.Inf\nf: 1.5\ng: yes\nh: true\n"
        "i: ~\nj: 2025-01-01\nk: .nan\nl: 012\n", "f.yaml")
    assert document is not None
    data = document.data
    # YAML 1.2 core: no underscores in numbers, no sexagesimal, "yes" is a string.
    assert (data["a"], data["b"], data["c"], data["l"]) == (15, 31, "1_000", 12)
    assert (data["d"], data["e"], data["f"]) == (float("inf"), float("-inf"), 1.5)
    assert (data["g"], data["h"], data["i"], data["j"]) == ("yes", True, None, "2025-01-01")
    assert data["k"] != data["k"]  # NaN


def test_crlf_lines_count_like_lf() -> None:
    assert _messages("a: 1\r\nb: 2\r\na: 3\r\n") == [
        (3, 1, "duplicate key 'a' (first defined at line 1); remove one of them")]


def test_problems_in_one_file_are_all_reported() -> None:
    assert _messages("a: !!binary aGk=\nb: !!set {x}\nc:\n  d: 1\n  d: 2\n? [k]\n: v\n") == [
        (1, 4, "unsupported tag '!!binary'; these files hold plain data: remove the tag"),
        (2, 4, "unsupported tag '!!set'; these files hold plain data: remove the tag"),
        (5, 3, "duplicate key 'd' (first defined at line 4); remove one of them"),
        (6, 3, "a key must be a plain string, not a list or mapping"),
    ]


def test_mkdocs_tags_are_kept_when_lenient() -> None:
    document, findings = parse_yaml(
        "u: !ENV [X, 'd']\ne: !!python/name:material.emoji.twemoji\n", "mkdocs.yml",
        lenient_tags=True)
    assert findings == []
    assert document is not None
    assert document.data == {"u": ["X", "d"],
                             "e": Tagged("tag:yaml.org,2002:python/name:material.emoji.twemoji",
                                         "")}


def test_alias_within_budget_is_expanded() -> None:
    document, findings = parse_yaml("a: &x {k: v}\nb: *x\n", "f.yaml")
    assert findings == []
    assert document is not None
    assert document.data == {"a": {"k": "v"}, "b": {"k": "v"}}


def test_billion_laughs_is_refused_before_expanding() -> None:
    levels = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for n in range(1, 9):
        refs = ", ".join([f"*a{n - 1}"] * 10)
        levels.append(f"a{n}: &a{n} [{refs}]")
    assert _messages("\n".join(levels) + "\n") == [
        (4, 45, "aliases expand to more than 10,000 values from 41 written ones (an alias "
                "bomb?); remove the aliases")]


def test_deep_nesting_is_refused() -> None:
    assert _messages("[" * 150 + "]" * 150) == [
        (1, 101, "nesting is too deep; keep it under 100 levels")]
    assert _messages("[" * 5000 + "]" * 5000) == [
        (1, 101, "nesting is too deep; keep it under 100 levels")]


def test_stream_without_position_error() -> None:
    assert _messages("a: 1\nb: x\x00") == [
        (2, 5, "control character U+0000 is not allowed in YAML; remove it")]


def test_oversized_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_text("a: " + "x" * 2000)
    result = load_yaml(path, "big.yaml", max_bytes=1000)
    assert result.document is None and result.text is None
    assert [f.message for f in result.findings] == [
        "file is 2,003 bytes, over the 1,000-byte limit for this kind of file"]


def test_encoding_problems_are_located(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_bytes(b"a: 1\nb: \xc3\xa9\xff\n")
    result = load_yaml(path, "bad.yaml", max_bytes=1000)
    assert [(f.span, f.message) for f in result.findings] == [
        (Span(2, 5), "invalid UTF-8 (byte 0xff); save the file as UTF-8")]
    path.write_bytes("a: 1\n".encode("utf-16"))
    assert [f.message for f in load_yaml(path, "bad.yaml", max_bytes=1000).findings] == [
        "file is UTF-16; save it as UTF-8"]


def test_byte_order_mark_is_reported_and_skipped(tmp_path: Path) -> None:
    path = tmp_path / "bom.yaml"
    path.write_bytes(b"\xef\xbb\xbfa: 1\n")
    result = load_yaml(path, "bom.yaml", max_bytes=1000)
    assert result.document is not None and result.document.data == {"a": 1}
    assert [(f.rule, f.severity, f.message) for f in result.findings] == [
        ("unicode", "warning", "file starts with a byte-order mark (U+FEFF); save it as UTF-8 "
         "without BOM")]


def test_deep_block_nesting_is_refused() -> None:
    text = "".join("  " * level + "k:\n" for level in range(120)) + "  " * 120 + "v\n"
    assert _messages(text) == [(101, 201, "nesting is too deep; keep it under 100 levels")]


def test_deep_indentation_is_refused_before_parsing() -> None:
    text = "".join("  " * level + "- \n" for level in range(3000))
    assert _messages(text) == [(101, 201, "nesting is too deep; keep it under 100 levels")]
    # Compact nesting on one line would overflow the C parser's stack.
    assert _messages("- " * 100_000 + "x\n") == [
        (1, 201, "nesting is too deep; keep it under 100 levels")]


def test_explicit_tags_must_fit_their_value() -> None:
    document, findings = parse_yaml(
        "a: !!bool maybe\nb: !!int 0x1F\nc: !!float 1\nd: ! 2025.1\ne: !!null ''\n"
        "f: !!int true\ng: !!str 5\n", "f.yaml")
    assert document is not None
    assert document.data == {"a": "maybe", "b": 31, "c": 1.0, "d": "2025.1", "e": None,
                             "f": "true", "g": "5"}
    assert [(f.span.line, f.message) for f in findings] == [
        (1, "'maybe' is not a valid !!bool; remove the tag or fix the value"),
        (6, "'true' is not a valid !!int; remove the tag or fix the value"),
    ]


def test_line_separators_do_not_shift_lines() -> None:
    document, findings = parse_yaml("a: one\u2028two\u0085three\nb: x\nb: y\n", "f.yaml")
    assert document is not None
    assert document.data == {"a": "one\u2028two\u0085three", "b": "x"}
    assert [(f.span.line, f.span.column) for f in findings] == [(3, 1)]


def test_aliases_cannot_be_keys() -> None:
    assert _messages("a: &k x\n*k : v\nb: 1\n") == [
        (2, 1, "a key must be a plain string, not an alias")]


def test_utf16_text_without_nul_bytes_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "ja.yaml"
    path.write_bytes("名前: 日本語\n".encode("utf-16"))
    assert [f.message for f in load_yaml(path, "ja.yaml", max_bytes=1000).findings] == [
        "file is UTF-16; save it as UTF-8"]
