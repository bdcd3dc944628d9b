"""Suppression comments: ``sourcecheck: ignore[code, …]`` written in the document.

A comment names rule codes or areas (``isbn``). It suppresses those findings of the entry
or note whose lines it stands on (of several on one line, the one it is written in; alone
on the line right under one, that one), and findings of no entry or note on its own line.
In Markdown, wikitext and HTML it is written as an HTML comment,
``<!-- sourcecheck: ignore[isbn.checksum] -->``; in plain text as the marker itself, e.g. at
the end of the entry's line after ``#``.
Readers blank the marker (``blank_markers``) so it never becomes part of an entry.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .models import CheckedDocument, Document, Finding, LineStart, Location, locate
from .rules import UnknownRuleError, expand_selector

# "sourcecheck" as a word of its own: "mysourcecheck: ignore[…]" is someone else's text
_MARKER = re.compile(r"(?<![\w-])sourcecheck:\s*ignore\[(?P<codes>[^\]\n]*)\]")
# What readers blank: an HTML comment holding the marker, or the marker after an
# optional comment sign ("#", "//", "%"), so "… ISBN 0-8047-4478-6  # sourcecheck:
# ignore[isbn]" leaves the entry as "… ISBN 0-8047-4478-6".
_MARKER_TEXT = re.compile(r"<!--\s*sourcecheck:\s*ignore\[[^\]\n]*\]\s*-->"
                          r"|(?:(?:#|//|%)[ \t]*)?(?<![\w-])sourcecheck:\s*ignore\[[^\]\n]*\]")

# What a suppression comment written slightly wrong looks like: "SourceCheck: ignore[…]",
# "sourcecheck ignore[…]", "sourcecheck: ignore [isbn]", "source-check: ignore(isbn)".
# Prose ("run sourcecheck --ignore isbn") does not match: an opening bracket must follow.
_NEAR_MISS = re.compile(r"(?i)(?<![\w-])source[ _-]?check\s*[:=]?\s*(?:ignore|disable|noqa)"
                        r"\s*[\[({]")

_NOT_A_LINE_BREAK = re.compile(r"[^\n]")
# first and last source line of an entry or note, where it starts and where its text ends
# (line, column)
_Span = tuple[int, int, tuple[int, int], tuple[int, int]]


@dataclass(frozen=True, slots=True)
class Suppression:
    """One ``sourcecheck: ignore[…]`` comment: its 1-based line and column and the
    selectors (rule codes or areas) it names, as written."""

    line: int
    column: int
    selectors: tuple[str, ...]
    end_column: int = 0  # the column just after the marker; 0: not known


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
            found.append(Suppression(number, match.start() + 1, selectors, match.end() + 1))
    return found


def document_suppressions(document: Document) -> list[Suppression]:
    """The suppression comments of a document: those in its text, and those in the
    reviewer comments kept beside it (Word's), located where the comment is anchored."""
    found = find_suppressions(document.text)
    for comment in document.comments:
        line, column = comment.location.line, comment.location.column
        for marker in find_suppressions(comment.text):
            found.append(Suppression(line, column, marker.selectors, column))
    return found


def document_near_misses(document: Document) -> list[tuple[int, int, str]]:
    """``find_near_misses`` over a document's text and its reviewer comments (a comment's
    at the place it is anchored)."""
    return find_near_misses(document.text) + [
        (comment.location.line, comment.location.column, text)
        for comment in document.comments for _, _, text in find_near_misses(comment.text)]


def find_near_misses(text: str) -> list[tuple[int, int, str]]:
    """(line, column, text) of every marker that looks like a suppression comment but is
    not written as one, so suppresses nothing ("SourceCheck: Ignore[isbn]")."""
    if "check" not in text.lower():
        return []
    found = []
    for number, line in enumerate(text.split("\n"), start=1):
        for match in _NEAR_MISS.finditer(line):
            if _MARKER.match(line, match.start()):
                continue
            end = line.find("]", match.end())
            shown = line[match.start():end + 1 if 0 <= end - match.end() < 80 else match.end()]
            found.append((number, match.start() + 1, shown))
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
    suppressions = document_suppressions(checked.document)
    if not suppressions:
        return checked.findings, ()
    spans = _spans(checked)
    text_lines = checked.document.text.split("\n")
    scopes = []  # (codes, lines it covers, reference ids and note labels it covers)
    for suppression in suppressions:
        lines = {suppression.line}
        owners = _owners(suppression, spans)
        if not owners and not blank_markers(text_lines[suppression.line - 1]).strip():
            # alone on the line under an entry: the reader ended the entry above it (the
            # line reads as blank), yet it was written as the entry's last line
            owners = _ending_on(suppression.line - 1, spans)
        for owner in owners:
            first, last = spans[owner][:2]
            lines.update(range(first, last + 1))
        scopes.append((_codes(suppression), lines, owners))
    kept: list[Finding] = []
    dropped: list[Finding] = []
    for finding in checked.findings:
        owners_of_finding = ({("reference", finding.reference), ("note", finding.note)}
                             & spans.keys())
        # a finding of an entry or note is silenced by a comment of that entry or note
        # only; a line may hold several (a wikitext paragraph's <ref>s, a one-line page)
        hit = any(finding.code in codes and (owners & owners_of_finding if owners_of_finding
                                            else finding.location.line in lines)
                  for codes, lines, owners in scopes)
        (dropped if hit else kept).append(finding)
    return tuple(kept), tuple(dropped)


def _owners(suppression: Suppression, spans: dict[tuple[str, str], _Span]
            ) -> set[tuple[str, str]]:
    """The entries and notes a comment belongs to, of those whose lines it stands on: the
    one whose text it stands in; else the nearer of the one ending before it and the one
    starting after it on its line ("… p. 2. <!-- c --></li>" and "<li><!-- c -->Smith …"),
    the one before on a tie; all of them when neither is found."""
    around = [owner for owner, (first, last, _, _) in spans.items()
              if first <= suppression.line <= last]
    here = (suppression.line, suppression.column)
    past = (suppression.line, max(suppression.end_column, suppression.column))
    inside = [owner for owner in around if spans[owner][2] <= here < spans[owner][3]]
    if inside:
        innermost = max(spans[owner][2] for owner in inside)
        return {owner for owner in inside if spans[owner][2] == innermost}
    before = [owner for owner in around if spans[owner][3] <= here]
    after = [owner for owner in around if spans[owner][2] >= past]
    if not before and not after:
        return set(around)
    last_end = max((spans[owner][3] for owner in before), default=None)
    first_start = min((spans[owner][2] for owner in after), default=None)
    ending_before = {owner for owner in before if spans[owner][3] == last_end}
    starting_after = {owner for owner in after if spans[owner][2] == first_start}
    if last_end is None or first_start is None:
        return ending_before or starting_after
    # the owners after it start on its line (their lines include it); the one before may
    # end on an earlier line, and then nothing of another stands between
    gap_before = here[1] - last_end[1] if last_end[0] == here[0] else 0
    gap_after = first_start[1] - past[1]
    return ending_before if gap_before <= gap_after else starting_after


def _ending_on(line: int, spans: dict[tuple[str, str], _Span]) -> set[tuple[str, str]]:
    """The entries and notes whose text ends last on ``line``."""
    ending = [owner for owner, (_, last, _, _) in spans.items() if last == line]
    last_end = max((spans[owner][3] for owner in ending), default=None)
    return {owner for owner in ending if spans[owner][3] == last_end}


def _spans(checked: CheckedDocument) -> dict[tuple[str, str], _Span]:
    """Lines, start and end of every reference and note of a document."""
    spans: dict[tuple[str, str], _Span] = {}
    for reference in checked.references:
        spans[("reference", reference.id)] = _span(reference.location, reference.lines,
                                                   len(reference.raw))
    for note in checked.document.notes:
        spans[("note", note.label)] = _span(note.location, note.lines, len(note.text))
    return spans


def _span(start: Location, lines: tuple[LineStart, ...], length: int) -> _Span:
    numbers = [start.line, *(s.line for s in lines)]
    end = locate(start, lines, length)
    return min(numbers), max(numbers), (start.line, start.column), (end.line, end.column)
