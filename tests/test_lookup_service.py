"""Look-ups against a catalogue server on 127.0.0.1 that the tests start and stop: batching,
the cache, 429s, 5xx, hangs, truncated JSON, resets, long batches, unreachable hosts."""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator
from pathlib import Path

import pytest

from sourcecheck.lookup.cache import LookupCache
from sourcecheck.lookup.config import LookupSettings
from sourcecheck.lookup.service import CatalogueService
from sourcecheck.models import LookupStatus, VerificationStatus
from sourcecheck.pipeline import check_files, discover

from .catalogue_server import Book, CatalogueServer, Faults, make_books, make_isbn
from .conftest import REFERENCES

BOOKS = make_books(250)
UNKNOWN = make_isbn(900)


@pytest.fixture
def server() -> Iterator[CatalogueServer]:
    with CatalogueServer(dict(BOOKS), Faults(hang_seconds=2.0)) as running:
        yield running


def _settings(url: str, **changes: object) -> LookupSettings:
    values: dict[str, object] = {
        "openlibrary_url": url, "googlebooks_url": url, "loc_url": url, "timeout": 0.2,
        "connect_timeout": 0.3, "backoff": 0.01, "openlibrary_rate": 1000.0,
        "googlebooks_rate": 1000.0, "loc_rate": 1000.0, **changes}
    return LookupSettings(**values)  # type: ignore[arg-type]


def _service(url: str, cache_dir: Path, **changes: object) -> CatalogueService:
    return CatalogueService(_settings(url, **changes), LookupCache(cache_dir))


def test_batches_of_100_then_a_warm_run_sends_nothing(server: CatalogueServer,
                                                      tmp_path: Path) -> None:
    isbns = list(BOOKS)
    results = _service(server.url, tmp_path).lookup(isbns)
    assert [results[i].status for i in isbns] == [LookupStatus.FOUND] * len(isbns)
    assert server.requests["/api/books"] == 3
    assert sorted(server.bibkeys_per_request) == [50, 100, 100]
    assert server.requests["/books/v1/volumes"] == 0
    record = results[isbns[7]].record
    assert record is not None and (record.title, record.pages) == ("Book number 7", 207)
    warm = _service(server.url, tmp_path)
    again = warm.lookup(isbns)
    assert again == results
    assert warm.transport.requests_sent == 0 and server.total_requests == 3


def test_unknown_isbn_asks_every_provider_once_and_caches_the_miss(server: CatalogueServer,
                                                                    tmp_path: Path) -> None:
    results = _service(server.url, tmp_path).lookup([UNKNOWN])
    assert results[UNKNOWN].status is LookupStatus.NOT_FOUND
    assert server.requests == {"/api/books": 1, "/books/v1/volumes": 1, "/lcdb": 1}
    assert _service(server.url, tmp_path).lookup([UNKNOWN]) == results
    assert server.total_requests == 3


def test_google_books_and_loc_find_what_open_library_lacks(tmp_path: Path) -> None:
    in_loc = Book("Zhongguo ren min jie fang jun quan guo jie fang zhan zheng shi",
                  authors=("Tang, Yilu",), year="1993", pages=520)
    books = {make_isbn(1): Book("In Google Books", pages=100), make_isbn(2): in_loc,
             make_isbn(3): Book("In Open Library")}
    with CatalogueServer(books) as running:
        running.hidden = {"/api/books": {make_isbn(1), make_isbn(2)},
                          "/books/v1/volumes": {make_isbn(2)}}
        results = _service(running.url, tmp_path).lookup(list(books))
        asked = dict(running.requests)
    providers = {i: r.record.provider for i, r in results.items() if r.record}
    assert providers == {make_isbn(1): "googlebooks", make_isbn(2): "loc",
                         make_isbn(3): "openlibrary"}
    assert asked == {"/api/books": 1, "/books/v1/volumes": 2, "/lcdb": 1}
    record = results[make_isbn(2)].record
    assert record is not None and record.pages == 520 and record.authors == ("Tang, Yilu",)


def test_checksum_candidates_ride_along_in_batches_only(server: CatalogueServer,
                                                       tmp_path: Path) -> None:
    known, also_known, probe = *list(BOOKS)[:2], make_isbn(901)
    results = _service(server.url, tmp_path).lookup([known], probes=[probe, also_known])
    assert results[known].status is LookupStatus.FOUND
    assert results[also_known].status is LookupStatus.FOUND
    assert results[probe].status is LookupStatus.NOT_FOUND
    assert server.requests == {"/api/books": 1}  # no one-ISBN request for a probe


@pytest.mark.parametrize("script", [
    pytest.param(["429", "429"], id="429-without-retry-after"),
    pytest.param(["500", "503"], id="5xx"),
    pytest.param(["hang"], id="hang"),
    pytest.param(["truncated", "truncated"], id="truncated-json"),
    pytest.param(["reset"], id="connection-reset"),
])
def test_faults_are_retried_until_the_answer_comes(script: list[str], server: CatalogueServer,
                                                   tmp_path: Path) -> None:
    server.faults.script = deque(script)
    isbns = list(BOOKS)[:10]
    results = _service(server.url, tmp_path).lookup(isbns)
    assert all(results[i].status is LookupStatus.FOUND for i in isbns)
    assert server.requests["/api/books"] == len(script) + 1


