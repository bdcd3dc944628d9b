"""Checks: rules over parsed documents. They know rules, not formats.

``run_checks`` returns every finding; selection by rule code happens in the pipeline.
"""

from __future__ import annotations

from ..models import CheckedDocument, Finding
from .bibliography_checks import check_bibliography_keys
from .citation_checks import check_citations
from .document_checks import check_document_shape, check_suppression_comments
from .isbn_checks import check_isbns
from .reference_checks import check_references

__all__ = ["run_checks"]


def run_checks(checked: CheckedDocument) -> list[Finding]:
    """All findings for one document, sorted by location and code."""
    findings: list[Finding] = []
    findings += check_document_shape(checked.document)
    findings += check_suppression_comments(checked.document)
    for reference in checked.references:
        findings += check_isbns(reference)
    findings += check_references(checked)
    findings += check_bibliography_keys(checked)
    findings += check_citations(checked)
    findings.sort(key=lambda f: (f.location.line, f.location.column, f.code))
    return findings
