"""A small ISO Schematron runner for the tests, with XPath 2.0 from elementpath.

The official TBX-Basic rules are XSLT 2 Schematron (`queryBinding="xslt2"`), which
lxml's XSLT 1 Schematron cannot run. This evaluates each pattern's rules as the
standard says: a node is checked by the first rule of a pattern whose context it
matches, and every failing `assert` (or firing `report`) is returned.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from elementpath import XPath2Parser, XPathContext
from lxml import etree

SCHEMATRON = "{http://purl.oclc.org/dsdl/schematron}"


def failures(document: Path, schema: Path) -> list[str]:
    tree = etree.parse(str(document))
    rules = etree.parse(str(schema)).getroot()
    namespaces = {ns.get("prefix"): ns.get("uri") for ns in rules.iter(f"{SCHEMATRON}ns")}
    parser = XPath2Parser(namespaces=namespaces)
    root = XPathContext(tree).root  # the node tree is built once, then shared by every test
    parsed: dict[str, Any] = {}

    def evaluate(expression: str, item: Any = None) -> Any:
        token = parsed.get(expression)
        if token is None:
            token = parsed[expression] = parser.parse(expression)
        context = XPathContext(root, item=item) if item is not None else XPathContext(root)
        return token, token.evaluate(context)

    found: list[str] = []
    for pattern in rules.iter(f"{SCHEMATRON}pattern"):
        seen: set[int] = set()
        for rule in pattern.iter(f"{SCHEMATRON}rule"):
            context_path = rule.get("context", "")
            path = context_path if context_path.startswith("/") else "//" + context_path
            _, nodes = evaluate(path)
            for node in nodes if isinstance(nodes, list) else [nodes]:
                if id(node) in seen:
                    continue
                seen.add(id(node))
                for test in rule:
                    if test.tag not in (f"{SCHEMATRON}assert", f"{SCHEMATRON}report"):
                        continue
                    token, value = evaluate(test.get("test"), node)
                    holds = token.boolean_value(value)
                    if holds != (test.tag == f"{SCHEMATRON}assert"):
                        found.append(f"{context_path}: {' '.join((test.text or '').split())}")
    return found
