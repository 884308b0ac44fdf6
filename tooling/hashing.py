"""`source_hash`: a fingerprint of a source-language entry's meaning.

The hash is taken over a canonical form, so that changes that do not touch the
content (key order, line wrapping, YAML quoting, Unicode composition, the order
of terms) do not make translations stale.
"""

from __future__ import annotations

import hashlib
import json
import unicodedata
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # documents are hashed too, without the glossary's records
    from tooling.model import Entry

HASH_LENGTH = 16


def normalize_text(text: str) -> str:
    """NFC with every run of whitespace made one space, ends trimmed."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def canonical_entry(entry: Entry) -> str:
    terms = sorted(
        (
            {"term": normalize_text(t.text), "status": str(t.status), "type": t.type or "",
             "do_not_translate": t.do_not_translate, "note": normalize_text(t.note or "")}
            for t in entry.terms
        ),
        key=lambda t: json.dumps(t, sort_keys=True, ensure_ascii=False),
    )
    canonical = {
        "definition": normalize_text(entry.definition or ""),
        "notes": [normalize_text(note) for note in entry.notes],
        "terms": terms,
    }
    return json.dumps(canonical, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def source_hash(entry: Entry) -> str:
    digest = hashlib.sha256(canonical_entry(entry).encode("utf-8")).hexdigest()
    return digest[:HASH_LENGTH]
