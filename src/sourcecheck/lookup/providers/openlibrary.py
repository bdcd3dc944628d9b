"""Open Library's books API: many ISBNs per request.

``GET /api/books?bibkeys=ISBN:a,ISBN:b&format=json&jscmd=data`` answers one JSON object
keyed by the bibkeys it knows; an ISBN it does not know is simply absent.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ...models import CatalogueRecord
from . import MalformedResponse, Request
from .fields import as_dict, as_list, pages, text, volume, year


class OpenLibraryProvider:
    name = "openlibrary"
    batch_size = 100

    def build_request(self, isbns: Sequence[str]) -> Request:
        bibkeys = ",".join(f"ISBN:{isbn}" for isbn in isbns)
        return Request("/api/books", (("bibkeys", bibkeys), ("format", "json"),
                                      ("jscmd", "data")), tuple(isbns))

    def parse_response(self, body: bytes, request: Request,
                       retrieved_at: str) -> Mapping[str, CatalogueRecord | None]:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise MalformedResponse("Open Library sent a body that is not JSON") from None
        if not isinstance(data, dict):
            raise MalformedResponse("Open Library sent JSON that is not an object")
        return {isbn: self.record(isbn, data.get(f"ISBN:{isbn}"), retrieved_at)
                for isbn in request.isbns}

    def record(self, isbn: str, entry: object, retrieved_at: str) -> CatalogueRecord | None:
        """The record of one bibkey's entry; None when the entry is missing or empty."""
        if not isinstance(entry, dict) or not entry:
            return None
        title = text(entry.get("title"))
        subtitle = text(entry.get("subtitle"))
        authors = tuple(name for a in as_list(entry.get("authors"))
                        if (name := text(as_dict(a).get("name"))))
        publishers = [name for p in as_list(entry.get("publishers"))
                      if (name := text(as_dict(p).get("name")))]
        languages = [text(as_dict(x).get("key")) for x in as_list(entry.get("languages"))]
        language = languages[0].rsplit("/", 1)[-1] if languages and languages[0] else None
        return CatalogueRecord(
            provider=self.name, isbn13=isbn, title=title, subtitle=subtitle, authors=authors,
            publisher=publishers[0] if publishers else None,
            year=year(entry.get("publish_date")),
            pages=pages(entry.get("number_of_pages")) or pages(entry.get("pagination")),
            language=language, volume=volume(title, subtitle),
            url=text(entry.get("url")), retrieved_at=retrieved_at)
