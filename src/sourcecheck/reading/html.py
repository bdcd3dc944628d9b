"""The HTML reader: a saved Wikipedia page or any web page, with lxml.

lxml (libxml2's HTML parser) recovers from broken and truncated markup and gives every
element its source line. The reader takes:

- note markers: in-page links shown as a number or a bracketed label (``sup.reference``
  ``<a href="#cite_note-1">[1]</a>``, pandoc's ``a.footnote-ref``);
- notes: the items of a list whose items those markers point to (Wikipedia's
  ``ol.references``, pandoc's ``section.footnotes``), numbered as the list shows them,
  without their back-links ("^ a b", "↩");
- everything else rendered as plain-text lines — headings, "• " for list items,
  ``cite.citation`` entries as items of their own, ISBN links as their text — read by the
  plain-text reader. Scripts, styles and Wikipedia's "[edit]" links are ignored.

Locations are the element's source line; columns are found by looking the text up in the
source from there (entities such as ``&amp;`` can shift a column within a text run).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

import lxml.html
from lxml import etree

from ..models import (
    Document,
    DocumentFormat,
    LineStart,
    Location,
    Marker,
    Note,
    ReadNotice,
)
from .offsets import LineIndex
from .rendered import RenderedLine, read_rendered
from .text import read_text

_SKIPPED_TAGS = frozenset({
    "script", "style", "noscript", "template", "head", "title", "meta", "link", "svg",
    "button", "input", "select", "textarea", "iframe", "object", "canvas",
})
_SKIPPED_CLASSES = frozenset({
    "mw-editsection", "mw-jump-link", "Z3988", "mw-cite-backlink", "footnote-back",
    "navbox", "printfooter", "catlinks", "mw-indicators",
})
_BLOCK_TAGS = frozenset({
    "p", "div", "section", "article", "main", "aside", "header", "footer", "nav", "ul", "ol",
    "dl", "dt", "dd", "table", "tr", "thead", "tbody", "tfoot", "caption", "blockquote",
    "pre", "figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address",
    "body", "html", "form", "fieldset", "details", "summary",
})
_MARKER_TEXT = re.compile(r"^\s*\[?\s*(?P<label>[\w ]{1,16}?)\s*\]?\s*$")
_WORD = re.compile(r"\w{2,}")
_DIGITS = re.compile(r"\s*\d{1,5}\s*")
_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SEARCH_WINDOW = 20000  # how far ahead a text run is looked for in the source


@dataclass
class _Source:
    """The HTML source, for turning an element's line and a text into a position."""

    text: str
    lines: LineIndex
    cursor: int = 0

    def line_start(self, line: int) -> int:
        return self.lines.line_start(line)

    def position(self, offset: int) -> tuple[int, int]:
        return self.lines.position(offset)

    def find(self, text: str, line: int | None) -> int | None:
        """The source offset where ``text`` (rendered) starts, searching forward from the
        element's line; None when it cannot be found."""
        word = _WORD.search(text)
        if word is None:
            return None
        start = max(self.cursor, self.line_start(line) if line else 0)
        at = self._find_in_text(word.group(), start)
        if at is None:
            return None
        begin = max(at - word.start(), 0)
        self.cursor = max(at + len(word.group()), begin + len(text))  # entities only lengthen
        return begin

    def find_tag(self, attribute_value: str, line: int | None) -> int | None:
        """The offset of the start tag that holds ``attribute_value`` (a marker's href)."""
        start = max(self.cursor, self.line_start(line) if line else 0)
        at = self.text.find(attribute_value, start, start + _SEARCH_WINDOW)
        if at < 0:
            return None
        self.cursor = at + len(attribute_value)
        tag = self.text.rfind("<", 0, at)
        return tag if tag >= 0 else at

    def _find_in_text(self, word: str, start: int) -> int | None:
        """The next place ``word`` stands in text, not inside a tag's attributes."""
        end = start + _SEARCH_WINDOW
        while True:
            at = self.text.find(word, start, end)
            if at < 0:
                return None
            if self.text.rfind("<", 0, at) <= self.text.rfind(">", 0, at):
                return at
            start = at + len(word)


