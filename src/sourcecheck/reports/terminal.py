"""The terminal summary: one line per finding (path:line:col: severity code message),
then totals. Returns text; only the CLI prints it, and it passes ``style`` to colour."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from ..models import CheckedDocument, Severity, count_by_verification
from .markdown_report import counts_line

Style = Callable[..., str]
_COLOURS = {Severity.ERROR: "red", Severity.WARNING: "yellow", Severity.INFO: "blue"}


def _plain(text: str, **_styles: Any) -> str:
    return text


def render_summary(documents: Sequence[CheckedDocument], style: Style = _plain,
                   show_hints: bool = True) -> str:
    lines: list[str] = []
    for checked in documents:
        for finding in checked.findings:
            where = f"{checked.document.path}:{finding.location.line}:{finding.location.column}"
            severity = style(finding.severity.value, fg=_COLOURS[finding.severity])
            lines.append(f"{style(where, bold=True)}: {severity} {finding.code} {finding.message}")
            if show_hints and finding.hint:
                lines.append(f"    hint: {finding.hint}")
    findings = [f for d in documents for f in d.findings]
    total = (f"{counted(len(documents), 'document')}, "
             f"{counted(sum(len(d.references) for d in documents), 'reference')}, "
             f"{counted(sum(len(d.document.notes) for d in documents), 'note')}: "
             f"{counts_line(findings)}")
    suppressed = sum(len(d.suppressed) for d in documents)
    if suppressed:
        total += f" · {suppressed} suppressed"
    if lines:
        lines.append("")
    looked_up = [d for d in documents if d.verifications]
    if looked_up:
        counts = count_by_verification(looked_up)
        lines.append("catalogue: " + " · ".join(
            f"{n} {status.value}" for status, n in counts.items() if n))
    lines.append(style(total, bold=True))
    return "\n".join(lines)


def counted(number: int, noun: str) -> str:
    """"1 work", "2 works": a count and its noun, plural unless the count is 1."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