def test_failures_are_unavailable_and_never_cached(server: CatalogueServer,
                                                   tmp_path: Path) -> None:
    server.faults.script = deque(["truncated"] * 20)
    isbns = list(BOOKS)[:5]
    results = _service(server.url, tmp_path, retries=1).lookup(isbns)
    assert {results[i].status for i in isbns} == {LookupStatus.UNAVAILABLE}
    server.faults.script.clear()
    again = _service(server.url, tmp_path).lookup(isbns)
    assert {again[i].status for i in isbns} == {LookupStatus.FOUND}


def test_a_batch_rejected_as_too_long_is_split(server: CatalogueServer, tmp_path: Path) -> None:
    server.faults.max_bibkeys = 30
    isbns = list(BOOKS)[:100]
    results = _service(server.url, tmp_path).lookup(isbns)
    assert all(results[i].status is LookupStatus.FOUND for i in isbns)
    assert max(n for n in server.bibkeys_per_request if n <= 30) <= 30
    assert server.bibkeys_per_request[0] == 100


def test_429s_without_retry_after_are_waited_out(tmp_path: Path) -> None:
    books = make_books(500)
    with CatalogueServer(books, Faults(rate_limit=3)) as running:
        results = _service(running.url, tmp_path, backoff=0.1).lookup(list(books))
        sent = running.requests["/api/books"]
    assert all(results[i].status is LookupStatus.FOUND for i in books)
    # five batches, four at once against a server that takes three: 429s, waited out
    assert sent > 5


def test_thirty_percent_failures_lose_no_isbn(tmp_path: Path) -> None:
    faults = Faults(fail_rate=0.3, kinds=("500", "hang", "truncated", "reset"),
                    hang_seconds=0.5)
    known = list(BOOKS)[:150]
    isbns = [*known, *(make_isbn(n, "978016") for n in range(10))]
    with CatalogueServer(dict(BOOKS), faults) as running:
        results = _service(running.url, tmp_path, retries=4).lookup(isbns)
    assert set(results) == set(isbns)
    assert {r.status for r in results.values()} <= {
        LookupStatus.FOUND, LookupStatus.NOT_FOUND, LookupStatus.UNAVAILABLE}
    assert all(results[i].status is not LookupStatus.NOT_FOUND for i in known)


def test_an_unreachable_host_is_asked_once_and_everything_is_unavailable(
        closed_port: int, tmp_path: Path) -> None:
    service = _service(f"http://127.0.0.1:{closed_port}", tmp_path)
    isbns = list(BOOKS)
    results = service.lookup(isbns)
    assert {r.status for r in results.values()} == {LookupStatus.UNAVAILABLE}
    # every provider is on that host: the breaker opened on the first refused connection
    assert service.transport.requests_sent <= service.settings.workers


def test_a_host_that_keeps_failing_opens_the_breaker(server: CatalogueServer,
                                                     tmp_path: Path) -> None:
    server.faults.fail_rate = 1.0
    server.faults.kinds = ("500",)
    isbns = [make_isbn(n, "978017") for n in range(30)]  # unknown: every provider is asked
    service = _service(server.url, tmp_path, retries=1, workers=1)
    results = service.lookup(isbns)
    assert {r.status for r in results.values()} == {LookupStatus.UNAVAILABLE}
    # 8 failed attempts in a row open the breaker: Open Library's batch (2 tries) and three
    # Google Books requests (2 tries each); the LoC, on the same host, is not asked
    assert server.total_requests == 8


def test_offline_uses_the_cache_only(server: CatalogueServer, tmp_path: Path) -> None:
    isbns = list(BOOKS)[:3]
    cold = _service(server.url, tmp_path, offline=True).lookup(isbns)
    assert {r.status for r in cold.values()} == {LookupStatus.UNAVAILABLE}
    assert server.total_requests == 0
    _service(server.url, tmp_path).lookup(isbns[:2])
    warm = _service(server.url, tmp_path, offline=True).lookup(isbns)
    assert [warm[i].status for i in isbns] == [LookupStatus.FOUND, LookupStatus.FOUND,
                                               LookupStatus.UNAVAILABLE]


def test_a_host_that_is_not_the_catalogue_is_asked_once(tmp_path: Path) -> None:
    """A captive proxy or a wrong mirror URL answers 404 for the API's own path."""
    with CatalogueServer(dict(BOOKS), openlibrary=False, googlebooks=False, loc=False) as running:
        service = _service(running.url, tmp_path)
        results = service.lookup(list(BOOKS)[:20])
        sent = running.total_requests
    assert {r.status for r in results.values()} == {LookupStatus.UNAVAILABLE}
    assert sent == 1  # every provider lives on that host


def test_user_agent_names_the_tool_and_a_contact(server: CatalogueServer,
                                                 tmp_path: Path) -> None:
    _service(server.url, tmp_path, contact="mailto:desk@example.org").lookup([UNKNOWN])
    (agent,) = server.user_agents
    assert agent.startswith("sourcecheck/") and "mailto:desk@example.org" in agent


def test_a_run_looks_up_every_document_s_isbns_in_one_batch(tmp_path: Path) -> None:
    with CatalogueServer({}) as running:
        service = _service(running.url, tmp_path)
        documents = check_files(discover([REFERENCES]), catalogue=service)
        assert running.requests["/api/books"] == 1  # the samples hold fewer than 100 ISBNs
    statuses = {v.status for d in documents for v in d.verifications}
    assert VerificationStatus.NOT_FOUND in statuses
    assert VerificationStatus.NO_IDENTIFIER in statuses
    assert all(len(d.verifications) == len(d.references) for d in documents)
