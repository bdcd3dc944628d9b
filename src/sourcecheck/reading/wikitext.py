"""The wikitext reader (``.wiki``, ``.mediawiki``), with mwparserfromhell.

- ``<ref>…</ref>``, ``{{sfn}}`` and ``{{efn}}`` make notes, numbered as MediaWiki numbers
  them: in order of first use, per group; a named ref reused (``<ref name="x" />``) or an
  identical ``{{sfn}}`` is the same note again, with one more backlink. Each use is a
  marker. Refs defined in ``{{reflist|refs=…}}`` are numbered where they are first used.
- ``{{cite book}}``, ``{{cite journal}}``, ``{{citation}}`` … outside refs are
  bibliography entries whose fields come from the template's parameters.
- A note's text is what an editor reads in the rendered notes list: ``{{sfn|Westad|2003|
  p=36}}`` is "Westad 2003, p. 36."; a citation template inside a ref is written out as a
  full citation. A short citation is first matched to a citation template by the CITEREF
  rule (up to four surnames and the year, or the template's ``ref={{sfnref|…}}``); when
  one matches, the note names that template's authors and year (or its title), so the
  citation resolves to it.
- Everything else — free-text entries under ``== References ==``, headings, lists — is
  stripped of markup and read by the plain-text reader. Every location is a line and
  column of the wikitext.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.parser import ParserError
from mwparserfromhell.wikicode import Wikicode

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
from .citation_templates import (
    CITATIONS,
    SHORT_CITATIONS,
    citation_anchors,
    citation_fields,
    named_params,
    param,
    render_citation,
    short_citation,
    template_name,
)
from .offsets import LineIndex
from .records import line_starts
from .rendered import RenderedLine, read_rendered
from .shapes import HeadingKind, heading_kind
from .text import read_text

_FOOTNOTE_TEMPLATES = frozenset({"sfn", "sfnp", "sfnm", "efn", "efn-la", "efn-ua", "efn-lr"})
_LIST_TEMPLATES = frozenset({"reflist", "references", "notelist", "notelist-la", "notelist-ua",
                            "refbegin", "refend", "notelist-lr"})
_NEWLINE = re.compile("\n")
_LIST_MARKS = "*#:; \t"
_OPEN_REF = re.compile(r"<ref(?:\s[^>]*)?>", re.I)


@dataclass
class _NoteDraft:
    label: str
    location: Location
    text: str = ""
    lines: tuple[LineStart, ...] = ()
    defined: bool = False
    uses: int = 0


@dataclass
class _Walk:
    """State of one pass over the parsed wikitext."""

    path: str
    lines: LineIndex
    pieces: list[tuple[int, str]] = field(default_factory=list)  # source offset, text
    entries: list[RawEntry] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    notes: dict[tuple[str, str], _NoteDraft] = field(default_factory=dict)
    counters: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, Template] = field(default_factory=dict)
    section: Section = Section.BIBLIOGRAPHY
    anonymous: int = 0

    def locate(self, offset: int) -> Location:
        return Location(self.path, *self.lines.position(offset))


def read_wikitext(path: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read wikitext: notes from refs and short-citation templates, entries from citation
    templates and from free text under sources headings."""
    try:
        code = mwparserfromhell.parse(text)
    except ParserError:  # the parser's own failure must not stop the run: read it as text
        return replace(read_text(path, text, notices), format=DocumentFormat.WIKITEXT)
    walk = _Walk(path, LineIndex(text))
    walk.anchors = citation_anchors(code)
    _walk_nodes(code, 0, walk)
    rendered = _render_lines(walk)
    notes = [Note(d.label, d.text, d.location, max(1, d.uses), d.lines)
             for d in walk.notes.values() if d.defined]
    return read_rendered(path, DocumentFormat.WIKITEXT, text, rendered, notices,
                         notes=notes, markers=walk.markers, entries=walk.entries)


# --- the walk -------------------------------------------------------------------------


def _walk_nodes(code: Wikicode, offset: int, walk: _Walk) -> None:
    """Visit nodes in order; ``offset`` is where ``code`` starts in the source."""
    for node in code.nodes:
        source = str(node)
        _visit(node, source, offset, walk)
        offset += len(source)


