"""`interlex export`: the glossary as TBX-Basic, CSV, JSON or SKOS (JSON-LD), to a stream.

TBX is TBX-Basic (ISO 30042:2019), DCA style: each term's status is its
`administrativeStatus`; definitions, notes, sources, the subject field, part of
speech and term type are carried in their TBX-Basic data categories. TBX-Basic
has no category for "do not translate", so such a term carries the note
`do-not-translate` in its termSec, and the review status of a language entry is a
note `review: draft|reviewed|approved` in its langSec.

Every translated entry carries a fingerprint of itself as exported (the
`import_merge.fingerprint` of its `csv_record` or `tbx_record`): the CSV column
`entry_hash`, the TBX langSec note `interlex-entry-hash: <hash>`. TBX-Basic permits
only the admin types customerSubset and projectSubset (concept and term level) and
source, none of which means this, while a note is ISO 30042's category for information
no other category covers. An import compares it with the repository to tell a conflict
(both changed since the export) from an outdated file (only the repository changed).

CSV has one row per term, UTF-8 with a header; a cell that a spreadsheet would
take for a formula (starting with = + - @ or a tab or carriage return) is written
with a leading apostrophe, so opening an export can never run anything.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator, Sequence
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from tooling.errors import InterlexError
from tooling.import_merge import EntryRecord, TermRecord, fingerprint
from tooling.model import Concept, ConceptStatus, Entry, Glossary
from tooling.project import Project

TBX_NAMESPACE = "urn:iso:std:iso:30042:ed-2"
SKOS = "http://www.w3.org/2004/02/skos/core#"
TERM_TYPES = {"full-form": "fullForm", "acronym": "acronym", "abbreviation": "abbreviation",
              "short-form": "shortForm", "variant": "variant", "phrase": "phrase"}
PARTS_OF_SPEECH = {"noun": "noun", "proper-noun": "noun", "verb": "verb",
                   "adjective": "adjective", "adverb": "adverb", "other": "other"}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
CSV_COLUMNS = ("concept", "lang", "term", "status", "type", "part_of_speech", "case_sensitive",
               "do_not_translate", "forms", "definition", "review", "domain", "entry_hash")
STATUS_SUFFIX = "Term-admn-sts"
REVIEW_NOTE = "review: "
DO_NOT_TRANSLATE_NOTE = "do-not-translate"
ENTRY_HASH_NOTE = "interlex-entry-hash: "


def _review(entry: Entry) -> str | None:
    return str(entry.review.status) if entry.review else None


def csv_record(entry: Entry) -> EntryRecord:
    """The entry as a CSV export has it: every term column, no notes."""
    terms = tuple(TermRecord(t.text, str(t.status or ""), t.type or "", t.part_of_speech or "",
                             t.case_sensitive, t.do_not_translate, tuple(t.forms))
                  for t in entry.terms)
    return EntryRecord(entry.concept, entry.path, terms, entry.definition or None, None,
                       _review(entry))


def tbx_record(entry: Entry) -> EntryRecord:
    """The entry as a TBX export has it: no forms, no case sensitivity, part of speech in
    TBX-Basic's values, and only what is set."""
    terms = tuple(TermRecord(t.text, str(t.status or ""), t.type or None,
                             PARTS_OF_SPEECH.get(t.part_of_speech or ""), None,
                             t.do_not_translate or None, None, t.note or None)
                  for t in entry.terms)
    return EntryRecord(entry.concept, entry.path, terms, entry.definition or None,
                       tuple(entry.notes) or None, _review(entry))


def entries_by_language(project: Project, glossary: Glossary, langs: Sequence[str],
                        concept: Concept) -> Iterator[Entry]:
    """The concept's entries in the chosen languages (all when none is chosen), in the
    order of mkdocs.yml, translated ones only."""
    for lang in project.languages:
        if langs and lang.code not in langs:
            continue
        if lang.code == project.source.code:
            yield concept.entry
            continue
        locale = glossary.locales.get(lang.code)
        entry = locale.entries.get(concept.id) if locale else None
        if entry is not None and entry.is_translated:
            yield entry


def _concepts(glossary: Glossary) -> list[Concept]:
    return [c for _, c in sorted(glossary.concepts.items()) if c.status is not
            ConceptStatus.RETIRED]


def check_languages(project: Project, langs: Sequence[str]) -> None:
    unknown = sorted(set(langs) - project.codes)
    if unknown:
        raise InterlexError(f"not a language of this project: {', '.join(unknown)}; the "
                            f"languages are {', '.join(sorted(project.codes))}")


def write_tbx(project: Project, glossary: Glossary, langs: Sequence[str], out: TextIO) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<tbx type="TBX-Basic" style="dca" xml:lang="{project.source.code}" '
              f'xmlns="{TBX_NAMESPACE}">\n')
    out.write("  <tbxHeader>\n    <fileDesc>\n      <sourceDesc>\n        <p>Interlex glossary "
              "export</p>\n      </sourceDesc>\n    </fileDesc>\n  </tbxHeader>\n")
    out.write("  <text>\n    <body>\n")
    for concept in _concepts(glossary):
        out.write(_tbx_concept(project, glossary, langs, concept))
    out.write("    </body>\n  </text>\n</tbx>\n")


def _tbx_concept(project: Project, glossary: Glossary, langs: Sequence[str],
                 concept: Concept) -> str:
    lines = [f"      <conceptEntry id={quoteattr(concept.id)}>"]
    if concept.domain is not None:
        lines.append(f'        <descrip type="subjectField">{escape(concept.domain.target)}'
                     "</descrip>")
    for source in concept.sources:
        if source.url:
            lines.append(f'        <xref type="externalCrossReference" '
                         f"target={quoteattr(source.url)}>{escape(source.title)}</xref>")
        else:
            lines.append(f'        <admin type="source">{escape(source.title)}</admin>')
    for entry in entries_by_language(project, glossary, langs, concept):
        lines += _tbx_language(entry, entry.lang == project.source.code)
    lines.append("      </conceptEntry>\n")
    return "\n".join(lines)


