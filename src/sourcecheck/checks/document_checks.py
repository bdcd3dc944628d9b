"""doc.* rules: the file itself, and documents without any sources."""

from __future__ import annotations

from ..models import Document, Finding, Location, NoticeKind
from ..suppression import document_near_misses, document_suppressions, unknown_selectors
from .finding import finding

_NOTICE_CODES = {
    NoticeKind.EMPTY: "doc.empty",
    NoticeKind.UNREADABLE: "doc.unreadable",
    NoticeKind.ENCODING_REPLACED: "doc.encoding",
    NoticeKind.BROKEN_RECORD: "bib.syntax",
}


def check_document_shape(document: Document) -> list[Finding]:
    findings = [finding(_NOTICE_CODES[n.kind], n.message, n.location) for n in document.notices]
    blocked = any(n.kind in (NoticeKind.EMPTY, NoticeKind.UNREADABLE) for n in document.notices)
    if not blocked and not document.entries and not document.notes:
        findings.append(finding(
            "doc.unsourced",
            "no bibliography and no notes: nothing in this document names a source",
            Location(document.path, 1, 1),
            hint="add a references section, or check that the copy kept it",
        ))
    return findings


def check_suppression_comments(document: Document) -> list[Finding]:
    """doc.unknown-ignore for every name in a ``sourcecheck: ignore[…]`` comment that is
    no rule code or area, and doc.malformed-ignore for a comment written slightly wrong
    ("SourceCheck: ignore[isbn]"): either would otherwise silently suppress nothing."""
    findings = []
    for suppression in document_suppressions(document):
        unknown = unknown_selectors(suppression)
        if unknown or not suppression.selectors:
            names = ", ".join(repr(u) for u in unknown) or "nothing"
            findings.append(finding(
                "doc.unknown-ignore",
                f"the suppression comment names {names}: no rule code or area",
                Location(document.path, suppression.line, suppression.column),
                hint="name rule codes or areas, e.g. ignore[isbn.checksum] or ignore[isbn]; "
                     "see: sourcecheck rules"))
    for line, column, text in document_near_misses(document):
        findings.append(finding(
            "doc.malformed-ignore",
            f"{text!r} looks like a suppression comment but is not written as one: it "
            "suppresses nothing",
            Location(document.path, line, column),
            hint="write it in lower case with a colon and square brackets: "
                 "sourcecheck: ignore[isbn.checksum]"))
    return findings
