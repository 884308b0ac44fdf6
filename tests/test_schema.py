from __future__ import annotations

import json

import pytest
from jsonschema import Draft202012Validator

from tooling.schema import SchemaName, key_path, schema_text, validate
from tooling.yamlload import parse_yaml


def _check(text: str, schema: SchemaName) -> list[tuple[int, int, str]]:
    document, findings = parse_yaml(text, "f.yaml")
    assert document is not None and findings == []
    return [(f.span.line, f.span.column, f.message) for f in validate(document, schema)]


@pytest.mark.parametrize("name", [*SchemaName, "common"])
def test_shipped_schemas_are_valid_json_schemas(name: str) -> None:
    Draft202012Validator.check_schema(json.loads(schema_text(name)))


def test_key_paths_read_like_yaml() -> None:
    assert key_path(()) == "(top level)"
    assert key_path(("terms", 0, "status")) == "terms[0].status"
    assert key_path(("evaluation", "review")) == "evaluation.review"


def test_concept_messages_name_the_key_and_what_was_expected() -> None:
    text = ("id: Red Teaming\nstatus: aproved\ndomain: risks\nsince: 2025.1\nsources:\n"
            "  - title: x\n    url: ftp://x\nterms:\n  - term: red teaming\n    status: prefered\n"
            "    colour: red\n  - term: 5\ndefinition: ''\nrelated: [a, a]\njurisdictions:\n"
            "  - {jurisdiction: eu, definition: d, source: {title: t}}\n")
    assert _check(text, SchemaName.CONCEPT) == [
        (1, 5, "id: 'Red Teaming' is not a valid id: use lowercase ASCII letters and digits in "
               "words joined by '-'"),
        (2, 9, "status: 'aproved' is not one of: draft, approved, retired; did you mean "
               "'approved'?"),
        (4, 8, "since: expected a string, found a number; put the value in quotes"),
        (7, 10, "sources[0].url: 'ftp://x' is not a web address: use a full http:// or https:// "
                "URL"),
        (10, 13, "terms[0].status: 'prefered' is not one of: preferred, admitted, deprecated, "
                 "superseded; did you mean 'preferred'?"),
        (11, 5, "terms[0]: unknown key 'colour'"),
        (12, 5, "terms[1]: missing required key 'status'"),
        (12, 11, "terms[1].term: expected a string, found a number; put the value in quotes"),
        (13, 13, "definition: must not be empty"),
        (14, 10, "related: lists the same item twice; remove the duplicate"),
        (16, 20, "jurisdictions[0].jurisdiction: 'eu' is not a jurisdiction code: use two or "
                 "three capital letters (EU, US)"),
    ]


def test_missing_keys_and_empty_lists() -> None:
    text = "id: x\nstatus: draft\ndomain: d\nsince: '2025.1'\nsources: []\nterms: []\n"
    assert _check(text, SchemaName.CONCEPT) == [
        (1, 1, "(top level): missing required key 'definition'"),
        (5, 10, "sources: needs at least 1 item"),
        (6, 8, "terms: needs at least 1 item"),
    ]


def test_locale_review_and_hash_messages() -> None:
    text = ("Bad_Id: {terms: []}\nok:\n  review: {status: draft, by: 1, date: 1 May}\n"
            "  source_hash: abc\nother: {review: drafty, notes: [x], definition: " + "y" * 5001
            + "}\nlist: [1]\n")
    assert _check(text, SchemaName.LOCALE_GLOSSARY) == [
        (1, 1, "(top level): 'Bad_Id' is not a valid id: use lowercase ASCII letters and digits "
               "in words joined by '-'"),
        (3, 31, "ok.review.by: expected a string, found a number; put the value in quotes"),
        (3, 40, "ok.review.date: '1 May' is not a date: write YYYY-MM-DD"),
        (4, 16, "ok.source_hash: 'abc' is not a source hash: run `interlex translations pin` "
                "instead of editing it by hand"),
        (5, 17, "other.review: 'drafty' is not one of: draft, reviewed, approved; did you mean "
                "'draft'?"),
        (5, 49, "other.definition: is longer than 5000 characters; shorten it"),
        (6, 7, "list: expected a mapping, found a list"),
    ]


def test_domains_and_non_mapping_documents() -> None:
    assert _check("risks: {name: {en: Risks, EN_x: y}}\nBad: {name: {}}\n",
                  SchemaName.DOMAINS) == [
        (1, 27, "risks.name: 'EN_x' is not a language code such as fr or zh_Hant"),
        (2, 1, "(top level): 'Bad' is not a valid id: use lowercase ASCII letters and digits "
               "in words joined by '-'"),
    ]
    assert _check("- a\n", SchemaName.DOMAINS) == [
        (1, 1, "(top level): expected a mapping, found a list")]
    assert _check("true\n", SchemaName.CONCEPT) == [
        (1, 1, "(top level): expected a mapping, found true/false")]
    assert _check("~\n", SchemaName.CONCEPT) == [
        (1, 1, "(top level): expected a mapping, found nothing (null)")]


def test_enum_messages_show_yaml_values() -> None:
    assert _check("x: {review: true}\ny: {review: null}\n", SchemaName.LOCALE_GLOSSARY) == [
        (1, 13, "x.review: true is not one of: draft, reviewed, approved"),
        (2, 13, "y.review: null is not one of: draft, reviewed, approved"),
    ]


def test_a_file_valid_but_for_one_rule_is_caught() -> None:
    # The compiled fast path must not accept what the full validator rejects.
    valid = ("id: x\nstatus: draft\ndomain: d\nsince: '2025.1'\nsources: [{title: t}]\n"
             "definition: d\nterms: [{term: x, status: preferred}]\n")
    assert _check(valid, SchemaName.CONCEPT) == []
    assert _check(valid.replace("terms: [{term: x, status: preferred}]", "terms: []"),
                  SchemaName.CONCEPT) == [(7, 8, "terms: needs at least 1 item")]
    assert _check(valid.replace("[{title: t}]", "[{title: t, url: 'ftp://x'}]"),
                  SchemaName.CONCEPT) == [
        (5, 27, "sources[0].url: 'ftp://x' is not a web address: use a full http:// or "
                "https:// URL")]
