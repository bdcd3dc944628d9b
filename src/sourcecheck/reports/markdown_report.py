"""The Markdown report of one document, and the index of a run."""

from __future__ import annotations

from collections.abc import Sequence

from ..lookup.providers import provider_label
from ..models import (
    CheckedDocument,
    Finding,
    Reference,
    Severity,
    Verification,
    count_by_severity,
)
from ..parsing.cjk import written_name


def _cell(text: object) -> str:
    """Text safe inside a Markdown table cell."""
    if text is None or text == "":
        return "—"
    return str(text).replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def counts_line(findings: Sequence[Finding]) -> str:
    counts = count_by_severity(findings)
    return " · ".join(f"{n} {s.value}{'s' if n != 1 and s is not Severity.INFO else ''}"
                      for s, n in counts.items())


def render_document(checked: CheckedDocument) -> str:
    """One document's report: findings, references, notes."""
    document = checked.document
    out = [
        f"# Sources of `{document.path}`",
        "",
        f"**{counts_line(checked.findings)}**"
        + (f" ({len(checked.suppressed)} suppressed)" if checked.suppressed else "")
        + f" — {len(checked.references)} references, "
        f"{len(document.notes)} notes, {len(document.markers)} note markers",
        "",
        "## Findings",
        "",
    ]
    if checked.findings:
        out += ["| Line | Col | Severity | Code | Message | Hint |",
                "|---:|---:|---|---|---|---|"]
        out += [f"| {f.location.line} | {f.location.column} | {f.severity.value} | `{f.code}` | "
                f"{_cell(f.message)} | {_cell(f.hint)} |" for f in checked.findings]
    else:
        out.append("No findings.")
    out += ["", "## References", ""]
    if checked.references:
        cited_by = checked.cited_by()
        verified = {v.reference_id: v for v in checked.verifications}
        out += ["| Id | Line | Section | Authors | Year | Title | Publisher | ISBNs | Cited by "
                "| Catalogue |",
                "|---|---:|---|---|---|---|---|---|---|---|"]
        out += [_reference_row(r, cited_by.get(r.id, [])) + f" {_catalogue(verified.get(r.id))} |"
                for r in checked.references]
    else:
        out.append("No references.")
    out += ["", "## Notes", ""]
    if document.notes:
        targets: dict[str, list[str]] = {}
        for resolution in checked.resolutions:
            what = resolution.reference_id or (
                f"{resolution.status.value}: " + ", ".join(resolution.candidates)
                if resolution.candidates else resolution.status.value)
            targets.setdefault(resolution.citation.note, []).append(what)
        out += ["| Note | Line | Text | Resolves to |", "|---|---:|---|---|"]
        out += [f"| {_cell(n.label)} | {n.location.line} | {_cell(n.text)} | "
                f"{_cell(', '.join(targets.get(n.label, [])) or 'no citation')} |"
                for n in document.notes]
    else:
        out.append("No notes.")
    out.append("")
    return "\n".join(out)


def _reference_row(reference: Reference, cited_by: list[str]) -> str:
    authors = "; ".join(written_name(n) for n in (reference.authors or reference.editors))
    isbns = ", ".join(
        f"{i.raw}{' (' + i.label + ')' if i.label else ''}{'' if i.isbn13 else ' ✗'}"
        for i in reference.isbns)
    notes = ", ".join(cited_by)
    return (f"| `{reference.id}` | {reference.location.line} | {reference.section.value} | "
            f"{_cell(authors)} | {_cell(reference.year)} | {_cell(reference.title)} | "
            f"{_cell(reference.publisher)} | {_cell(isbns)} | {_cell(notes)} |")


def _catalogue(verification: Verification | None) -> str:
    """What the catalogues said: "verified (Open Library)", "not-found", … or — when no
    look-up ran."""
    if verification is None:
        return _cell(None)
    provider = verification.provider
    label = provider_label(provider) if provider else None
    return _cell(f"{verification.status.value} ({label})" if label
                 else verification.status.value)


def render_index(documents: Sequence[CheckedDocument], report_names: Sequence[str]) -> str:
    """The run's index: one row per document with its counts and a link to its report."""
    all_findings = [f for d in documents for f in d.findings]
    out = [
        "# sourcecheck report",
        "",
        f"**{counts_line(all_findings)}** — {len(documents)} documents, "
        f"{sum(len(d.references) for d in documents)} references, "
        f"{sum(len(d.document.notes) for d in documents)} notes",
        "",
        "| Document | References | Notes | Errors | Warnings | Info | Report |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for document, name in zip(documents, report_names, strict=True):
        counts = count_by_severity(document.findings)
        out.append(
            f"| `{_cell(document.document.path)}` | {len(document.references)} | "
            f"{len(document.document.notes)} | {counts[Severity.ERROR]} | "
            f"{counts[Severity.WARNING]} | {counts[Severity.INFO]} | [{name}.md]({name}.md) |")
    out.append("")
    return "\n".join(out)

