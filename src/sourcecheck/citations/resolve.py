"""Resolve citations to references: one candidate or a reported failure, never a guess.

Following eyecite, a citation resolves only when exactly one reference remains after
narrowing by authors, year and title; several give "ambiguous" with the candidates,
none gives "unresolved" with a hint at the nearest entry. "Ibid." follows the citation
before it; "op. cit." the last work cited by the same author.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..models import (
    Citation,
    CitationKind,
    Name,
    Reference,
    Resolution,
    ResolutionStatus,
    Section,
)
from ..normalize import family_key, fold, main_title_key, title_key, work_key
from ..parsing.cjk import has_han, written_name
from ..parsing.fields import first_year, year_span, year_suffix

__all__ = ["describe", "references_from_notes", "resolve_citations"]

_TITLE_MATCH = 88  # rapidfuzz ratio for a short title against a main title
_NAME_NEAR = 80  # rapidfuzz ratio for a misspelt author name in a hint
_TITLE_NEAR = 70  # rapidfuzz token-set ratio for a similar title in a hint


class _ByAuthor:
    """References filed under every word of their authors' (or editors') family names, so
    that a citation is compared only with references sharing a word with its first
    author, not with the whole bibliography (long documents have thousands of both)."""

    def __init__(self, references: Sequence[Reference] = ()) -> None:
        self._index: dict[str, list[Reference]] = {}
        self.hints: dict[tuple[tuple[str, ...], str | None], str] = {}  # see _nearest_hint
        for reference in references:
            self.add(reference)

    def add(self, reference: Reference) -> None:
        words = {w for key in _people_keys(reference.authors or reference.editors)
                 for w in key.split()}
        for word in words:
            self._index.setdefault(word, []).append(reference)

    def candidates(self, cited: tuple[str, ...]) -> list[Reference]:
        words = fold(cited[0]).split() if cited else []
        return self._index.get(words[-1], []) if words else []


def references_from_notes(citations: Sequence[Citation],
                          bibliography: Sequence[Reference]) -> list[Reference]:
    """Full citations in notes that match no bibliography entry become references.

    The same work cited in full twice yields one reference. Ids are left empty; the
    pipeline gives them.
    """
    found: list[Reference] = []
    index = _ByAuthor(bibliography)
    for citation in citations:
        if citation.kind is not CitationKind.FULL or citation.reference is None:
            continue
        pool = _pool(citation.reference, index, [*bibliography, *found])
        if _matching_full(citation.reference, pool):
            continue
        found.append(citation.reference)
        index.add(citation.reference)
    return found


def resolve_citations(citations: Sequence[Citation],
                      references: Sequence[Reference]) -> list[Resolution]:
    """Resolve every citation, in order (ibid and op. cit. depend on what came before)."""
    index = _ByAuthor(references)
    resolutions: list[Resolution] = []
    for citation in citations:
        resolutions.append(_resolve_one(citation, references, index, resolutions))
    return resolutions


def _pool(reference: Reference, index: _ByAuthor,
          everything: Sequence[Reference]) -> Sequence[Reference]:
    """The references a full citation can match: those sharing its first author's name,
    or all of them when it names no author."""
    people = reference.authors or reference.editors
    if not people:
        return everything
    return index.candidates((people[0].sort_name,))


def _resolve_one(citation: Citation, references: Sequence[Reference], index: _ByAuthor,
                 earlier: list[Resolution]) -> Resolution:
    if citation.kind is CitationKind.IBID:
        return _resolve_ibid(citation, earlier)
    if citation.kind is CitationKind.OP_CIT:
        return _resolve_op_cit(citation, references, index, earlier)
    by_author = index.candidates(citation.authors) if citation.authors else references
    if citation.kind is CitationKind.FULL and citation.reference is not None:
        candidates = _matching_full(citation.reference,
                                    _pool(citation.reference, index, references))
    elif citation.kind is CitationKind.SHORT:
        candidates = [r for r in by_author
                      if _authors_match(citation.authors, r) and _year_matches(citation.year, r)]
        if len(candidates) > 1 and citation.year and year_suffix(citation.year):
            exact = [r for r in candidates if r.year == citation.year]
            candidates = exact or candidates
    else:
        candidates = [r for r in by_author
                      if (not citation.authors or _authors_match(citation.authors, r))
                      and _title_matches(citation.title, r)]
    return _decide(citation, candidates, references, index)


def _decide(citation: Citation, candidates: list[Reference], references: Sequence[Reference],
            index: _ByAuthor) -> Resolution:
    ids = _unique_ids(candidates)
    if len(ids) == 1:
        return Resolution(citation, ResolutionStatus.RESOLVED, ids[0])
    if len(ids) > 1 and _one_work(candidates):
        # Entries that are one work listed twice (reported as ref.duplicate) are not a
        # choice between works: the citation resolves to the first and names them all.
        return Resolution(citation, ResolutionStatus.RESOLVED, ids[0], tuple(ids),
                          "the same work is listed more than once")
    if len(ids) > 1:
        return Resolution(citation, ResolutionStatus.AMBIGUOUS, None, tuple(ids),
                          "candidates: " + "; ".join(describe(r) for r in candidates))
    return Resolution(citation, ResolutionStatus.UNRESOLVED, None, (),
                      _nearest_hint(citation, references, index))


def _one_work(references: list[Reference]) -> bool:
    """True when all the references are the same work: one work key or a shared ISBN."""
    first = references[0]
    first_isbns = {i.isbn13 for i in first.isbns if i.isbn13}
    key = work_key(first)
    return all(
        (key is not None and work_key(other) == key)
        or bool(first_isbns & {i.isbn13 for i in other.isbns if i.isbn13})
        for other in references[1:]
    )


def _unique_ids(references: list[Reference]) -> list[str]:
    return list(dict.fromkeys(r.id for r in references))


def _resolve_ibid(citation: Citation, earlier: list[Resolution]) -> Resolution:
    if not earlier:
        return Resolution(citation, ResolutionStatus.UNRESOLVED, None, (),
                          "\"Ibid.\" with no citation before it")
    previous = earlier[-1]
    same_note = [r for r in earlier if r.citation.note == previous.citation.note]
    targets = list(dict.fromkeys(r.reference_id for r in same_note if r.reference_id))
    if previous.citation.note != citation.note and len(targets) > 1:
        return Resolution(citation, ResolutionStatus.AMBIGUOUS, None, tuple(targets),
                          f"note {previous.citation.note} cites several works; "
                          "\"Ibid.\" cannot say which")
    if previous.status is ResolutionStatus.RESOLVED:
        return Resolution(citation, ResolutionStatus.RESOLVED, previous.reference_id)
    hint = f"the citation before it (note {previous.citation.note}) is {previous.status.value}"
    return Resolution(citation, previous.status, None, previous.candidates, hint)


def _resolve_op_cit(citation: Citation, references: Sequence[Reference], index: _ByAuthor,
                    earlier: list[Resolution]) -> Resolution:
    by_author = index.candidates(citation.authors)
    by_id = {r.id: r for r in by_author}
    for previous in reversed(earlier):
        reference = by_id.get(previous.reference_id or "")
        if reference is not None and _authors_match(citation.authors, reference):
            return Resolution(citation, ResolutionStatus.RESOLVED, reference.id)
    candidates = [r for r in by_author if _authors_match(citation.authors, r)]
    resolution = _decide(citation, candidates, references, index)
    if resolution.status is ResolutionStatus.RESOLVED:
        return resolution
    return replace(resolution, hint=(resolution.hint or "") +
                   "; \"op. cit.\" needs an earlier citation of this author")


def _matching_full(reference: Reference, references: Sequence[Reference]) -> list[Reference]:
    """Bibliography entries that are the work a full citation describes."""
    found = []
    for candidate in references:
        if candidate is reference:
            continue
        people = reference.authors or reference.editors
        names = tuple(n.sort_name for n in people)
        if names and not _authors_match(names, candidate):
            continue
        if not _title_matches(reference.title, candidate):
            continue
        if reference.year and candidate.year and not _year_matches(reference.year, candidate):
            continue
        found.append(candidate)
    return found


@lru_cache(maxsize=16384)
def _people_keys(people: tuple[Name, ...]) -> tuple[str, ...]:
    return tuple(family_key(n) for n in people)


def _authors_match(cited: tuple[str, ...], reference: Reference) -> bool:
    """Every cited family name is one of the reference's first authors (or editors)."""
    people = reference.authors or reference.editors
    if not cited or not people:
        return False
    keys = _people_keys(people)
    for position, name in enumerate(cited):
        key = fold(name)
        if position >= len(keys):
            return False
        if not any(_same_family(key, k) for k in keys[: max(len(cited), 1) + 1]):
            return False
    return _same_family(fold(cited[0]), keys[0]) or len(cited) > 1


