"""Which references cite the same work: one union of references per work.

Two references are one work when they share a valid ISBN in any form (ISBN-10 or -13,
hyphenated or not; any volume or set ISBN they both give counts) and are not plainly
two works (``same_work``: an ISBN on two entries that agree on neither the title nor
any author is wrong in one of them, the case ``ref.isbn-conflict`` reports), or when their
authors, title and year agree as ``ref.duplicate`` compares them within a document
(``normalize.work_key``), or the same with the subtitle dropped
(``normalize.main_work_key``). An entry that could not be parsed is one work with every
other entry written the same (case, accents and punctuation aside).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from functools import lru_cache

from ..checks.compare import cited_titles_agree
from ..models import Reference
from ..normalize import family_key, fold, main_work_key, work_key


def same_work(a: Reference, b: Reference) -> bool:
    """False only when two references that share an ISBN are plainly two works: they
    name different volumes (of a set whose ISBN both give), or both have titles and
    people, no title agrees (``titles_agree``) and no family name is shared."""
    if _other_volumes(a, b):
        return False
    people_a = {family_key(n) for n in (*a.authors, *a.editors)} - {""}
    people_b = {family_key(n) for n in (*b.authors, *b.editors)} - {""}
    if not people_a or not people_b:
        return True
    return bool(people_a & people_b) or titles_agree(a, b)


def titles_agree(a: Reference, b: Reference) -> bool:
    """True when some title of one (its title, or a chapter's book title) agrees with
    some title of the other as ``cited_titles_agree`` compares them, or either has none."""
    titles_a = [t for t in (a.title, a.booktitle) if t]
    titles_b = [t for t in (b.title, b.booktitle) if t]
    if not titles_a or not titles_b:
        return True
    return any(_titles_agree(x, y) for x in titles_a for y in titles_b)


@lru_cache(maxsize=4096)
def _titles_agree(a: str, b: str) -> bool:
    return cited_titles_agree(a, b)


def _other_volumes(a: Reference, b: Reference) -> bool:
    return bool(a.volume and b.volume) and fold(a.volume or "") != fold(b.volume or "")


def identity_keys(reference: Reference) -> list[Hashable]:
    """The keys by which ``reference`` joins other references into one work, ISBNs
    aside (``group_references`` weighs those). A volume is part of the key: volumes 12
    and 13 of one history are two entries of the library, each with its own volume."""
    keys: list[Hashable] = []
    if not reference.is_parsed:
        keys.append(("raw", fold(reference.raw)))
        return keys
    volume = fold(reference.volume or "")
    for key in (work_key(reference), main_work_key(reference)):
        if key is not None:
            keys.append(("work", key, volume))
    return keys


def group_references(references: Sequence[Reference]) -> list[list[int]]:
    """Positions in ``references`` grouped by work; each group in position order, the
    groups in order of their first position."""
    parent = list(range(len(references)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]  # path halving keeps the trees flat
            i = parent[i]
        return i

    def join(a: int, b: int) -> None:
        a, b = root(a), root(b)
        if a != b:
            parent[max(a, b)] = min(a, b)

    first_with: dict[Hashable, int] = {}
    # Per ISBN, the first reference of each distinct work that gives it.
    by_isbn: dict[str, list[int]] = {}
    for position, reference in enumerate(references):
        for key in identity_keys(reference):
            join(first_with.setdefault(key, position), position)
        for isbn13 in {i.isbn13 for i in reference.isbns if i.isbn13}:
            firsts = by_isbn.setdefault(isbn13, [])
            other = next((f for f in firsts if same_work(references[f], reference)), None)
            if other is None:
                firsts.append(position)
            else:
                join(other, position)
    groups: dict[int, list[int]] = {}
    for position in range(len(references)):
        groups.setdefault(root(position), []).append(position)
    return list(groups.values())
