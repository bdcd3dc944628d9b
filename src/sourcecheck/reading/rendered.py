"""Read a document through a plain-text rendering of it, mapped back to the source.

The Markdown, HTML and Word readers turn their input into lines of plain text (bullets,
headings, "1. ^ …" notes) and let the plain-text reader find the sections, entries and
notes in it, so every format shares one set of heuristics. Each rendered line remembers
where it came from: the source line (a Markdown or HTML line, a Word paragraph number)
and where its characters start in that line, so every location the text reader gives is
moved back into the source before the ``Document`` is returned.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace

from ..models import (
    Document,
    DocumentFormat,
    LineStart,
    Location,
    Marker,
    Note,
    RawEntry,
    ReadNotice,
)
from .text import read_text


@dataclass(frozen=True, slots=True)
class RenderedLine:
    """One line of a rendering and where it came from.

    ``points`` lists (0-based column in ``text``, source line, 1-based source column)
    wherever the rendering skipped or replaced source characters (markup removed) or
    moved to another source line; a character between two points keeps its distance from
    the point before it. Without points the line is ``line`` from column 1.
    """

    text: str
    line: int
    points: tuple[tuple[int, int, int], ...] = ()

    def source_point(self, column: int) -> tuple[int, int]:
        """The source (line, 1-based column) of the 1-based rendered ``column``."""
        index = bisect.bisect_right(self.points, (column - 1, 1 << 62, 0)) - 1
        if index < 0:
            return self.line, column
        rendered, line, source = self.points[index]
        return line, source + column - 1 - rendered


def read_rendered(path: str, document_format: DocumentFormat, source: str,
                  rendered: Sequence[RenderedLine], notices: tuple[ReadNotice, ...] = (), *,
                  notes: Iterable[Note] = (), markers: Iterable[Marker] = (),
                  entries: Iterable[RawEntry] = (), text_markers: bool = True) -> Document:
    """Read ``rendered`` with the plain-text reader and locate everything in the source.

    ``notes``, ``markers`` and ``entries`` that the caller found itself (already located
    in the source) are added; ``text_markers=False`` drops the "[3]" markers the text
    reader finds, for formats whose markers are structural (Word's footnote references).
    """
    found = read_text(path, "\n".join(line.text for line in rendered))
    all_entries = [_moved_entry(entry, rendered) for entry in found.entries]
    all_entries.extend(entries)
    all_notes = [_moved_note(note, rendered) for note in found.notes]
    all_notes.extend(notes)
    all_markers = list(markers)
    if text_markers:
        all_markers.extend(Marker(m.label, move(m.location, rendered)) for m in found.markers)
    return Document(path, document_format, source, tuple(sorted(all_entries, key=_where)),
                    tuple(sorted(all_notes, key=_where)),
                    tuple(sorted(all_markers, key=_where)), notices)


def _where(item: RawEntry | Note | Marker) -> tuple[int, int]:
    return item.location.line, item.location.column


def move(location: Location, rendered: Sequence[RenderedLine]) -> Location:
    """A location in the rendering, moved to the source."""
    if not 1 <= location.line <= len(rendered):
        return location
    line, column = rendered[location.line - 1].source_point(location.column)
    return Location(location.path, line, column)


def move_lines(base: Location, lines: tuple[LineStart, ...],
               rendered: Sequence[RenderedLine]) -> tuple[Location, tuple[LineStart, ...]]:
    """A joined text's start and line map, moved to the source; a point is added where
    the rendering skipped markup, so every character keeps its source column."""
    starts = lines or (LineStart(0, base.line, base.column),)
    moved: list[LineStart] = []
    for index, start in enumerate(starts):
        end = starts[index + 1].offset if index + 1 < len(starts) else None
        if not 1 <= start.line <= len(rendered):
            moved.append(start)
            continue
        line = rendered[start.line - 1]
        moved.append(LineStart(start.offset, *line.source_point(start.column)))
        for rendered_column, source_line, source_column in line.points:
            offset = start.offset + rendered_column - (start.column - 1)
            if rendered_column > start.column - 1 and (end is None or offset < end):
                moved.append(LineStart(offset, source_line, source_column))
    first = moved[0]
    location = Location(base.path, first.line, first.column)
    return location, tuple(moved) if len(moved) > 1 else ()


def _moved_entry(entry: RawEntry, rendered: Sequence[RenderedLine]) -> RawEntry:
    location, lines = move_lines(entry.location, entry.lines, rendered)
    return replace(entry, location=location, lines=lines)


def _moved_note(note: Note, rendered: Sequence[RenderedLine]) -> Note:
    location, lines = move_lines(note.location, note.lines, rendered)
    return replace(note, location=location, lines=lines)
