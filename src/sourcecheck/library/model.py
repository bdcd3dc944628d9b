"""The source library's shapes: works, where each is cited, and the fields documents
disagree on. Frozen, no back-references: a ``Citing`` names its document by path."""

from __future__ import annotations

from dataclasses import dataclass

from ..models import Reference


@dataclass(frozen=True, slots=True)
class Citing:
    """One place a work is cited: a reference of one document."""

    document: str  # document path as reports name it (Document.path)
    reference_id: str
    line: int
    notes: tuple[str, ...]  # labels of the notes citing it in that document


@dataclass(frozen=True, slots=True)
class FieldConflict:
    """A field the citing documents give different values for (beyond case, accents
    and punctuation), the value the library keeps first."""

    field: str  # BibTeX field name: "year", "title", ...
    values: tuple[tuple[str, tuple[str, ...]], ...]  # (value, documents giving it)


@dataclass(frozen=True, slots=True)
class Work:
    """One work cited anywhere in a run, with its merged fields."""

    key: str  # stable citation key
    reference: Reference  # merged fields; id is ``key``
    citing: tuple[Citing, ...]  # sorted by document, line
    conflicts: tuple[FieldConflict, ...]  # in field order


@dataclass(frozen=True, slots=True)
class Library:
    works: tuple[Work, ...]  # sorted by key
