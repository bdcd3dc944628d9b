"""The Markdown reader: pandoc footnotes, and reference lists under headings.

Footnote definitions (``[^1]: text``, continued by the lines that follow it and by
indented paragraphs) become notes and ``[^1]`` in the text becomes a marker. Everything
else is stripped of Markdown syntax line by line — emphasis, links, inline code, escapes,
setext underlines, fenced code — keeping every line where it is, and read by the
plain-text reader, which knows headings such as ``## References``. Every location points
into the Markdown, column included: the rendering remembers where it skipped markup.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from ..models import (
    Document,
    DocumentFormat,
    LineStart,
    Location,
    Marker,
    Note,
    ReadNotice,
)
from ..suppression import blank_markers
from .rendered import RenderedLine, read_rendered

_FOOTNOTE_DEFINITION = re.compile(r"^(?P<indent> {0,3})\[\^(?P<label>[^\]\s]{1,40})\]:[ \t]*")
_FOOTNOTE_MARKER = re.compile(r"\[\^(?P<label>[^\]\s]{1,40})\]")
_FENCE = re.compile(r"^\s{0,3}(?P<fence>`{3,}|~{3,})")
_RULE_OR_UNDERLINE = re.compile(r"^\s{0,3}(?:=+|-{2,}|(?:[-*_]\s*){3,})\s*$")
_LIST_ITEM = re.compile(r"(?P<indent>\s*)(?P<bullet>[-*+])(?P<gap>\s+)(?=\S)")
_BLOCKQUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
# Inline markup, in order of precedence. Emphasis with "_" only at word edges (snake_case
# stays); a "*" with spaces on both sides is a multiplication sign, not emphasis.
_INLINE = re.compile(
    r"\\(?P<escaped>[!-/:-@\[-`{-~])"
    r"|!?\[(?P<link_text>[^\]\n]*)\]\((?P<url>[^()\s]*(?:\([^()\s]*\))?[^()\s]*)"
    r"(?:\s+\"[^\"]*\")?\)"
    r"|(?<!!)\[(?P<ref_text>[^\]\n^][^\]\n]*)\]\[[^\]\n]*\]"
    r"|<(?P<autolink>(?:https?|ftp|mailto):[^>\s]+)>"
    r"|(?P<code>`+)"
    r"|(?P<emphasis>\*{1,3}(?!\s)|(?<=\S)\*{1,3}|(?<!\w)_{1,3}(?=\S)|(?<=\S)_{1,3}(?!\w))"
)
_HTML_COMMENT = re.compile(r"<!--.*?-->")
# "[1]: https://…" defines a reference-style link (and "[text][1]" uses one): not a note.
_LINK_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]]+\]:\s*\S+")



def read_markdown(path: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read a Markdown document: footnotes, markers, and sources under headings."""
    lines = text.split("\n")
    notes, note_lines = _footnote_definitions(path, lines)
    rendered: list[RenderedLine] = []
    markers: list[Marker] = []
    in_fence: str | None = None
    for index, line in enumerate(lines):
        number = index + 1
        fence = _FENCE.match(line)
        if in_fence is not None or fence:
            if fence and in_fence is None:
                in_fence = fence.group("fence")[0]
            elif fence and fence.group("fence")[0] == in_fence:
                in_fence = None
            rendered.append(RenderedLine("", number))
            continue
        if index in note_lines or _RULE_OR_UNDERLINE.match(line) or _LINK_DEFINITION.match(line):
            rendered.append(RenderedLine("", number))
            continue
        for match in _FOOTNOTE_MARKER.finditer(line):
            markers.append(Marker(match.group("label"), Location(path, number, match.start() + 1)))
        rendered.append(strip_line(line, number))
    uses = Counter(marker.label for marker in markers)
    notes = [replace(note, backlinks=max(1, uses[note.label])) for note in notes]
    return read_rendered(path, DocumentFormat.MARKDOWN, text, rendered, notices,
                         notes=notes, markers=markers)


