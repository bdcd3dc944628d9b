"""The plain-text reader: find bibliography entries, notes and note markers.

Two passes over the lines. First, sections under a sources heading ("References",
"Notes", "Further reading" …) are read item by item. Then the rest of the text is
searched by shape, because plain-text copies of web pages usually lose their headings:
a run of bulleted lines that look like references is a bibliography, lines such as
"1. ^ Westad 2003, p. 36." are notes. Whatever is not a source is body text, where
note markers ("[3]", "³") are collected.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from ..models import (
    Document,
    DocumentFormat,
    LineStart,
    Location,
    Marker,
    Note,
    RawEntry,
    ReadNotice,
    Section,
)
from ..suppression import blank_markers
from .shapes import (
    BULLET,
    CARET_NOTE,
    NUMBERED_NOTE,
    SUPERSCRIPT_DIGITS,
    HeadingKind,
    has_year_or_isbn,
    heading_kind,
    is_generic_heading,
    looks_like_citation,
    reference_score,
    split_backlinks,
)

_BRACKET_MARKER = re.compile(r"\[(\d{1,5})\]")
_ENTRY_NUMBER = re.compile(r"^\s*(?:(?P<n>\d{1,5})[.)]|\[(?P<n2>\d{1,5})\])\s+(?P<body>\S.*)$")
_ANY_SUPERSCRIPT = re.compile(r"[⁰¹²³⁴⁵⁶⁷⁸⁹]")
_SUPERSCRIPT_MARKER = re.compile(r"(?<=[^\s⁰¹²³⁴⁵⁶⁷⁸⁹])([⁰¹²³⁴⁵⁶⁷⁸⁹]+)")
_MAX_ENTRY_CHARS = 2000  # a "line" longer than this is prose, not an entry
_MIN_PLAIN_RUN_SCORE = 3  # un-bulleted, un-headed lines must look strongly like references
_MAX_PLAIN_LINE = 600  # ... and be no longer than an entry usually is


@dataclass
class _Item:
    """An entry or note being collected; lines are joined when it closes."""

    is_note: bool
    line: int  # 0-based
    column: int  # 0-based start of the body
    indent: int
    marked: bool  # began with a bullet or a note number
    section: Section
    label: str = ""
    backlinks: int = 1
    parts: list[tuple[str, int, int]] = field(default_factory=list)  # text, line, column


class _Collector:
    """Accumulates finished entries and notes and remembers which lines they used."""

    def __init__(self, path: str, line_count: int) -> None:
        self.path = path
        self.entries: list[RawEntry] = []
        self.notes: list[Note] = []
        self.used = [False] * line_count
        self.current: _Item | None = None

    def open(self, item: _Item, text: str) -> None:
        self.close()
        item.parts.append((text.strip(), item.line + 1, item.column + 1))
        self.used[item.line] = True
        self.current = item

    def extend(self, index: int, line: str) -> None:
        assert self.current is not None
        self.current.parts.append((line.strip(), index + 1, _indent(line) + 1))
        self.used[index] = True

    def close(self) -> None:
        item, self.current = self.current, None
        if item is None:
            return
        pieces: list[str] = []
        starts: list[LineStart] = []
        offset = 0
        for text, line, column in item.parts:
            if not text:
                continue
            starts.append(LineStart(offset, line, column))
            pieces.append(text)
            offset += len(text) + 1
        joined = " ".join(pieces)
        location = Location(self.path, item.line + 1, item.column + 1)
        lines = tuple(starts) if len(starts) > 1 else ()
        if item.is_note:
            label = item.label or str(len(self.notes) + 1)
            self.notes.append(Note(label, joined, location, item.backlinks, lines))
        else:
            self.entries.append(RawEntry(joined, location, item.section, lines))


def read_text(path: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read a plain-text document into entries, notes and markers with their locations.

    Suppression comments (``sourcecheck: ignore[…]``) are blanked first, so they never
    become part of an entry or note; the returned ``Document.text`` keeps them."""
    lines = blank_markers(text).split("\n")
    collector = _Collector(path, len(lines))
    headed = _read_headed_sections(lines, collector)
    _read_by_shape(lines, headed, collector)
    superscripts = bool(collector.notes) and bool(_ANY_SUPERSCRIPT.search(text))
    markers = _find_markers(path, lines, collector.used, superscripts)
    entries = sorted(collector.entries, key=lambda e: (e.location.line, e.location.column))
    notes = sorted(collector.notes, key=lambda n: (n.location.line, n.location.column))
    return Document(path, DocumentFormat.TEXT, text, tuple(entries), tuple(notes),
                    tuple(markers), notices)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _note_item(line_no: int, line: str, section: Section, numbered_ok: bool) -> _Item | None:
    """A note item if the line starts a note ("1. ^ …", "^ …", and "1. …" if allowed)."""
    match = CARET_NOTE.match(line)
    if match:
        label = match.group("num") or match.group("bnum") or ""
        return _Item(True, line_no, match.start("body"), _indent(line), True, section, label,
                     split_backlinks(match.group("backlinks")))
    if numbered_ok:
        match = NUMBERED_NOTE.match(line)
        if match:
            label = match.group("num") or match.group("bnum") or ""
            if match.group("sup"):
                label = match.group("sup").translate(SUPERSCRIPT_DIGITS)
            return _Item(True, line_no, match.start("body"), _indent(line), True, section, label)
    return None


