"""Structured entries (templates, BibTeX/RIS/CSL-JSON records) and format detection."""

from __future__ import annotations

import pytest

from sourcecheck.models import DocumentFormat, Location, Qualifier, RawEntry, ReferenceKind, Section
from sourcecheck.parsing.structured import reference_from_entry
from sourcecheck.reading import bytes_reader, text_reader
from sourcecheck.reading.formats import detect_format

HERE = Location("doc.wiki", 7, 3)


def entry(fields: list[tuple[str, str]], kind: str | None = None, text: str = "raw") -> RawEntry:
    return RawEntry(text, HERE, Section.BIBLIOGRAPHY, fields=tuple(fields), kind=kind)


def test_fields_become_a_reference_with_the_entry_location() -> None:
    reference = reference_from_entry(entry([
        ("author", "Westad, Odd Arne"), ("title", "Decisive Encounters"),
        ("subtitle", "The Chinese Civil War, 1946–1950"), ("date", "2003-05"),
        ("publisher", "Stanford University Press"), ("address", "Stanford"),
        ("isbn", "978-0-8047-4484-3"), ("edition", "1st Edition"),
    ], kind="book", text="{{cite book |last=Westad |isbn=978-0-8047-4484-3}}"))
    assert reference.kind is ReferenceKind.BOOK
    assert reference.location == HERE
    assert reference.raw.startswith("{{cite book")
    assert [n.family for n in reference.authors] == ["Westad"]
    assert reference.title == "Decisive Encounters: The Chinese Civil War, 1946–1950"
    assert reference.year == "2003"
    assert reference.edition == "1"
    assert reference.isbns[0].isbn13 == "9780804744843"
    assert reference.isbns[0].offset == reference.raw.index("978-0-8047")


def test_isbn_field_keeps_volume_labels_and_qualifiers() -> None:
    reference = reference_from_entry(entry([
        ("author", "Tang, Yijie"), ("title", "Ru Zang"),
        ("isbn", "7-80021-719-1 (Volume 1), 7800219615 (Volume 2); 9780521498814 (set)"),
    ]))
    assert [i.volume for i in reference.isbns] == ["1", "2", None]
    assert reference.isbns[2].qualifier is Qualifier.SET
    assert reference.volumes == "2"


@pytest.mark.parametrize(("fields", "kind", "expected"), [
    ([("title", "A"), ("journal", "J")], None, ReferenceKind.ARTICLE),
    ([("title", "A"), ("booktitle", "B")], None, ReferenceKind.CHAPTER),
    ([("title", "A")], "incollection", ReferenceKind.CHAPTER),
    ([("title", "A")], "JOUR", ReferenceKind.ARTICLE),
    ([("title", "A")], None, ReferenceKind.BOOK),
    ([("note", "only a note")], "book", ReferenceKind.OTHER),
], ids=["journal", "booktitle", "bibtex-type", "ris-type", "default", "nothing-parsed"])
def test_kind_from_source_type_or_fields(fields: list[tuple[str, str]], kind: str | None,
                                         expected: ReferenceKind) -> None:
    assert reference_from_entry(entry(fields, kind)).kind is expected


def test_braced_author_is_corporate() -> None:
    reference = reference_from_entry(entry([("author", "{Committee on Chinese History}"),
                                            ("title", "T")]))
    assert reference.authors[0].literal == "Committee on Chinese History"


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("a.txt", b"Plain text\n", DocumentFormat.TEXT),
    ("a.md", b"# Title\n", DocumentFormat.MARKDOWN),
    ("a.txt", b"<!DOCTYPE html><html>", DocumentFormat.HTML),
    ("a", b"@book{westad2003,\n title={x}}", DocumentFormat.BIBTEX),
    ("a.txt", b"TY  - BOOK\nTI  - x\n", DocumentFormat.RIS),
    ("a.json", b'[{"id": "x", "type": "book"}]', DocumentFormat.CSL_JSON),
    ("a.txt", b"Text.<ref>{{cite book |title=x}}</ref>", DocumentFormat.WIKITEXT),
    ("a.docx", b"not a zip at all", DocumentFormat.TEXT),
    ("a.txt", b"PK\x03\x04rest", DocumentFormat.DOCX),
    ("a.wiki", b"Text", DocumentFormat.WIKITEXT),
], ids=["txt", "md-suffix", "html-in-txt", "bib-no-suffix", "ris-in-txt", "csl-json",
        "wikitext-in-txt", "docx-that-is-text", "zip-in-txt", "wiki-suffix"])
def test_format_by_suffix_and_content(name: str, head: bytes, expected: DocumentFormat) -> None:
    assert detect_format(name, head) is expected


@pytest.mark.parametrize("document_format", list(DocumentFormat), ids=str)
def test_every_format_has_a_reader_that_loads(document_format: DocumentFormat) -> None:
    reader = bytes_reader(document_format) or text_reader(document_format)
    assert callable(reader)
    expected = document_format.value.replace("-", "_").replace("docx", "word")
    assert reader.__module__.rsplit(".", 1)[-1] == expected