@dataclass
class _Rendering:
    lines: list[RenderedLine] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    points: list[tuple[int, int, int]] = field(default_factory=list)
    length: int = 0
    line: int = 1

    def add(self, text: str, offset: int | None, source: _Source | None = None) -> None:
        """Append a text run that starts at source ``offset`` (None: unknown or made up);
        a line break inside it moves the following characters to the next source line."""
        if not text:
            return
        position = 0
        for segment in text.split("\n"):
            if offset is not None and source is not None:
                where = source.position(offset + position)
                self.points.append((self.length, *where))
                if not "".join(self.text).strip():
                    self.line = where[0]
            self.text.append(segment + " ")
            self.length += len(segment) + 1
            position += len(segment) + 1
        self.text[-1] = self.text[-1][:-1]
        self.length -= 1

    def break_line(self) -> None:
        if not "".join(self.text).strip():
            self.text, self.points, self.length = [], [], 0
            return
        self.lines.append(RenderedLine("".join(self.text), self.line, tuple(self.points)))
        self.lines.append(RenderedLine("", self.line))  # paragraphs stay apart
        self.text, self.points, self.length = [], [], 0


def read_html(path: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read an HTML page: markers and footnote lists by structure, the rest as text."""
    parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8"), parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        document = read_text(path, text, notices)
        return Document(path, DocumentFormat.HTML, text, document.entries, document.notes,
                        document.markers, notices)
    source = _Source(text, LineIndex(text))
    marker_links, note_items = _footnotes(root)
    markers: list[Marker] = []
    labels: dict[etree._Element, str] = {}
    rendering = _Rendering()
    _render(root, rendering, source, marker_links, note_items, markers, labels)
    rendering.break_line()
    notes = _notes(path, note_items, labels, markers, source)
    markers = [Marker(m.label, Location(path, m.location.line, m.location.column)) for m in markers]
    return read_rendered(path, DocumentFormat.HTML, text, rendering.lines, notices,
                         notes=notes, markers=markers)


def _classes(element: etree._Element) -> set[str]:
    return set((element.get("class") or "").split())


def _footnotes(root: etree._Element) -> tuple[dict[etree._Element, etree._Element],
                                               dict[etree._Element, int]]:
    """Marker links (link -> the list item it points to) and the note items with their
    numbers, for lists whose items in-page links shown as note numbers point to."""
    by_id = {element.get("id"): element for element in root.iter() if element.get("id")}
    links: dict[etree._Element, etree._Element] = {}
    for link in root.iter("a"):
        href = link.get("href") or ""
        target = by_id.get(href[1:]) if href.startswith("#") else None
        if target is None or target.tag != "li" or target.getparent() is None:
            continue
        shown = link.text_content()
        in_sup = (any(a.tag == "sup" for a in link.iterancestors())
                  or link.find(".//sup") is not None)
        if not _MARKER_TEXT.match(shown) or not (in_sup or "[" in shown
                                                   or "footnote-ref" in _classes(link)):
            continue
        if any(a is target.getparent() for a in link.iterancestors()):
            continue  # a link inside the list itself: a back-link
        links[link] = target
    items: dict[etree._Element, int] = {}
    for footnote_list in {target.getparent() for target in links.values()}:
        if footnote_list.tag not in ("ol", "ul"):
            continue
        number = _start(footnote_list)
        for item in footnote_list.iterchildren("li"):
            number = int(item.get("value")) if (item.get("value") or "").isdigit() else number
            items[item] = number
            number += 1
    return links, items


def _start(element: etree._Element) -> int:
    start = element.get("start") or ""
    return int(start) if start.isdigit() else 1


def _render(element: etree._Element, out: _Rendering, source: _Source,
            links: dict[etree._Element, etree._Element], items: dict[etree._Element, int],
            markers: list[Marker], labels: dict[etree._Element, str]) -> None:
    """Render an element's text into ``out``; collect markers; skip note items (they are
    read by ``_notes``)."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        line = child.sourceline
        if not tag:
            out.add(child.tail or "", source.find(child.tail or "", line), source)
            continue
        if tag in _SKIPPED_TAGS or _classes(child) & _SKIPPED_CLASSES or child in items:
            pass
        elif _marker_link(child, links) is not None:
            link = _marker_link(child, links)
            assert link is not None
            at = source.find_tag(link.get("href") or "", link.sourceline)
            where = source.position(at) if at is not None else (line or 1, 1)
            label = _MARKER_TEXT.match(link.text_content())
            shown = label.group("label").strip() if label else ""
            target = links[link]
            labels.setdefault(target, shown or str(items.get(target, "")))
            markers.append(Marker(labels[target], Location("", *where)))
        else:
            _render_element(child, tag, out, source, links, items, markers, labels)
        out.add(child.tail or "", source.find(child.tail or "", child.sourceline), source)


