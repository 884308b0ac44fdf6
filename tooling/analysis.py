"""One guidance document analysed: read, scanned, its terms found and judged.

What comes back (`tooling.corpus.Analysis`) is all the cross-document rules need,
compact and picklable; it is computed in worker processes for large corpora.
"""

from __future__ import annotations

import pickle
from bisect import bisect_right
from collections.abc import Callable

from tooling.corpus import Analysis, BlockInfo, LinkInfo, Matchers, Use
from tooling.documents import document_hash, load_document
from tooling.findings import Finding, Span
from tooling.markdown_scan import SEPARATOR, Block, ScannedDocument, heading_slug, scan
from tooling.matcher import LanguageMatcher, Match
from tooling.project import Project
from tooling.rules.document_terms import Edit, term_findings
from tooling.suppress import suppressions


def analyse(project: Project, matchers: Matchers, lang: str, key: str
            ) -> Analysis | tuple[Finding, ...]:
    loaded = load_document(project, lang, key)
    document = loaded.document
    if document is None:
        return loaded.findings
    title = (document.title, document.title_offset) if (
        document.title is not None and document.title_offset is not None) else None
    scanned = scan(document.text, title)
    quiet = suppressions(document.text)
    blocks = []
    findings = list(loaded.findings)
    edits: list[Edit] = []
    for block, matches in zip(scanned.blocks, _matches(matchers.get(lang), scanned),
                              strict=True):
        for finding, edit in term_findings(document.path, scanned, block, matches, matchers):
            if not quiet.covers(finding.rule, finding.span.line):
                findings.append(finding)
                if edit is not None:
                    edits.append(edit)
        blocks.append(_block_info(scanned.span, block, matches, matchers.never_translated))
    links = tuple(LinkInfo(link.target, scanned.span(link.offset, link.offset + 1))
                  for block in scanned.blocks for link in block.links)
    slugs = frozenset(heading_slug(b.prose.text) for b in scanned.headings if b.prose)
    concepts = frozenset(use.concept for block in blocks for use in block.uses)
    return Analysis(lang, key, document.path, document.source_hash, document_hash(document),
                    pickle.dumps((tuple(blocks), tuple(edits)), protocol=pickle.HIGHEST_PROTOCOL),
                    concepts, links, slugs, tuple(findings), quiet)


def _matches(matcher: LanguageMatcher, scanned: ScannedDocument) -> list[list[Match]]:
    """Each block's matches, found in one search over the whole document (one call
    per document, not per block: the per-call cost dominates on short blocks)."""
    texts = [block.prose.text if block.prose else "" for block in scanned.blocks]
    starts = []
    position = 0
    for text in texts:
        starts.append(position)
        position += len(text) + 1
    per_block: list[list[Match]] = [[] for _ in texts]
    for match in matcher.find(SEPARATOR.join(texts)):
        number = bisect_right(starts, match.start) - 1
        base = starts[number]
        per_block[number].append(Match(match.start - base, match.end - base, match.use,
                                       match.stemmed, match.ambiguous))
    return per_block


def _block_info(span: Callable[[int, int], Span], block: Block, matches: list[Match],
                never_translated: tuple[str, ...]) -> BlockInfo:
    prose = block.prose
    if prose is None:
        return BlockInfo(block.kind, block.line, False, frozenset(), None, ())
    blank = len(prose.text) - len(prose.text.lstrip())  # lstrip strips what isspace() is
    first = prose.offsets[blank] if blank < len(prose.text) else None
    at = span(first, first + 1) if first is not None else None
    uses = tuple(Use(m.use.concept, prose.text[m.start:m.end], m.use.text,
                     m.use.do_not_translate) for m in matches)
    kept = frozenset(term for term in never_translated if term in prose.text)
    return BlockInfo(block.kind, block.line, True, kept, at, uses)
