"""The JSON report, schema "sourcecheck.report/1" (``schema/report.schema.json``).

Keys in the schema are a public interface: they may be added to, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from .. import isbn
from ..fieldmap import reference_fields
from ..models import (
    CatalogueRecord,
    CheckedDocument,
    Finding,
    Identifier,
    Name,
    Reference,
    Verification,
    VerificationStatus,
    count_by_severity,
    count_by_verification,
)

SCHEMA_ID = "sourcecheck.report/1"


def run_report(documents: Sequence[CheckedDocument]) -> dict[str, Any]:
    """The report of a whole run."""
    return {
        "schema": SCHEMA_ID,
        "documents": [document_report(d) for d in documents],
        "summary": summary(documents),
    }


def summary(documents: Sequence[CheckedDocument]) -> dict[str, Any]:
    counts = count_by_severity(f for d in documents for f in d.findings)
    return {
        "documents": len(documents),
        "references": sum(len(d.references) for d in documents),
        "notes": sum(len(d.document.notes) for d in documents),
        "findings": {severity.value: n for severity, n in counts.items()},
        "suppressed": sum(len(d.suppressed) for d in documents),
        "verification": {status.value: n
                         for status, n in count_by_verification(documents).items()},
    }


def document_report(checked: CheckedDocument) -> dict[str, Any]:
    document = checked.document
    cited_by = checked.cited_by()
    verifications = {v.reference_id: v for v in checked.verifications}
    by_note: dict[str, list[dict[str, Any]]] = {}
    for resolution in checked.resolutions:
        citation = resolution.citation
        by_note.setdefault(citation.note, []).append({
            "kind": citation.kind.value,
            "text": citation.text,
            "reference": resolution.reference_id,
            "status": resolution.status.value,
            "candidates": list(resolution.candidates),
            "locator": citation.locator,
            "volume": citation.volume,
            "hint": resolution.hint,
        })
    return {
        "path": document.path,
        "format": document.format.value,
        "references": [_reference(r, cited_by.get(r.id, []), verifications.get(r.id))
                       for r in checked.references],
        "notes": [
            {"label": n.label, "line": n.location.line, "column": n.location.column,
             "text": n.text, "backlinks": n.backlinks, "citations": by_note.get(n.label, [])}
            for n in document.notes
        ],
        "markers": [{"label": m.label, "line": m.location.line, "column": m.location.column}
                    for m in document.markers],
        "findings": [finding_json(f) for f in checked.findings],
        "suppressed": len(checked.suppressed),
    }


def _reference(reference: Reference, cited_by: list[str],
               verification: Verification | None = None) -> dict[str, Any]:
    return {
        "id": reference.id,
        "kind": reference.kind.value,
        "section": reference.section.value,
        "raw": reference.raw,
        "line": reference.location.line,
        "column": reference.location.column,
        "fields": reference_fields(reference),
        "names": {"author": [_name(n) for n in reference.authors],
                  "editor": [_name(n) for n in reference.editors]},
        "isbns": [_isbn(reference, i) for i in reference.isbns],
        "verification": verification_json(verification),
        "cited_by": cited_by,
    }


def verification_json(verification: Verification | None) -> dict[str, Any]:
    """A reference's verification; "skipped" when no look-up stage ran."""
    if verification is None:
        return {"status": VerificationStatus.SKIPPED.value, "provider": None, "record": None,
                "detail": None}
    record = verification.record
    return {"status": verification.status.value, "provider": verification.provider,
            "record": record_json(record) if record else None, "detail": verification.detail}


def record_json(record: CatalogueRecord) -> dict[str, Any]:
    """A catalogue record as JSON (the same keys for every provider)."""
    data = asdict(record)
    data["authors"] = list(record.authors)
    return data


def _name(name: Name) -> dict[str, str | None]:
    return {"family": name.family, "given": name.given, "literal": name.literal,
            "suffix": name.suffix}


def _isbn(reference: Reference, identifier: Identifier) -> dict[str, Any]:
    where = reference.locate(identifier.offset)
    return {
        "raw": identifier.raw,
        "isbn13": identifier.isbn13,
        "valid": identifier.isbn13 is not None,
        "hyphenated": isbn.hyphenate(identifier.isbn13) if identifier.isbn13 else None,
        "qualifier": identifier.qualifier.value if identifier.qualifier else None,
        "volume": identifier.volume,
        "label": identifier.label,
        "line": where.line,
        "column": where.column,
    }


def finding_json(finding: Finding) -> dict[str, Any]:
    return {
        "code": finding.code,
        "severity": finding.severity.value,
        "message": finding.message,
        "hint": finding.hint,
        "line": finding.location.line,
        "column": finding.location.column,
        "reference": finding.reference,
        "note": finding.note,
    }
