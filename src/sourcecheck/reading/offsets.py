"""Offsets in a source text to 1-based lines and columns, for the readers that find
things by offset (HTML, wikitext, CSL-JSON)."""

from __future__ import annotations

import bisect
import re

_NEWLINE = re.compile("\n")


class LineIndex:
    """Where the lines of one text start: any offset's line and column in logarithmic
    time (a file may hold thousands of entries)."""

    __slots__ = ("_newlines",)

    def __init__(self, text: str) -> None:
        self._newlines = [match.start() for match in _NEWLINE.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based (line, column) of a 0-based ``offset``.

        >>> LineIndex("ab\\ncd").position(1), LineIndex("ab\\ncd").position(3)
        ((1, 2), (2, 1))
        """
        line = bisect.bisect_right(self._newlines, offset - 1)
        start = self._newlines[line - 1] + 1 if line else 0
        return line + 1, offset - start + 1

    def line_start(self, line: int) -> int:
        """The offset where the 1-based ``line`` starts (0 for a line not in the text)."""
        newlines = self._newlines
        return newlines[line - 2] + 1 if 2 <= line <= len(newlines) + 1 else 0