def _marker_link(element: etree._Element,
                 links: dict[etree._Element, etree._Element]) -> etree._Element | None:
    """The marker link an element is or wraps (``sup.reference > a``)."""
    if element in links:
        return element
    if element.tag == "sup":
        for link in element.iter("a"):
            if link in links:
                return link
    return None


def _render_element(child: etree._Element, tag: str, out: _Rendering, source: _Source,
                    links: dict[etree._Element, etree._Element],
                    items: dict[etree._Element, int], markers: list[Marker],
                    labels: dict[etree._Element, str]) -> None:
    line = child.sourceline
    block = tag in _BLOCK_TAGS or tag == "li"
    is_citation = tag == "cite" and "citation" in _classes(child) and not any(
        a.tag == "li" for a in child.iterancestors())
    if block or is_citation or tag == "br":
        out.break_line()
    if tag == "li":
        parent = child.getparent()
        if parent is not None and parent.tag == "ol":
            position = _start(parent) + [c for c in parent if c.tag == "li"].index(child)
            out.add(f"{position}. ", None)
        else:
            out.add("• ", None)
    elif is_citation:
        out.add("• ", None)
    elif tag in ("td", "th"):
        out.add(" ", None)
    elif tag == "sup" and _DIGITS.fullmatch(child.text_content()) and not len(child):
        # a bare superscript number: written as the text reader's superscript digits, so it
        # is a marker only when the page has notes (m² is not a note)
        at = source.find(child.text or "", line)
        out.add((child.text or "").strip().translate(_SUPERSCRIPT), at, source)
        return
    out.add(child.text or "", source.find(child.text or "", line), source)
    _render(child, out, source, links, items, markers, labels)
    if block or is_citation:
        out.break_line()


def _notes(path: str, items: dict[etree._Element, int], labels: dict[etree._Element, str],
           markers: list[Marker], source: _Source) -> list[Note]:
    """One note per footnote-list item, labelled as its markers show it."""
    uses = Counter(marker.label for marker in markers)
    notes = []
    for item, number in items.items():
        label = labels.get(item) or str(number)
        source.cursor = 0
        pieces: list[tuple[str, int | None]] = []
        _note_pieces(item, pieces, source)
        text, lines = _flatten(pieces, source)
        if not text:
            continue
        where = (lines[0].line, lines[0].column) if lines else (item.sourceline or 1, 1)
        notes.append(Note(label, text, Location(path, *where), max(1, uses[label]), lines))
    return notes


def _note_pieces(element: etree._Element, pieces: list[tuple[str, int | None]],
                 source: _Source) -> None:
    line = element.sourceline
    pieces.append((element.text or "", source.find(element.text or "", line)))
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        skipped = not tag or tag in _SKIPPED_TAGS or _classes(child) & _SKIPPED_CLASSES
        if not skipped and not (tag == "a" and (child.get("href") or "").startswith("#cite_ref")):
            _note_pieces(child, pieces, source)
        pieces.append((child.tail or "", source.find(child.tail or "", child.sourceline)))


def _flatten(pieces: list[tuple[str, int | None]],
             source: _Source) -> tuple[str, tuple[LineStart, ...]]:
    """Join text runs into one line, whitespace collapsed; a LineStart where each run with
    a known source position begins."""
    text = ""
    starts: list[LineStart] = []
    for piece, where in pieces:
        lead = len(piece) - len(piece.lstrip())
        body = " ".join(piece.split())
        if not body:
            if piece and text and not text.endswith(" "):
                text += " "
            continue
        if lead and text and not text.endswith(" "):
            text += " "
        if where is not None:
            starts.append(LineStart(len(text), *source.position(where + lead)))
        text += body
        if piece[-1:].isspace():
            text += " "
    # the back-link caret and its letters ("^ a b") are gone; a lone "^" may remain
    stripped = text.strip()
    cut = len(text) - len(text.lstrip())
    if stripped.startswith("^"):
        cut += len(stripped) - len(stripped[1:].lstrip())
    result = text[cut:].rstrip()
    moved = tuple(LineStart(max(s.offset - cut, 0), s.line, s.column + max(cut - s.offset, 0))
                  for s in starts if s.offset - cut < len(result))
    return result, moved
