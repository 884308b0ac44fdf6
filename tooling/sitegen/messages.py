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
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po
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


@dataclass(frozen=True)
class CatalogState:
    lang: str
    path: str
    untranslated: tuple[tuple[str, int], ...]
    """(message, line in the catalog); line 0 for a string the catalog lacks entirely."""
    fuzzy: tuple[tuple[str, int], ...]


def catalog_path(project: Project, lang: str) -> Path:
    return project.root / LOCALES_DIR / lang / CATALOG_FILE


def _read(path: Path, lang: str | None = None) -> Catalog:
    try:
        with path.open("rb") as stream:
            return read_po(stream, locale=lang, abort_invalid=True)
    except Exception as error:  # Babel raises several types for a broken catalog
        raise InterlexError(f"{path}: not a readable gettext catalog ({error}); fix the file "
                            "or restore it from git") from None


def translations(project: Project, lang: str) -> NullTranslations:
    """The language's compiled catalog; the source strings when it has none."""
    path = catalog_path(project, lang)
    if lang == project.source.code or not path.is_file():
        return NullTranslations()
    compiled = io.BytesIO()
    write_mo(compiled, _read(path, lang), use_fuzzy=False)
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
        catalog = _read(path, lang.code)
        untranslated: list[tuple[str, int]] = []
        fuzzy: list[tuple[str, int]] = []
        for message_id in wanted:
            message = catalog.get(message_id)
            if message is None or not message.string:
                untranslated.append((message_id, message.lineno or 0 if message else 0))
            elif message.fuzzy:
                fuzzy.append((message_id, message.lineno or 0))
        yield CatalogState(lang.code, path.relative_to(project.root).as_posix(),
                           tuple(untranslated), tuple(fuzzy))
