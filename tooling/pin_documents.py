"""Re-pin translated documents: record the current source hash in their front matter.

Only the front matter is rewritten (round-tripped with ruamel.yaml, so its
comments and key order survive); the Markdown body is kept byte for byte.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from tooling.documents import FRONT_MATTER, document_hash, document_keys, load_document
from tooling.errors import InterlexError
from tooling.fileio import write_atomic
from tooling.findings import Severity
from tooling.glossary import CONTENT_DIR
from tooling.pin import round_trip_yaml
from tooling.project import Project


@dataclass(frozen=True)
class PinnedDocuments:
    lang: str
    paths: tuple[str, ...]


def pin_documents(project: Project, langs: Sequence[str], keys: Sequence[str] | None
                  ) -> list[PinnedDocuments]:
    """Pin translations of the source documents `keys` (None: all) in `langs` (empty: all)."""
    source_keys = document_keys(project, project.source.code)
    selected = source_keys if keys is None else _known(keys, source_keys)
    hashes = {}
    for key in selected:
        loaded = load_document(project, project.source.code, key)
        if loaded.document is not None:
            hashes[key] = document_hash(loaded.document)
    results = []
    for lang in project.select_translations(langs):
        pinned = tuple(path for key, current in hashes.items()
                       if (path := _pin_one(project, lang.code, key, current)))
        if pinned:
            results.append(PinnedDocuments(lang.code, pinned))
    return results


def _known(keys: Sequence[str], source_keys: list[str]) -> list[str]:
    unknown = sorted(set(keys) - set(source_keys))
    if unknown:
        raise InterlexError(f"no such source document: {', '.join(unknown)}; give paths "
                            f"relative to {CONTENT_DIR}/<source language>/, such as index.md")
    return sorted(set(keys))


def _pin_one(project: Project, lang: str, key: str, current: str) -> str | None:
    path = project.root / CONTENT_DIR / lang / key
    if not path.is_file():
        return None
    loaded = load_document(project, lang, key)
    rel = path.relative_to(project.root).as_posix()
    # A pin rewrites the front matter, so it must read it right first; a bad source_hash
    # is what the pin replaces. (An unreadable file is skipped: the check reports it.)
    errors = [f for f in loaded.findings if f.severity is Severity.ERROR
              and not f.message.startswith("source_hash:")]
    if loaded.document is not None and errors:
        first = errors[0]
        raise InterlexError(f"{rel}:{first.span.line}:{first.span.column}: {first.message}; "
                            f"fix it (see `interlex check {rel}`), then pin again")
    if loaded.document is None or loaded.document.source_hash == current:
        return None
    text = path.read_bytes().decode("utf-8")  # keeps CRLF line ends as they are
    bom = "\ufeff" if text.startswith("\ufeff") else ""
    write_atomic(path, bom + _with_hash(text.removeprefix(bom), current, rel))
    return rel


def _with_hash(text: str, current: str, rel: str) -> str:
    match = FRONT_MATTER.match(text)
    if match is None:
        return f"---\nsource_hash: {current}\n---\n{text}"
    newline = match.group("newline")
    yaml = round_trip_yaml()
    data: Any = yaml.load(match.group("yaml").replace("\r\n", "\n")) or {}
    assert isinstance(data, dict), rel  # load_document reported anything else as an error
    data["source_hash"] = current
    out = io.StringIO()
    yaml.dump(data, out)
    block = out.getvalue().replace("\n", newline)
    return f"---{newline}{block}---{match.group('end')}{text[match.end():]}"
