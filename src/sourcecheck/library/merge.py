"""Merge the references that cite one work into one reference, and list the fields
the documents disagree on.

"Most complete" is defined exactly, so that the result never depends on the order of
the documents:

1. Each reference citing the work gives at most one value per field; empty values are
   not counted. A book title, journal or page range counts only from entries of the
   work's kind (the kind most entries give; a tie goes to the alphabetically first).
   Values are compared folded (case, accents and punctuation aside, as
   ``normalize.fold`` folds them): "Decisive encounters : the Chinese Civil War" and
   "Decisive Encounters: The Chinese Civil War" are one value, spelled two ways.
2. The value given by the most references wins; a tie goes to the longer folded value
   (more words say more), then to the alphabetically first.
3. Of the winning value's spellings, the one given most often is written; a tie goes to
   the longer spelling, then to the alphabetically first.

A field with more than one value (after folding) in one script is a ``FieldConflict``,
its values in the order of rule 2: a title in Chinese characters and its English
translation are the work's two names, not a conflict, unless either script has two
values. ISBNs are not chosen but joined: every ISBN any document gives.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import TypeVar

from ..models import Identifier, Name, Reference
from ..normalize import fold
from ..parsing.cjk import has_han
from .model import FieldConflict

T = TypeVar("T")
Cited = tuple[str, Reference]  # (document path, reference)

_TEXT_FIELDS = ("title", "booktitle", "journal", "year", "edition", "volume", "volumes",
                "pages", "pagetotal", "publisher", "address", "series", "language")
_PART_FIELDS = frozenset({"booktitle", "journal", "pages"})


def _names_text(names: tuple[Name, ...]) -> str:
    return " and ".join(n.inverted() for n in names)


def merge_references(cited: Sequence[Cited]) -> tuple[Reference, tuple[FieldConflict, ...]]:
    """One reference for a work cited by ``cited`` (in document, line order; the first
    gives the raw text and location), and the conflicting fields in BibTeX field order.
    """
    conflicts: list[FieldConflict] = []
    changes: dict[str, object] = {}

    def merge(field: str, attribute: str, text: Callable[[T], str], empty: T,
              sources: Sequence[Cited]) -> None:
        values: list[tuple[str, str, T]] = []  # (document, spelling, value)
        for document, reference in sources:
            value = getattr(reference, attribute)
            if value:
                values.append((document, text(value), value))
        winner, conflict = _choose(field, values)
        changes[attribute] = winner if winner is not None else empty
        if conflict:
            conflicts.append(conflict)

    kinds = Counter(reference.kind for _, reference in cited)
    kind = min(kinds, key=lambda kind: (-kinds[kind], kind.value))
    changes["kind"] = kind
    merge("author", "authors", _names_text, (), cited)
    merge("editor", "editors", _names_text, (), cited)
    # A chapter's book title, an article's journal and their page range describe a part
    # of something: only entries of the merged kind give them.
    same_kind = [item for item in cited if item[1].kind is kind]
    for field in _TEXT_FIELDS:
        merge(field, field, str, None, same_kind if field in _PART_FIELDS else cited)
    changes["identifiers"] = _join_identifiers(cited)
    first = cited[0][1]
    return replace(first, spans=(), **changes), tuple(conflicts)  # type: ignore[arg-type]


def _choose(field: str, values: Sequence[tuple[str, str, T]]
            ) -> tuple[T | None, FieldConflict | None]:
    """The most complete value (module docstring) and the conflict, if any."""
    if not values:
        return None, None
    groups: dict[str, list[tuple[str, str, T]]] = {}
    for item in values:
        groups.setdefault(fold(item[1]), []).append(item)
    ranked = sorted(groups, key=lambda folded: (-len(groups[folded]), -len(folded), folded))
    best = [_spelling(groups[folded]) for folded in ranked]
    conflict = None
    # Values in Chinese characters and in Latin letters are the work's original and its
    # translation or romanization ("黄友岚" and "Huang Youlan"), not a disagreement.
    scripts = Counter(has_han(folded) for folded in ranked)
    if max(scripts.values()) > 1:
        conflict = FieldConflict(field, tuple(
            (spelling, tuple(sorted({document for document, _, _ in groups[folded]})))
            for folded, (spelling, _) in zip(ranked, best, strict=True)))
    return best[0][1], conflict


def _spelling(items: Sequence[tuple[str, str, T]]) -> tuple[str, T]:
    """The spelling written for one folded value: most often given, longest, first."""
    counts = Counter(spelling for _, spelling, _ in items)
    chosen = min(counts, key=lambda spelling: (-counts[spelling], -len(spelling), spelling))
    value = next(value for _, spelling, value in items if spelling == chosen)
    return chosen, value


def _join_identifiers(cited: Sequence[Cited]) -> tuple[Identifier, ...]:
    """Every identifier once, in order of first appearance. A valid ISBN given in
    several forms is one identifier; the form that says more (a volume, a qualifier)
    is kept. ISBNs that are not valid are kept as written, once per spelling."""
    chosen: dict[tuple[str, str], Identifier] = {}
    for _, reference in cited:
        for identifier in reference.identifiers:
            key = ((identifier.scheme, identifier.isbn13) if identifier.isbn13
                   else (identifier.scheme, fold(identifier.raw)))
            kept = chosen.get(key)
            if kept is None or _says_more(identifier, kept):
                chosen[key] = replace(identifier, offset=0)
    return tuple(chosen.values())


def _says_more(new: Identifier, kept: Identifier) -> bool:
    return ((new.volume is not None, new.qualifier is not None)
            > (kept.volume is not None, kept.qualifier is not None))