def _visit(node: Node, source: str, offset: int, walk: _Walk) -> None:
    if isinstance(node, Text):
        _text(source, offset, walk)
    elif isinstance(node, Heading):
        kind = heading_kind(str(node.title).strip())
        if kind is not None:
            walk.section = (Section.FURTHER_READING
                            if kind in (HeadingKind.FURTHER_READING, HeadingKind.OTHER)
                            else Section.BIBLIOGRAPHY)
        walk.pieces.append((offset, source))
    elif isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
        _ref(node, source, offset, walk)
    elif isinstance(node, Template):
        _template(node, source, offset, walk)
    elif isinstance(node, Tag):
        _tag(node, source, offset, walk)
    elif isinstance(node, (Wikilink, ExternalLink)):
        _visible(str(_shown(node)), source, offset, walk)
    elif isinstance(node, HTMLEntity):
        walk.pieces.append((offset, node.normalize()))
    elif isinstance(node, Comment):
        _blank(source, offset, walk)
    else:  # arguments, parser functions: nothing a reader sees
        _blank(source, offset, walk)


def _shown(node: Wikilink | ExternalLink) -> Wikicode:
    """The part of a link a reader sees."""
    if isinstance(node, Wikilink):
        return node.text if node.text is not None else node.title
    return node.title if node.title is not None else node.url


def _text(source: str, offset: int, walk: _Walk) -> None:
    """Plain text; an unclosed ``<ref>`` (MediaWiki reports it) still makes a note of the
    rest of its paragraph, so what the author wrote is not lost."""
    match = _OPEN_REF.search(source)
    if match is None:
        walk.pieces.append((offset, source))
        return
    walk.pieces.append((offset, source[: match.start()]))
    end = source.find("\n\n", match.end())
    end = len(source) if end < 0 else end
    body = source[match.end(): end]
    where = walk.locate(offset + match.start())
    draft = _new_note(walk, ("", f"#unclosed{offset}"), "", where)
    draft.text, draft.lines = _flatten([(offset + match.end(), body, True)], walk)
    draft.defined = True
    draft.uses += 1
    walk.markers.append(Marker(draft.label, where))
    _blank(source[match.start(): end], offset + match.start(), walk)
    walk.pieces.append((offset + end, source[end:]))


def _visible(shown: str, source: str, offset: int, walk: _Walk) -> None:
    at = source.find(shown)
    if at < 0:
        walk.pieces.append((offset, shown))
    else:
        _blank(source[:at], offset, walk)
        walk.pieces.append((offset + at, shown))
        _blank(source[at + len(shown):], offset + at + len(shown), walk)


def _blank(source: str, offset: int, walk: _Walk) -> None:
    """Hide a span but keep its line breaks, so later lines stay where they are."""
    walk.pieces.extend((offset + match.start(), "\n") for match in _NEWLINE.finditer(source))


def _tag(node: Tag, source: str, offset: int, walk: _Walk) -> None:
    name = str(node.tag).strip().lower()
    if name == "references":
        if node.contents is not None:
            _reflist_refs(node.contents, offset + source.find(str(node.contents)), walk)
        _blank(source, offset, walk)
        return
    if name in ("script", "style", "math", "nowiki", "pre", "gallery", "syntaxhighlight"):
        _blank(source, offset, walk)
        return
    if node.self_closing or node.contents is None:
        markup = str(node.wiki_markup or "")
        if markup[:1] == "*":  # a bullet the text reader knows
            walk.pieces.append((offset, source))
        elif markup[:1] == "#":  # a numbered item: a bullet too, for the text reader
            walk.pieces.append((offset, "-" + " " * (len(source) - 1)))
        elif name == "br" or markup[:1] in ":;":
            walk.pieces.append((offset, " " * len(source)))
        return
    contents = str(node.contents)
    start = _contents_start(node, source, contents)
    _blank(source[:start], offset, walk)
    _walk_nodes(node.contents, offset + start, walk)
    _blank(source[start + len(contents):], offset + start + len(contents), walk)


def _contents_start(node: Tag, source: str, contents: str) -> int:
    opening = len(str(node.wiki_markup)) if node.wiki_markup else source.find(">") + 1
    at = source.find(contents, max(opening, 0))
    return at if at >= 0 else max(opening, 0)


