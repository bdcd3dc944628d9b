"""The Word reader (``.docx``), with python-docx.

- Paragraphs of the body (table cells included) are numbered 1, 2, 3 … in document order;
  a location's line is that paragraph number and its column the character in the
  paragraph's text.
- Real footnotes and endnotes (``word/footnotes.xml``, ``word/endnotes.xml``) are notes,
  labelled with the number Word shows: references are numbered in order of appearance,
  in the number format and from the start number of the document's settings (footnotes
  1, 2, 3; endnotes i, ii, iii by default); a custom mark keeps its own text. A note is
  located at the paragraph that holds its reference mark. A NOTEREF cross-reference (how
  Word cites one note twice) is a second marker of that note.
- Body paragraphs are rendered as lines — headings as headings, list paragraphs as "• "
  items — and read by the plain-text reader, so bibliography paragraphs under a
  "References" heading are entries.
- Word's own comments are kept, located where their anchored text starts (a comment in a
  footnote or endnote at that note's reference mark): a comment
  ``sourcecheck: ignore[isbn.checksum]`` on an entry suppresses that finding without
  changing the manuscript's text.

A file that is not a Word document (not a ZIP, a truncated ZIP, no ``word/document.xml``,
broken XML) gives a document with a clear notice, never an exception.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml.ns import qn
from lxml import etree

from ..models import (
    AnchoredComment,
    Document,
    DocumentFormat,
    Location,
    Marker,
    Note,
    NoticeKind,
    ReadNotice,
)
from .decode import MAX_BYTES
from .rendered import RenderedLine, read_rendered

_NOTEREF = re.compile(r"^\s*NOTEREF\s+(?P<bookmark>\S+)", re.I)
_SKIPPED_NOTE_TYPES = frozenset({"separator", "continuationSeparator", "continuationNotice"})
_MAX_UNPACKED = 4 * MAX_BYTES
_CORRUPT = (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, zlib.error,
            etree.XMLSyntaxError, EOFError, OSError, AttributeError, TypeError)


@dataclass
class _Kind:
    """Footnotes or endnotes: how Word numbers them and what the body cites."""

    name: str  # "footnote" / "endnote"
    number_format: str
    start: int
    count: int = 0
    labels: dict[str, str] = field(default_factory=dict)  # note id -> label shown
    anchors: dict[str, tuple[int, int]] = field(default_factory=dict)  # id -> paragraph, column

    def next_label(self) -> str:
        self.count += 1
        return format_number(self.start + self.count - 1, self.number_format)


def read_docx(path: str, data: bytes) -> Document:
    """Read a Word document; a corrupt file gives a notice instead of an exception."""
    if len(data) > MAX_BYTES:
        return _unreadable(path, f"too large: {len(data) / 1e6:.0f} MB (the limit is "
                                 f"{MAX_BYTES // (1024 * 1024)} MiB)")
    try:
        unpacked = sum(item.file_size for item in zipfile.ZipFile(io.BytesIO(data)).infolist())
        if unpacked > _MAX_UNPACKED:  # a ZIP bomb would fill the memory
            return _unreadable(path, f"too large when unpacked: {unpacked / 1e6:.0f} MB")
        word = docx.Document(io.BytesIO(data))
        return _read(path, word)
    except _CORRUPT as exc:
        return _unreadable(path, _reason(exc))


def _reason(exc: BaseException) -> str:
    if isinstance(exc, PackageNotFoundError | zipfile.BadZipFile | EOFError | zlib.error):
        return "not a Word document: the .docx file is not a complete ZIP package"
    if isinstance(exc, KeyError):
        return f"not a Word document: a part of the package is missing ({exc})"
    if isinstance(exc, etree.XMLSyntaxError):
        return f"broken Word document: its XML does not parse ({exc.msg})"
    return f"not a readable Word document: {exc}"


def _unreadable(path: str, message: str) -> Document:
    notice = ReadNotice(NoticeKind.UNREADABLE, message, Location(path, 1, 1))
    return Document(path, DocumentFormat.DOCX, "", notices=(notice,))


def _read(path: str, word: docx.document.Document) -> Document:
    footnotes = _Kind("footnote", *_numbering(word, "footnotePr", "decimal"))
    endnotes = _Kind("endnote", *_numbering(word, "endnotePr", "lowerRoman"))
    kinds = {qn("w:footnoteReference"): footnotes, qn("w:endnoteReference"): endnotes}
    bookmarks = _bookmarked_notes(word, kinds)
    styles = _style_names(word)
    rendered: list[RenderedLine] = []
    markers: list[Marker] = []
    texts: list[str] = []
    anchors: dict[str, Location] = {}
    for number, paragraph in enumerate(word.element.body.iter(qn("w:p")), start=1):
        reading = _ParagraphReader(path, number, kinds, bookmarks)
        text = reading.read(paragraph)
        markers.extend(reading.markers)
        for comment_id, column in reading.comment_anchors.items():
            anchors.setdefault(comment_id, Location(path, number, column))
        texts.append(text)
        prefix = _prefix(paragraph, styles)
        rendered.append(RenderedLine(prefix + text, number, ((len(prefix), number, 1),)))
        rendered.append(RenderedLine("", number))
    uses = Counter(marker.label for marker in markers)
    notes: list[Note] = []
    for kind, relationship in ((footnotes, RT.FOOTNOTES), (endnotes, RT.ENDNOTES)):
        notes.extend(_notes(path, word, relationship, kind, uses, anchors))
    text = "\n".join(texts)
    if not text.strip() and not notes:
        notice = ReadNotice(NoticeKind.EMPTY, "the Word document holds no text",
                            Location(path, 1, 1))
        return Document(path, DocumentFormat.DOCX, text, notices=(notice,))
    document = read_rendered(path, DocumentFormat.DOCX, text, rendered,
                             notes=notes, markers=markers, text_markers=not notes)
    return replace(document, comments=_comments(word, anchors))


def _comments(word: docx.document.Document,
              anchors: dict[str, Location]) -> tuple[AnchoredComment, ...]:
    """Word's comments, on body text and in notes, in the order of their anchors; a
    comment part that cannot be read gives none (the manuscript itself is still read)."""
    if not anchors:
        return ()
    try:
        texts = {str(comment.comment_id): comment.text for comment in word.comments}
    except _CORRUPT:
        return ()
    found = [AnchoredComment(location, texts[comment_id])
             for comment_id, location in anchors.items() if comment_id in texts]
    return tuple(sorted(found, key=lambda c: (c.location.line, c.location.column)))


def _numbering(word: docx.document.Document, properties: str, default: str) -> tuple[str, int]:
    """The number format and start of footnotes or endnotes from the settings."""
    try:
        settings = word.settings.element
    except _CORRUPT:
        return default, 1
    number_format, start = default, 1
    found = settings.find(qn(f"w:{properties}"))
    if found is not None:
        fmt = found.find(qn("w:numFmt"))
        if fmt is not None and fmt.get(qn("w:val")):
            number_format = fmt.get(qn("w:val"))
        begin = found.find(qn("w:numStart"))
        value = begin.get(qn("w:val")) if begin is not None else None
        if value and value.isdigit():
            start = int(value)
    return number_format, start


def format_number(number: int, number_format: str) -> str:
    """A note number as Word shows it in ``number_format``.

    >>> [format_number(n, f) for n, f in ((3, "decimal"), (4, "lowerRoman"), (28, "lowerLetter"))]
    ['3', 'iv', 'bb']
    """
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if number_format == "upperRoman" else roman.lower()
    if number_format in ("lowerLetter", "upperLetter"):
        # Word repeats the letter: a … z, aa … zz
        letter = chr(ord("a") + (number - 1) % 26) * ((number - 1) // 26 + 1)
        return letter.upper() if number_format == "upperLetter" else letter
    return str(number)


def _roman(number: int) -> str:
    numerals = ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
                (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))
    out = ""
    for value, numeral in numerals:
        while number >= value:
            out += numeral
            number -= value
    return out or str(number)


def _bookmarked_notes(word: docx.document.Document,
                      kinds: dict[str, _Kind]) -> dict[str, tuple[str, str]]:
    """Bookmark name -> (reference tag, note id) of the first note reference after it:
    what a NOTEREF field points to."""
    found: dict[str, tuple[str, str]] = {}
    waiting: list[str] = []
    for element in word.element.body.iter(qn("w:bookmarkStart"), *kinds):
        if element.tag == qn("w:bookmarkStart"):
            waiting.append(element.get(qn("w:name")) or "")
        else:
            for name in waiting:
                found[name] = (element.tag, element.get(qn("w:id")) or "")
            waiting = []
    return found


class _ParagraphReader:
    """One body paragraph's text and the note markers in it."""

    def __init__(self, path: str, number: int, kinds: dict[str, _Kind],
                 bookmarks: dict[str, tuple[str, str]]) -> None:
        self.path, self.number, self.kinds, self.bookmarks = path, number, kinds, bookmarks
        self.text: list[str] = []
        self.length = 0
        self.markers: list[Marker] = []
        self.field: list[str] | None = None  # instruction of a complex field being read
        self.noteref: str | None = None  # bookmark of a NOTEREF whose result is shown
        self.skip_custom_mark = False
        self.comment_anchors: dict[str, int] = {}  # comment id -> 1-based column

    def read(self, paragraph: etree._Element) -> str:
        self._walk(paragraph)
        return "".join(self.text)

    def _add(self, text: str) -> None:
        if self.noteref is not None:
            return  # a NOTEREF's result is a marker, not text
        if self.skip_custom_mark:
            self.skip_custom_mark = False
            return
        self.text.append(text)
        self.length += len(text)

    def _walk(self, element: etree._Element) -> None:
        for child in element:
            tag = child.tag
            if tag == qn("w:t"):
                # A paragraph is one line of the document's text (its number is the
                # line): a newline inside a run would shift every later paragraph.
                self._add((child.text or "").replace("\n", " "))
            elif tag == qn("w:tab"):
                self._add("\t")
            elif tag in (qn("w:br"), qn("w:cr")):
                self._add(" ")
            elif tag in self.kinds:
                self._reference(child)
            elif tag == qn("w:fldSimple"):
                match = _NOTEREF.match(child.get(qn("w:instr")) or "")
                if match:
                    self._cross_reference(match.group("bookmark"))
                else:
                    self._walk(child)
            elif tag == qn("w:fldChar"):
                self._field_char(child.get(qn("w:fldCharType")) or "")
            elif tag == qn("w:instrText"):
                if self.field is not None:
                    self.field.append(child.text or "")
            elif tag in (qn("w:commentRangeStart"), qn("w:commentReference")):
                # a comment anchored at a range starts there; one with only a reference
                # mark is anchored at the mark
                self.comment_anchors.setdefault(child.get(qn("w:id")) or "", self.length + 1)
            elif tag in (qn("w:del"), qn("w:moveFrom")):
                continue  # deleted text is not part of the document
            else:
                self._walk(child)

    def _field_char(self, kind: str) -> None:
        if kind == "begin":
            self.field = []
        elif kind == "separate" and self.field is not None:
            match = _NOTEREF.match("".join(self.field))
            if match:
                self._cross_reference(match.group("bookmark"), shows_result=True)
            self.field = None
        elif kind == "end":
            self.field = None
            self.noteref = None

    def _reference(self, element: etree._Element) -> None:
        kind = self.kinds[element.tag]
        note_id = element.get(qn("w:id")) or ""
        custom = (element.get(qn("w:customMarkFollows")) or "").lower() in ("1", "true", "on")
        if custom:
            label = self._custom_mark(element)
            self.skip_custom_mark = True
        else:
            label = kind.next_label()
        kind.labels.setdefault(note_id, label)
        kind.anchors.setdefault(note_id, (self.number, self.length + 1))
        self.markers.append(Marker(kind.labels[note_id],
                                   Location(self.path, self.number, self.length + 1)))

    def _custom_mark(self, element: etree._Element) -> str:
        run = element.getparent()
        following = run.getnext() if run is not None else None
        text = ("".join(t.text or "" for t in following.iter(qn("w:t")))
                if following is not None else "")
        return text.strip() or "*"

    def _cross_reference(self, bookmark: str, shows_result: bool = False) -> None:
        """A NOTEREF field: one more marker of the note its bookmark holds."""
        target = self.bookmarks.get(bookmark)
        if target is None:
            return
        kind = self.kinds[target[0]]
        label = kind.labels.get(target[1])
        if label is not None:
            self.markers.append(Marker(label, Location(self.path, self.number, self.length + 1)))
        if shows_result:
            self.noteref = bookmark


