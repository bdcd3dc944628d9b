"""RIS export: every reference as an RIS record, tagged as Zotero's RIS translator reads
and writes them (``RIS.js``).

- ``TY`` is ``BOOK``, ``CHAP``, ``JOUR``, or ``GEN`` for an entry that could not be
  parsed (its title is the entry as written). ``ID`` is the key of the BibTeX export.
- ``AU`` "Family, Given" per author; a corporate author is written whole and without a
  comma, which is how Zotero recognises one. Editors are ``A3`` of a book, ``A2`` of a
  chapter or article.
- ``T2`` is a chapter's book title, an article's journal, a book's series; ``T3`` is the
  series of a chapter or article.
- ``SN`` holds every valid ISBN on one line, separated by spaces: Zotero keeps the first
  value of a repeated tag and drops the rest. ``NV`` is the number of volumes (``IS`` for
  a chapter, as Zotero has it), ``VL`` the volume, ``ET`` the edition, ``CY`` the place,
  ``PB`` the publisher, ``PY`` the year. ``SP`` alone is a book's number of pages;
  ``SP``/``EP`` a page range. ``N1`` (a Zotero note) says which volume each ISBN belongs
  to, which is the set's and which ISBNs as written are not valid.
- Every value is one line: line breaks inside a value become spaces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..models import Name, Reference, ReferenceKind
from .records import UNPARSED_NOTE, isbn_field, isbn_note, keyed_references

_TYPES = {ReferenceKind.BOOK: "BOOK", ReferenceKind.CHAPTER: "CHAP",
          ReferenceKind.ARTICLE: "JOUR", ReferenceKind.OTHER: "GEN"}
_RANGE = re.compile(r"^\s*(?P<start>[^–—-]+?)\s*[–—-]+\s*(?P<end>.+?)\s*$")


def to_ris(references: Iterable[Reference]) -> str:
    """An RIS file holding every reference once, with unique ``ID``s."""
    records = [ris_record(key, reference) for key, reference in keyed_references(references)]
    return "".join(_lines(record) + "\n" for record in records)


def ris_record(key: str, reference: Reference) -> list[tuple[str, str]]:
    """(tag, value) pairs of one record, ``TY`` first and ``ER`` last."""
    if not reference.is_parsed:
        return [("TY", "GEN"), ("ID", key), ("TI", reference.raw), ("N1", UNPARSED_NOTE),
                ("ER", "")]
    kind = reference.kind
    tags: list[tuple[str, str]] = [("TY", _TYPES[kind]), ("ID", key)]
    tags += [("AU", _name(n)) for n in reference.authors]
    editor_tag = "A3" if kind is ReferenceKind.BOOK else "A2"
    tags += [(editor_tag, _name(n)) for n in reference.editors]

    def add(tag: str, value: str | None) -> None:
        if value:
            tags.append((tag, value))

    add("TI", reference.title)
    if kind is ReferenceKind.BOOK:
        add("T2", reference.series)
    else:
        add("T2", reference.booktitle if kind is ReferenceKind.CHAPTER else reference.journal)
        add("T3", reference.series)
    add("PY", reference.year)
    add("ET", reference.edition)
    add("VL", reference.volume)
    add("IS" if kind is ReferenceKind.CHAPTER else "NV", reference.volumes)
    tags += _pages(reference)
    add("PB", reference.publisher)
    add("CY", reference.address)
    add("LA", reference.language)
    add("SN", isbn_field(reference))
    add("N1", isbn_note(reference))
    tags.append(("ER", ""))
    return tags


def _pages(reference: Reference) -> list[tuple[str, str]]:
    """SP/EP for a page range; a book's SP alone is its number of pages (Zotero's rule)."""
    tags: list[tuple[str, str]] = []
    if reference.pages:
        match = _RANGE.match(reference.pages)
        if match:
            tags += [("SP", match["start"]), ("EP", match["end"])]
        elif reference.kind is not ReferenceKind.BOOK:
            tags.append(("SP", reference.pages))
        else:  # one page number of a book would read back as its length: say it in words
            tags.append(("N1", f"page {reference.pages}"))
    if reference.pagetotal and reference.kind is ReferenceKind.BOOK and not tags:
        tags.append(("SP", reference.pagetotal))
    elif reference.pagetotal:
        tags.append(("N1", f"{reference.pagetotal} pages"))
    return tags


def _name(name: Name) -> str:
    if name.literal:
        return name.literal
    if name.family and name.given:
        # RIS: "Lastname, Firstname, Suffix"
        return f"{name.family}, {name.given}" + (f", {name.suffix}" if name.suffix else "")
    return f"{name.family or name.given},"  # a comma: one person, not a corporate author


def _lines(tags: list[tuple[str, str]]) -> str:
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in tags)
