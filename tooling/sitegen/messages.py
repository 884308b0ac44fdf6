"""Interface strings through gettext: Babel extracts, updates and compiles the catalogs.

Strings are marked `_("...")` in this package's Python code and `{{ _("...") }}` in
the theme templates. `locales/messages.pot` is the template catalog; each language's
`locales/<lang>/messages.po` is updated from it and compiled in memory at build time
(a compiled catalog is build output, never a file in the repository).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from gettext import c2py
from pathlib import Path
from string import Formatter
from typing import Any

from babel.messages.catalog import Catalog, Message
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import PoFileError, PoFileParser, write_po
from babel.support import NullTranslations, Translations

from tooling import __version__
from tooling.errors import InterlexError
from tooling.fileio import write_atomic_bytes
from tooling.glossary import LOCALES_DIR
from tooling.project import Project

TEMPLATE_FILE = "messages.pot"
CATALOG_FILE = "messages.po"
PACKAGE_DIR = Path(__file__).resolve().parent.parent
_METHODS = [("sitegen/**.py", "python"), ("theme/**.html", "jinja2")]
_FIXED_DATE = datetime(2024, 11, 21)
"""Catalog headers carry a date; a fixed one keeps regenerated catalogs byte-stable."""
MAX_CATALOG_BYTES = 4 << 20
"""A catalog holds the site's interface strings: a few hundred, some tens of KiB."""


@dataclass(frozen=True)
class CatalogState:
    lang: str
    path: str
    untranslated: tuple[tuple[str, int], ...]
    """(message, line in the catalog); line 0 for a string the catalog lacks entirely."""
    fuzzy: tuple[tuple[str, int], ...]
    problems: tuple[tuple[int, str], ...] = ()
    """(line, what is wrong): an unreadable catalog (then nothing else is known), a
    message given twice, a translation the code cannot fill in, another language."""


class CatalogError(InterlexError):
    """A catalog that cannot be read: `reason` says why, `line` where."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.line = line
        self.reason = reason


class _Catalog(Catalog):
    """A catalog as read from its file, noting each message written a second time
    (Babel keeps the first and silently drops the other)."""

    def __init__(self, lang: str | None) -> None:
        super().__init__(locale=lang)
        self.duplicates: list[tuple[int, str, int]] = []

    def __setitem__(self, id: Any, message: Message) -> None:
        first = self.get(id, message.context) if id else None
        if first is not None:
            self.duplicates.append((message.lineno or 1, _texts(id)[0], first.lineno or 1))
        super().__setitem__(id, message)


def catalog_path(project: Project, lang: str) -> Path:
    return project.root / LOCALES_DIR / lang / CATALOG_FILE


def _read(path: Path, lang: str | None = None) -> _Catalog:
    size = path.stat().st_size
    if size > MAX_CATALOG_BYTES:
        raise CatalogError(path, 1, f"file is {size:,} bytes, over the {MAX_CATALOG_BYTES:,}-byte "
                                    "limit for a catalog; fix the file or restore it from git")
    data = path.read_bytes()
    catalog = _Catalog(lang)
    try:
        PoFileParser(catalog, abort_invalid=True).parse(io.BytesIO(data))
        c2py(catalog.plural_expr)  # what the build will compile: a Plural-Forms header
    except Exception as error:  # Babel raises several types for a broken catalog
        raise CatalogError(path, _error_line(error, data), f"not a readable gettext catalog "
                           f"({error}); fix the file or restore it from git") from None
    return catalog


def _error_line(error: Exception, data: bytes) -> int:
    if isinstance(error, PoFileError):
        return error.lineno + 1  # Babel counts lines from 0
    if isinstance(error, UnicodeDecodeError):  # Babel decodes line by line
        return next((number for number, line in enumerate(data.split(b"\n"), start=1)
                     if not _decodes(line, error.encoding)), 1)
    return 1


def _decodes(line: bytes, encoding: str) -> bool:
    try:
        line.decode(encoding)
    except UnicodeDecodeError:
        return False
    return True


def _texts(value: Any) -> tuple[str, ...]:
    """A message's id or string as a tuple: one text, or one per plural form."""
    return tuple(value) if isinstance(value, list | tuple) else (value,)


def _fields(text: str) -> set[str] | None:
    """The replacement fields of a `str.format` string, as written; None if it is none."""
    try:
        return {"{" + name + (f"!{conversion}" if conversion else "")
                + (f":{spec}" if spec else "") + "}"
                for _, name, spec, conversion in Formatter().parse(text) if name is not None}
    except ValueError:
        return None


