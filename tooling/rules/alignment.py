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
from difflib import SequenceMatcher

from tooling.corpus import Analysis, BlockInfo, Corpus, Matchers
from tooling.findings import FILE_START, Finding, Severity, Span
from tooling.project import Project

_NAMES = {"comment": "a comment", "paragraph": "a paragraph", "item": "a list item",
          "cell": "a table cell", "quote": "a quotation", "admonition": "an admonition",
          "title": "a title", "code": "a code block", "html": "an HTML block",
          "rule": "a horizontal rule"}


def _name(kind: str) -> str:
    return f"a level-{kind[-1]} heading" if kind.startswith("heading") else _NAMES[kind]


def check(matchers: Matchers, corpus: Corpus, project: Project) -> Iterator[Finding]:
    source = project.source.code
    for lang in project.translations:
        for key, translation in corpus.files.get(lang.code, {}).items():
            original = corpus.get(source, key)
            if original is not None:
                yield from _pair(matchers, original, translation)


def _structural(blocks: tuple[BlockInfo, ...]) -> tuple[BlockInfo, ...]:
    """Comments (such as interlex-disable) are not part of a document's structure."""
    return tuple(b for b in blocks if b.kind != "comment")


def _pair(matchers: Matchers, original: Analysis, translation: Analysis) -> Iterator[Finding]:
    blocks_a, blocks_b = _structural(original.blocks), _structural(translation.blocks)
    matcher = SequenceMatcher(None, [b.kind for b in blocks_a], [b.kind for b in blocks_b],
                              autojunk=False)
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        if tag == "equal":
            for offset in range(a2 - a1):
                yield from _aligned(matchers, original, translation, blocks_a[a1 + offset],
                                    blocks_b[b1 + offset])
        else:
            yield _mismatch(original, translation, blocks_a[a1:a2], blocks_b[b1:b2],
                            blocks_b[b1] if b1 < len(blocks_b) else None)


def _mismatch(original: Analysis, translation: Analysis, extra_a: tuple[BlockInfo, ...],
              extra_b: tuple[BlockInfo, ...], at: BlockInfo | None) -> Finding:
    blocks_b = translation.blocks
    where = extra_b[0].line if extra_b else (at.line if at else (
        blocks_b[-1].line if blocks_b else 1))
    theirs = ", ".join(_name(b.kind) for b in extra_a) or "nothing"
    ours = ", ".join(_name(b.kind) for b in extra_b) or "nothing"
    at_source = f" ({original.path}:{extra_a[0].line})" if extra_a else ""
    return Finding("structure-mismatch", Severity.WARNING, translation.path, Span(where, 1),
                   f"the translation has {ours} where the source has {theirs}{at_source}; "
                   "keep one block per source block so they align", lang=translation.lang)


def _aligned(matchers: Matchers, original: Analysis, translation: Analysis, block_a: BlockInfo,
             block_b: BlockInfo) -> Iterator[Finding]:
    if not block_a.uses or not block_b.prose:
        return
    lang = translation.lang
    concepts_b = {use.concept for use in block_b.uses}
    allowed_terms = matchers.get(lang).allowed
    reported: set[str] = set()
    where = f"{original.path}:{block_a.line}"
    for use in block_a.uses:
        if use.do_not_translate and use.term not in block_b.kept:
            yield _finding(translation, block_b, "do-not-translate", severity=Severity.ERROR,
                           message=f"'{use.term}' is never translated, but this block does "
                           f"not contain it as written (source: {where})",
                           concept=use.concept, found=use.term)
            continue
        allowed = allowed_terms.get(use.concept)
        if use.concept in concepts_b or use.concept in reported or allowed is None:
            continue
        reported.add(use.concept)
        yield _finding(translation, block_b, "inconsistent-translation",
                       severity=Severity.WARNING,
                       message=f"the source block ({where}) uses '{use.found}' "
                       f"({use.concept}); this block uses none of its {lang} terms: "
                       + ", ".join(f"'{t}'" for t in allowed), concept=use.concept,
                       found=use.found, suggestion=allowed[0] if allowed else None)


def _finding(translation: Analysis, block: BlockInfo, rule: str, *, severity: Severity,
             message: str, concept: str, found: str, suggestion: str | None = None
             ) -> Finding:
    return Finding(rule, severity, translation.path, block.first or FILE_START, message,
                   lang=translation.lang, concept=concept, found=found, suggestion=suggestion)
