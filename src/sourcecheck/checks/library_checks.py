"""library.conflict: the same work (same ISBN) cited with a different year or title in
another document of the run. A run-level rule: it needs every document at once.

Two references are compared when they share a valid ISBN and the library counts them
as one work (``library.group.same_work``). Not a conflict: a year inside a cited range
("1995" and "1993–1997"), titles that differ only by subtitle, case, punctuation,
accents or a volume suffix, or are written in different scripts, and a chapter whose
book title is the other's title (``library.group.titles_agree``). Other fields that
differ are listed in the library, not reported.
"""

from __future__ import annotations

from collections.abc import Sequence

from .. import isbn
from ..library.group import same_work, titles_agree
from ..models import CheckedDocument, Finding, Name, Reference
from .compare import cited_years_agree
from .finding import finding

# What the comparison reads of a reference: references alike in these compare alike,
# so each ISBN's references are compared once per distinct signature, not pairwise.
_Signature = tuple[str | None, str | None, str | None, tuple[Name, ...], tuple[Name, ...]]


def _signature(reference: Reference) -> _Signature:
    return (reference.title, reference.booktitle, reference.year, reference.authors,
            reference.editors)


def check_across_documents(documents: Sequence[CheckedDocument]) -> list[list[Finding]]:
    """For each document, in order, its ``library.conflict`` findings: one per
    reference that another document cites with a different year or title under one of
    its ISBNs."""
    # ISBN -> signature -> (a reference with it, positions of the documents giving it)
    by_isbn: dict[str, dict[_Signature, tuple[Reference, set[int]]]] = {}
    for position, checked in enumerate(documents):
        for reference in checked.references:
            for number in {i.isbn13 for i in reference.isbns if i.isbn13}:
                group = by_isbn.setdefault(number, {})
                group.setdefault(_signature(reference), (reference, set()))[1].add(position)
    out: list[list[Finding]] = [[] for _ in documents]
    cache: dict[tuple[_Signature, _Signature], tuple[bool, bool]] = {}
    for position, checked in enumerate(documents):
        for reference in checked.references:
            found = _conflict(reference, position, documents, by_isbn, cache)
            if found:
                out[position].append(found)
    return out


def _conflict(reference: Reference, position: int, documents: Sequence[CheckedDocument],
              by_isbn: dict[str, dict[_Signature, tuple[Reference, set[int]]]],
              cache: dict[tuple[_Signature, _Signature], tuple[bool, bool]]
              ) -> Finding | None:
    years: dict[str, set[str]] = {}  # other year -> documents giving it
    titles: dict[str, set[str]] = {}
    shared = ""
    for number in sorted({i.isbn13 for i in reference.isbns if i.isbn13}):
        for other, positions in by_isbn[number].values():
            elsewhere = positions - {position}
            if not elsewhere:
                continue
            year_differs, title_differs = _differences(reference, other, cache)
            paths = {documents[p].document.path for p in elsewhere}
            if year_differs and other.year:
                years.setdefault(other.year, set()).update(paths)
            if title_differs:
                titles.setdefault(other.title or other.booktitle or "", set()).update(paths)
            if year_differs or title_differs:
                shared = shared or number
    if not years and not titles:
        return None
    parts = [f"{field} {value!r} in {', '.join(sorted(paths))}"
             for field, values in (("year", years), ("title", titles))
             for value, paths in sorted(values.items())]
    here = [f"{field} {value!r}" for field, value, given in
            (("year", reference.year, years), ("title", reference.title, titles)) if given]
    return finding(
        "library.conflict",
        f"the same work (ISBN {isbn.hyphenate(shared) or shared}) is cited with "
        f"{'; '.join(parts)}; here {' and '.join(here)}",
        reference.location, reference=reference.id,
        hint="check which edition is meant and cite it the same way in every document")


def _differences(a: Reference, b: Reference, cache: dict[tuple[_Signature, _Signature],
                                                        tuple[bool, bool]]) -> tuple[bool, bool]:
    """(year differs, title differs) between two references of one ISBN; both False
    when the library holds them as two works. Cached by signature."""
    key = (_signature(a), _signature(b))
    if key not in cache:
        if not same_work(a, b):
            cache[key] = (False, False)
        else:
            year_differs = bool(a.year and b.year) and not cited_years_agree(a.year, b.year)
            cache[key] = (year_differs, not titles_agree(a, b))
    return cache[key]