def _entry_item(line_no: int, line: str, section: Section) -> tuple[_Item, str]:
    """An entry item; its text starts after a bullet or a list number ("1.", "[1]")."""
    bullet = BULLET.match(line)
    if bullet:
        start = bullet.start("body")
        return _Item(False, line_no, start, _indent(line), True, section), line[start:]
    number = _ENTRY_NUMBER.match(line)
    if number:  # the label only tells the next numbered line apart from a wrapped one
        start = number.start("body")
        label = number.group("n") or number.group("n2")
        return _Item(False, line_no, start, _indent(line), True, section, label), line[start:]
    start = _indent(line)
    return _Item(False, line_no, start, start, False, section), line[start:]


def _is_continuation(item: _Item | None, line: str, previous_blank: bool) -> bool:
    """Wrapped lines join their item: after a bullet or number, or with a hanging indent."""
    if item is None or previous_blank:
        return False
    if BULLET.match(line) or CARET_NOTE.match(line):
        return False
    if item.label and (NUMBERED_NOTE.match(line) or _ENTRY_NUMBER.match(line)):
        return False  # the next numbered item
    return item.marked or _indent(line) > item.indent


def _read_headed_sections(lines: list[str], out: _Collector) -> list[bool]:
    """Read items under sources headings; return which lines lay in such a section."""
    inside = [False] * len(lines)
    kind: HeadingKind | None = None
    saw_bullets = False
    previous_blank = True
    for index, line in enumerate(lines):
        blank = not line.strip()
        found = None if blank else heading_kind(line)
        if found is not None:
            out.close()
            kind = None if found is HeadingKind.OTHER else found
            saw_bullets = False
            inside[index] = True
            previous_blank = False
            continue
        if kind is None:
            previous_blank = blank
            continue
        if blank:
            out.close()
            inside[index] = True
            previous_blank = True
            continue
        if _is_continuation(out.current, line, previous_blank):
            out.extend(index, line)
            inside[index] = True
            previous_blank = False
            continue
        next_blank = index + 1 >= len(lines) or not lines[index + 1].strip()
        if not _read_headed_line(index, line, kind, saw_bullets, previous_blank, next_blank, out):
            out.close()
            kind = None
            previous_blank = False
            continue
        saw_bullets = saw_bullets or bool(BULLET.match(line))
        inside[index] = True
        previous_blank = False
    out.close()
    return inside


def _read_headed_line(index: int, line: str, kind: HeadingKind, saw_bullets: bool,
                      previous_blank: bool, next_blank: bool, out: _Collector) -> bool:
    """Start an item for a line inside a sources section; False when the section ended."""
    entry_section = (Section.FURTHER_READING if kind is HeadingKind.FURTHER_READING
                     else Section.BIBLIOGRAPHY)
    numbered_notes = kind in (HeadingKind.NOTES, HeadingKind.REFERENCES)
    note = _note_item(index, line, Section.NOTE, numbered_notes)
    if note is not None:
        out.open(note, line[note.column:])
        return True
    is_bullet = bool(BULLET.match(line))
    if not is_bullet and (saw_bullets or is_generic_heading(line, previous_blank, next_blank)):
        return False  # prose or a new heading after a bulleted list: the section is over
    if kind is HeadingKind.NOTES:
        if not looks_like_citation(line):
            return False
        item = _Item(True, index, _indent(line), _indent(line), False, Section.NOTE)
        out.open(item, line.strip())
        return True
    if not is_bullet and (reference_score(line) == 0 or len(line) > _MAX_ENTRY_CHARS):
        return False
    item, body = _entry_item(index, line, entry_section)
    out.open(item, body)
    return True


def _read_by_shape(lines: list[str], headed: list[bool], out: _Collector) -> None:
    """Find notes and bibliography runs outside headed sections, by their shape."""
    index = 0
    while index < len(lines):
        if headed[index] or not lines[index].strip():
            index += 1
            continue
        line = lines[index]
        if CARET_NOTE.match(line):
            index = _take_notes(lines, headed, index, out, numbered_ok=False)
        elif NUMBERED_NOTE.match(line) and not BULLET.match(line):
            index = _take_numbered_run(lines, headed, index, out)
        elif BULLET.match(line):
            index = _take_bullet_run(lines, headed, index, out)
        elif (len(line) <= _MAX_PLAIN_LINE and has_year_or_isbn(line)
              and reference_score(line, _MIN_PLAIN_RUN_SCORE) >= _MIN_PLAIN_RUN_SCORE):
            index = _take_plain_run(lines, headed, index, out)
        else:
            index += 1
    out.close()


