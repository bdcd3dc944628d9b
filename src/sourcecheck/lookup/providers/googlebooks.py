"""Google Books: one ISBN per request, ``GET /books/v1/volumes?q=isbn:X`` (+ ``key``)."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from ...models import CatalogueRecord
from . import MalformedResponse, Request
from .fields import as_dict, as_list, pages, text, volume, year


class GoogleBooksProvider:
    name = "googlebooks"
    batch_size = 1

    def __init__(self, api_key: str | None = None) -> None:
        self._api_key = api_key

    def __repr__(self) -> str:  # never show the key
        return "GoogleBooksProvider()"

    def build_request(self, isbns: Sequence[str]) -> Request:
        params: tuple[tuple[str, str], ...] = (("q", f"isbn:{isbns[0]}"),)
        if self._api_key:
            params += (("key", self._api_key),)
        return Request("/books/v1/volumes", params, (isbns[0],))

    def parse_response(self, body: bytes, request: Request,
                       retrieved_at: str) -> Mapping[str, CatalogueRecord | None]:
        try:
            data = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            raise MalformedResponse("Google Books sent a body that is not JSON") from None
        if not isinstance(data, dict):
            raise MalformedResponse("Google Books sent JSON that is not an object")
        isbn = request.isbns[0]
        items = [as_dict(as_dict(item).get("volumeInfo")) for item in as_list(data.get("items"))]
        chosen = next((info for info in items if isbn in _isbns_of(info)), None)
        if chosen is None and len(items) == 1 and not _isbns_of(items[0]):
            chosen = items[0]  # the only hit lists no ISBN: nothing says it is another book
        return {isbn: self.record(isbn, chosen, retrieved_at) if chosen else None}

    def record(self, isbn: str, info: dict[str, Any], retrieved_at: str) -> CatalogueRecord:
        title, subtitle = text(info.get("title")), text(info.get("subtitle"))
        return CatalogueRecord(
            provider=self.name, isbn13=isbn, title=title, subtitle=subtitle,
            authors=tuple(a for x in as_list(info.get("authors")) if (a := text(x))),
            publisher=text(info.get("publisher")), year=year(info.get("publishedDate")),
            pages=pages(info.get("pageCount")), language=text(info.get("language")),
            volume=volume(title, subtitle), url=text(info.get("infoLink")),
            retrieved_at=retrieved_at)


def _isbns_of(info: dict[str, Any]) -> set[str]:
    """The ISBN-13s a volume lists (ISBN-10s converted), so a fuzzy hit for another
    book is not taken for this one."""
    from ... import isbn as isbn_maths

    found = set()
    for identifier in as_list(info.get("industryIdentifiers")):
        value = text(as_dict(identifier).get("identifier"))
        if value and isbn_maths.is_valid(value):
            found.add(isbn_maths.to_isbn13(value))
    return found
