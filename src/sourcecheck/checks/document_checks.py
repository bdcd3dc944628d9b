"""doc.* rules: the file itself, and documents without any sources."""

from __future__ import annotations

from ..models import Document, Finding, Location, NoticeKind
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
