"""Library of Congress catalogue over SRU, Dublin Core records, one ISBN per request.

``GET /lcdb?version=1.1&operation=searchRetrieve&query=bath.isbn=X&recordSchema=dc``.
Many Chinese-language books are there. Elements are read by local name, so namespace
prefixes do not matter.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Mapping, Sequence

from ...models import CatalogueRecord
from . import MalformedResponse, Request
from .fields import pages, text, volume, year

# ISBD punctuation that catalogue records end fields with: "Stanford University Press,"
_TRAILING = re.compile(r"[\s/:;,.=]+$")


class LibraryOfCongressProvider:
    name = "loc"
    batch_size = 1

    def build_request(self, isbns: Sequence[str]) -> Request:
        return Request("/lcdb", (("version", "1.1"), ("operation", "searchRetrieve"),
                                 ("query", f"bath.isbn={isbns[0]}"),
                                 ("maximumRecords", "1"), ("recordSchema", "dc")),
                       (isbns[0],))

    def parse_response(self, body: bytes, request: Request,
                       retrieved_at: str) -> Mapping[str, CatalogueRecord | None]:
        try:
            root = ET.fromstring(body)
        except ET.ParseError:
            raise MalformedResponse("the Library of Congress sent a body that is not XML") \
                from None
        isbn = request.isbns[0]
        record = next((e for e in root.iter() if _local(e.tag) == "dc"), None)
        if record is None:
            # Only an SRU answer without a diagnostic says "not known"; an SRU error ("system
            # temporarily unavailable") or another XML page must not be cached as one.
            if (_local(root.tag) != "searchRetrieveResponse"
                    or any(_local(e.tag) == "diagnostic" for e in root.iter())):
                raise MalformedResponse("the Library of Congress sent no search result")
            return {isbn: None}
        fields: dict[str, list[str]] = {}
        for element in record:
            value = text(element.text)
            if value:
                fields.setdefault(_local(element.tag), []).append(value)
        title_field = _clean(_first(fields, "title"))
        title, subtitle = _split_title(title_field)
        publisher = _clean(_first(fields, "publisher"))
        if publisher and ":" in publisher:  # "Stanford, Calif. : Stanford University Press"
            publisher = _clean(publisher.split(":", 1)[1])
        extent = " ".join(fields.get("format", []) + fields.get("description", []))
        return {isbn: CatalogueRecord(
            provider=self.name, isbn13=isbn, title=title, subtitle=subtitle,
            authors=tuple(c for x in fields.get("creator", []) if (c := _clean(x))),
            publisher=publisher, year=year(_first(fields, "date")), pages=pages(extent),
            language=_first(fields, "language"), volume=volume(title_field, extent),
            retrieved_at=retrieved_at)}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _first(fields: dict[str, list[str]], name: str) -> str | None:
    values = fields.get(name)
    return values[0] if values else None


def _clean(value: str | None) -> str | None:
    return text(_TRAILING.sub("", value)) if value else None


def _split_title(value: str | None) -> tuple[str | None, str | None]:
    """MARC-style "Title : subtitle / statement of responsibility" -> title, subtitle."""
    if not value:
        return None, None
    main = value.split(" / ", 1)[0]
    title, _, subtitle = main.partition(" : ")
    return _clean(title), _clean(subtitle)
