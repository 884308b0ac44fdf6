"""Suppression comments in Markdown: `<!-- interlex-disable RULE... -->` and friends.

    <!-- interlex-disable deprecated-term -->   ... until interlex-enable (or the end)
    <!-- interlex-enable -->
    <!-- interlex-disable-next-line admitted-term -->

Without rule names, every rule is disabled.
"""

from __future__ import annotations

import re

from tooling.findings import record

_DIRECTIVE = re.compile(r"<!--\s*interlex-(disable-next-line|disable|enable)\b(.*?)-->")
ALL = "*"


@record
class Suppressions:
    ranges: tuple[tuple[str, int, int], ...]
    """(rule or ALL, first line, last line), 1-based and inclusive."""

    def covers(self, rule: str, line: int) -> bool:
        return any(name in (rule, ALL) and first <= line <= last
                   for name, first, last in self.ranges)


def suppressions(text: str) -> Suppressions:
    if "interlex-" not in text:
        return Suppressions(())
    ranges: list[tuple[str, int, int]] = []
    open_since: dict[str, int] = {}
    lines = text.split("\n")
    for number, line in enumerate(lines, start=1):
        for match in _DIRECTIVE.finditer(line):
            kind, names = match.group(1), match.group(2).split() or [ALL]
            if kind == "disable-next-line":
                ranges += [(name, number + 1, number + 1) for name in names]
            elif kind == "disable":
                for name in names:
                    open_since.setdefault(name, number)
            else:
                ranges += [(name, first, number) for name, first in open_since.items()]
                open_since.clear()
    ranges += [(name, first, len(lines)) for name, first in open_since.items()]
    return Suppressions(tuple(ranges))
