"""A reference's fields under their BibTeX names: the one mapping that the JSON report
("fields") and the exports share."""

from __future__ import annotations

from .models import Name, Reference


def name_text(name: Name) -> str:
    """"Family, Given", or the corporate name as written."""
    return name.inverted()


def reference_fields(reference: Reference) -> dict[str, str | list[str] | None]:
    """author, editor, title, booktitle, journal, year, edition, volume, volumes, pages,
    pagetotal, publisher, address, series, isbn — None (or []) where the entry gives nothing."""
    return {
        "author": [name_text(n) for n in reference.authors],
        "editor": [name_text(n) for n in reference.editors],
        "title": reference.title,
        "booktitle": reference.booktitle,
        "journal": reference.journal,
        "year": reference.year,
        "edition": reference.edition,
        "volume": reference.volume,
        "volumes": reference.volumes,
        "pages": reference.pages,
        "pagetotal": reference.pagetotal,
        "publisher": reference.publisher,
        "address": reference.address,
        "series": reference.series,
        "isbn": [i.isbn13 or i.raw for i in reference.isbns],
    }
