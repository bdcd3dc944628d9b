"""cite.* rules: unresolved and ambiguous citations, markers without notes, notes without
markers, and multi-volume works cited without a volume."""

from __future__ import annotations

from ..citations.resolve import describe
from ..models import (
    CheckedDocument,
    CitationKind,
    Finding,
    Reference,
    Resolution,
    ResolutionStatus,
)
from ..parsing.cjk import has_han
from .finding import finding


def check_citations(checked: CheckedDocument) -> list[Finding]:
    findings = _check_resolutions(checked)
    findings += _check_markers(checked)
    findings += _check_volumes(checked)
    return findings


def _check_resolutions(checked: CheckedDocument) -> list[Finding]:
    findings = []
    for resolution in checked.resolutions:
        citation = resolution.citation
        text = citation.text.strip()
        if resolution.status is ResolutionStatus.UNRESOLVED:
            findings.append(finding(
                "cite.unresolved",
                f"note {citation.note}: \"{text}\" matches no bibliography entry",
                citation.location, note=citation.note, hint=resolution.hint))
        elif resolution.status is ResolutionStatus.AMBIGUOUS:
            findings.append(finding(
                "cite.ambiguous",
                f"note {citation.note}: \"{text}\" matches {len(resolution.candidates)} entries",
                citation.location, note=citation.note, hint=resolution.hint))
    return findings


def _check_markers(checked: CheckedDocument) -> list[Finding]:
    document = checked.document
    labels = {note.label for note in document.notes}
    findings = [
        finding("cite.missing-note", f"marker [{m.label}] has no note {m.label}", m.location,
                note=m.label, hint=_missing_hint(sorted(labels, key=_label_order)))
        for m in document.markers if m.label not in labels
    ]
    if not document.markers:
        return findings  # a copy that lost every marker says nothing about single notes
    marked = {m.label for m in document.markers}
    findings += [
        finding("cite.unused-note", f"no marker in the text points to note {n.label}",
                n.location, note=n.label, hint=f"add [{n.label}] where the note belongs")
        for n in document.notes if n.label not in marked
    ]
    return findings


def _label_order(label: str) -> tuple[int, str]:
    return (int(label), "") if label.isdigit() else (1 << 30, label)


def _missing_hint(labels: list[str]) -> str:
    if not labels:
        return "the document has no notes"
    if len(labels) == 1:
        return f"the note is {labels[0]}"
    return f"the notes are {labels[0]}–{labels[-1]}"


def _check_volumes(checked: CheckedDocument) -> list[Finding]:
    """A resolved citation of a multi-volume work must name the volume (ibid. inherits it)."""
    by_id = {r.id: r for r in checked.references}
    findings = []
    previous_volume: str | None = None
    for resolution in checked.resolutions:
        citation = resolution.citation
        volume = citation.volume
        if citation.kind is CitationKind.IBID and volume is None:
            volume = previous_volume
        previous_volume = volume
        reference = by_id.get(resolution.reference_id or "")
        if reference is None or volume is not None or not _multi_volume(reference):
            continue
        findings.append(_volume_missing(resolution, reference))
    return findings


def _multi_volume(reference: Reference) -> bool:
    if reference.volume:
        return False  # the entry itself is one volume
    if reference.volumes and reference.volumes.isdigit() and int(reference.volumes) > 1:
        return True
    return len({i.volume for i in reference.isbns if i.volume}) > 1


def _volume_missing(resolution: Resolution, reference: Reference) -> Finding:
    citation = resolution.citation
    count = reference.volumes or str(len({i.volume for i in reference.isbns if i.volume}))
    return finding(
        "cite.volume-missing",
        f"note {citation.note} cites {describe(reference)}, a work in {count} volumes, "
        "without naming the volume",
        citation.location, reference=reference.id, note=citation.note,
        hint="write the volume, e.g. " + (
            "“第二卷，第44页”" if has_han(citation.text) else "\"vol. 2, p. 44\""))
