"""Guidance documents: Markdown files with YAML front matter under `content/<lang>/`.

A translation has the same relative path under its language folder and records
in its front matter the `source_hash` of the source document it was made from.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass

from tooling.cache import Stamp, tree_stamps
from tooling.findings import Finding, Severity, Span
from tooling.hashing import HASH_LENGTH, normalize_text
from tooling.layout import CONTENT_DIR
from tooling.project import Project
from tooling.schema import SCHEMA_RULE
from tooling.statuses import ReviewStatus
from tooling.yamlload import YamlDocument, parse_yaml, read_text

FRONT_MATTER = re.compile(r"\A---[ \t]*(?P<newline>\r?\n)(?P<yaml>.*?)^---[ \t]*(?P<end>\r?\n|\Z)",
                          re.DOTALL | re.MULTILINE)
"""YAML front matter between two `---` lines at the start of a document."""
MAX_DOCUMENT_BYTES = 4 << 20
GENERATED_DIR = "glossary"


@dataclass(frozen=True)
class Document:
    path: str
    """Project-relative path, such as content/fr/guidance/x.md."""
    key: str
    """Path within the language folder, such as guidance/x.md: the same for all languages."""
    lang: str
    title: str | None
    body: str
    review: ReviewStatus | None
    source_hash: str | None
    front_matter_lines: int
    text: str = ""
    """The whole file."""
    title_offset: int | None = None
    """File offset of the title's first character, when the title is written plainly."""


@dataclass(frozen=True)
class LoadedDocument:
    document: Document | None
    findings: tuple[Finding, ...]


def document_keys(project: Project, lang: str) -> list[str]:
    """Every Markdown file of a language, as paths within its folder, sorted."""
    return list(document_stamps(project, lang))


def document_stamps(project: Project, lang: str) -> dict[str, Stamp]:
    """Every Markdown file of a language with its stamp, by path within its folder,
    sorted by path."""
    entries = tree_stamps(project.root / CONTENT_DIR / lang)
    # Glossary pages are generated into content/<lang>/glossary/ by the build.
    return {key: stamp for key in sorted(entries) if key.endswith(".md")
            and not entries[key][0] and (stamp := entries[key][1]) is not None
            and not key.startswith(GENERATED_DIR + "/")}


def load_document(project: Project, lang: str, key: str) -> LoadedDocument:
    path = project.root / CONTENT_DIR / lang / key
    rel = path.relative_to(project.root).as_posix()
    text, findings = read_text(path, rel, MAX_DOCUMENT_BYTES)
    if text is None:
        return LoadedDocument(None, tuple(findings))
    return _parse(rel, lang, key, text, findings)


def load_document_text(project: Project, lang: str, key: str, text: str) -> Document:
    """A document from text (an old version from git, say) rather than from its file."""
    rel = f"{CONTENT_DIR}/{lang}/{key}"
    loaded = _parse(rel, lang, key, text, [])
    assert loaded.document is not None
    return loaded.document


def _parse(rel: str, lang: str, key: str, text: str, findings: list[Finding]
           ) -> LoadedDocument:
    match = FRONT_MATTER.match(text)
    meta: dict[str, object] = {}
    title_offset = None
    if match:
        # A leading newline stands for the opening '---', so lines match the file.
        parsed, problems = parse_yaml("\n" + match.group("yaml"), rel)
        findings += problems
        if parsed is not None:
            findings += _front_matter_problems(parsed)
        if parsed is not None and isinstance(parsed.data, dict):
            meta = parsed.data
            title_offset = _value_offset(text, parsed.positions.values.get(("title",)))
    body = text[match.end():] if match else text
    lines = text[: match.end()].count("\n") if match else 0
    return LoadedDocument(Document(
        path=rel, key=key, lang=lang, title=_text(meta.get("title")), body=body,
        review=_review(meta.get("review")), source_hash=_text(meta.get("source_hash")),
        front_matter_lines=lines, text=text, title_offset=title_offset), tuple(findings))


def _front_matter_problems(parsed: YamlDocument) -> list[Finding]:
    """Front matter that is not a mapping, or a source_hash that is not a string, would
    otherwise be read as no front matter at all."""
    data = parsed.data
    if data is not None and not isinstance(data, dict):
        return [Finding(SCHEMA_RULE, Severity.ERROR, parsed.path, parsed.positions.value(()),
                        f"front matter: expected a mapping of keys such as title and "
                        f"source_hash, found {_kind(data)}")]
    value = data.get("source_hash") if data else None
    if value is None or isinstance(value, str):
        return []
    quote = "; put the value in quotes" if isinstance(value, int | float) else ""
    return [Finding(SCHEMA_RULE, Severity.ERROR, parsed.path,
                    parsed.positions.value(("source_hash",)),
                    f"source_hash: expected a string, found {_kind(value)}{quote}")]


def _kind(value: object) -> str:
    names = {dict: "a mapping", list: "a list", bool: "true/false", int: "a number",
             float: "a number", str: "a string"}
    return names.get(type(value), type(value).__name__)


def _value_offset(text: str, span: Span | None) -> int | None:
    if span is None:
        return None
    offset = sum(len(line) + 1 for line in text.split("\n")[: span.line - 1]) + span.column - 1
    return offset + 1 if text[offset: offset + 1] in ("'", '"') else offset


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


def _review(value: object) -> ReviewStatus | None:
    status = value.get("status") if isinstance(value, dict) else value
    try:
        return ReviewStatus(status) if isinstance(status, str) else None
    except ValueError:
        return None


def document_hash(document: Document) -> str:
    """Hash of a source document's title and text, blind to line wrapping and NFC."""
    canonical = normalize_text(document.title or "") + "\n" + normalize_text(document.body)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:HASH_LENGTH]


def iter_documents(project: Project, lang: str) -> Iterator[Document]:
    for key in document_keys(project, lang):
        loaded = load_document(project, lang, key)
        if loaded.document is not None:
            yield loaded.document