def _style_names(word: docx.document.Document) -> dict[str, str]:
    """Paragraph style id -> name, read once (python-docx looks styles up slowly)."""
    try:
        return {style.style_id: style.name or "" for style in word.styles}
    except _CORRUPT:
        return {}


def _prefix(element: etree._Element, styles: dict[str, str]) -> str:
    """"• " for list paragraphs, so the text reader sees them as items."""
    style_id = element.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
    style = styles.get(style_id.get(qn("w:val")) or "", "") if style_id is not None else ""
    numbered = element.find(f"{qn('w:pPr')}/{qn('w:numPr')}") is not None
    if numbered or style.startswith("List") or style == "Bibliography":
        return "• "
    return ""


def _notes(path: str, word: docx.document.Document, relationship: str, kind: _Kind,
           uses: Counter[str], anchors: dict[str, Location]) -> Iterator[Note]:
    """The notes of the footnotes or endnotes part, each located at its reference mark;
    a comment anchored in a note's text is put in ``anchors`` at the note's location."""
    part = next((rel.target_part for rel in word.part.rels.values()
                 if rel.reltype == relationship and not rel.is_external), None)
    if part is None:
        return
    root = etree.fromstring(part.blob)
    for note in root.iter(qn(f"w:{kind.name}")):
        if note.get(qn("w:type")) in _SKIPPED_NOTE_TYPES:
            continue
        note_id = note.get(qn("w:id")) or ""
        paragraphs = []
        comment_ids: list[str] = []
        for paragraph in note.iter(qn("w:p")):
            reader = _ParagraphReader(path, 0, {}, {})
            paragraphs.append(" ".join(reader.read(paragraph).split()))
            comment_ids.extend(reader.comment_anchors)
        text = " ".join(p for p in paragraphs if p)
        if not text:
            continue
        label = kind.labels.get(note_id)
        if label is None:  # no reference mark shows this note: Word would not show it either
            label = f"{kind.name} id {note_id}"
        paragraph_number, column = kind.anchors.get(note_id, (1, 1))
        location = Location(path, paragraph_number, column)
        for comment_id in comment_ids:
            anchors.setdefault(comment_id, location)
        yield Note(label, text, location, max(1, uses[label]))
