"""The statuses of terms, concepts and reviews: apart from the glossary's records, for
what needs a status without the glossary (a document's review, a term's use)."""

from __future__ import annotations

from enum import StrEnum


class TermStatus(StrEnum):
    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    SUPERSEDED = "superseded"

    @property
    def allowed(self) -> bool:
        """Preferred and admitted terms may be used; the others may not."""
        return self in (TermStatus.PREFERRED, TermStatus.ADMITTED)


class ConceptStatus(StrEnum):
    DRAFT = "draft"
    APPROVED = "approved"
    RETIRED = "retired"


class ReviewStatus(StrEnum):
    DRAFT = "draft"
    REVIEWED = "reviewed"
    APPROVED = "approved"