def _run_end(lines: list[str], headed: list[bool], start: int, starts_item: re.Pattern[str]) -> int:
    """End (exclusive) of a run of lines that start items, allowing blank lines and
    continuation lines between them."""
    end = start
    index = start
    while index < len(lines) and not headed[index]:
        line = lines[index]
        if starts_item.match(line):
            end = index + 1
        elif line.strip() and not (end == index and _indent(line) > 0):
            break
        elif line.strip():
            end = index + 1  # an indented continuation of the item above
        index += 1
    return end


def _take_notes(lines: list[str], headed: list[bool], start: int, out: _Collector,
                numbered_ok: bool) -> int:
    """Read notes from ``start`` while lines continue to start notes (or continue them)."""
    index = start
    previous_blank = True
    while index < len(lines) and not headed[index]:
        line = lines[index]
        if not line.strip():
            out.close()
            previous_blank = True
            index += 1
            continue
        note = _note_item(index, line, Section.NOTE, numbered_ok)
        if note is not None:
            out.open(note, line[note.column:])
        elif _is_continuation(out.current, line, previous_blank):
            out.extend(index, line)
        else:
            break
        previous_blank = False
        index += 1
    out.close()
    return index


def _take_numbered_run(lines: list[str], headed: list[bool], start: int, out: _Collector) -> int:
    """Numbered lines ("1. Tanner 2015, p. 12.") are notes when most of them cite."""
    end = _run_end(lines, headed, start, NUMBERED_NOTE)
    bodies = [m.group("body") for m in map(NUMBERED_NOTE.match, lines[start:end]) if m]
    numbers = [m.group("num") or m.group("bnum") for m in map(NUMBERED_NOTE.match, lines[start:end])
               if m]
    citing = sum(1 for body in bodies if looks_like_citation(body))
    ascending = all(a is not None and b is not None and int(b) > int(a)
                    for a, b in itertools.pairwise(numbers))
    if bodies and citing * 10 >= len(bodies) * 6 and ascending:
        _take_notes(lines, headed, start, out, numbered_ok=True)
        return end
    return start + 1


def _take_bullet_run(lines: list[str], headed: list[bool], start: int, out: _Collector) -> int:
    """A bulleted run is a bibliography when at least half its items look like references."""
    end = _run_end(lines, headed, start, BULLET)
    bodies = [m.group("body") for m in map(BULLET.match, lines[start:end]) if m]
    looking = sum(1 for body in bodies if reference_score(body, enough=2) >= 2)
    if not bodies or looking * 2 < len(bodies):
        return end
    _collect_entries(lines, start, end, out)
    return end


def _take_plain_run(lines: list[str], headed: list[bool], start: int, out: _Collector) -> int:
    """Two or more un-bulleted lines that each look strongly like references."""
    end = start
    while end < len(lines) and not headed[end]:
        line = lines[end]
        if line.strip() and (len(line) > _MAX_PLAIN_LINE
                             or reference_score(line, _MIN_PLAIN_RUN_SCORE) < _MIN_PLAIN_RUN_SCORE):
            break
        end += 1
    filled = sum(1 for line in lines[start:end] if line.strip())
    if filled < 2:
        return start + 1
    _collect_entries(lines, start, end, out)
    return end


def _collect_entries(lines: list[str], start: int, end: int, out: _Collector) -> None:
    previous_blank = True
    for index in range(start, end):
        line = lines[index]
        if not line.strip():
            out.close()
            previous_blank = True
            continue
        if _is_continuation(out.current, line, previous_blank):
            out.extend(index, line)
        else:
            item, body = _entry_item(index, line, Section.BIBLIOGRAPHY)
            out.open(item, body)
        previous_blank = False
    out.close()


def _find_markers(path: str, lines: list[str], used: list[bool],
                  superscripts: bool) -> list[Marker]:
    """Note markers in body text: "[3]" always; superscript digits only if there are notes
    (otherwise "m²" would be a marker)."""
    markers: list[Marker] = []
    for index, line in enumerate(lines):
        if used[index]:
            continue
        if "[" in line:
            for match in _BRACKET_MARKER.finditer(line):
                markers.append(Marker(match.group(1),
                                      Location(path, index + 1, match.start() + 1)))
        if superscripts:
            for match in _SUPERSCRIPT_MARKER.finditer(line):
                label = match.group(1).translate(SUPERSCRIPT_DIGITS)
                markers.append(Marker(label, Location(path, index + 1, match.start() + 1)))
    markers.sort(key=lambda m: (m.location.line, m.location.column))
    return markers
