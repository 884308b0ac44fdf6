"""The page of one concept in one language.

Below its title the page is one block of HTML, written here with every piece of
glossary text escaped: Python-Markdown passes such a block through without its
inline processing, which on thousands of concept pages was the build's largest
cost. Links are made relative here, as MkDocs would make them.
"""

from __future__ import annotations

from tooling.model import Source, Term
from tooling.sitegen.context import PageContext
from tooling.sitegen.edition_pages import citation_section
from tooling.sitegen.text import attribute as text
from tooling.sitegen.text import inline, page_title, relative_url, safe_url
from tooling.sitegen.urls import concept_key, domain_key
from tooling.sitegen.views import ConceptView, direction


def concept_page(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    # Material's search would parse each page's HTML; Interlex indexes concept pages
    # itself, from the glossary (see SiteBuild.search_entries).
    head = (f"---\ntitle: {page_title(view.label)}\nsearch:\n  exclude: true\n---\n\n"
            + f"# {inline(view.label)} {ctx.lang_attributes(view)}".rstrip() + "\n\n")
    here = ctx.url(ctx.lang, concept_key(view.concept.id))
    body = [*ctx.notices(view), _terms_table(ctx, view), _source_term(ctx, view)]
    if view.entry.definition:
        body += [_heading("definition", _("Definition")), _paragraph(ctx, view,
                                                                    view.entry.definition)]
    if view.entry.notes:
        body += [_heading("notes", _("Notes"))]
        body += [_paragraph(ctx, view, note) for note in view.entry.notes]
    body += [_jurisdictions(ctx, view), _sources(ctx, view.concept.sources),
             _relations(ctx, view, here), _about(ctx, view, here),
             _other_languages(ctx, view, here)]
    page = head + '<div class="interlex-concept">\n' + "".join(body) + "</div>\n"
    if ctx.snapshot is not None:
        page += "\n" + citation_section(ctx, view, ctx.snapshot)
    return page


def _heading(anchor: str, title: str) -> str:
    return f'<h2 id="{anchor}">{text(title)}</h2>\n'


def _lang(ctx: PageContext, view: ConceptView) -> str:
    """lang and dir attributes for text in the entry's language, when it is not the
    page's own (a fallback to the source language)."""
    if view.content_lang == ctx.lang:
        return ""
    return f' lang="{view.content_lang}" dir="{direction(view.content_lang)}"'


def _paragraph(ctx: PageContext, view: ConceptView, value: str) -> str:
    return f"<p{_lang(ctx, view)}>{text(value)}</p>\n"


def _terms_table(ctx: PageContext, view: ConceptView) -> str:
    _ = ctx.gettext
    header = "".join(f"<th>{text(x)}</th>" for x in (_("Term"), _("Status"), _("Note")))
    rows = "".join(f"<tr><td>{_term_cell(ctx, view, term)}</td>"
                   f"<td>{text(ctx.term_status(term.status))}</td>"
                   f"<td>{_term_note(ctx, term)}</td></tr>\n" for term in view.entry.terms)
    return f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n"


def _term_cell(ctx: PageContext, view: ConceptView, term: Term) -> str:
    cell = f"<strong>{text(term.text)}</strong>" if term.status == "preferred" else text(
        term.text)
    if view.content_lang != ctx.lang:
        cell = f'<span lang="{view.content_lang}">{cell}</span>'
    if term.reading:
        cell += f" ({text(term.reading)})"
    return cell


def _term_note(ctx: PageContext, term: Term) -> str:
    _ = ctx.gettext
    notes = []
    if term.type:
        notes.append(term.type.replace("-", " "))
    if term.do_not_translate:
        notes.append(_("not translated: used as is in every language"))
    if term.note:
        notes.append(term.note)
    return text("; ".join(notes))


def _source_term(ctx: PageContext, view: ConceptView) -> str:
    if ctx.lang == ctx.source or view.fallback:
        return ""
    _ = ctx.gettext
    source = ctx.model.view(ctx.source, view.concept.id)
    label = _("Source term ({language})").format(language=ctx.language_name(ctx.source))
    return f'<p>{text(label)}: <span lang="{ctx.source}">{text(source.label)}</span></p>\n'


def _jurisdictions(ctx: PageContext, view: ConceptView) -> str:
    if not view.concept.jurisdictions:
        return ""
    _ = ctx.gettext
    # Jurisdiction-specific definitions are kept in the source language only.
    lang = "" if ctx.lang == ctx.source else f' lang="{ctx.source}"'
    parts = [_heading("definitions-in-law-and-policy", _("Definitions in law and policy"))]
    for item in view.concept.jurisdictions:
        title = item.jurisdiction + (f": {item.term}" if item.term else "")
        parts.append(f"<h3>{text(title)}</h3>\n<p{lang}>{text(item.definition)}</p>\n")
        if item.source:
            label = _("Source")
            parts.append(f"<p>{text(label)}: {_source(item.source)}</p>\n")
    return "".join(parts)


def _source(source: Source) -> str:
    url = safe_url(source.url)
    title = text(source.title)
    linked = f'<a href="{text(url)}" rel="noopener">{title}</a>' if url else title
    return linked + (f", {text(source.locator)}" if source.locator else "")


def _sources(ctx: PageContext, sources: tuple[Source, ...]) -> str:
    if not sources:
        return ""
    _ = ctx.gettext
    items = "".join(f"<li>{_source(source)}</li>\n" for source in sources)
    return _heading("sources", _("Sources")) + f"<ul>\n{items}</ul>\n"


def _relations(ctx: PageContext, view: ConceptView, here: str) -> str:
    _ = ctx.gettext
    parts = []
    for label, references in ((_("Broader concepts"), view.concept.broader),
                              (_("Related concepts"), view.concept.related)):
        links = [_concept_link(ctx, ref.target, here) for ref in references]
        if links:
            parts.append(f"<p><strong>{text(label)}:</strong> " + ", ".join(links) + "</p>\n")
    return "".join(parts)


def _concept_link(ctx: PageContext, concept_id: str, here: str) -> str:
    target = ctx.model.views[ctx.lang].get(concept_id)
    if target is None:  # retired or unknown: the check reports it; the page names it
        return text(concept_id)
    href = relative_url(here, ctx.url(ctx.lang, concept_key(concept_id)))
    return f'<a href="{text(href)}">{text(target.label)}</a>'


def _about(ctx: PageContext, view: ConceptView, here: str) -> str:
    _ = ctx.gettext
    lines = [_field(_("Review status"), text(ctx.state(view.state)))]
    domain = view.concept.domain
    if domain and ctx.model.glossary.domains and domain.target in ctx.model.glossary.domains:
        names = ctx.model.glossary.domains[domain.target].names
        name = names.get(ctx.lang) or names.get(ctx.source) or domain.target
        href = relative_url(here, ctx.url(ctx.lang, domain_key(domain.target)))
        lines.append(_field(_("Domain"), f'<a href="{text(href)}">{text(name)}</a>'))
    if view.concept.since:
        lines.append(_field(_("In the glossary since"), text(view.concept.since)))
    return (_heading("about-this-entry", _("About this entry")) + "<p>" + "<br>\n".join(lines)
            + "</p>\n")


def _field(label: str, value: str) -> str:
    return f"<strong>{text(label)}:</strong> {value}"


def _other_languages(ctx: PageContext, view: ConceptView, here: str) -> str:
    _ = ctx.gettext
    rows = []
    for language in ctx.model.project.languages:
        if language.code == ctx.lang:
            continue
        other = ctx.model.view(language.code, view.concept.id)
        href = relative_url(here, ctx.url(language.code, concept_key(view.concept.id)))
        term = ("—" if other.fallback else
                f'<span lang="{language.code}" dir="{direction(language.code)}">'
                f"{text(other.label)}</span>")
        rows.append(f'<tr><td><a href="{text(href)}" hreflang="{language.code}" '
                    f'lang="{language.code}">{text(language.name)}</a></td>'
                    f"<td>{term}</td><td>{text(ctx.state(other.state))}</td></tr>\n")
    header = "".join(f"<th>{text(label)}</th>"
                     for label in (_("Language"), _("Term"), _("Review status")))
    return (_heading("in-other-languages", _("In other languages")) +
            f"<table>\n<thead><tr>{header}</tr></thead>\n<tbody>\n" + "".join(rows) +
            "</tbody>\n</table>\n")
