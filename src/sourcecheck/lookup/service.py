"""Look up a whole run's ISBNs at once: cache first, then Open Library in batches, then
Google Books and the Library of Congress for what is still unknown.

An ISBN ends ``found`` (a record), ``not-found`` (every catalogue answered and none knows
it) or ``unavailable`` (some catalogue could not answer and none found it) — a failure is
never turned into "not found".
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from typing import TYPE_CHECKING

from .. import isbn as isbn_maths
from ..models import CatalogueRecord, LookupResult, LookupStatus
from .cache import LookupCache
from .config import LookupSettings
from .providers import Provider, Request
from .providers.googlebooks import GoogleBooksProvider
from .providers.loc import LibraryOfCongressProvider
from .providers.openlibrary import OpenLibraryProvider

if TYPE_CHECKING:
    from .transport import Transport

Progress = Callable[[str, int, int], None]  # (provider, ISBNs answered, ISBNs asked of it)
_Answers = dict[str, CatalogueRecord | None]


@dataclass(frozen=True, slots=True)
class ProviderSlot:
    """A provider with where it lives and how fast it may be asked."""

    provider: Provider
    base_url: str
    rate: float


def default_slots(settings: LookupSettings) -> list[ProviderSlot]:
    """The catalogues ``settings.providers`` names, in its order (by default Open
    Library, then Google Books, then the Library of Congress)."""
    slots = {
        "openlibrary": ProviderSlot(OpenLibraryProvider(), settings.openlibrary_url,
                                    settings.openlibrary_rate),
        "googlebooks": ProviderSlot(GoogleBooksProvider(settings.googlebooks_key),
                                    settings.googlebooks_url, settings.googlebooks_rate),
        "loc": ProviderSlot(LibraryOfCongressProvider(), settings.loc_url, settings.loc_rate),
    }
    return [slots[name] for name in settings.providers]


class CatalogueService:
    """Asks the providers in order, each only for what the ones before did not find."""

    def __init__(self, settings: LookupSettings, cache: LookupCache,
                 transport: Transport | None = None,
                 slots: Sequence[ProviderSlot] | None = None) -> None:
        self.settings = settings
        self.cache = cache
        self._transport = transport
        self.slots = list(slots) if slots is not None else default_slots(settings)

    @property
    def transport(self) -> Transport:
        """The HTTP transport, made on first use (an offline or warm run never loads the
        HTTP stack)."""
        if self._transport is None:
            from .transport import Transport

            self._transport = Transport(self.settings)
        return self._transport

    def close(self) -> None:
        if self._transport is not None:
            self._transport.close()
        self.cache.close()

    def lookup(self, numbers: Iterable[str], progress: Progress | None = None,
               probes: Iterable[str] = ()) -> dict[str, LookupResult]:
        """Results keyed by ISBN-13 for every valid number given (any written form);
        invalid numbers are left out. ``probes`` are asked only of providers that take
        many ISBNs per request (they ride along in batches; one request each would cost
        more than the hint they serve)."""
        wanted = _isbn13s(numbers)
        wanted_set = set(wanted)
        extra = [n for n in _isbn13s(probes) if n not in wanted_set]
        found: dict[str, CatalogueRecord] = {}
        unavailable: set[str] = set()  # some provider could not answer
        for slot in self.slots:
            asked = [*wanted, *extra] if slot.provider.batch_size > 1 else wanted
            pending = [i for i in asked if i not in found]
            if not pending:
                break
            answers, failed = self._ask(slot, pending, progress)
            found.update({i: r for i, r in answers.items() if r is not None})
            unavailable |= failed
        results = {}
        for number in [*wanted, *extra]:
            if number in found:
                results[number] = LookupResult(number, LookupStatus.FOUND, found[number])
            elif number in unavailable:
                results[number] = LookupResult(number, LookupStatus.UNAVAILABLE)
            else:
                results[number] = LookupResult(number, LookupStatus.NOT_FOUND)
        return results

    def _ask(self, slot: ProviderSlot, isbns: list[str],
             progress: Progress | None = None) -> tuple[_Answers, set[str]]:
        """One provider's answers (cache, then network) and the ISBNs it could not
        answer."""
        name = slot.provider.name
        answers: _Answers = dict(self.cache.get_many(name, isbns))
        missing = [i for i in isbns if i not in answers]
        if not missing:
            return answers, set()
        if self.settings.offline or self.transport.is_down(slot.base_url):
            return answers, set(missing)
        size = slot.provider.batch_size
        batches = [missing[i:i + size] for i in range(0, len(missing), size)]
        failed: set[str] = set()
        fresh: _Answers = {}
        with ThreadPoolExecutor(max_workers=max(1, self.settings.workers)) as pool:
            done = 0
            for batch, (batch_answers, batch_failed) in zip(
                    batches, pool.map(partial(self._ask_batch, slot), batches), strict=True):
                fresh.update(batch_answers)
                failed |= batch_failed
                done += len(batch)
                if progress:
                    progress(name, done, len(missing))
        self.cache.put_many(name, fresh)
        answers.update(fresh)
        return answers, failed

    def _ask_batch(self, slot: ProviderSlot, isbns: list[str]) -> tuple[_Answers, set[str]]:
        """Answers for one batch; a batch the server rejects as too long is halved."""
        request = slot.provider.build_request(isbns)
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        from .transport import Fetched

        outcome = self.transport.fetch(slot.base_url, request.path, request.params,
                                       slot.rate, partial(_parse, slot.provider, request, stamp))
        if isinstance(outcome, Fetched):
            return outcome.value, set()
        if outcome.reason == "too-long" and len(isbns) > 1:
            half = len(isbns) // 2
            first, first_failed = self._ask_batch(slot, isbns[:half])
            second, second_failed = self._ask_batch(slot, isbns[half:])
            return {**first, **second}, first_failed | second_failed
        return {}, set(isbns)


def _isbn13s(numbers: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(isbn_maths.to_isbn13(n) for n in numbers
                              if isbn_maths.is_valid(n)))


def _parse(provider: Provider, request: Request, stamp: str, body: bytes) -> _Answers:
    return dict(provider.parse_response(body, request, stamp))

