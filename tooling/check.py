"""`interlex check`: load everything, run every rule, select what to report."""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from tooling.corpus import Corpus, load_corpus
from tooling.errors import InterlexError
from tooling.findings import Finding, Summary, sort_findings, summarize
from tooling.glossary_check import GlossaryStage
from tooling.layout import CONTENT_DIR, GLOSSARY_DIR, LOCALES_DIR
from tooling.project import Project
from tooling.rules.document_terms import Edit
from tooling.rules.documents import run_document_rules


@dataclass(frozen=True)
class CheckResult:
    findings: tuple[Finding, ...]
    summary: Summary
    texts: Mapping[str, str]
    edits: tuple[Edit, ...] = ()
    """Unambiguous fixes of the reported deprecated terms (`check --fix`)."""


def run_check(project: Project, *, only: Collection[str] = (),
              changed: Collection[str] | None = None, fixes: bool = False) -> CheckResult:
    """Every finding of the project; with `only`, those in these paths (files or folders);
    with `changed`, those in these files and in what they affect (see `_affected`);
    with `fixes`, the unambiguous fixes of the deprecated terms reported.

    The whole project is always checked (rules such as term-collision need every
    file to judge one); what is unchanged since the last run comes from the cache.
    """
    glossary = GlossaryStage(project)
    matchers = glossary.matchers
    # The glossary's own rules run while worker processes analyse the documents.
    corpus = load_corpus(project, matchers, meanwhile=glossary.findings)
    findings = [*glossary.findings(), *run_document_rules(matchers, corpus, project)]
    if only:
        findings = [f for f in findings if _selected(f.path, only)]
    if changed is not None:
        keep = _affected(set(changed), project, corpus)
        findings = [f for f in findings if keep(f)]
    ordered = sort_findings(findings)
    reported = {f.path for f in ordered}
    edits = tuple(e for analysis in corpus.analyses() if analysis.path in reported
                  for e in analysis.edits) if fixes else ()
    # Context lines for the text format: only the files with findings are read again.
    return CheckResult(ordered, summarize(ordered), FileTexts(project.root, frozenset(reported)),
                       edits)


def _affected(changed: set[str], project: Project, corpus: Corpus
              ) -> Callable[[Finding], bool]:
    """What a change affects: the changed files, translations of changed source
    documents, documents that use a changed concept or are written in a language
    whose glossary changed, and locale entries of changed concepts."""
    concepts = {PurePosixPath(p).stem for p in changed if p.startswith(f"{GLOSSARY_DIR}/")}
    languages = {p.split("/")[1] for p in changed if p.startswith(f"{LOCALES_DIR}/")}
    source = f"{CONTENT_DIR}/{project.source.code}/"
    documents = set(changed)
    for analysis in corpus.analyses():
        if (f"{source}{analysis.key}" in changed or analysis.lang in languages
                or not concepts.isdisjoint(analysis.concepts)):
            documents.add(analysis.path)
            documents.add(f"{source}{analysis.key}")

    def keep(finding: Finding) -> bool:
        if finding.path in documents:
            return True
        return finding.path.startswith(f"{LOCALES_DIR}/") and finding.concept in concepts

    return keep


class FileTexts(Mapping[str, str]):
    """The texts of the reported files, each read when first asked for: only the text
    format shows context lines, and a large corpus can have thousands of such files."""

    def __init__(self, root: Path, paths: frozenset[str]) -> None:
        self._root = root
        self._paths = paths
        self._texts: dict[str, str] = {}

    def __getitem__(self, path: str) -> str:
        if path not in self._paths:
            raise KeyError(path)
        if path not in self._texts:
            self._texts[path] = _read(self._root / path)
        return self._texts[path]

    def __iter__(self) -> Iterator[str]:
        return iter(sorted(self._paths))

    def __len__(self) -> int:
        return len(self._paths)


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return ""  # a folder, or a file already reported as unreadable


def _selected(path: str, only: Collection[str]) -> bool:
    return any(path == p or path.startswith(p.rstrip("/") + "/") or p in (".", "")
               for p in only)


def relative_paths(project: Project, paths: Collection[Path]) -> list[str]:
    """Paths given on the command line, as project-relative POSIX paths."""
    result = []
    for path in paths:
        absolute = path.resolve()
        try:
            result.append(absolute.relative_to(project.root).as_posix())
        except ValueError:
            raise InterlexError(f"{path}: not inside the project at {project.root}") from None
    return result


def changed_since(project: Project, revision: str) -> list[str]:
    """Files changed since `revision` (committed, staged, unstaged or untracked)."""
    from tooling.git import run_git  # noqa: PLC0415 - only for --changed-since

    diff = run_git(project.root, "diff", "--name-only", "--no-renames", revision, "--",
                   needed_by="--changed-since")
    untracked = run_git(project.root, "ls-files", "--others", "--exclude-standard",
                        needed_by="--changed-since")
    return sorted({*diff.splitlines(), *untracked.splitlines()} - {""})