def _same_family(cited: str, family: str) -> bool:
    """"ven" matches "van de ven"; a corporate author matches by its first words."""
    if not cited or not family:
        return False
    if cited == family:
        return True
    return family.endswith(" " + cited) or family.startswith(cited + " ")


def _year_matches(cited: str | None, reference: Reference) -> bool:
    if not cited:
        return True
    if not reference.year:
        return False
    if cited == reference.year:
        return True
    cited_first = first_year(cited)
    span = year_span(reference.year)
    if cited_first is None or span is None:
        return False
    if year_suffix(cited) and year_suffix(reference.year) and cited != reference.year:
        return False
    return span[0] <= cited_first <= span[1]


def _title_matches(cited: str | None, reference: Reference) -> bool:
    """A short title matches the start of the title, or the main title closely."""
    if not cited or not reference.title:
        return False
    short = title_key(cited)
    full = title_key(reference.title)
    if not short:
        return False
    if full.startswith(short) or short.startswith(full):
        return True
    return fuzz.ratio(main_title_key(cited), main_title_key(reference.title)) >= _TITLE_MATCH


def describe(reference: Reference) -> str:
    """"Westad 2003": how a reference is named in messages and hints. A name written in
    Chinese characters is named whole ("唐义路 1993–1997"), as Chinese writers cite it: its
    one-character family name alone says little."""
    people = reference.authors or reference.editors
    if people:
        names = [written_name(n) if has_han(n.family or "") else n.sort_name
                 for n in people[:2]]
        who = " and ".join(names) + (" et al." if len(people) > 2 else "")
    else:
        who = (reference.title or reference.raw)[:40]
    return f"{who} {reference.year}" if reference.year else who


