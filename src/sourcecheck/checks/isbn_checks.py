"""isbn.* rules for the ISBNs of one reference."""

from __future__ import annotations

from .. import isbn
from ..models import Finding, Location, Qualifier, Reference
from ..parsing.isbn_list import volume_label_problem
from .finding import finding

_MAX_CANDIDATES = 5


def check_isbns(reference: Reference) -> list[Finding]:
    findings: list[Finding] = []
    bad_labels: list[tuple[str, str]] = []
    first_bad_label_at: Location | None = None
    for identifier in reference.isbns:
        where = reference.locate(identifier.offset)
        facts = isbn.check(identifier.raw)
        if facts.error:
            findings.append(_error_finding(facts, where, reference.id))
        for code in facts.warnings:
            if code == "isbn.range":
                findings.append(finding(
                    code, f"ISBN {identifier.raw}: the registrant is in no assigned range",
                    where, reference=reference.id,
                    hint="check the number against the book itself; it may be mistyped"))
            elif code == "isbn.hyphens":
                findings.append(finding(
                    code, f"ISBN {identifier.raw}: hyphens in the wrong places",
                    where, reference=reference.id, hint=f"write {facts.hyphenated}"))
        if identifier.qualifier is Qualifier.SET:
            findings.append(finding(
                "isbn.set", f"ISBN {identifier.raw} is the ISBN of the whole set",
                where, reference=reference.id,
                hint="give the ISBN of the volume cited, if the citation names one"))
        fixed = volume_label_problem(identifier.label)
        if fixed and identifier.label:
            bad_labels.append((identifier.label, fixed))
            first_bad_label_at = first_bad_label_at or where
    if bad_labels and first_bad_label_at is not None:
        written = ", ".join(f'"{label}"' for label, _ in bad_labels)
        words = sorted({label.split()[0] for label, _ in bad_labels})
        findings.append(finding(
            "isbn.volume-label",
            f"malformed volume label{'s' if len(bad_labels) > 1 else ''} "
            f"{', '.join(repr(w) for w in words)} in the ISBN list: {written}",
            first_bad_label_at, reference=reference.id,
            hint="write " + ", ".join(f'"{fixed}"' for _, fixed in bad_labels)))
    return findings


def _error_finding(facts: isbn.CheckFacts, where: Location, reference_id: str) -> Finding:
    hint = None
    if facts.error == "isbn.checksum":
        candidates = [isbn.hyphenate(c) or c for c in isbn.checksum_candidates(facts.raw)]
        if candidates:
            shown = candidates[:_MAX_CANDIDATES]
            more = len(candidates) - len(shown)
            hint = "one wrong digit or one swap would explain: " + ", ".join(shown) + (
                f" and {more} more" if more else "")
    elif facts.error == "isbn.ismn":
        hint = "this is a music number; look for the book's ISBN"
    return finding(facts.error or "isbn.length", f"ISBN {facts.raw}: {facts.message}", where,
                   reference=reference_id, hint=hint)