def placeholder_problem(message: Message) -> str | None:
    """What keeps the code from filling in a translation, if anything: the code formats
    a string that has placeholders with exactly those, so a translation may use them
    (in any order) and no others."""
    expected: set[str] = set()
    for text in _texts(message.id):
        expected |= _fields(text) or set()
    if not expected or not message.string:
        return None
    for text in _texts(message.string):
        found = _fields(text)
        if found is None:
            return ("its translation has a lone '{' or '}' (write '{{' or '}}' for a brace); "
                    "the site would fail to build")
        unknown = sorted(found - expected)
        if unknown:
            return (f"its translation has the placeholder {unknown[0]}, which the source text "
                    f"does not have (it has {', '.join(sorted(expected))}); the site would fail "
                    "to build")
    return None


def translations(project: Project, lang: str) -> NullTranslations:
    """The language's compiled catalog; the source strings when it has none. A
    translation the code cannot fill in is left out (`interlex check` reports it)."""
    path = catalog_path(project, lang)
    if lang == project.source.code or not path.is_file():
        return NullTranslations()
    catalog = _read(path, lang)
    for message in [m for m in catalog if m.id and placeholder_problem(m)]:
        catalog.delete(message.id, message.context)
    compiled = io.BytesIO()
    write_mo(compiled, catalog, use_fuzzy=False)
    compiled.seek(0)
    return Translations(compiled)


def extract() -> Catalog:
    """Every marked string of the package's code and templates, as a template catalog."""
    catalog = _catalog(None)
    found = extract_from_dir(str(PACKAGE_DIR), _METHODS, keywords={"_": None, "N_": None},
                             comment_tags=("Translators:",), strip_comment_tags=True)
    for filename, line, message, comments, context in sorted(found, key=lambda m: (m[0], m[1])):
        catalog.add(message, None, [(f"tooling/{filename}", line)], auto_comments=comments,
                    context=context)
    return catalog


def _catalog(lang: str | None) -> Catalog:
    return Catalog(locale=lang, project="Interlex", version=__version__,
                   copyright_holder="the Interlex contributors",
                   msgid_bugs_address="https://github.com/interlex/interlex/issues",
                   creation_date=_FIXED_DATE, fuzzy=False)


def _serialise(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_po(out, catalog, width=88, sort_output=False, include_previous=True,
             include_lineno=False)
    return out.getvalue()


def update_catalogs(project: Project) -> list[str]:
    """Write the template catalog and update every language's catalog from it.
    Returns the files that changed, project-relative."""
    template = extract()
    changed = _write_if_changed(project, project.root / LOCALES_DIR / TEMPLATE_FILE, template)
    for lang in project.translations:
        path = catalog_path(project, lang.code)
        catalog = _read(path, lang.code) if path.is_file() else _catalog(lang.code)
        catalog.update(template, update_creation_date=False)
        changed += _write_if_changed(project, path, catalog)
    return changed


def write_new_catalog(project: Project, lang: str) -> Path:
    """A new language's catalog: every interface string of the code, untranslated."""
    catalog = _catalog(lang)
    catalog.update(extract(), update_creation_date=False)
    path = catalog_path(project, lang)
    _write_if_changed(project, path, catalog)
    return path


def _write_if_changed(project: Project, path: Path, catalog: Catalog) -> list[str]:
    catalog.revision_date = _FIXED_DATE
    data = _serialise(catalog)
    if path.is_file() and path.read_bytes() == data:
        return []
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic_bytes(path, data)
    return [path.relative_to(project.root).as_posix()]


def catalog_states(project: Project) -> Iterator[CatalogState]:
    """Untranslated and fuzzy interface strings of each translation language's catalog,
    against the strings the code has now."""
    wanted = [str(m.id) for m in extract() if m.id]
    for lang in project.translations:
        path = catalog_path(project, lang.code)
        if not path.is_file():
            continue
        rel = path.relative_to(project.root).as_posix()
        try:
            catalog = _read(path, lang.code)
        except CatalogError as error:
            yield CatalogState(lang.code, rel, (), (), ((error.line, error.reason),))
            continue
        untranslated: list[tuple[str, int]] = []
        fuzzy: list[tuple[str, int]] = []
        for message_id in wanted:
            message = catalog.get(message_id)
            if message is None or not message.string:
                untranslated.append((message_id, message.lineno or 0 if message else 0))
            elif message.fuzzy:
                fuzzy.append((message_id, message.lineno or 0))
        yield CatalogState(lang.code, rel, tuple(untranslated), tuple(fuzzy),
                           tuple(sorted(_problems(catalog, lang.code))))


def _problems(catalog: _Catalog, lang: str) -> Iterator[tuple[int, str]]:
    if catalog.locale_identifier != lang:
        yield 1, (f"the catalog declares the language '{catalog.locale_identifier}', but it is "
                  f"the catalog of '{lang}'; correct its Language header, or move the file")
    for line, message_id, first in catalog.duplicates:
        yield line, (f"'{message_id}' is here a second time (first at line {first}), and this "
                     "translation is ignored; keep one of the two")
    for message in catalog:
        problem = placeholder_problem(message) if message.id else None
        if problem:
            yield message.lineno or 1, f"'{_texts(message.id)[0]}': {problem}"
