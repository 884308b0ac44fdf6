from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from tests.conftest import write
from tooling.documents import document_keys, load_document
from tooling.model import ReviewStatus
from tooling.project import load_project


def test_front_matter_problems_point_into_the_file(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    write(root / "content" / "fr" / "bad.md", "---\ntitle: A\ntitle: B\nreview: maybe\n---\n"
          "# Body\n")
    loaded = load_document(load_project(root), "fr", "bad.md")
    assert [(f.path, f.span.line, f.span.column, f.message) for f in loaded.findings] == [
        ("content/fr/bad.md", 3, 1, "duplicate key 'title' (first defined at line 2); remove "
                                    "one of them")]
    document = loaded.document
    assert document is not None
    assert (document.title, document.review, document.body) == ("A", None, "# Body\n")
    assert document.front_matter_lines == 5


def test_documents_without_front_matter_or_folder(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    write(root / "content" / "fr" / "plain.md", "# Plain\n")
    loaded = load_document(load_project(root), "fr", "plain.md")
    assert loaded.document is not None
    assert (loaded.document.title, loaded.document.front_matter_lines) == (None, 0)
    assert document_keys(load_project(root), "xx") == []
    assert document_keys(load_project(root), "fr") == ["index.md", "plain.md"]


def test_review_may_be_a_mapping(project: Callable[[str], Path]) -> None:
    root = project("minimal")
    write(root / "content" / "fr" / "r.md", "---\nreview: {status: reviewed, by: A}\n---\n")
    loaded = load_document(load_project(root), "fr", "r.md")
    assert loaded.document is not None and loaded.document.review is ReviewStatus.REVIEWED
