"""An in-memory catalogue for tests that need look-up answers without any HTTP."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sourcecheck import isbn
from sourcecheck.models import CatalogueRecord, LookupResult, LookupStatus


class FakeCatalogue:
    """Knows ``records``; answers "unavailable" for ``unavailable``; "not found" else.

    ``asked`` keeps every batch of numbers it was asked for.
    """

    def __init__(self, records: Iterable[CatalogueRecord],
                 unavailable: Iterable[str] = ()) -> None:
        self.records = {r.isbn13: r for r in records}
        self.unavailable = {isbn.to_isbn13(n) for n in unavailable}
        self.asked: list[list[str]] = []

    def lookup(self, numbers: Iterable[str],
               progress: Callable[[str, int, int], None] | None = None,
               probes: Iterable[str] = ()) -> dict[str, LookupResult]:
        wanted = [isbn.to_isbn13(n) for n in [*numbers, *probes] if isbn.is_valid(n)]
        self.asked.append(wanted)
        results = {}
        for number in wanted:
            if number in self.records:
                results[number] = LookupResult(number, LookupStatus.FOUND, self.records[number])
            elif number in self.unavailable:
                results[number] = LookupResult(number, LookupStatus.UNAVAILABLE)
            else:
                results[number] = LookupResult(number, LookupStatus.NOT_FOUND)
        if progress:
            progress("fake", len(wanted), len(wanted))
        return results


# Records as a catalogue gives them (fixture data for the tests, in the shape of Open
# Library's answers).
WESTAD_RECORD = CatalogueRecord(
    provider="openlibrary", isbn13="9780804744782", title="Decisive encounters",
    subtitle="the Chinese Civil War, 1946-1950", authors=("Odd Arne Westad",),
    publisher="Stanford University Press", year="2003", pages=413)
TANNER_RECORD = CatalogueRecord(
    provider="openlibrary", isbn13="9780253016997", title="Where Chiang Kai-shek Lost China",
    subtitle="The Liao-Shen Campaign, 1948", authors=("Harold M. Tanner",),
    publisher="Indiana University Press", year="2015", pages=368)
TAYLOR_RECORD = CatalogueRecord(
    provider="googlebooks", isbn13="9780674033382", title="The Generalissimo",
    subtitle="Chiang Kai-shek and the Struggle for Modern China", authors=("Jay Taylor",),
    publisher="Harvard University Press", year="2009", pages=722)
TANG_VOLUME_2 = CatalogueRecord(
    provider="loc", isbn13="9787800219610",
    title="History of Chinese People's Liberation Army in Chinese Liberation War, Volume 2",
    authors=("Tang, Yilu", "Bi, Jianzhong"), publisher="Military Scientific Publishing House",
    year="1994", pages=520, volume="2")
