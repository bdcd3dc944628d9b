"""The verification stage: compare each reference with what the catalogues said.

Rules: lookup.not-found, lookup.unavailable, lookup.title-mismatch,
lookup.author-mismatch, lookup.year-mismatch, lookup.publisher-mismatch, cite.page-range;
and the isbn.checksum hint is narrowed to the candidate the catalogues confirm.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace

from .. import isbn
from ..lookup.providers import provider_label
from ..models import (
    CatalogueRecord,
    CheckedDocument,
    Finding,
    Identifier,
    Location,
    LookupResult,
    LookupStatus,
    Qualifier,
    Reference,
    ResolutionStatus,
    Verification,
    VerificationStatus,
)
from ..parsing.cjk import written_name
from .compare import (
    authors_agree,
    different_scripts,
    matches_work,
    publishers_agree,
    titles_agree,
    years_agree,
)
from .finding import finding

_PAGE_RANGE = re.compile(r"(\d+)(?:\s*[-–—]\s*(\d+))?")


@dataclass(frozen=True, slots=True)
class LookupRequest:
    """What a run asks the catalogues: the ISBNs cited, and the candidates of ISBNs with a
    wrong check digit (``probes``: asked only where many ISBNs fit in one request, since
    they serve a hint, not a verification)."""

    isbns: tuple[str, ...]
    probes: tuple[str, ...]


def isbns_to_look_up(documents: Iterable[CheckedDocument]) -> LookupRequest:
    """Every valid ISBN-13 of the documents, each once, and the ISBN-13 candidates of every
    ISBN with a wrong check digit (so a catalogue can say which one is the cited book)."""
    numbers: dict[str, None] = {}
    probes: dict[str, None] = {}
    for checked in documents:
        for reference in checked.references:
            for identifier in reference.isbns:
                if identifier.isbn13:
                    numbers[identifier.isbn13] = None
                elif isbn.check(identifier.raw).error == "isbn.checksum":
                    for candidate in isbn.checksum_candidates(identifier.raw):
                        probes[isbn.to_isbn13(candidate)] = None
    return LookupRequest(tuple(numbers), tuple(p for p in probes if p not in numbers))


def verify_document(checked: CheckedDocument,
                    results: Mapping[str, LookupResult]) -> CheckedDocument:
    """The document with a verification for every reference and the look-up findings
    added (and isbn.checksum hints narrowed)."""
    verifications: list[Verification] = []
    added: list[Finding] = []
    hints: dict[tuple[str, int, int], str] = {}
    records_by_reference: dict[str, dict[str, CatalogueRecord]] = {}
    for reference in checked.references:
        verification, findings, records = _verify_reference(reference, results)
        verifications.append(verification)
        added += findings
        records_by_reference[reference.id] = records
        hints.update(_checksum_hints(reference, results))
    added += _page_range_findings(checked, records_by_reference)
    kept = [_with_hint(f, hints) for f in checked.findings]
    findings = sorted([*kept, *added],
                      key=lambda f: (f.location.line, f.location.column, f.code))
    return replace(checked, findings=tuple(findings), verifications=tuple(verifications))


def _verify_reference(reference: Reference, results: Mapping[str, LookupResult]
                      ) -> tuple[Verification, list[Finding], dict[str, CatalogueRecord]]:
    valid = [i for i in reference.isbns if i.isbn13]
    if not valid:
        return Verification(reference.id, VerificationStatus.NO_IDENTIFIER), [], {}
    findings: list[Finding] = []
    records: dict[str, CatalogueRecord] = {}
    unavailable: list[Identifier] = []
    for identifier in valid:
        number = identifier.isbn13 or ""
        result = results.get(number)
        if result is None or result.status is LookupStatus.UNAVAILABLE:
            unavailable.append(identifier)
        elif result.status is LookupStatus.NOT_FOUND:
            findings.append(finding(
                "lookup.not-found", f"ISBN {identifier.raw}: no catalogue knows this ISBN",
                _where(reference, identifier), reference=reference.id,
                hint="compare the number with the book's copyright page; "
                     "the reference cannot be verified"))
        elif result.record is not None:
            records[identifier.isbn13 or ""] = result.record
    mismatches = _mismatches(reference, valid, records)
    findings += mismatches
    if unavailable and not records:
        shown = ", ".join(i.raw for i in unavailable)
        findings.append(finding(
            "lookup.unavailable",
            f"ISBN {shown} not verified: the catalogues could not be reached",
            _where(reference, unavailable[0]), reference=reference.id,
            hint="run again with the network (answers are cached), or ignore "
                 "lookup.unavailable when working offline"))
    first = next(iter(records.values()), None)
    detail = _detail(valid, records)
    if records:
        status = VerificationStatus.MISMATCH if mismatches else VerificationStatus.VERIFIED
    elif unavailable:
        status = VerificationStatus.UNAVAILABLE
    else:
        status = VerificationStatus.NOT_FOUND
    return Verification(reference.id, status, first, detail), findings, records


def _mismatches(reference: Reference, identifiers: list[Identifier],
                records: Mapping[str, CatalogueRecord]) -> list[Finding]:
    """At most one finding per rule for a reference, naming the first record that
    differs (the volumes of one work usually differ the same way)."""
    found: dict[str, Finding] = {}
    people = reference.authors or reference.editors
    for identifier in identifiers:
        record = records.get(identifier.isbn13 or "")
        if record is None:
            continue
        where = _where(reference, identifier)
        source = f"{provider_label(record.provider)}, ISBN {identifier.raw}"
        scripts_differ = different_scripts(reference.title, record.title)
        if (reference.title and not scripts_differ
                and not titles_agree(reference.title, record)):
            found.setdefault("lookup.title-mismatch", finding(
                "lookup.title-mismatch",
                f'title "{reference.title}" differs from the catalogue\'s '
                f'"{_full_title(record)}" ({source})', where, reference=reference.id,
                hint="check the title against the book, or the ISBN against the title"))
        if not scripts_differ and not authors_agree(people, record):
            cited = "; ".join(written_name(n) for n in people)
            found.setdefault("lookup.author-mismatch", finding(
                "lookup.author-mismatch",
                f"no cited author ({cited}) matches the catalogue's "
                f"({'; '.join(record.authors)}) ({source})", where, reference=reference.id,
                hint="check the authors' names, or the ISBN"))
        if not years_agree(reference.year, record):
            found.setdefault("lookup.year-mismatch", finding(
                "lookup.year-mismatch",
                f"year {reference.year} differs from the catalogue's {record.year} ({source})",
                where, reference=reference.id,
                hint="another edition or printing? cite the year of the edition used"))
        if (not different_scripts(reference.publisher, record.publisher)
                and not publishers_agree(reference.publisher, record)):
            found.setdefault("lookup.publisher-mismatch", finding(
                "lookup.publisher-mismatch",
                f'publisher "{reference.publisher}" differs from the catalogue\'s '
                f'"{record.publisher}" ({source})', where, reference=reference.id,
                hint="another edition, an imprint, or a mistyped ISBN?"))
    return list(found.values())


def _detail(identifiers: list[Identifier], records: Mapping[str, CatalogueRecord]
            ) -> str | None:
    notes = []
    if any(i.qualifier is Qualifier.SET for i in identifiers):
        notes.append("set ISBN: the record describes the whole set, not the volume cited")
    volumes = [i for i in identifiers if i.volume]
    if len(volumes) > 1:
        known = sum(1 for i in volumes if (i.isbn13 or "") in records)
        notes.append(f"multi-volume work: {known} of {len(volumes)} volume ISBNs found")
    return "; ".join(notes) or None


def _page_range_findings(checked: CheckedDocument,
                         records: Mapping[str, Mapping[str, CatalogueRecord]]) -> list[Finding]:
    """cite.page-range: a page locator beyond the page count of the book (of the volume
    cited, for a multi-volume work)."""
    by_id = {r.id: r for r in checked.references}
    findings = []
    for resolution in checked.resolutions:
        citation = resolution.citation
        if (resolution.status is not ResolutionStatus.RESOLVED or not citation.locator
                or resolution.reference_id not in by_id):
            continue
        reference = by_id[resolution.reference_id]
        record = _record_for_volume(reference, records.get(reference.id, {}), citation.volume)
        if record is None or not record.pages:
            continue
        highest = highest_page(citation.locator)
        if highest > record.pages:
            findings.append(finding(
                "cite.page-range",
                f'note {citation.note}: "{citation.locator}" is beyond the {record.pages} '
                f"pages the catalogue gives for {reference.id} "
                f"({provider_label(record.provider)}, ISBN {record.isbn13})",
                citation.location, reference=reference.id, note=citation.note,
                hint="check the page number (or the edition cited)"))
    return findings


def highest_page(locator: str) -> int:
    """The last page a locator names; abbreviated range ends are expanded.

    >>> highest_page("pp. 192–94")
    194
    >>> highest_page("p. 36")
    36
    """
    highest = 0
    for start, end in _PAGE_RANGE.findall(locator):
        last = start
        if end:
            # "192–94" means 192–194: the end keeps the start's leading digits
            last = start[:len(start) - len(end)] + end if len(end) < len(start) else end
        highest = max(highest, int(last))
    return highest


def _record_for_volume(reference: Reference, records: Mapping[str, CatalogueRecord],
                       volume: str | None) -> CatalogueRecord | None:
    """The record whose page count a locator can be checked against, or None when it is
    not clear which volume is cited (or the only record is a whole set)."""
    identifiers = [i for i in reference.isbns if (i.isbn13 or "") in records]
    if volume:
        for identifier in identifiers:
            if identifier.volume == volume:
                return records[identifier.isbn13 or ""]
    plain = [i for i in identifiers if i.qualifier not in (Qualifier.SET, Qualifier.VOL)
             and not i.volume]
    distinct = {records[i.isbn13 or ""].pages for i in plain}
    if plain and len(distinct) == 1 and not reference.volumes:
        return records[plain[0].isbn13 or ""]
    return None


def _checksum_hints(reference: Reference, results: Mapping[str, LookupResult]
                    ) -> dict[tuple[str, int, int], str]:
    """isbn.checksum findings of this reference -> a hint naming the one candidate whose
    record matches the cited title and authors (when exactly one does)."""
    hints = {}
    for identifier in reference.isbns:
        if identifier.isbn13 or isbn.check(identifier.raw).error != "isbn.checksum":
            continue
        matching = []
        for candidate in isbn.checksum_candidates(identifier.raw):
            result = results.get(isbn.to_isbn13(candidate))
            if result and result.record and matches_work(reference, result.record):
                matching.append((candidate, result.record))
        if len(matching) == 1:
            candidate, record = matching[0]
            where = _where(reference, identifier)
            hints[(reference.id, where.line, where.column)] = (
                f"the cited book is ISBN {isbn.hyphenate(candidate) or candidate}: "
                f'{provider_label(record.provider)} lists it as "{_full_title(record)}"')
    return hints


def _with_hint(item: Finding, hints: Mapping[tuple[str, int, int], str]) -> Finding:
    if item.code != "isbn.checksum" or item.reference is None:
        return item
    hint = hints.get((item.reference, item.location.line, item.location.column))
    return replace(item, hint=hint) if hint else item


def _where(reference: Reference, identifier: Identifier) -> Location:
    return reference.locate(identifier.offset)


def _full_title(record: CatalogueRecord) -> str:
    return f"{record.title}: {record.subtitle}" if record.subtitle else record.title or ""