def _template(node: Template, source: str, offset: int, walk: _Walk) -> None:
    name = template_name(node)
    if name in _FOOTNOTE_TEMPLATES:
        _footnote_template(node, name, source, offset, walk)
    elif CITATIONS.match(name):
        walk.entries.append(_entry(node, source, offset, walk))
        _blank(source, offset, walk)
    elif name in SHORT_CITATIONS:  # an in-text {{harv}}: its text stays in the prose
        walk.pieces.append((offset, short_citation(node, walk.anchors)))
        _blank(source, offset, walk)
    elif name in _LIST_TEMPLATES:
        if node.has("refs"):
            value = node.get("refs").value
            _reflist_refs(value, offset + source.find(str(value)), walk)
        _blank(source, offset, walk)
    else:
        _notes_in_parameters(node, source, offset, walk)
        _blank(source, offset, walk)


def _notes_in_parameters(node: Template, source: str, offset: int, walk: _Walk) -> None:
    """Refs and footnote templates inside another template's parameters (an infobox's
    ``date = 1948<ref>…</ref>``) are notes all the same; the template's text stays hidden."""
    if "<ref" not in source.lower() and "{{" not in source[2:]:
        return
    shown, walk.pieces = walk.pieces, []
    position = 0
    for parameter in node.params:
        written, value = str(parameter), str(parameter.value)
        at = source.find(written, position)
        if at < 0:
            continue
        position = at + len(written)
        _walk_nodes(parameter.value, offset + position - len(value), walk)
    walk.pieces = shown


def _reflist_refs(code: Wikicode, offset: int, walk: _Walk) -> None:
    """List-defined references: ``<ref name="x">…</ref>`` inside a reference list."""
    for node in code.nodes:
        node_source = str(node)
        if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
            _ref(node, node_source, offset, walk, use=False)
        offset += len(node_source)


def _ref(node: Tag, source: str, offset: int, walk: _Walk, use: bool = True) -> None:
    name = _attribute(node, "name")
    group = _attribute(node, "group") or ""
    where = walk.locate(offset)
    if name:
        key = (group, name)
    else:
        walk.anonymous += 1
        key = (group, f"#anonymous{walk.anonymous}")
    draft = walk.notes.get(key)
    if draft is None:
        draft = _new_note(walk, key, group, where)
    if node.contents is not None and not node.self_closing and str(node.contents).strip() \
            and not draft.defined:
        contents = str(node.contents)
        start = _contents_start(node, source, contents)
        draft.text, draft.lines = _note_text(node.contents, offset + start, walk)
        draft.defined = True
        if not use:
            draft.location = where
    if use:
        draft.uses += 1
        walk.markers.append(Marker(draft.label, where))
    _blank(source, offset, walk)


def _new_note(walk: _Walk, key: tuple[str, str], group: str, where: Location) -> _NoteDraft:
    walk.counters[group] += 1
    number = walk.counters[group]
    label = _alpha(number) if group == "lower-alpha" else f"{group} {number}".strip()
    draft = _NoteDraft(label, where)
    walk.notes[key] = draft
    return draft


