"""Suppression comments: ``sourcecheck: ignore[code, …]`` written in the document.

A comment names rule codes or areas (``isbn``). It suppresses those findings of the entry
or note whose lines it stands on, and findings on its own line. In Markdown, wikitext
and HTML it is written as an HTML comment, ``<!-- sourcecheck: ignore[isbn.checksum] -->``;
in plain text as the marker itself, e.g. at the end of the entry's line after ``#``.
Readers blank the marker (``blank_markers``) so it never becomes part of an entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .models import CheckedDocument, Finding
from .rules import UnknownRuleError, expand_selector

# "sourcecheck" as a word of its own: "mysourcecheck: ignore[…]" is someone else's text
_MARKER = re.compile(r"(?<![\w-])sourcecheck:\s*ignore\[(?P<codes>[^\]\n]*)\]")
# What readers blank: an HTML comment holding the marker, or the marker after an
# optional comment sign ("#", "//", "%"), so "… ISBN 0-8047-4478-6  # sourcecheck:
# ignore[isbn]" leaves the entry as "… ISBN 0-8047-4478-6".
_MARKER_TEXT = re.compile(r"<!--\s*sourcecheck:\s*ignore\[[^\]\n]*\]\s*-->"
                          r"|(?:(?:#|//|%)[ \t]*)?(?<![\w-])sourcecheck:\s*ignore\[[^\]\n]*\]")

_NOT_A_LINE_BREAK = re.compile(r"[^\n]")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``sourcecheck: ignore[…]`` comment: its 1-based line and column and the
    selectors (rule codes or areas) it names, as written."""

    line: int
    column: int
    selectors: tuple[str, ...]


def blank_markers(text: str) -> str:
    """``text`` with every suppression marker replaced by as many spaces (line breaks
    inside an HTML comment kept), so every other character keeps its line and column.

    >>> blank_markers("ISBN 1 # sourcecheck: ignore[isbn]").rstrip()
    'ISBN 1'
    """
    if "sourcecheck" not in text:  # the common case: no regex pass over a long text
        return text
    # an HTML comment may hold the marker on a line of its own: its line breaks stay, or
    # every later line of the document would move up
    return _MARKER_TEXT.sub(lambda m: _NOT_A_LINE_BREAK.sub(" ", m.group()), text)


def find_suppressions(text: str) -> list[Suppression]:
    """Every suppression comment in a document's source text, in order."""
    if "sourcecheck" not in text:
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _MARKER.finditer(line):
            selectors = tuple(s.strip() for s in match.group("codes").split(",") if s.strip())
            found.append(Suppression(number, match.start() + 1, selectors))
    return found


def unknown_selectors(suppression: Suppression) -> list[str]:
    """The selectors of a comment that name no rule code and no area. "ALL" (or "*")
    counts as unknown: a comment must name what it silences."""
    unknown = []
    for selector in suppression.selectors:
        if selector.strip("*. ").upper() in ("ALL", ""):
            unknown.append(selector)
            continue
        try:
            expand_selector(selector)
        except UnknownRuleError:
            unknown.append(selector)
    return unknown


def _codes(suppression: Suppression) -> frozenset[str]:
    unknown = unknown_selectors(suppression)
    return frozenset(code for selector in suppression.selectors if selector not in unknown
                     for code in expand_selector(selector))


def suppress(checked: CheckedDocument) -> tuple[tuple[Finding, ...], tuple[Finding, ...]]:
    """Split ``checked.findings`` into (kept, suppressed) by the suppression comments in
    the document's source text."""
    suppressions = find_suppressions(checked.document.text)
    if not suppressions:
        return checked.findings, ()
    spans = _spans(checked)
    scopes = []  # (codes, lines it covers, reference ids and note labels it covers)
    for suppression in suppressions:
        lines = {suppression.line}
        owners: set[tuple[str, str]] = set()
        for owner, (first, last) in spans.items():
            if first <= suppression.line <= last:
                lines.update(range(first, last + 1))
                owners.add(owner)
        scopes.append((_codes(suppression), lines, owners))
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in checked.findings:
        owners_of_finding = {("reference", finding.reference), ("note", finding.note)}
        hit = any(finding.code in codes and (finding.location.line in lines
                                            or owners & owners_of_finding)
                  for codes, lines, owners in scopes)
        (dropped if hit else kept).append(finding)
    return tuple(kept), tuple(dropped)


def _spans(checked: CheckedDocument) -> dict[tuple[str, str], tuple[int, int]]:
    """First and last source line of every reference and note of a document."""
    spans: dict[tuple[str, str], tuple[int, int]] = {}
    for reference in checked.references:
        spans[("reference", reference.id)] = _span(reference.location.line,
                                                   (s.line for s in reference.lines))
    for note in checked.document.notes:
        spans[("note", note.label)] = _span(note.location.line, (s.line for s in note.lines))
    return spans


def _span(first: int, lines: Iterable[int]) -> tuple[int, int]:
    numbers = [first, *lines]
    return min(numbers), max(numbers)
