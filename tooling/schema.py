"""Validate loaded YAML against the JSON Schemas shipped in `tooling/schemas/`.

Messages name the key path (`terms[0].status`) and say what was expected;
positions come from the loader's position map, so each finding points at the
offending key or value.
"""

from __future__ import annotations

import difflib
import json
from collections.abc import Callable, Iterator
from enum import StrEnum
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # jsonschema is imported only to explain a file that is not valid
    from jsonschema import Draft202012Validator
    from jsonschema.exceptions import ValidationError

from tooling.findings import Finding, Severity, Span
from tooling.yamlload import KeyPath, YamlDocument

SCHEMA_RULE = "schema"
ID_PATTERN_HINT = "use lowercase ASCII letters and digits in words joined by '-'"
_TYPE_NAMES = {"object": "a mapping", "array": "a list", "string": "a string",
               "boolean": "true or false", "integer": "a whole number", "number": "a number"}


class SchemaName(StrEnum):
    CONCEPT = "concept"
    DOMAINS = "domains"
    LOCALE_GLOSSARY = "locale-glossary"


def schema_text(name: str) -> str:
    return (resources.files("tooling") / "schemas" / f"{name}.schema.json").read_text("utf-8")


@cache
def _validator(name: SchemaName) -> Draft202012Validator:
    # Here, not at the top: it takes longer to import than a warm check takes to run.
    from jsonschema import Draft202012Validator  # noqa: PLC0415
    from referencing import Registry, Resource  # noqa: PLC0415

    common = json.loads(schema_text("common"))
    registry: Registry[Any] = Registry().with_resource(
        "common.schema.json", Resource.from_contents(common))
    return Draft202012Validator(json.loads(schema_text(name)), registry=registry)


@cache
def _fast_check(name: SchemaName) -> Callable[[Any], bool]:
    """A compiled validator for the common case, a valid file: about 30 times faster.

    It stops at the first error, so a file it rejects is validated again by
    jsonschema, which reports every error with its path.
    """
    common = json.loads(schema_text("common"))
    schema = json.loads(schema_text(name))
    schema.setdefault("$defs", {}).update(common["$defs"])
    bundled = json.loads(json.dumps(schema).replace('"common.schema.json#/$defs/', '"#/$defs/'))
    bundled["$schema"] = "http://json-schema.org/draft-07/schema#"
    import fastjsonschema  # noqa: PLC0415 - see `_validator`

    check = fastjsonschema.compile(bundled)

    def valid(data: Any) -> bool:
        try:
            check(data)
        except fastjsonschema.JsonSchemaException:
            return False
        return True

    return valid


def validate(document: YamlDocument, name: SchemaName) -> list[Finding]:
    """All schema violations of one document, in file order."""
    if _fast_check(name)(document.data):
        return []
    findings = [_finding(document, error) for error in _leaf_errors(_validator(name), document)]
    return sorted(findings, key=lambda f: (f.span.line, f.span.column, f.message))


def _leaf_errors(validator: Draft202012Validator, document: YamlDocument
                 ) -> Iterator[ValidationError]:
    """The errors to report; for `oneOf`, the closest alternative's own error."""
    for error in validator.iter_errors(document.data):
        yield from _closest_alternative(error)


def _closest_alternative(error: ValidationError) -> Iterator[ValidationError]:
    """For `oneOf`, the errors of the alternative the author was writing: the one
    with the deepest error (a mapping with a bad field, not "not a string")."""
    if error.validator != "oneOf" or not error.context:
        yield error
        return
    deepest = max(error.context, key=lambda e: (len(e.path), e.validator != "type"))
    branch = deepest.relative_schema_path[0]
    for alternative in error.context:
        if alternative.relative_schema_path[0] == branch:
            yield from _closest_alternative(alternative)


