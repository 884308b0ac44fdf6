"""`interlex locale add L`: scaffold a new language everywhere it must appear.

- `mkdocs.yml`: an entry in the i18n plugin's `languages` (named in its own language,
  from Babel's locale data) and in the `interlex` plugin's `partial_languages`, edited
  with ruamel.yaml so comments and order survive;
- `locales/L/glossary.yaml`: an empty entry for every concept, so translators see
  what is to do (they count as missing until they have terms);
- `locales/L/messages.po`: the language's catalog of interface strings (Babel);
- `content/L/`: the folder for its translated documents.
"""

from __future__ import annotations

import io
from typing import Any

from babel import Locale, UnknownLocaleError
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from tooling.errors import InterlexError
from tooling.fileio import write_atomic
from tooling.glossary import CONTENT_DIR, LOCALE_GLOSSARY_FILE, LOCALES_DIR, load_glossary
from tooling.pin import round_trip_yaml
from tooling.project import CONFIG_FILE, Project
from tooling.sitegen.messages import catalog_path, write_new_catalog


def add_locale(project: Project, code: str) -> list[str]:
    """Scaffold language `code`; returns what was done, one line per path.

    mkdocs.yml, which makes the language part of the project, is written last; a file
    that exists already (from an interrupted run, or a translator who started early) is
    kept as it is. So a run stopped at any point can simply be run again."""
    try:
        locale = Locale.parse(code)
    except (UnknownLocaleError, ValueError):
        raise InterlexError(f"'{code}' is not a locale Babel knows; use a code such as fr, "
                            "pt_BR or zh_Hant") from None
    if code in project.codes:
        raise InterlexError(f"'{code}' is already a language of this project (see {CONFIG_FILE})")
    name = locale.get_display_name(locale) or code
    done = [_write_glossary(project, code), _write_catalog(project, code)]
    content = project.root / CONTENT_DIR / code
    content.mkdir(parents=True, exist_ok=True)
    done.append(f"{CONTENT_DIR}/{code}/: written")
    done.append(_add_to_config(project, code, name) + ": written")
    return done


def _add_to_config(project: Project, code: str, name: str) -> str:
    path = project.root / CONFIG_FILE
    yaml = round_trip_yaml()
    text = path.read_text("utf-8")
    data: Any = yaml.load(text)
    i18n, interlex = _plugin(data, "i18n"), _plugin(data, "interlex")
    if i18n is None or not isinstance(i18n.get("languages"), CommentedSeq):
        raise InterlexError(f"{CONFIG_FILE}: no i18n plugin with a languages list to extend")
    entry = CommentedMap([("locale", code), ("name", name), ("build", True)])
    _append(i18n["languages"], entry)
    if interlex is not None:
        partial = interlex.setdefault("partial_languages", CommentedSeq())
        _append(partial, code)  # a new language starts partial: nothing is translated yet
    out = io.StringIO()
    yaml.dump(data, out)
    write_atomic(path, out.getvalue())
    return CONFIG_FILE


def _append(sequence: CommentedSeq, item: Any) -> None:
    """Append, keeping the comment that followed the old last item after the new one
    (ruamel.yaml keeps it on that item), and a flow list `[a, b]` in flow style."""
    flow = sequence.fa.flow_style() or not sequence  # ruamel records no style for []
    last = sequence[-1] if sequence else None
    sequence.append(item)
    if isinstance(last, CommentedMap) and last and isinstance(item, CommentedMap):
        comment = last.ca.items.pop(list(last)[-1], None)
        if comment is not None:
            item.ca.items[list(item)[-1]] = comment
    if flow:
        sequence.fa.set_flow_style()


def _plugin(data: Any, name: str) -> Any:
    """The plugin's config block (made a mapping if it was a bare name), or None."""
    found = data.get("plugins") if isinstance(data, dict) else None
    plugins: list[Any] = found if isinstance(found, list) else []
    for item in plugins:
        if isinstance(item, dict) and name in item:
            if item[name] is None:
                item[name] = CommentedMap()
            return item[name]
        if item == name:
            index = plugins.index(item)
            plugins[index] = CommentedMap([(name, CommentedMap())])
            return plugins[index][name]
    return None


def _write_glossary(project: Project, code: str) -> str:
    folder = project.root / LOCALES_DIR / code
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOCALE_GLOSSARY_FILE
    rel = path.relative_to(project.root).as_posix()
    if path.exists():
        return f"{rel}: kept (it exists)"
    concepts = sorted(load_glossary(project).glossary.concepts)
    lines = ["# yaml-language-server: $schema=../../tooling/schemas/locale-glossary.schema.json",
             f"# {code}: every concept, untranslated. Give each its terms, definition and notes;",
             "# an entry without terms counts as missing."]
    lines += [f"{concept_id}:\n  terms: []\n  review: draft" for concept_id in concepts]
    write_atomic(path, "\n".join(lines) + "\n")
    return f"{rel}: written"


def _write_catalog(project: Project, code: str) -> str:
    path = catalog_path(project, code)
    rel = path.relative_to(project.root).as_posix()
    if path.exists():
        return f"{rel}: kept (it exists)"
    write_new_catalog(project, code)
    return f"{rel}: written"
