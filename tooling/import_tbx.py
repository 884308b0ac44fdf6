"""`interlex import tbx FILE --lang L`: merge a TBX-Basic file into a locale file.

The file is TBX-Basic (ISO 30042:2019), DCA style, as `interlex export tbx` writes it
or as a CAT tool does. Each conceptEntry with a langSec in language L becomes one
record for `import_merge`: its terms (`administrativeStatus`, `partOfSpeech`,
`termType`, the term's notes, the note `do-not-translate`), the langSec's definition
(direct or in a descripGrp) and notes, the note `review: ...` and the note
`interlex-entry-hash: ...` that an export records for the conflict check. A term with
no status is preferred when it is its language's only term (as standards read a
single-term entry), admitted otherwise. What TBX does not carry (inflected forms, case
sensitivity) and what the file leaves out (no definition, no note) keeps the
repository's value.

A conceptEntry is matched to a concept by its id; when the id is not a concept id (a
file from another tool), by its preferred term in the source language. An entry that
matches no concept, or several, is reported, never invented.

The file is read with lxml, hardened: no network, no DTD, no entity is expanded, and
libxml2's limits on depth and text size stay on. A file that declares a DTD is
refused before it is parsed: it is how external entities (XXE) and entity bombs
("billion laughs") get in. Every failure is an `InterlexError` with path:line:col.
"""

from __future__ import annotations

import codecs
import functools
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import cast

from lxml import etree

from tooling.errors import InterlexError
from tooling.export import (
    DO_NOT_TRANSLATE_NOTE,
    ENTRY_HASH_NOTE,
    PARTS_OF_SPEECH,
    REVIEW_NOTE,
    STATUS_SUFFIX,
    TBX_NAMESPACE,
    TERM_TYPES,
    tbx_record,
)
from tooling.hashing import normalize_text
from tooling.import_merge import (
    EntryRecord,
    ImportResult,
    TermRecord,
    check_record,
    merge,
    open_target,
)
from tooling.model import Glossary, TermStatus
from tooling.project import Project

MAX_TBX_BYTES = 128 << 20
"""A glossary of thousands of concepts in a dozen languages is a few tens of MiB."""
NS = {"t": TBX_NAMESPACE}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_STATUSES = {f"{status}{STATUS_SUFFIX}": str(status) for status in TermStatus}
_TYPES = {tbx: ours for ours, tbx in TERM_TYPES.items()}
_PARTS = {tbx: tbx for tbx in PARTS_OF_SPEECH.values()}
_DEFINITIONS = "t:descrip[@type='definition'] | t:descripGrp/t:descrip[@type='definition']"
_FIX_ID = "give it the id of its concept (a file name in glossary/ without .yaml)"
_LOCATED = tuple(f"{{{TBX_NAMESPACE}}}{name}" for name in ("conceptEntry", "langSec", "termSec"))
Element = etree._Element


@dataclass(frozen=True)
class _Found:
    """A conceptEntry with a langSec in the language imported."""

    id: str
    where: str
    source: Element | None
    """Its langSec in the source language, to find its concept by when the id is unknown."""
    record: EntryRecord


def _parser() -> etree.XMLParser:
    return etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                           dtd_validation=False, huge_tree=False, remove_comments=True,
                           remove_pis=True)


def _position(path: Path, text: str, index: int) -> str:
    line_start = text.rfind("\n", 0, index) + 1
    return f"{path}:{text.count(chr(10), 0, index) + 1}:{index - line_start + 1}"


class _Locator:
    """path:line:col of an element. lxml knows the line its start tag ends on; the column
    is found in the text: the nth tag of that name on the line when several share it (a
    file on one line), or the nearest one above (a start tag over several lines)."""

    def __init__(self, path: Path, text: str, root: Element) -> None:
        self.path = path
        self.lines = text.split("\n")
        self.nth: dict[Element, int] = {}
        count: Counter[tuple[object, object]] = Counter()
        for element in root.iter(*_LOCATED):
            key = (element.tag, element.sourceline)
            self.nth[element] = count[key]
            count[key] += 1

    def __call__(self, element: Element) -> str:
        line = min(cast(int | None, element.sourceline) or 1, len(self.lines))
        pattern = _start_tag(etree.QName(element).localname)
        here = [match.start() for match in pattern.finditer(self.lines[line - 1])]
        nth = self.nth.get(element, 0)
        if nth < len(here):
            return f"{self.path}:{line}:{here[nth] + 1}"
        above = ((number, match.start()) for number in range(line - 1, 0, -1)
                 for match in reversed(list(pattern.finditer(self.lines[number - 1]))))
        number, column = next(above, (line, 0))
        return f"{self.path}:{number}:{column + 1}"


@functools.cache
def _start_tag(name: str) -> re.Pattern[str]:
    return re.compile(rf"<(?:[\w.-]+:)?{re.escape(name)}(?=[\s/>]|$)")


