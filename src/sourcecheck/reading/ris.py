"""RIS reader: an ``.ris`` file to a Document whose entries are its records.

A record runs from ``TY`` to ``ER``; a line that is not ``XX  - value`` continues the
value before it. Tags are read as Zotero's RIS import reads them (its translator
``RIS.js``): the meaning of ``T2``, ``A2``/``A3``, ``IS`` and ``SP`` depends on the
record type (``T2`` is the book title of a ``CHAP``, the journal of a ``JOUR``, the
series of a ``BOOK``; ``SP`` alone is a book's number of pages); a name without a
comma is a corporate author; ``ID`` is the record's key.

Written by hand rather than with rispy: rispy drops a record that lacks ``TY`` or a
final ``ER`` (a truncated file) and keeps no line numbers, and every record must reach
the report with its place in the file. A record without ``TY`` is read all the same
(its type guessed from its fields) and reported; a file cut off before ``ER`` still
gives its last record.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import (
    Document,
    DocumentFormat,
    Location,
    NoticeKind,
    RawEntry,
    ReadNotice,
    Section,
)
from .records import labelled_isbns, line_starts

_TAG_LINE = re.compile(r"^(?P<tag>[A-Z][A-Z0-9]) {1,2}-(?: (?P<value>.*))?$")
_ARTICLE_TYPES = frozenset({"JOUR", "EJOUR", "MGZN", "NEWS", "JFULL", "ABST"})
_PART_TYPES = frozenset({"CHAP", "ECHAP", "CONF", "CPAPER", "DICT", "ENCYC"})
_BOOK_TYPES = frozenset({"BOOK", "EBOOK", "EDBOOK", "CLSWK", "SER", "THES"})
_PLAIN_TAGS = {"AU": "author", "A1": "author", "ED": "editor", "TI": "title", "T1": "title",
               "CT": "title", "T3": "series", "ET": "edition", "VL": "volume",
               "NV": "volumes", "PB": "publisher", "CY": "address", "PP": "address",
               "LA": "language", "N1": "note", "DA": "date", "JF": "journal"}
_PUBLICATION_YEAR = re.compile(r"^\s*(\d{4})(?:/.*)?$")


def read_ris(name: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read an RIS file. Never raises for a problem in the file."""
    entries: list[RawEntry] = []
    record: list[tuple[int, str]] = []  # (line number, line) of the record being read
    # split("\n"), not splitlines(): a form feed or U+2028 in a value is no new line in
    # the file, and counting it would move every later record's location
    for number, line in enumerate(text.split("\n"), start=1):
        match = _TAG_LINE.match(line.rstrip())
        if match and match["tag"] == "TY" and record:
            entries.append(_entry(name, record))  # ER was left out: forgive, as Zotero does
            record = []
        if match or record:
            record.append((number, line))
        if match and match["tag"] == "ER":
            entries.append(_entry(name, record))
            record = []
    if record:
        entries.append(_entry(name, record))  # a file cut off before ER
    broken = tuple(ReadNotice(NoticeKind.BROKEN_RECORD, "this RIS record has no TY line "
                              "(its type): its tags are read, its type is guessed", e.location)
                   for e in entries if e.kind is None)
    return Document(name, DocumentFormat.RIS, text, tuple(entries),
                    notices=(*notices, *broken))


def _entry(name: str, record: list[tuple[int, str]]) -> RawEntry:
    text = "\n".join(line for _, line in record).strip()
    first = record[0][0]
    where = Location(name, first, 1)
    lines = line_starts(text, first)
    tags = _tag_values(line for _, line in record)
    types = [value for tag, value in tags if tag == "TY"]
    kind = types[0].upper() if types and types[0] else None  # None: reported as broken
    key = next((value for tag, value in tags if tag == "ID" and value), None)
    return RawEntry(text, where, Section.BIBLIOGRAPHY, lines, fields=_fields(tags, kind or ""),
                    kind=kind, key=key)


def _tag_values(lines: Iterable[str]) -> list[tuple[str, str]]:
    """(tag, value) pairs; continuation lines joined to the value before them."""
    pairs: list[tuple[str, str]] = []
    for line in lines:
        match = _TAG_LINE.match(line.rstrip())
        if match:
            pairs.append((match["tag"], (match["value"] or "").strip()))
        elif pairs and line.strip():
            tag, value = pairs[-1]
            pairs[-1] = (tag, f"{value} {line.strip()}".strip())
    return pairs


def _fields(tags: list[tuple[str, str]], kind: str) -> tuple[tuple[str, str], ...]:
    """RIS tags to BibTeX field names, the way Zotero reads them for this record type."""
    fields: list[tuple[str, str]] = []
    isbns: list[str] = []
    notes: list[str] = []
    start = end = None
    for tag, value in tags:
        if not value:
            continue
        field = _PLAIN_TAGS.get(tag)
        if tag in ("AU", "A1", "ED") or (tag == "A2" and kind not in _BOOK_TYPES) or (
                tag == "A3" and kind in _BOOK_TYPES):
            fields.append((field or "editor", _name(value)))
        elif tag in ("PY", "Y1"):
            year = _PUBLICATION_YEAR.match(value)
            fields.append(("year", year.group(1) if year else value))
        elif tag == "T2":
            fields.append((_container(kind), value))
        elif tag == "BT":
            fields.append(("booktitle" if kind in _PART_TYPES else "title", value))
        elif tag == "JO":
            fields.append(("journal", value))
        elif tag == "IS" and kind in _PART_TYPES:
            fields.append(("volumes", value))  # Zotero: a book section's number of volumes
        elif tag == "SN" and kind not in _ARTICLE_TYPES:  # an article's SN is its ISSN
            isbns.append(value)
        elif tag == "SP":
            start = start or value
        elif tag == "EP":
            end = end or value
        elif field:
            if field == "note":
                notes.append(value)
            fields.append((field, value))
    if start and end:
        fields.append(("pages", f"{start}–{end}"))
    elif start:
        fields.append(("pagetotal" if kind in _BOOK_TYPES else "pages", start))
    fields += [("isbn", isbn) for isbn in labelled_isbns(isbns, "; ".join(notes))]
    return tuple(fields)


def _container(kind: str) -> str:
    if kind in _PART_TYPES:
        return "booktitle"
    if kind in _ARTICLE_TYPES:
        return "journal"
    return "series"


def _name(value: str) -> str:
    """"Family, Given" as written; a name without a comma is corporate (Zotero's rule)."""
    if "," not in value:
        return "{" + value + "}"
    family, given = value.split(",", 1)
    family, given = family.strip(), given.strip()
    return f"{family}, {given}" if given else family
