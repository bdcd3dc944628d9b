"""Structured entries to references: the fields a template or a BibTeX, RIS or CSL-JSON
record already names need no parsing, only normalizing.

Readers of structured formats hand over (BibTeX field name, value) pairs; this module
turns them into the same ``Reference`` the text parser makes, so every later stage (keys,
resolution, checks, exports) treats both alike. ISBNs still go through the ISBN-list
rules, so "(pbk.)", "(set)" and volume labels mean the same in a template as in text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import replace

from ..models import Identifier, Name, RawEntry, Reference, ReferenceKind
from .fields import YEAR_CORE, normalize_edition, normalize_pages, normalize_year
from .isbn_list import extract_isbns
from .names import parse_name

# A date field is ISO-like ("2003-05-01") or a year range: only a four-digit end is a range.
_YEAR = re.compile(rf"{YEAR_CORE}(?:\s*[–-]\s*{YEAR_CORE})?[a-z]?(?!\d)")

# A source's own type names (BibTeX, biblatex, CSL, RIS) -> our kinds.
_KINDS = {
    "book": ReferenceKind.BOOK, "mvbook": ReferenceKind.BOOK, "booklet": ReferenceKind.BOOK,
    "manual": ReferenceKind.BOOK, "thesis": ReferenceKind.BOOK, "phdthesis": ReferenceKind.BOOK,
    "mastersthesis": ReferenceKind.BOOK, "BOOK": ReferenceKind.BOOK,
    "collection": ReferenceKind.BOOK, "proceedings": ReferenceKind.BOOK,
    "EBOOK": ReferenceKind.BOOK, "EDBOOK": ReferenceKind.BOOK, "THES": ReferenceKind.BOOK,
    "paper-conference": ReferenceKind.CHAPTER, "entry-encyclopedia": ReferenceKind.CHAPTER,
    "ECHAP": ReferenceKind.CHAPTER, "CONF": ReferenceKind.CHAPTER,
    "CPAPER": ReferenceKind.CHAPTER, "EJOUR": ReferenceKind.ARTICLE,
    "inbook": ReferenceKind.CHAPTER, "incollection": ReferenceKind.CHAPTER,
    "inproceedings": ReferenceKind.CHAPTER, "chapter": ReferenceKind.CHAPTER,
    "CHAP": ReferenceKind.CHAPTER,
    "article": ReferenceKind.ARTICLE, "article-journal": ReferenceKind.ARTICLE,
    "article-magazine": ReferenceKind.ARTICLE, "article-newspaper": ReferenceKind.ARTICLE,
    "JOUR": ReferenceKind.ARTICLE, "MGZN": ReferenceKind.ARTICLE, "NEWS": ReferenceKind.ARTICLE,
    # what sourcecheck's exports call a reference of no known kind
    "misc": ReferenceKind.OTHER, "GEN": ReferenceKind.OTHER, "document": ReferenceKind.OTHER,
}


def reference_from_entry(entry: RawEntry) -> Reference:
    """The reference a structured entry describes. Never raises on odd values.

    Field names are BibTeX's (``author``, ``title``, ``address`` …); ``subtitle`` is
    joined to the title with ": ", ``date`` gives the year when ``year`` is missing,
    ``pagetotal`` is the book's number of pages,
    ``isbn`` may hold several ISBNs with qualifiers. Unknown fields are ignored here (the
    raw text keeps them). Location, section and lines are the entry's.
    """
    values: dict[str, str] = {}
    authors: list[Name] = []
    editors: list[Name] = []
    isbn_texts: list[str] = []
    for name, value in entry.fields:
        value = " ".join(value.split())
        if not value:
            continue
        if name == "author":
            authors.append(_name(value))
        elif name == "editor":
            editors.append(_name(value))
        elif name == "isbn":
            isbn_texts.append(value)
        else:
            values.setdefault(name, value)
    title = values.get("title")
    if title:  # "Decisive encounters : the …" is spelled as the text parser spells it
        title = re.sub(r"\s+:", ":", title)
    if title and values.get("subtitle"):
        title = f"{title}: {values['subtitle']}"
    year = values.get("year") or _year_of(values.get("date"))
    identifiers = tuple(_identifiers(entry.text, isbn_texts))
    volumes = values.get("volumes")
    numbered = {i.volume for i in identifiers if i.volume}
    if volumes is None and len(numbered) > 1:
        volumes = str(len(numbered))
    reference = Reference(
        id="", kind=ReferenceKind.OTHER, raw=entry.text, location=entry.location,
        section=entry.section, authors=tuple(authors), editors=tuple(editors), title=title,
        year=normalize_year(year) if year else None,
        edition=normalize_edition(values["edition"]) if "edition" in values else None,
        publisher=values.get("publisher"), address=values.get("address"),
        volumes=volumes, volume=values.get("volume"), series=values.get("series"),
        pages=normalize_pages(values["pages"]) if "pages" in values else None,
        pagetotal=values.get("pagetotal"),
        booktitle=values.get("booktitle"), journal=values.get("journal"),
        language=values.get("language"), identifiers=identifiers, lines=entry.lines,
    )
    if not reference.is_parsed:
        return reference
    return _with_kind(reference, entry.kind)


def _name(value: str) -> Name:
    """"Family, Given" or a name in natural order; a braced name is corporate, kept whole."""
    if value.startswith("{") and value.endswith("}"):
        return Name(literal=value[1:-1].strip())
    return parse_name(value)


def _year_of(date: str | None) -> str | None:
    if not date:
        return None
    match = _YEAR.search(date)
    return match.group() if match else None


def _identifiers(raw: str, isbn_texts: Iterable[str]) -> list[Identifier]:
    """ISBNs of the isbn fields, with offsets into ``raw`` where the number is written
    there (so findings point at it), else 0."""
    found: list[Identifier] = []
    for text in isbn_texts:
        labelled = text if re.match(r"\s*ISBN", text, re.I) else f"ISBN {text}"
        identifiers, _ = extract_isbns(labelled)
        for identifier in identifiers:
            at = raw.find(identifier.raw)
            found.append(replace(identifier, offset=max(at, 0)))
    return found


def _with_kind(reference: Reference, source_kind: str | None) -> Reference:
    kind = _KINDS.get(source_kind or "") or _KINDS.get((source_kind or "").lower())
    if kind is None:
        if reference.journal:
            kind = ReferenceKind.ARTICLE
        elif reference.booktitle:
            kind = ReferenceKind.CHAPTER
        else:
            kind = ReferenceKind.BOOK
    return replace(reference, kind=kind)


