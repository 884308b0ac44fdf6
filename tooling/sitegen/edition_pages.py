"""What an edition adds to the site: the changes since the previous edition, and on each
concept page its permanent URL, a suggested citation and its history."""

from __future__ import annotations

from tooling.editions import Changelog, LanguageChanges, Snapshot, compare, concept_history
from tooling.sitegen.context import PageContext
from tooling.sitegen.text import attribute, heading, inline, page_title
from tooling.sitegen.urls import CHANGES, concept_key
from tooling.sitegen.views import ConceptView


def changes_page(ctx: PageContext, current: Snapshot) -> str:
    _ = ctx.gettext
    assert ctx.edition is not None
    title = _("Changes in edition {edition}").format(edition=ctx.edition.name)
    parts = [f"---\ntitle: {page_title(title)}\n---\n", heading(title, 1)]
    previous = ctx.edition.previous
    if previous is None:
        parts.append(inline(_("This is the first edition: every concept is new.")) + "\n")
        return "\n".join(parts)
    parts.append(inline(_("What changed in the glossary since edition {previous}.").format(
        previous=previous[0])) + "\n")
    order = [ctx.lang] + [lang.code for lang in ctx.model.project.languages
                          if lang.code != ctx.lang]
    changelog = compare(previous[1], current, order, (previous[0], ctx.edition.name))
    parts += [_language_section(ctx, changes, changelog) for changes in changelog.languages]
    return "\n".join(parts)


def _language_section(ctx: PageContext, changes: LanguageChanges, changelog: Changelog) -> str:
    _ = ctx.gettext
    body = [heading(ctx.language_name(changes.lang))]
    if changes.empty:
        body.append(inline(_("No changes.")) + "\n")
    groups = ((_("Concepts added"), [_concept(ctx, c) for c in changes.added]),
              (_("Concepts retired"), [inline(c) for c in changes.retired]),
              (_("Definitions changed"), [_concept(ctx, c) for c in changes.definition_changed]),
              (_("Terms added"), [_term(ctx, c, t, changes.lang) for c, t in changes.terms_added]),
              (_("Terms deprecated"), [_term(ctx, c, t, changes.lang)
                                       for c, t in changes.deprecated]),
              (_("Terms superseded"), [_term(ctx, c, t, changes.lang)
                                       for c, t in changes.superseded]))
    for label, items in groups:
        if items:
            body.append(f"**{inline(label)}:** " + ", ".join(items) + "\n")
    return "\n".join(body)


def _concept(ctx: PageContext, concept_id: str) -> str:
    """A concept of this edition (retired ones are listed by id, without a link)."""
    view = ctx.model.views[ctx.lang][concept_id]
    return f"[{inline(view.label)}]({concept_id}.md)"


def _term(ctx: PageContext, concept_id: str, term: str, lang: str) -> str:
    return f'<span lang="{attribute(lang)}">{inline(term)}</span> ({_concept(ctx, concept_id)})'


def citation_section(ctx: PageContext, view: ConceptView, current: Snapshot) -> str:
    """The permanent URL of the concept in this edition, a citation, and its history."""
    _ = ctx.gettext
    edition = ctx.edition
    assert edition is not None  # there is a snapshot only when an edition is built
    permalink = edition.site_url + ctx.url(ctx.lang, concept_key(view.concept.id))
    citation = _("{publisher}. “{term}”. In: Interlex glossary, edition {edition}. {url}").format(
        publisher=edition.publisher, term=view.label, edition=edition.name, url=permalink)
    lines = [heading(_("Cite this entry")),
             inline(_("Permanent link")) + f': <a href="{attribute(permalink)}" '
             f'class="interlex-permalink">{attribute(permalink)}</a>\n',
             f'<p class="interlex-citation">{attribute(citation)}</p>\n',
             heading(_("History"))]
    changes_link = CHANGES.removeprefix("glossary/")
    labels = {"added": _("added"), "definition": _("definition changed"),
              "terms": _("terms added"), "deprecated": _("a term deprecated"),
              "superseded": _("a term superseded")}
    items = []
    for name, kinds in concept_history(edition, current, view.concept.id, view.content_lang):
        what = ", ".join(labels[kind] for kind in kinds)
        label = _("Edition {edition}").format(edition=name)
        items.append(f"- {inline(label)}: {inline(what)}\n")
    lines.append("".join(items))
    all_changes = _("All changes in this edition")
    lines.append(f"[{inline(all_changes)}]({changes_link})\n")
    return "\n".join(lines)