def _alpha(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _footnote_template(node: Template, name: str, source: str, offset: int,
                       walk: _Walk) -> None:
    """``{{sfn}}`` makes (or reuses, when identical) a note; ``{{efn}}`` an explanatory
    note labelled a, b, c …"""
    where = walk.locate(offset)
    if name.startswith("efn"):
        group = "lower-alpha"
        key_name = param(named_params(node), "name") or f"#efn{offset}"
        key = (group, key_name)
    else:
        group = ""
        key = ("", "#sfn " + " ".join(str(p).strip() for p in node.params))
    draft = walk.notes.get(key) or _new_note(walk, key, group, where)
    if not draft.defined:
        if name.startswith("efn"):
            body = node.get(1).value if node.has(1) else None
            if body is not None:
                start = offset + source.find(str(body))
                draft.text, draft.lines = _note_text(body, start, walk)
        else:
            draft.text = short_citation(node, walk.anchors) + "."
        draft.defined = bool(draft.text)
    draft.uses += 1
    walk.markers.append(Marker(draft.label, where))
    _blank(source, offset, walk)


def _note_text(code: Wikicode, offset: int, walk: _Walk) -> tuple[str, tuple[LineStart, ...]]:
    """A ref's contents as the notes list shows them, with a map back to the source."""
    pieces: list[tuple[int, str, bool]] = []
    position = offset
    for node in code.nodes:
        source = str(node)
        if isinstance(node, Template):
            name = template_name(node)
            if name in SHORT_CITATIONS:
                pieces.append((position, short_citation(node, walk.anchors), False))
            elif CITATIONS.match(name):
                pieces.append((position, render_citation(node), False))
        elif isinstance(node, Text):
            pieces.append((position, source, True))
        elif isinstance(node, (Wikilink, ExternalLink)):
            shown = str(_shown(node))
            at = source.find(shown)
            pieces.append((position + max(at, 0), shown, at >= 0))
        elif isinstance(node, HTMLEntity):
            pieces.append((position, node.normalize(), False))
        elif isinstance(node, Tag) and node.contents is not None and not node.self_closing:
            contents = str(node.contents)
            start = _contents_start(node, source, contents)
            text, _ = _note_text(node.contents, position + start, walk)
            pieces.append((position + start, text, False))
        position += len(source)
    return _flatten(pieces, walk)


def _flatten(pieces: Iterable[tuple[int, str, bool]],
             walk: _Walk) -> tuple[str, tuple[LineStart, ...]]:
    """Join (source offset, text, verbatim) pieces into one line, whitespace collapsed,
    with a LineStart wherever the text stops following the source character by
    character (a rendered template starts one of its own)."""
    chars: list[str] = []
    starts: list[LineStart] = []
    expected: int | None = None
    pending_space = False
    for offset, piece, verbatim in pieces:
        fresh = True
        for index, char in enumerate(piece):
            if char.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                pending_space = False
                expected = expected + 1 if expected is not None else None
            source = offset + index
            if (source != expected) if verbatim else fresh:
                where = walk.locate(source if verbatim else offset)
                starts.append(LineStart(len(chars), where.line, where.column))
            expected = source + 1 if verbatim else None
            fresh = False
            chars.append(char)
    return "".join(chars), tuple(starts)


def _attribute(node: Tag, name: str) -> str | None:
    for attribute in node.attributes:
        if str(attribute.name).strip().lower() == name:
            value = str(attribute.value).strip() if attribute.value is not None else ""
            return value or None
    return None


def _entry(node: Template, source: str, offset: int, walk: _Walk) -> RawEntry:
    kind, fields = citation_fields(node)
    location = walk.locate(offset)
    starts = line_starts(source, location.line, location.column)
    return RawEntry(source, location, walk.section, starts if len(starts) > 1 else (),
                    fields, kind)


# --- the rendering ----------------------------------------------------------------------


def _render_lines(walk: _Walk) -> list[RenderedLine]:
    """The rendered pieces as lines; rendered line n is source line n."""
    lines: list[RenderedLine] = []
    text: list[str] = []
    columns: list[tuple[int, int, int]] = []
    length = 0
    line_number = 1
    for offset, piece in walk.pieces:
        position = offset  # where the segment starts in the source
        for index, segment in enumerate(piece.split("\n")):
            if index:
                lines.append(_rendered_line(text, line_number, columns))
                text, columns, length = [], [], 0
                line_number += 1
            if segment:
                where = walk.locate(position)
                if where.line == line_number:
                    columns.append((length, where.line, where.column))
                text.append(segment)
                length += len(segment)
            position += len(segment) + 1
    lines.append(_rendered_line(text, line_number, columns))
    return lines


def _rendered_line(text: list[str], number: int,
                   columns: list[tuple[int, int, int]]) -> RenderedLine:
    """One rendered line; a list item whose content was taken out (a citation template,
    read as an entry of its own) is left empty, not a bare "*" that the text reader would
    join to the entry above."""
    joined = "".join(text)
    if joined.strip() and not joined.strip().strip(_LIST_MARKS):
        return RenderedLine("", number, ())
    return RenderedLine(joined, number, tuple(columns))