def _read(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        if size > MAX_TBX_BYTES:
            raise InterlexError(f"{path}: {size} bytes is more than the {MAX_TBX_BYTES} a TBX "
                                "file may have; export fewer languages (--lang) or split it")
        return path.read_bytes()
    except OSError as exc:
        raise InterlexError(f"{path}: cannot read it ({exc.strerror})") from None


def _decode(path: Path, data: bytes) -> str:
    utf16 = data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
    codec, name = ("utf-16", "UTF-16") if utf16 else ("utf-8-sig", "UTF-8")
    try:
        return data.decode(codec)
    except UnicodeDecodeError as exc:
        prefix = data[:exc.start].decode(codec, "replace")
        raise InterlexError(f"{_position(path, prefix, len(prefix))}: not {name} ({exc.reason}); "
                            "save the file as UTF-8") from None


def _load(path: Path) -> tuple[Element, _Locator]:
    data = _read(path)
    text = _decode(path, data)
    doctype = text.find("<!DOCTYPE")
    if doctype >= 0:
        raise InterlexError(f"{_position(path, text, doctype)}: the file declares a document type "
                            "(<!DOCTYPE ...>); TBX needs none, and its entities could read local "
                            "files or expand without bound, so it is refused: remove the "
                            "declaration and any entity reference (&name;) from the file")
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        line, column = exc.position
        reason = re.sub(r", line \d+, column \d+$", "", str(exc.msg))
        raise InterlexError(f"{path}:{line}:{column}: not well-formed XML: {reason}; fix the "
                            "file or export it again from your tool") from None
    locate = _Locator(path, text, root)
    name = etree.QName(root)
    if (name.namespace, name.localname) != (TBX_NAMESPACE, "tbx"):
        raise InterlexError(f"{locate(root)}: the root element is <{name.localname}> (namespace: "
                            f"{name.namespace or 'none'}); a TBX-Basic file (ISO 30042:2019) has "
                            f"<tbx> in the namespace {TBX_NAMESPACE}: export it again from your "
                            "tool as TBX-Basic (TBX v3, DCA style)")
    if root.get("style", "dca") != "dca":
        raise InterlexError(f"{locate(root)}: style=\"{root.get('style')}\": only the DCA style "
                            "(style=\"dca\") is read; export it again from your tool in DCA style")
    return root, locate


def _text(element: Element | None) -> str:
    return "".join(cast(Iterator[str], element.itertext())) if element is not None else ""


def _tidy(text: str) -> str:
    """Text without the layout of the XML: each run of whitespace one space, but a blank
    line (a paragraph break) kept."""
    paragraphs = re.split(r"\n[ \t\r]*\n", text.strip())
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in paragraphs)


def _elements(element: Element, path: str) -> list[Element]:
    return cast(list[Element], element.xpath(path, namespaces=NS))


def _term_note(term_sec: Element, kind: str) -> str | None:
    found = _elements(term_sec, f"(t:termNote | t:termNoteGrp/t:termNote)[@type='{kind}']")
    return " ".join(_text(found[0]).split()) if found else None


def _term_text(term_sec: Element) -> str:
    return " ".join(_text(term_sec.find("t:term", NS)).split())


def _value(term_sec: Element, kind: str, values: Mapping[str, str], where: str,
           problems: list[str]) -> str | None:
    value = _term_note(term_sec, kind)
    if value is not None and value not in values:
        problems.append(f"{where}: {kind} '{value}' is not a TBX-Basic value; use one of "
                        f"{', '.join(sorted(values))}")
    return values.get(value or "")


def _term(term_sec: Element, default: str, locate: _Locator,
          problems: list[str]) -> TermRecord | None:
    where = locate(term_sec)
    text = _term_text(term_sec)
    if not text:
        problems.append(f"{where}: a termSec without a term; write the term in its <term> or "
                        "remove the termSec")
        return None
    notes = [note for element in term_sec.iterfind("t:note", NS) if (note := _tidy(_text(element)))]
    return TermRecord(
        text, _value(term_sec, "administrativeStatus", _STATUSES, where, problems) or default,
        _value(term_sec, "termType", _TYPES, where, problems),
        _value(term_sec, "partOfSpeech", _PARTS, where, problems),
        do_not_translate=True if DO_NOT_TRANSLATE_NOTE in notes else None,
        note="\n\n".join(n for n in notes if n != DO_NOT_TRANSLATE_NOTE) or None)


def _default_status(term_secs: list[Element]) -> str:
    """A term without status: preferred when it is its language's only one, else admitted."""
    return str(TermStatus.PREFERRED if len(term_secs) == 1 else TermStatus.ADMITTED)


