"""Re-pin translations: record the current source hash in locale entries.

After an editorial change to a source entry (a typo, a link), its translations
are still right but their `source_hash` no longer matches. Pinning writes the
current hash into them, round-tripping the locale file with ruamel.yaml so that
comments, order and quoting survive, and replacing the file atomically.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap

from tooling.errors import InterlexError
from tooling.fileio import write_atomic
from tooling.glossary import LOCALE_GLOSSARY_FILE, LOCALES_DIR, load_glossary
from tooling.hashing import source_hash
from tooling.model import Glossary
from tooling.project import Project


@dataclass(frozen=True)
class Pinned:
    lang: str
    path: str
    concepts: tuple[str, ...]


def round_trip_yaml() -> YAML:
    """The one YAML setup for files people edit: keeps quotes, comments and line width."""
    yaml = YAML(typ="rt", pure=True)
    yaml.preserve_quotes = True
    yaml.width = 4096
    yaml.indent(mapping=2, sequence=4, offset=2)
    return yaml


def pin_translations(project: Project, langs: Sequence[str], concepts: Sequence[str] | None
                     ) -> list[Pinned]:
    """Pin `concepts` (None: all) in `langs` (empty: every translation language)."""
    loaded = load_glossary(project)
    glossary = loaded.glossary
    targets = [lang.code for lang in project.select_translations(langs)]
    selected = _concepts(glossary, concepts)
    unreadable = sorted({f"{f.path}:{f.span.line}:{f.span.column}: {f.message}"
                         for f in loaded.findings if f.rule == "yaml-syntax"
                         and f.path.startswith(LOCALES_DIR + "/")})
    if unreadable:
        raise InterlexError("cannot pin while locale files are unreadable; fix these first:\n"
                            + "\n".join(unreadable))
    hashes = {cid: source_hash(glossary.concepts[cid].entry) for cid in selected}
    return [result for lang in targets if (result := _pin_file(project, lang, hashes))]


def _concepts(glossary: Glossary, concepts: Sequence[str] | None) -> list[str]:
    if concepts is None:
        return sorted(glossary.concepts)
    unknown = sorted(set(concepts) - set(glossary.concepts))
    if unknown:
        raise InterlexError(f"no such concept: {', '.join(unknown)}; concept ids are the file "
                            "names in glossary/ without .yaml")
    return sorted(set(concepts))


def _pin_file(project: Project, lang: str, hashes: dict[str, str]) -> Pinned | None:
    path = project.root / LOCALES_DIR / lang / LOCALE_GLOSSARY_FILE
    if not path.is_file():
        return None
    yaml = round_trip_yaml()
    text = path.read_bytes().decode("utf-8")
    data: Any = yaml.load(text.replace("\r\n", "\n"))
    pinned = []
    for concept_id, current in hashes.items():
        entry = data.get(concept_id) if isinstance(data, CommentedMap) else None
        if isinstance(entry, CommentedMap) and entry.get("terms") and (
                entry.get("source_hash") != current):
            entry["source_hash"] = current
            pinned.append(concept_id)
    if not pinned:
        return None
    out = io.StringIO()
    yaml.dump(data, out)
    dumped = out.getvalue()
    # ruamel.yaml writes LF: give a CRLF file its line ends back.
    write_atomic(path, dumped.replace("\n", "\r\n") if "\r\n" in text else dumped)
    return Pinned(lang, path.relative_to(project.root).as_posix(), tuple(pinned))
