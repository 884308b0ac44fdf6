"""Writers for `interlex status`: text for people, JSON for tools, Markdown for the site."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any, TextIO

from tooling.status import Counts, LanguageStatus, State, StatusReport

TODO_SHOWN = 10
_STATES = [str(state) for state in State]


def _counts_text(counts: Counts) -> str:
    parts = ", ".join(f"{getattr(counts, s)} {s}" for s in _STATES)
    return f"{counts.total:>4}: {parts}"


def write_text(report: StatusReport, out: TextIO) -> None:
    out.write(f"Translation status (source language: {report.source})\n")
    for language in report.languages:
        need = "required" if language.required else "partial"
        out.write(f"\n{language.lang}  {language.name} ({need})\n")
        out.write(f"  concepts  {_counts_text(language.concepts)}\n")
        out.write(f"  documents {_counts_text(language.documents)}\n")
        _write_todo(language, out)


def _write_todo(language: LanguageStatus, out: TextIO) -> None:
    if not language.todo:
        drafts = language.concepts.draft + language.documents.draft
        out.write(f"  next: nothing stale or missing; {drafts} draft(s) await review\n"
                  if drafts else "  next: nothing to do\n")
        return
    out.write(f"  next ({len(language.todo)}):\n")
    for todo in language.todo[:TODO_SHOWN]:
        out.write(f"    {todo.state:<8} {todo.kind:<9} {todo.item:<40} {todo.path}\n")
    if len(language.todo) > TODO_SHOWN:
        out.write(f"    ... and {len(language.todo) - TODO_SHOWN} more (--format json lists "
                  "all)\n")


def as_json(report: StatusReport) -> dict[str, Any]:
    def counts(c: Counts) -> dict[str, int]:
        return {**{s: getattr(c, s) for s in _STATES}, "total": c.total}

    return {
        "source": report.source,
        "languages": [{
            "lang": lang.lang, "name": lang.name, "required": lang.required,
            "concepts": counts(lang.concepts), "documents": counts(lang.documents),
            "todo": [asdict(todo) | {"state": str(todo.state)} for todo in lang.todo],
        } for lang in report.languages],
    }


def write_json(report: StatusReport, out: TextIO) -> None:
    json.dump(as_json(report), out, ensure_ascii=False, indent=2)
    out.write("\n")


def write_markdown(report: StatusReport, out: TextIO) -> None:
    header = ["Language", "Required"] + [f"Concepts {s}" for s in _STATES] + [
        f"Documents {s}" for s in _STATES]
    out.write("| " + " | ".join(header) + " |\n")
    out.write("|" + "---|" * len(header) + "\n")
    for lang in report.languages:
        cells = [f"{lang.name} (`{lang.lang}`)", "yes" if lang.required else "partial"]
        cells += [str(getattr(lang.concepts, s)) for s in _STATES]
        cells += [str(getattr(lang.documents, s)) for s in _STATES]
        out.write("| " + " | ".join(cells) + " |\n")


WRITERS = {"text": write_text, "json": write_json, "markdown": write_markdown}
