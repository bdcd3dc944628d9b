"""Providers: each builds requests for a batch of ISBNs and maps a response into
``CatalogueRecord``s. They know one catalogue's shapes, not HTTP retries or the cache."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from ...models import CatalogueRecord

# How findings and reports name each provider.
_LABELS = {"openlibrary": "Open Library", "googlebooks": "Google Books",
           "loc": "Library of Congress"}


def provider_label(name: str) -> str:
    """A provider's name for people: "openlibrary" -> "Open Library"."""
    return _LABELS.get(name, name)


class MalformedResponse(ValueError):
    """The body could not be parsed at all (truncated JSON, not XML): worth a retry,
    never worth caching."""


@dataclass(frozen=True, slots=True)
class Request:
    """A GET request: ``path`` below the provider's base URL, and query parameters."""

    path: str
    params: tuple[tuple[str, str], ...] = field(repr=False)  # may hold an API key
    isbns: tuple[str, ...]


class Provider(Protocol):
    """One catalogue. ``batch_size`` is how many ISBNs one request may carry."""

    name: str
    batch_size: int

    def build_request(self, isbns: Sequence[str]) -> Request:
        """The request that asks for ``isbns`` (at most ``batch_size``)."""
        ...

    def parse_response(self, body: bytes, request: Request,
                       retrieved_at: str) -> Mapping[str, CatalogueRecord | None]:
        """ISBN-13 -> its record, or None when the catalogue does not know it, for every
        ISBN of ``request``. Missing fields never raise; an unparsable body raises
        MalformedResponse."""
        ...
