"""CSL-JSON export: every reference as a CSL item, for Zotero and citeproc.

- Every reference becomes an item, parsed or not: an unparsed one is a ``document``
  whose title is the entry as written. Keys (``id``) are those of the BibTeX export.
- CSL has a variable for what Zotero's BibTeX import drops: ``number-of-volumes``
  (Zotero: # of Volumes) and ``number-of-pages`` (# of Pages). ``ISBN`` holds every
  valid ISBN separated by spaces; ``note`` (Zotero: Extra) says which volume each
  belongs to, which is the set's and which ISBNs as written are not valid.
- Names are ``{"family", "given"}`` (and ``"suffix"``, "Jr."); a corporate author is
  ``{"literal"}``. The year is
  ``issued.date-parts`` (a range "1993–1997" is two date parts); a year CSL cannot hold
  as a date ("2015a", "n.d.") is ``issued.literal``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Mapping
from typing import Any

from ..models import Name, Reference, ReferenceKind
from .records import UNPARSED_NOTE, isbn_field, isbn_note, keyed_references

_TYPES = {ReferenceKind.BOOK: "book", ReferenceKind.CHAPTER: "chapter",
          ReferenceKind.ARTICLE: "article-journal", ReferenceKind.OTHER: "document"}
_YEAR_RANGE = re.compile(r"^(\d{4})(?:–(\d{4}))?$")


def to_csl_json(references: Iterable[Reference], notes: Mapping[str, str] | None = None) -> str:
    """A CSL-JSON file (a list of items) holding every reference once, with unique ids.
    ``notes`` maps a reference id to more lines for its ``note`` (Zotero: Extra)."""
    items = []
    for key, reference in keyed_references(references):
        item = csl_item(key, reference)
        extra = notes.get(reference.id) if notes else None
        if extra:
            item["note"] = f"{item['note']}\n{extra}" if item.get("note") else extra
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def csl_item(key: str, reference: Reference) -> dict[str, Any]:
    """One CSL item; variables the reference does not give are left out."""
    if not reference.is_parsed:
        return {"id": key, "type": "document", "title": reference.raw, "note": UNPARSED_NOTE}
    item: dict[str, Any] = {"id": key, "type": _TYPES[reference.kind]}
    if reference.authors:
        item["author"] = [_name(n) for n in reference.authors]
    if reference.editors:
        item["editor"] = [_name(n) for n in reference.editors]
    container = reference.booktitle or reference.journal
    values = {
        "title": reference.title, "container-title": container,
        "collection-title": reference.series, "publisher": reference.publisher,
        "publisher-place": reference.address, "edition": reference.edition,
        "volume": reference.volume, "number-of-volumes": reference.volumes,
        "page": reference.pages, "number-of-pages": reference.pagetotal,
        "language": reference.language, "ISBN": isbn_field(reference),
        "note": isbn_note(reference),
    }
    item.update({k: v for k, v in values.items() if v})
    if reference.year:
        item["issued"] = _issued(reference.year)
    return item


def _name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    out = {}
    if name.family:
        out["family"] = name.family
    if name.given:
        out["given"] = name.given
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def _issued(year: str) -> dict[str, Any]:
    match = _YEAR_RANGE.match(year)
    if not match:
        return {"literal": year}
    parts = [[int(match.group(1))]]
    if match.group(2):
        parts.append([int(match.group(2))])
    return {"date-parts": parts}
