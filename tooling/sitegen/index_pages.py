"""The A-Z index of each language, in that language's order, and a page per domain."""

from __future__ import annotations

from itertools import groupby

from tooling.model import Term, TermStatus
from tooling.sitegen.collation import index_letter, sort_key
from tooling.sitegen.context import PageContext
from tooling.sitegen.text import heading, inline, page_title
from tooling.sitegen.urls import domain_key
from tooling.sitegen.views import ConceptView


def index_page(ctx: PageContext) -> str:
    _ = ctx.gettext
    views = list(ctx.model.views[ctx.lang].values())
    translated = [v for v in views if not v.fallback]
    entries = sorted(((term, view) for view in translated for term in view.listed_terms),
                     key=lambda item: (sort_key(item[0], ctx.lang), item[1].concept.id))
    parts = [f"---\ntitle: {page_title(_('Glossary'))}\n---\n",
             heading(_("Glossary"), 1),
             inline(_("{count} concepts in {language}, in alphabetical order.").format(
                 count=len(translated), language=ctx.language_name(ctx.lang))) + "\n",
             _domains_line(ctx)]
    for letter, group in groupby(entries, key=lambda item: index_letter(item[0], ctx.lang)):
        items = "".join(_index_item(ctx, term, view) for term, view in group)
        parts.append(f"## {inline(letter)}\n\n{items}")
    missing = sorted((v for v in views if v.fallback), key=lambda v: v.label.casefold())
    if missing:
        title = inline(_("Not yet translated into {language}").format(
            language=ctx.language_name(ctx.lang)))
        items = "".join(f'- [<span lang="{ctx.source}">{inline(v.label)}</span>]'
                        f"({v.concept.id}.md)\n" for v in missing)
        parts.append(f"## {title}\n\n{items}")
    return "\n".join(parts)


def _index_item(ctx: PageContext, term: Term, view: ConceptView) -> str:
    link = f"[{inline(term.text)}]({view.concept.id}.md)"
    if term.status is TermStatus.PREFERRED:
        return f"- **{link}**\n"
    label = ctx.term_status(term.status)
    _ = ctx.gettext
    see = _("see {term}").format(term=view.label)
    return f"- {link} ({inline(label)}; {inline(see)})\n"


def _domains_line(ctx: PageContext) -> str:
    domains = ctx.model.glossary.domains or {}
    links = [f"[{inline(_domain_name(ctx, d))}]({domain_key(d).removeprefix('glossary/')})"
             for d in sorted(domains)]
    if not links:
        return ""
    _ = ctx.gettext
    return inline(_("Domains")) + ": " + " · ".join(links) + "\n"


def _domain_name(ctx: PageContext, domain_id: str) -> str:
    names = (ctx.model.glossary.domains or {})[domain_id].names
    return names.get(ctx.lang) or names.get(ctx.source) or domain_id


def domain_page(ctx: PageContext, domain_id: str) -> str:
    name = _domain_name(ctx, domain_id)
    views = [v for v in ctx.model.views[ctx.lang].values()
             if v.concept.domain and v.concept.domain.target == domain_id]
    views.sort(key=lambda v: (v.fallback, sort_key(v.preferred, ctx.lang) if v.preferred
                              else ("", "", v.label), v.concept.id))
    items = []
    for view in views:
        label = inline(view.label)
        if view.fallback:
            label = f'<span lang="{ctx.source}">{label}</span>'
        items.append(f"- [{label}](../{view.concept.id}.md)\n")
    return (f"---\ntitle: {page_title(name)}\n---\n\n# {inline(name)}\n\n" + "".join(items))
