"""A translation against its source, block by block.

Blocks are aligned by structure (headings by level, paragraphs, list items,
table cells, admonitions, code), with difflib over their kinds: a translator
may split or merge sentences inside a block, but not add or drop blocks. Where
the structure differs, `structure-mismatch` says so; the aligned pairs are then
checked: `inconsistent-translation` when the source block uses a concept and its
translation none of that concept's terms, `do-not-translate` when a term to be
kept as it is (an acronym, a name) is missing or changed.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from tooling.corpus import Corpus, Matchers, ScannedFile
from tooling.findings import FILE_START, Finding, Severity, Span
from tooling.markdown_scan import Block
from tooling.model import Glossary
from tooling.project import Project

_NAMES = {"comment": "a comment", "paragraph": "a paragraph", "item": "a list item",
          "cell": "a table cell", "quote": "a quotation", "admonition": "an admonition",
          "title": "a title", "code": "a code block", "html": "an HTML block",
          "rule": "a horizontal rule"}


def _name(kind: str) -> str:
    return f"a level-{kind[-1]} heading" if kind.startswith("heading") else _NAMES[kind]


@dataclass(frozen=True)
class _Pair:
    """A translated document and its source, with what checking them needs."""

    glossary: Glossary
    matchers: Matchers
    key: str
    original: ScannedFile
    translation: ScannedFile

    @property
    def lang(self) -> str:
        return self.translation.document.lang


def check(glossary: Glossary, corpus: Corpus, matchers: Matchers, project: Project
          ) -> Iterator[Finding]:
    source = project.source.code
    for lang in project.translations:
        for key, translation in corpus.files.get(lang.code, {}).items():
            original = corpus.get(source, key)
            if original is not None:
                yield from _pair(_Pair(glossary, matchers, key, original, translation))


def _structural(blocks: tuple[Block, ...]) -> tuple[Block, ...]:
    return tuple(b for b in blocks if b.kind != "comment")


def _pair(pair: _Pair) -> Iterator[Finding]:
    blocks_a = _structural(pair.original.scanned.blocks)
    blocks_b = _structural(pair.translation.scanned.blocks)
    matcher = SequenceMatcher(None, [b.kind for b in blocks_a], [b.kind for b in blocks_b],
                              autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(a2 - a1):
                yield from _aligned(pair, blocks_a[a1 + offset], blocks_b[b1 + offset])
        else:
            yield _mismatch(pair, blocks_a[a1:a2], blocks_b[b1:b2], blocks_b, b1)


def _mismatch(pair: _Pair, extra_a: tuple[Block, ...], extra_b: tuple[Block, ...],
              blocks_b: tuple[Block, ...], at: int) -> Finding:
    original, translation = pair.original, pair.translation
    where = extra_b[0].line if extra_b else (blocks_b[at].line if at < len(blocks_b) else
                                             (blocks_b[-1].line if blocks_b else 1))
    source_line = extra_a[0].line if extra_a else None
    theirs = ", ".join(_name(b.kind) for b in extra_a) or "nothing"
    ours = ", ".join(_name(b.kind) for b in extra_b) or "nothing"
    at_source = f" ({original.document.path}:{source_line})" if source_line else ""
    return Finding("structure-mismatch", Severity.WARNING, translation.document.path,
                   Span(where, 1), f"the translation has {ours} where the source has "
                   f"{theirs}{at_source}; keep one block per source block so they align",
                   lang=translation.document.lang)


def _aligned(pair: _Pair, block_a: Block, block_b: Block) -> Iterator[Finding]:
    original, translation, lang = pair.original, pair.translation, pair.lang
    if block_a.prose is None or block_b.prose is None:
        return
    used = pair.matchers.find(pair.matchers.source, pair.key,
                              original.scanned.blocks.index(block_a), block_a.prose.text)
    if not used:
        return
    found = pair.matchers.find(lang, pair.key, translation.scanned.blocks.index(block_b),
                               block_b.prose.text)
    concepts_b = {m.use.concept for m in found}
    locale = pair.glossary.locales.get(lang)
    reported: set[str] = set()
    for match in used:
        concept = match.use.concept
        term = match.use.term
        if term.do_not_translate and term.text not in block_b.prose.text:
            yield _finding(translation, block_b, "do-not-translate", severity=Severity.ERROR,
                           message=f"'{term.text}' is never translated, but this block does "
                           f"not contain it as written (source: {original.document.path}:"
                           f"{block_a.line})", concept=concept, found=term.text)
            continue
        entry = locale.entries.get(concept) if locale else None
        if concept in concepts_b or concept in reported or entry is None or not entry.terms:
            continue
        reported.add(concept)
        allowed = [t.text for t in entry.terms if t.status and t.status.allowed]
        used_text = block_a.prose.text[match.start:match.end]
        yield _finding(translation, block_b, "inconsistent-translation",
                       severity=Severity.WARNING,
                       message=f"the source block ({original.document.path}:{block_a.line}) "
                       f"uses '{used_text}' ({concept}); this block uses none of its {lang} "
                       "terms: " + ", ".join(f"'{t}'" for t in allowed), concept=concept,
                       found=used_text, suggestion=allowed[0] if allowed else None)


def _finding(translation: ScannedFile, block: Block, rule: str, *, severity: Severity,
             message: str, concept: str, found: str, suggestion: str | None = None) -> Finding:
    prose = block.prose
    start = next((o for c, o in zip(prose.text, prose.offsets, strict=True) if not c.isspace()),
                 None) if prose else None
    span = translation.scanned.span(start, start + 1) if start is not None else FILE_START
    return Finding(rule, severity, translation.document.path, span, message,
                   lang=translation.document.lang, concept=concept, found=found,
                   suggestion=suggestion)