def _entry(section: Element, locate: _Locator, problems: list[str]) -> EntryRecord:
    term_secs = section.findall("t:termSec", NS)
    if not term_secs:
        problems.append(f"{locate(section)}: a langSec without a termSec; add its terms, or "
                        "remove the langSec")
    default = _default_status(term_secs)
    terms = tuple(term for term_sec in term_secs
                  if (term := _term(term_sec, default, locate, problems)))
    texts = [text for note in section.iterfind("t:note", NS) if (text := _tidy(_text(note)))]
    definitions = [_tidy(_text(element)) for element in _elements(section, _DEFINITIONS)]
    return EntryRecord(
        "", locate(section), terms, "\n\n".join(d for d in definitions if d) or None,
        tuple(t for t in texts if not t.startswith((REVIEW_NOTE, ENTRY_HASH_NOTE))) or None,
        next((t.removeprefix(REVIEW_NOTE) for t in texts if t.startswith(REVIEW_NOTE)), None),
        next((t.removeprefix(ENTRY_HASH_NOTE).strip() for t in texts
              if t.startswith(ENTRY_HASH_NOTE)), None))


def _lang_key(code: str) -> str:
    return code.replace("_", "-").lower()


def _sections(concept: Element, locate: _Locator, problems: list[str]) -> dict[str, Element]:
    sections: dict[str, Element] = {}
    for section in concept.iterfind("t:langSec", NS):
        code = section.get(XML_LANG)
        if not code:
            problems.append(f"{locate(section)}: a langSec without xml:lang; give it the language "
                            "of its terms (xml:lang=\"fr\")")
        elif _lang_key(code) in sections:
            problems.append(f"{locate(section)}: a second langSec for '{code}' in one "
                            "conceptEntry; merge the two")
        else:
            sections[_lang_key(code)] = section
    return sections


def _entries(root: Element, locate: _Locator, lang: str, source: str, *, problems: list[str],
             langs: set[str]) -> Iterator[_Found]:
    for concept in root.iterfind("t:text/t:body/t:conceptEntry", NS):
        sections = _sections(concept, locate, problems)
        langs.update(sections)
        section = sections.get(_lang_key(lang))
        if section is not None:
            yield _Found(concept.get("id", ""), locate(concept),
                         sections.get(_lang_key(source)), _entry(section, locate, problems))


def _preferred(section: Element | None) -> list[str]:
    """The preferred terms of a langSec, as the import reads them."""
    term_secs = section.findall("t:termSec", NS) if section is not None else []
    default = _default_status(term_secs)
    return [text for term_sec in term_secs if (text := _term_text(term_sec)) and _STATUSES.get(
        _term_note(term_sec, "administrativeStatus") or "", default) == TermStatus.PREFERRED]


def _key(term: str) -> str:
    return normalize_text(term).casefold()


def _match(found: _Found, index: Mapping[str, list[str]], source: str,
           problems: list[str]) -> str | None:
    """The concept whose preferred source-language term is the entry's."""
    terms = _preferred(found.source)
    ids = sorted({concept for term in terms for concept in index.get(_key(term), [])})
    if len(ids) == 1:
        return ids[0]
    entry = f"conceptEntry '{found.id}'" if found.id else "a conceptEntry without id"
    named = " / ".join(f"'{term}'" for term in terms)
    why = (f"it has no preferred '{source}' term to find it by" if not terms else
           f"its preferred '{source}' term {named} is that of {', '.join(ids)}" if ids else
           f"no concept has its preferred '{source}' term {named}")
    problems.append(f"{found.where}: {entry} cannot be matched to a concept: {why}; {_FIX_ID}")
    return None


def _resolve(found: list[_Found], glossary: Glossary, source: str,
             problems: list[str]) -> list[EntryRecord]:
    index: dict[str, list[str]] = {}
    for known in glossary.concepts.values():
        for term in known.entry.preferred:
            index.setdefault(_key(term.text), []).append(known.id)
    records: list[EntryRecord] = []
    seen: dict[str, str] = {}
    for item in found:
        concept = item.id if item.id in glossary.concepts else _match(item, index, source,
                                                                         problems)
        if concept is None:
            continue
        if concept in seen:
            problems.append(f"{item.where}: a second conceptEntry for concept '{concept}' (the "
                            f"first is at {seen[concept]}); keep one of the two")
            continue
        seen[concept] = item.where
        records.append(replace(item.record, concept=concept))
    return records


def read_tbx(path: Path, lang: str, glossary: Glossary,
             source: str) -> tuple[list[EntryRecord], list[str]]:
    """One record per conceptEntry with a langSec in `lang`, and the problems found."""
    root, locate = _load(path)
    problems: list[str] = []
    langs: set[str] = set()
    found = list(_entries(root, locate, lang, source, problems=problems, langs=langs))
    if not found and not problems:
        raise InterlexError(f"{path}: no entries for language '{lang}'; the file has: "
                            f"{', '.join(sorted(langs)) or 'none'}")
    records = _resolve(found, glossary, source, problems)
    for record in records:
        check_record(record, problems)
    return records, problems


def import_tbx(project: Project, path: Path, lang: str, *, dry_run: bool,
               force: bool = False) -> ImportResult:
    target = open_target(project, lang)
    records, problems = read_tbx(path, lang, target.glossary, project.source.code)
    return merge(target, records, problems, view=tbx_record, dry_run=dry_run, force=force)
