"""The translation status page and the downloads page, and the exports they link."""

from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from tooling.export import write_csv, write_json, write_skos, write_tbx
from tooling.fileio import write_atomic
from tooling.model import Glossary
from tooling.project import Project
from tooling.sitegen.context import PageContext
from tooling.sitegen.text import attribute, inline, page_title, relative_url
from tooling.sitegen.urls import DOWNLOADS
from tooling.status import Counts, State, StatusReport

DOWNLOADS_DIR = "downloads"


@dataclass(frozen=True)
class Export:
    filename: str
    label: str
    writer: Callable[[Project, Glossary, tuple[str, ...], TextIO], None]


EXPORTS = (
    Export("interlex-glossary.tbx", "TBX-Basic (ISO 30042)", write_tbx),
    Export("interlex-glossary.csv", "CSV (UTF-8)", write_csv),
    Export("interlex-glossary.json", "JSON", write_json),
    Export("interlex-glossary.jsonld", "SKOS (JSON-LD)", write_skos),
)


def write_exports(project: Project, glossary: Glossary, site_dir: Path) -> list[Path]:
    """Write every export of the whole glossary into the built site's downloads folder."""
    folder = site_dir / DOWNLOADS_DIR
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for export in EXPORTS:
        out = io.StringIO()
        export.writer(project, glossary, (), out)
        write_atomic(folder / export.filename, out.getvalue(), durable=False)  # build output
        written.append(folder / export.filename)
    return written


def status_page(ctx: PageContext, report: StatusReport) -> str:
    _ = ctx.gettext
    states = [State.APPROVED, State.REVIEWED, State.DRAFT, State.STALE, State.MISSING]
    header = ("| " + " | ".join(inline(x) for x in [_("Language"), _("Entries")] +
                                [ctx.state(s) for s in states]) + " |\n" +
              "| --- " * (len(states) + 2) + "|\n")
    sections = []
    for kind, title in (("concepts", _("Glossary concepts")),
                        ("documents", _("Guidance documents"))):
        rows = "".join(_status_row(ctx, status.lang, getattr(status, kind), states)
                       for status in report.languages)
        sections.append(f"## {inline(title)}\n\n{header}{rows}")
    intro = inline(_("How far each language's translation has come. A draft translation has "
                     "not been reviewed by a human translator; an outdated one was made from "
                     "an earlier version of its source."))
    title = _("Translation status")
    return (f"---\ntitle: {page_title(title)}\n---\n\n# {inline(title)}\n\n{intro}\n\n" +
            "\n".join(sections))


def _status_row(ctx: PageContext, lang: str, counts: Counts, states: list[State]) -> str:
    cells = [f'<span lang="{lang}">{attribute(ctx.language_name(lang))}</span>',
             str(counts.total)] + [str(getattr(counts, s.value)) for s in states]
    return "| " + " | ".join(cells) + " |\n"


def downloads_page(ctx: PageContext) -> str:
    _ = ctx.gettext
    here = ctx.url(ctx.lang, DOWNLOADS)
    items = []
    for export in EXPORTS:
        href = relative_url(here, f"{DOWNLOADS_DIR}/{export.filename}")
        items.append(f'- <a href="{attribute(href)}" download>{attribute(export.filename)}</a>'
                     f" — {inline(export.label)}\n")
    intro = inline(_("The whole glossary, every language, in formats that terminology tools "
                     "and spreadsheets read. They are produced by the same build as this site."))
    title = _("Downloads")
    return (f"---\ntitle: {page_title(title)}\n---\n\n# {inline(title)}\n\n{intro}\n\n" +
            "".join(items))
