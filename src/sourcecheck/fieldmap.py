"""A reference's fields under their BibTeX names: the one mapping that the JSON report
("fields") and the exports share."""

from __future__ import annotations

from .models import Name, Reference


def name_text(name: Name) -> str:
    """"Family, Given", or the corporate name as written."""
    return name.inverted()


def reference_fields(reference: Reference) -> dict[str, str | list[str] | None]:
    """author, editor, title, booktitle, journal, year, edition, volume, volumes, pages,
    pagetotal, publisher, address, series, isbn — None (or []) where the entry gives nothing.

    The same mapping as ``Reference.fields`` (which the public ``parse_reference``
    gives its callers)."""
    return reference.fields