def _tbx_language(entry: Entry, source: bool) -> list[str]:
    lines = [f"        <langSec xml:lang={quoteattr(entry.lang)}>"]
    if entry.definition:
        lines.append(f'          <descrip type="definition">{escape(entry.definition)}</descrip>')
    lines += [f"          <note>{escape(note)}</note>" for note in entry.notes]
    if entry.review is not None:
        lines.append(f"          <note>{REVIEW_NOTE}{entry.review.status}</note>")
    if not source:
        lines.append(f"          <note>{ENTRY_HASH_NOTE}{fingerprint(tbx_record(entry))}</note>")
    for term in entry.terms:
        lines.append(f"          <termSec>\n            <term>{escape(term.text)}</term>")
        if term.status is not None:
            lines.append('            <termNote type="administrativeStatus">'
                         f"{term.status}{STATUS_SUFFIX}</termNote>")
        if term.part_of_speech:
            lines.append('            <termNote type="partOfSpeech">'
                         f"{PARTS_OF_SPEECH[term.part_of_speech]}</termNote>")
        if term.type:
            lines.append(f'            <termNote type="termType">{TERM_TYPES[term.type]}'
                         "</termNote>")
        if term.do_not_translate:
            lines.append(f"            <note>{DO_NOT_TRANSLATE_NOTE}</note>")
        if term.note:
            lines.append(f"            <note>{escape(term.note)}</note>")
        lines.append("          </termSec>")
    lines.append("        </langSec>")
    return lines


def _safe_cell(value: str) -> str:
    """The cell for `value`: behind an apostrophe when it would start a formula, and
    also when it starts with apostrophes before that, so that the import, which takes
    one apostrophe away, reads back the value as it was."""
    return "'" + value if value.lstrip("'").startswith(FORMULA_START) else value


def write_csv(project: Project, glossary: Glossary, langs: Sequence[str], out: TextIO) -> None:
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for concept in _concepts(glossary):
        domain = concept.domain.target if concept.domain else ""
        for entry in entries_by_language(project, glossary, langs, concept):
            review = _review(entry) or ""
            exported = "" if entry.lang == project.source.code else fingerprint(csv_record(entry))
            for term in entry.terms:
                row = (concept.id, entry.lang, term.text, str(term.status or ""), term.type or "",
                       term.part_of_speech or "", "yes" if term.case_sensitive else "",
                       "yes" if term.do_not_translate else "", " | ".join(term.forms),
                       entry.definition or "", review, domain, exported)
                writer.writerow([_safe_cell(cell) for cell in row])


def _json_entry(entry: Entry) -> dict[str, Any]:
    return {
        "terms": [{"term": t.text, "status": str(t.status or ""), "type": t.type,
                   "part_of_speech": t.part_of_speech, "case_sensitive": t.case_sensitive,
                   "do_not_translate": t.do_not_translate, "forms": list(t.forms)}
                  for t in entry.terms],
        "definition": entry.definition,
        "notes": list(entry.notes),
        "review": str(entry.review.status) if entry.review else None,
    }


def write_json(project: Project, glossary: Glossary, langs: Sequence[str], out: TextIO) -> None:
    concepts = [{
        "id": concept.id,
        "status": str(concept.status),
        "domain": concept.domain.target if concept.domain else None,
        "since": concept.since,
        "related": [r.target for r in concept.related],
        "broader": [r.target for r in concept.broader],
        "sources": [{"title": s.title, "url": s.url, "locator": s.locator}
                    for s in concept.sources],
        "languages": {entry.lang: _json_entry(entry) for entry in
                      entries_by_language(project, glossary, langs, concept)},
    } for concept in _concepts(glossary)]
    json.dump({"source_language": project.source.code, "concepts": concepts}, out,
              ensure_ascii=False, indent=2)
    out.write("\n")


def write_skos(project: Project, glossary: Glossary, langs: Sequence[str], out: TextIO) -> None:
    """SKOS as JSON-LD: one skos:prefLabel per language, admitted terms as altLabel,
    deprecated and superseded ones as hiddenLabel (still found, never shown)."""
    labels = {"preferred": "skos:prefLabel", "admitted": "skos:altLabel",
              "deprecated": "skos:hiddenLabel", "superseded": "skos:hiddenLabel"}
    graph = []
    for concept in _concepts(glossary):
        node: dict[str, Any] = {"@id": f"concept/{concept.id}", "@type": "skos:Concept",
                                "skos:inScheme": {"@id": "scheme"}}
        for entry in entries_by_language(project, glossary, langs, concept):
            for term in entry.terms:
                if term.status is not None:
                    node.setdefault(labels[term.status], []).append(
                        {"@value": term.text, "@language": entry.lang})
            if entry.definition:
                node.setdefault("skos:definition", []).append(
                    {"@value": entry.definition, "@language": entry.lang})
        for key, refs in (("skos:related", concept.related), ("skos:broader", concept.broader)):
            if refs:
                node[key] = [{"@id": f"concept/{r.target}"} for r in refs]
        graph.append(node)
    document = {"@context": {"skos": SKOS, "@base": "https://interlex.example.org/glossary/"},
                "@graph": [{"@id": "scheme", "@type": "skos:ConceptScheme"}, *graph]}
    json.dump(document, out, ensure_ascii=False, indent=2)
    out.write("\n")


WRITERS = {"tbx": write_tbx, "csv": write_csv, "json": write_json, "skos": write_skos}
