"""What every export shares: one key per written record, and the note that spells out
what a format's ISBN field cannot say.

Zotero keeps one ISBN field holding several ISBNs separated by spaces, but not which
volume each belongs to, which one is the set's, or an ISBN as written that is not valid.
``isbn_note`` says those things in words (the readers in ``reading/records.py`` read
them back), and ``isbn_field`` is the field itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from .. import isbn
from ..fieldmap import reference_fields
from ..models import Qualifier, Reference

UNPARSED_NOTE = "sourcecheck could not parse this entry; the title is the entry as written"


def keyed_references(references: Iterable[Reference]) -> list[tuple[str, Reference]]:
    """(unique key, reference) for every reference to write, in order.

    Keys are the references' ids, made unique in the file with "-1", "-2" …; the same
    reference met again in another document (same id and text, or same id and fields)
    is written once.
    """
    out: list[tuple[str, Reference]] = []
    seen: set[tuple[str, str]] = set()
    written: dict[str, tuple[object, ...]] = {}
    for reference in references:
        if (reference.id, reference.raw) in seen:
            continue
        seen.add((reference.id, reference.raw))
        key = reference.id or "ref"
        signature = (reference.kind, reference.is_parsed, reference.language,
                     reference.raw if not reference.is_parsed else None,
                     tuple((i.isbn13 or i.raw, i.volume, i.qualifier) for i in reference.isbns),
                     *((k, str(v)) for k, v in reference_fields(reference).items()))
        if written.get(key) == signature:
            continue
        unique, n = key, 0
        while unique in written:
            n += 1
            unique = f"{key}-{n}"
        written[unique] = signature
        out.append((unique, reference))
    return out


def isbn_field(reference: Reference) -> str | None:
    """Every valid ISBN, hyphenated ISBN-13, separated by spaces (as Zotero keeps them)."""
    valid = [i.isbn13 for i in reference.isbns if i.isbn13]
    return " ".join(isbn.hyphenate(v) or v for v in valid) or None


def isbn_note(reference: Reference, with_volumes: bool = False) -> str | None:
    """Per-volume ISBNs, set and binding ISBNs, and ISBNs that are not valid, in words;
    with ``with_volumes`` also the number of volumes (for formats that drop it)."""
    parts = []
    if with_volumes and reference.volumes:
        parts.append(f"{reference.volumes} volumes")
    for identifier in reference.isbns:
        if identifier.isbn13 is None:
            label = f" ({identifier.label})" if identifier.label else ""
            parts.append(f"ISBN as written, not valid: {identifier.raw}{label}")
        elif identifier.volume:
            parts.append(f"vol. {identifier.volume}: ISBN {isbn.hyphenate(identifier.isbn13)}")
        elif identifier.qualifier in (Qualifier.SET, Qualifier.PBK, Qualifier.HBK,
                                      Qualifier.EBOOK):
            parts.append(f"ISBN {isbn.hyphenate(identifier.isbn13)} ({identifier.qualifier})")
    return "; ".join(parts) if parts else None
