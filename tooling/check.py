"""`interlex check`: load everything, run every rule, select what to report."""

from __future__ import annotations

import subprocess
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from pathlib import Path

from tooling.corpus import load_corpus
from tooling.errors import InterlexError
from tooling.findings import Finding, Summary, sort_findings, summarize
from tooling.glossary import load_glossary
from tooling.project import Project
from tooling.rules import run_rules
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
              changed: Collection[str] | None = None) -> CheckResult:
    """Every finding of the project; with `only`, those in these paths (files or folders);
    with `changed`, those in these files.

    The whole project is always loaded: rules such as term-collision need every
    file to judge one.
    """
    loaded = load_glossary(project)
    corpus = load_corpus(project, loaded.glossary)
    documents = run_document_rules(loaded.glossary, corpus, project)
    findings = [*loaded.findings, *run_rules(loaded.glossary, project), *documents.findings]
    if only:
        findings = [f for f in findings if _selected(f.path, only)]
    if changed is not None:
        findings = [f for f in findings if f.path in changed]
    ordered = sort_findings(findings)
    reported = {f.path for f in ordered}
    texts = dict(loaded.glossary.texts)
    for path in sorted(reported - set(texts)):  # documents: only those with findings
        texts[path] = _read(project.root / path)
    edits = tuple(e for e in documents.edits if e.path in reported)
    return CheckResult(ordered, summarize(ordered), texts, edits)


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
    diff = _git(project, "diff", "--name-only", "--no-renames", revision, "--")
    untracked = _git(project, "ls-files", "--others", "--exclude-standard")
    return sorted({*diff.splitlines(), *untracked.splitlines()} - {""})


def _git(project: Project, *args: str) -> str:
    try:
        done = subprocess.run(["git", "-C", str(project.root), *args], capture_output=True,
                              text=True, check=False)
    except FileNotFoundError:
        raise InterlexError("git is not installed; --changed-since needs it") from None
    if done.returncode != 0:
        raise InterlexError(f"git {' '.join(args[:1])} failed: {done.stderr.strip()}; "
                            "is this a git repository and the revision right?")
    return done.stdout