def key_path(path: KeyPath) -> str:
    """`('terms', 0, 'status')` becomes `terms[0].status`; the root is `(top level)`."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(top level)"


def _finding(document: YamlDocument, error: ValidationError) -> Finding:
    path: KeyPath = tuple(error.absolute_path)
    span, message = _describe(document, error, path)
    return Finding(SCHEMA_RULE, Severity.ERROR, document.path, span,
                   f"{key_path(path)}: {message}")


def _describe(document: YamlDocument, error: ValidationError, path: KeyPath
              ) -> tuple[Span, str]:
    positions = document.positions
    kind, expected, instance = str(error.validator), error.validator_value, error.instance
    if kind == "additionalProperties" and isinstance(instance, dict):
        schema = error.schema if isinstance(error.schema, dict) else {}
        allowed = sorted(schema.get("properties", {}))
        extra = sorted(set(instance) - set(allowed))[0]
        hint = _closest(extra, allowed)
        return positions.key((*path, extra)), f"unknown key '{extra}'{hint}"
    if "propertyNames" in error.schema_path:
        # The error is about a key of the mapping at `path`: point at that key.
        return positions.key((*path, str(instance))), _value_message(kind, expected, instance,
                                                                      error)
    if kind == "required":
        missing = str(error.message).split("'")[1]
        return positions.key(path), f"missing required key '{missing}'"
    return positions.value(path), _value_message(kind, expected, instance, error)


_PATTERN_HINTS = (
    ("^[a-z0-9]+(-", "is not a valid id: " + ID_PATTERN_HINT),
    ("^https?", "is not a web address: use a full http:// or https:// URL"),
    ("^[0-9]{4}\\.", 'is not an edition: write it as a quoted year.number, such as "2025.1"'),
    ("^[0-9a-f]{16}", "is not a source hash: run `interlex translations pin` instead of "
     "editing it by hand"),
    ("^[0-9]{4}-", "is not a date: write YYYY-MM-DD"),
    ("^[A-Z]", "is not a jurisdiction code: use two or three capital letters (EU, US)"),
    ("^[a-z]{2,3}(_", "is not a language code such as fr or zh_Hant"),
)


def _value_message(kind: str, expected: Any, instance: Any, error: ValidationError) -> str:
    messages: dict[str, Any] = {
        "type": lambda: f"expected {_TYPE_NAMES.get(str(expected), expected)}, "
                        f"found {_kind(instance)}{_quote_hint(expected, instance)}",
        "enum": lambda: f"{_shown(instance)} is not one of: {', '.join(map(str, expected))}"
                        f"{_closest(str(instance), expected)}",
        "pattern": lambda: _pattern_message(str(instance), str(expected)),
        "minLength": lambda: "must not be empty",
        "maxLength": lambda: f"is longer than {expected} characters; shorten it",
        "minItems": lambda: f"needs at least {expected} item{'s' if expected != 1 else ''}",
        "uniqueItems": lambda: "lists the same item twice; remove the duplicate",
    }
    # Every validator our schemas use is listed; the fallback is jsonschema's own words.
    message: str = messages.get(kind, lambda: str(error.message))()
    return message


def _pattern_message(instance: str, pattern: str) -> str:
    hint = next((hint for prefix, hint in _PATTERN_HINTS if pattern.startswith(prefix)),
                f"does not match the pattern {pattern}")
    return f"'{instance}' {hint}"


def _shown(instance: Any) -> str:
    """Text in quotes; numbers, booleans and null as YAML writes them."""
    if isinstance(instance, str):
        return f"'{instance}'"
    if instance is None or isinstance(instance, bool):
        return {None: "null", True: "true", False: "false"}[instance]
    return str(instance)


def _quote_hint(expected: Any, instance: Any) -> str:
    if expected == "string" and isinstance(instance, int | float | bool):
        return "; put the value in quotes"
    return ""


def _kind(instance: Any) -> str:
    if instance is None:
        return "nothing (null)"
    if isinstance(instance, bool):
        return "true/false"
    names = {dict: "a mapping", list: "a list", str: "a string", int: "a number", float: "a number"}
    return names.get(type(instance), type(instance).__name__)


def _closest(word: str, choices: Any) -> str:
    matches = difflib.get_close_matches(word, [str(choice) for choice in choices], n=1)
    return f"; did you mean '{matches[0]}'?" if matches else ""