def _nearest_hint(citation: Citation, references: Sequence[Reference], index: _ByAuthor) -> str:
    """Name the closest entry: the same author with another year, a near spelling, a title.

    Worked out once per cited author and title in a document: unresolved notes tend to
    cite the same missing work again and again.
    """
    key = (citation.authors, citation.title)
    hint = index.hints.get(key)
    if hint is None:
        hint = index.hints[key] = _work_out_hint(citation, references, index)
    return hint


def _work_out_hint(citation: Citation, references: Sequence[Reference], index: _ByAuthor) -> str:
    pool = [r for r in references if r.section is not Section.NOTE] or list(references)
    if not pool:
        return "the document has no bibliography to resolve it against"
    if citation.authors:
        in_pool = {id(r) for r in pool}
        same_author = [r for r in index.candidates(citation.authors)
                       if id(r) in in_pool and _authors_match(citation.authors, r)]
        if same_author:
            labels = list(dict.fromkeys(describe(r) for r in same_author))
            return "nearest entry: " + "; ".join(labels[:3])
        people = [r for r in pool if r.authors or r.editors]
        best = process.extractOne(fold(citation.authors[0]),
                                  [family_key((r.authors or r.editors)[0]) for r in people],
                                  scorer=fuzz.ratio, score_cutoff=_NAME_NEAR)
        if best is not None:
            return "nearest entry: " + describe(people[best[2]])
        return f"no entry by {citation.authors[0]}"
    if citation.title:
        titled = [r for r in pool if r.title]
        best = process.extractOne(main_title_key(citation.title),
                                  [main_title_key(r.title) for r in titled],
                                  scorer=fuzz.token_set_ratio, score_cutoff=_TITLE_NEAR)
        if best is not None:
            return "nearest entry: " + describe(titled[best[2]])
        return "no entry with a similar title"
    return "no entry to match"
