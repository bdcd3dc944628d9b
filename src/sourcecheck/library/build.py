"""Build the source library of a run: every work cited in any document, once."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from ..citekeys import unique_keys
from ..models import CheckedDocument, Reference
from ..normalize import fold, work_key
from .group import group_references
from .merge import merge_references
from .model import Citing, Library, Work


def build_library(documents: Sequence[CheckedDocument]) -> Library:
    """One ``Work`` per work cited across ``documents`` (grouped as ``group.py`` says,
    fields merged as ``merge.py`` says), each with every reference citing it.

    Keys are ``citekeys`` keys of the merged reference. They do not depend on the order
    of the documents, nor on which other works are present, except for a collision
    suffix ("a", "b", …): works with one base key get their suffixes in the order of
    their identity (ISBNs, then authors + title + year, then the entry as written),
    never in order of appearance. The same input gives the same library.
    """
    cited: list[tuple[str, Reference]] = []
    citing: list[Citing] = []
    for checked in documents:
        path = checked.document.path
        notes = checked.cited_by()
        for reference in checked.references:
            cited.append((path, reference))
            citing.append(Citing(path, reference.id, reference.location.line,
                                 tuple(notes.get(reference.id, ()))))
    # Grouping weighs each reference against the first of each work, so it sees them in
    # an order of their own (path, line), never in the order the documents came.
    order = sorted(range(len(cited)), key=lambda i: (
        citing[i].document, citing[i].line, citing[i].reference_id, cited[i][1].raw))
    cited = [cited[i] for i in order]
    citing = [citing[i] for i in order]
    merged = []
    for group in group_references([reference for _, reference in cited]):
        reference, conflicts = merge_references([cited[i] for i in group])
        merged.append((reference, tuple(citing[i] for i in group), conflicts))
    merged.sort(key=lambda work: _identity(work[0]))
    keys = unique_keys([reference for reference, _, _ in merged],
                       [reference.location.line for reference, _, _ in merged])
    works = [Work(key, replace(reference, id=key), places, conflicts)
             for key, (reference, places, conflicts) in zip(keys, merged, strict=True)]
    works.sort(key=lambda work: work.key)
    return Library(tuple(works))


def _identity(reference: Reference) -> tuple[object, ...]:
    """What tells apart works that share a base key, independent of input order."""
    isbns = sorted(i.isbn13 for i in reference.isbns if i.isbn13)
    return (isbns, work_key(reference) or ("", "", ""), fold(reference.raw), reference.raw)
