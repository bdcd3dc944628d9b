"""bib.* rules: problems of a bibliography file itself (BibTeX, RIS, CSL-JSON keys)."""

from __future__ import annotations

from ..models import CheckedDocument, Finding
from .finding import finding


def check_bibliography_keys(checked: CheckedDocument) -> list[Finding]:
    """Two records with one citation key: a citation by that key could mean either.

    The document's first entries are its records, in order, and the first references
    are theirs; the repeated record's reference got another key, named in the hint.
    """
    findings: list[Finding] = []
    first_line: dict[str, int] = {}
    for entry, reference in zip(checked.document.entries, checked.references, strict=False):
        if not entry.key:
            continue
        if entry.key not in first_line:
            first_line[entry.key] = entry.location.line
            continue
        findings.append(finding(
            "bib.duplicate-key",
            f"the key {entry.key!r} is already used by the entry on line "
            f"{first_line[entry.key]}",
            entry.location, reference=reference.id,
            hint=f"give this entry a key of its own (sourcecheck calls it {reference.id})"))
    return findings
