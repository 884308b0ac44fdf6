"""The page of one concept in one language."""

from __future__ import annotations

from tooling.model import Source, Term
from tooling.sitegen.context import PageContext
from tooling.sitegen.edition_pages import citation_section
from tooling.sitegen.text import (
    attribute,
    field,
    heading,
    inline,
    page_title,
    relative_url,
    safe_url,
)
from tooling.sitegen.urls import concept_key, domain_key
from tooling.sitegen.views import ConceptView, direction


def concept_page(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    concept = view.concept
    parts = [f"---\ntitle: {page_title(view.label)}\n---\n",
             f"# {inline(view.label)} {ctx.lang_attributes(view)}".rstrip() + "\n",
             *ctx.notices(view), _terms_table(ctx, view), _source_term(ctx, view)]
    if view.entry.definition:
        parts.append(heading(_("Definition")) + "\n" + _paragraph(ctx, view, view.entry.definition))
    if view.entry.notes:
        parts.append(heading(_("Notes")) + "\n" +
                     "".join(_paragraph(ctx, view, note) for note in view.entry.notes))
    parts += [_jurisdictions(ctx, view), _sources(ctx, concept.sources), _relations(ctx, view),
              _about(ctx, view), _other_languages(ctx, view)]
    if ctx.snapshot is not None:
        parts.append(citation_section(ctx, view, ctx.snapshot))
    return "\n".join(part for part in parts if part)


def _paragraph(ctx: PageContext, view: ConceptView, text: str) -> str:
    attributes = ctx.lang_attributes(view)
    return inline(text) + (f"\n{attributes}" if attributes else "") + "\n\n"


def _terms_table(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    rows = ["| " + " | ".join(inline(x) for x in (_("Term"), _("Status"), _("Note"))) + " |",
            "| --- | --- | --- |"]
    rows += [f"| {_term_cell(ctx, view, term)} | {ctx.term_status(term.status)} | "
             f"{_term_note(ctx, view, term)} |" for term in view.entry.terms]
    return "\n".join(rows) + "\n"


def _term_cell(ctx: PageContext, view: ConceptView, term: Term) -> str:
    text = f"**{inline(term.text)}**" if term.status == "preferred" else inline(term.text)
    if view.content_lang != ctx.lang:
        text = f'<span lang="{view.content_lang}">{text}</span>'
    if term.reading:
        text += f" ({inline(term.reading)})"
    return text


def _term_note(ctx: PageContext, view: ConceptView, term: Term) -> str:
    _ = ctx.gettext
    notes = []
    if term.type:
        notes.append(inline(term.type.replace("-", " ")))
    if term.do_not_translate:
        notes.append(inline(_("not translated: used as is in every language")))
    if term.note:
        notes.append(inline(term.note))
    return "; ".join(notes)


def _source_term(ctx: PageContext, view: ConceptView) -> str:
    if ctx.lang == ctx.source or view.fallback:
        return ""
    source = ctx.model.view(ctx.source, view.concept.id)
    _ = ctx.gettext
    label = inline(_("Source term ({language})").format(
        language=ctx.language_name(ctx.source)))
    return f'{label}: <span lang="{ctx.source}">{inline(source.label)}</span>\n'


def _jurisdictions(ctx: PageContext, view: ConceptView) -> str:
    if not view.concept.jurisdictions:
        return ""
    _ = ctx.gettext
    # Jurisdiction-specific definitions are kept in the source language only.
    source_attributes = "" if ctx.lang == ctx.source else f'{{: lang="{ctx.source}" }}'
    parts = [heading(_("Definitions in law and policy"))]
    for item in view.concept.jurisdictions:
        title = inline(item.jurisdiction) + (f": {inline(item.term)}" if item.term else "")
        parts.append(f"### {title}\n\n{inline(item.definition)}\n{source_attributes}\n")
        if item.source:
            parts.append(inline(_("Source")) + ": " + _source(item.source) + "\n")
    return "\n".join(parts)


def _source(source: Source) -> str:
    url = safe_url(source.url)
    title = inline(source.title)
    linked = f'<a href="{attribute(url)}" rel="noopener">{title}</a>' if url else title
    return linked + (f", {inline(source.locator)}" if source.locator else "")


def _sources(ctx: PageContext, sources: tuple[Source, ...]) -> str:
    if not sources:
        return ""
    items = "".join(f"- {_source(source)}\n" for source in sources)
    _ = ctx.gettext
    return heading(_("Sources")) + "\n" + items


def _relations(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    parts = []
    for label, references in ((_("Broader concepts"), view.concept.broader),
                              (_("Related concepts"), view.concept.related)):
        links = [_concept_link(ctx, ref.target) for ref in references]
        if links:
            parts.append(f"**{inline(label)}:** " + ", ".join(links) + "\n")
    return "\n".join(parts)


def _concept_link(ctx: PageContext, concept_id: str) -> str:
    target = ctx.model.views[ctx.lang].get(concept_id)
    if target is None:  # retired or unknown: the check reports it; the page names it
        return inline(concept_id)
    return f"[{inline(target.label)}]({concept_id}.md)"


def _about(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    lines = [field(_("Review status"), ctx.state(view.state))]
    domain = view.concept.domain
    if domain and ctx.model.glossary.domains and domain.target in ctx.model.glossary.domains:
        names = ctx.model.glossary.domains[domain.target].names
        name = names.get(ctx.lang) or names.get(ctx.source) or domain.target
        link = domain_key(domain.target).removeprefix("glossary/")
        lines.append(field(_("Domain"), f"[{inline(name)}]({link})"))
    if view.concept.since:
        lines.append(field(_("In the glossary since"), inline(view.concept.since)))
    return heading(_("About this entry")) + "\n" + "  \n".join(lines) + "\n"


def _other_languages(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    here = ctx.url(ctx.lang, concept_key(view.concept.id))
    rows = []
    for language in ctx.model.project.languages:
        if language.code == ctx.lang:
            continue
        other = ctx.model.view(language.code, view.concept.id)
        href = relative_url(here, ctx.url(language.code, concept_key(view.concept.id)))
        term = ("—" if other.fallback else
                f'<span lang="{language.code}" dir="{direction(language.code)}">'
                f"{attribute(other.label)}</span>")
        rows.append(f'<tr><td><a href="{attribute(href)}" hreflang="{language.code}" '
                    f'lang="{language.code}">{attribute(language.name)}</a></td>'
                    f"<td>{term}</td><td>{attribute(ctx.state(other.state))}</td></tr>")
    header = "".join(f"<th>{attribute(label)}</th>"
                     for label in (_("Language"), _("Term"), _("Review status")))
    return (heading(_("In other languages")) + "\n<table>\n"
            f"<thead><tr>{header}</tr></thead>\n<tbody>\n" + "\n".join(rows) +
            "\n</tbody>\n</table>\n")