def strip_line(line: str, number: int) -> RenderedLine:
    """One Markdown line as plain text, with the source column of every kept character.

    >>> strip_line("- Lary, Diana (2015). *China's Civil War*.", 3).text
    "- Lary, Diana (2015). China's Civil War."
    """
    pieces: list[str] = []
    columns: list[tuple[int, int, int]] = [(0, number, 1)]
    length = 0
    position = 0

    def keep(start: int, end: int) -> None:
        nonlocal length
        if start >= end:
            return
        if columns[-1][2] + length - columns[-1][0] != start + 1:
            columns.append((length, number, start + 1))
        pieces.append(line[start:end])
        length += end - start

    quote = _BLOCKQUOTE.match(line)
    if quote:
        position = quote.end()
    item = _LIST_ITEM.match(line, position)
    if item:
        keep(position, item.start("bullet"))
        if item.group("bullet") == "+":  # the text reader knows "-" and "*" bullets
            pieces.append("-")
            length += 1
            columns.append((length, number, item.end("bullet") + 1))
        else:
            keep(item.start("bullet"), item.end("bullet"))
        position = item.end("bullet")
    line_without_comments = _HTML_COMMENT.sub(lambda m: " " * len(m.group()), line)
    for match in _INLINE.finditer(line_without_comments, position):
        keep(position, match.start())
        if match.group("escaped") is not None:
            keep(match.start("escaped"), match.end("escaped"))
        elif match.group("link_text") is not None:
            keep(match.start("link_text"), match.end("link_text"))
        elif match.group("ref_text") is not None:
            keep(match.start("ref_text"), match.end("ref_text"))
        elif match.group("autolink") is not None:
            keep(match.start("autolink"), match.end("autolink"))
        position = match.end()
    keep(position, len(line))
    text = "".join(pieces)
    text = _FOOTNOTE_MARKER.sub(lambda m: " " * len(m.group()), text)
    return RenderedLine(text, number, tuple(columns))


def _footnote_definitions(path: str, lines: list[str]) -> tuple[list[Note], set[int]]:
    """Pandoc footnote definitions and the (0-based) lines they take.

    A definition runs on over the lines that follow it up to a blank line, and over later
    paragraphs indented by four spaces or a tab (pandoc's rule).
    """
    notes: list[Note] = []
    used: set[int] = set()
    index = 0
    in_fence = False
    while index < len(lines):
        line = lines[index]
        if _FENCE.match(line):
            in_fence = not in_fence
        match = None if in_fence else _FOOTNOTE_DEFINITION.match(line)
        if match is None:
            index += 1
            continue
        parts = [(strip_line(line[match.end():], index + 1), match.end())]
        used.add(index)
        index += 1
        blank = False
        while index < len(lines):
            line = lines[index]
            if not line.strip():
                blank = True
                index += 1
                continue
            indented = line.startswith(("    ", "\t"))
            if _FOOTNOTE_DEFINITION.match(line) or (blank and not indented):
                break
            indent = len(line) - len(line.lstrip())
            parts.append((strip_line(line[indent:], index + 1), indent))
            used.update(range(index - blank, index + 1))
            blank = False
            index += 1
        notes.append(_note(path, match.group("label"), parts))
    return notes, used


def _note(path: str, label: str, parts: list[tuple[RenderedLine, int]]) -> Note:
    """Join a definition's lines into one note text with a map back to the source."""
    texts: list[str] = []
    starts: list[LineStart] = []
    offset = 0
    for rendered, shift in parts:
        text = rendered.text.strip()
        if not text:
            continue
        lead = len(rendered.text) - len(rendered.text.lstrip())
        line, column = rendered.source_point(lead + 1)
        starts.append(LineStart(offset, line, shift + column))
        for rendered_column, _, source_column in rendered.points:
            if lead < rendered_column < lead + len(text):
                starts.append(LineStart(offset + rendered_column - lead, rendered.line,
                                        shift + source_column))
        texts.append(text)
        offset += len(text) + 1
    # A suppression comment is blanked as the text reader blanks it in entries: it is not
    # part of what the note says. Blanked only now, so a line holding nothing but the
    # comment stays one of the note's lines (the comment covers the note from there).
    joined = blank_markers(" ".join(texts)).rstrip()
    first = parts[0][0]
    location = Location(path, first.line, starts[0].column if starts else 1)
    return Note(label, joined, location, 1, tuple(starts) if len(starts) > 1 else ())
