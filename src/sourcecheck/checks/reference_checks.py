"""ref.* rules: entries that cannot be read, lack fields, repeat, or are never cited."""

from __future__ import annotations

from rapidfuzz import fuzz

from ..citations.resolve import describe
from ..models import (
    CheckedDocument,
    Finding,
    Reference,
    ReferenceKind,
    Section,
)
from ..normalize import main_title_key, work_key
from .finding import finding

_SAME_TITLE = 80  # rapidfuzz ratio above which two titles under one ISBN are one work


def check_references(checked: CheckedDocument) -> list[Finding]:
    findings: list[Finding] = []
    for reference in checked.references:
        findings += _check_fields(reference)
    findings += _check_duplicates(checked.references)
    findings += _check_uncited(checked)
    return findings


def _check_fields(reference: Reference) -> list[Finding]:
    if not reference.is_parsed:
        return [finding("ref.unparsed", "no author and no title could be found in this entry",
                        reference.location, reference=reference.id,
                        hint="write it as Author, Title, Place: Publisher, Year")]
    findings = []
    if reference.kind is ReferenceKind.BOOK:
        missing = [name for name, value in (("year", reference.year),
                                            ("publisher", reference.publisher),
                                            ("place", reference.address)) if not value]
        if missing:
            findings.append(finding(
                "ref.incomplete", f"book without {_and_list(missing)}: {describe(reference)}",
                reference.location, reference=reference.id))
        if not reference.isbns:
            findings.append(finding(
                "ref.no-identifier", f"no ISBN: {describe(reference)} can only be verified by "
                "title search", reference.location, reference=reference.id))
    return findings


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _check_duplicates(references: tuple[Reference, ...]) -> list[Finding]:
    """The same ISBN (any form) or the same authors+title+year twice."""
    findings: list[Finding] = []
    by_isbn: dict[str, Reference] = {}
    by_work: dict[tuple[str, str, str], Reference] = {}
    for reference in references:
        reported = False
        for identifier in reference.isbns:
            if identifier.isbn13 is None:
                continue
            first = by_isbn.setdefault(identifier.isbn13, reference)
            if first is reference or reported:
                continue
            reported = True
            if _same_work(first, reference):
                findings.append(_duplicate(reference, first, f"ISBN {identifier.raw}"))
            else:
                findings.append(finding(
                    "ref.isbn-conflict",
                    f"ISBN {identifier.raw} is also given for a different work: "
                    f"{describe(first)} (line {first.location.line})",
                    reference.location, reference=reference.id,
                    hint="one of the two ISBNs is wrong; check both books"))
        key = work_key(reference)
        if key is None or reported:
            continue
        first = by_work.setdefault(key, reference)
        if first is not reference:
            findings.append(_duplicate(reference, first, "the same authors, title and year"))
    return findings


def _same_work(a: Reference, b: Reference) -> bool:
    if not a.title or not b.title:
        return True
    return fuzz.ratio(main_title_key(a.title), main_title_key(b.title)) >= _SAME_TITLE


def _duplicate(reference: Reference, first: Reference, why: str) -> Finding:
    return finding(
        "ref.duplicate",
        f"the same work as line {first.location.line} ({describe(first)}): {why}",
        reference.location, reference=reference.id, hint="keep one of the two entries")


def _check_uncited(checked: CheckedDocument) -> list[Finding]:
    """Bibliography entries no citation points to; only for documents that cite by notes."""
    if not checked.resolutions:
        return []
    cited: set[str] = set()
    for resolution in checked.resolutions:
        if resolution.reference_id:
            cited.add(resolution.reference_id)
        cited.update(resolution.candidates)  # ambiguous, or one work listed twice
    return [
        finding("ref.uncited", f"no note cites {describe(r)}", r.location, reference=r.id)
        for r in checked.references
        if r.section is Section.BIBLIOGRAPHY and r.is_parsed and r.id not in cited
    ]
