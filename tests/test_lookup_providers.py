"""Providers map each catalogue's answers into one record shape and never raise on
missing fields; the transport's requests are checked with ``responses``."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from sourcecheck.config import load_config
from sourcecheck.lookup.cache import LookupCache
from sourcecheck.lookup.config import LookupSettings, SettingsError, lookup_settings
from sourcecheck.lookup.providers import MalformedResponse, Request
from sourcecheck.lookup.providers.googlebooks import GoogleBooksProvider
from sourcecheck.lookup.providers.loc import LibraryOfCongressProvider
from sourcecheck.lookup.providers.openlibrary import OpenLibraryProvider
from sourcecheck.lookup.service import CatalogueService
from sourcecheck.lookup.transport import TokenBucket, Transport
from sourcecheck.models import LookupStatus

WESTAD = "9780804744782"
TANNER = "9780253016997"
STAMP = "2026-01-01T00:00:00+00:00"

OPENLIBRARY_ANSWER = {
    f"ISBN:{WESTAD}": {
        "url": "https://openlibrary.org/books/OL3570252M", "title": "Decisive encounters",
        "subtitle": "the Chinese Civil War, 1946-1950",
        "authors": [{"name": "Odd Arne Westad"}],
        "publishers": [{"name": "Stanford University Press"}],
        "publish_date": "2003", "number_of_pages": 413,
        "languages": [{"key": "/languages/eng"}]},
}


def _request(provider: OpenLibraryProvider | GoogleBooksProvider | LibraryOfCongressProvider,
             *isbns: str) -> Request:
    return provider.build_request(list(isbns))


def test_openlibrary_maps_a_record_and_leaves_unknown_isbns_none() -> None:
    provider = OpenLibraryProvider()
    request = _request(provider, WESTAD, TANNER)
    assert dict(request.params)["bibkeys"] == f"ISBN:{WESTAD},ISBN:{TANNER}"
    answers = provider.parse_response(json.dumps(OPENLIBRARY_ANSWER).encode(), request, STAMP)
    record = answers[WESTAD]
    assert record is not None
    assert (record.title, record.subtitle, record.authors, record.publisher, record.year,
            record.pages, record.language) == (
        "Decisive encounters", "the Chinese Civil War, 1946-1950", ("Odd Arne Westad",),
        "Stanford University Press", "2003", 413, "eng")
    assert answers[TANNER] is None


@pytest.mark.parametrize("entry", [
    pytest.param({}, id="empty"),
    pytest.param({"title": None, "authors": "nobody", "publishers": [3]}, id="wrong-types"),
    pytest.param({"title": "T", "authors": [{}], "publish_date": "n.d.",
                  "number_of_pages": "many"}, id="odd-values"),
    pytest.param({"publishers": [{"name": ""}], "pagination": "xi, 413 p."}, id="no-title"),
    pytest.param({"title": "T", "number_of_pages": "²", "pagination": "³"},
                 id="superscript-page-count"),
])
def test_openlibrary_missing_or_odd_fields_never_raise(entry: dict[str, object]) -> None:
    provider = OpenLibraryProvider()
    request = _request(provider, WESTAD)
    answers = provider.parse_response(json.dumps({f"ISBN:{WESTAD}": entry}).encode(),
                                      request, STAMP)
    record = answers[WESTAD]
    assert record is None or record.isbn13 == WESTAD


@pytest.mark.parametrize("body", [b'{"ISBN:97808', b"<html>busy</html>", b"[1, 2]"],
                         ids=["truncated", "html", "not-an-object"])
def test_openlibrary_unparsable_body_is_malformed(body: bytes) -> None:
    provider = OpenLibraryProvider()
    with pytest.raises(MalformedResponse):
        provider.parse_response(body, _request(provider, WESTAD), STAMP)


def test_googlebooks_picks_the_volume_with_the_isbn_and_sends_the_key() -> None:
    provider = GoogleBooksProvider(api_key="secret-key")
    request = _request(provider, TANNER)
    assert ("key", "secret-key") in request.params
    assert "secret" not in repr(provider)
    body = {"totalItems": 2, "items": [
        {"volumeInfo": {"title": "Another book", "industryIdentifiers": [
            {"type": "ISBN_13", "identifier": "9780804744782"}]}},
        {"volumeInfo": {"title": "Where Chiang Kai-shek Lost China", "authors": ["Harold M. Tanner"],
                        "publisher": "Indiana University Press", "publishedDate": "2015-03-09",
                        "pageCount": 368, "industryIdentifiers": [
                            {"type": "ISBN_10", "identifier": "0253016991"}]}}]}
    record = provider.parse_response(json.dumps(body).encode(), request, STAMP)[TANNER]
    assert record is not None
    assert (record.title, record.year, record.pages) == ("Where Chiang Kai-shek Lost China",
                                                         "2015", 368)


@pytest.mark.parametrize(("body", "found"), [
    pytest.param({"totalItems": 0}, False, id="no-items"),
    pytest.param({"items": [{"volumeInfo": {"title": "Other", "industryIdentifiers": [
        {"type": "ISBN_13", "identifier": WESTAD}]}}]}, False, id="only-another-book"),
    pytest.param({"items": [{"volumeInfo": {"title": "Where Chiang Kai-shek Lost China"}}]},
                 True, id="only-hit-without-isbns"),
    pytest.param({"items": "none"}, False, id="items-not-a-list"),
])
def test_googlebooks_takes_only_a_hit_for_this_isbn(body: dict[str, object], found: bool) -> None:
    provider = GoogleBooksProvider()
    request = _request(provider, TANNER)
    answer = provider.parse_response(json.dumps(body).encode(), request, STAMP)
    assert (answer[TANNER] is not None) is found


LOC_ANSWER = """<?xml version="1.0"?>
<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/">
 <zs:numberOfRecords>1</zs:numberOfRecords>
 <zs:records><zs:record><zs:recordData>
  <srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" xmlns:dc="http://purl.org/dc/elements/1.1/">
   <dc:title>Decisive encounters : the Chinese Civil War, 1946-1950 / Odd Arne Westad.</dc:title>
   <dc:creator>Westad, Odd Arne.</dc:creator>
   <dc:publisher>Stanford, Calif. : Stanford University Press,</dc:publisher>
   <dc:date>2003.</dc:date>
   <dc:description>xi, 413 p. : maps ; 24 cm.</dc:description>
  </srw_dc:dc>
 </zs:recordData></zs:record></zs:records>
</zs:searchRetrieveResponse>"""


LOC_NOT_FOUND = b'<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/"/>'


def test_loc_maps_dublin_core_and_strips_isbd_punctuation() -> None:
    provider = LibraryOfCongressProvider()
    request = _request(provider, WESTAD)
    assert ("query", f"bath.isbn={WESTAD}") in request.params
    record = provider.parse_response(LOC_ANSWER.encode(), request, STAMP)[WESTAD]
    assert record is not None
    assert (record.title, record.subtitle, record.authors, record.publisher, record.year,
            record.pages) == ("Decisive encounters", "the Chinese Civil War, 1946-1950",
                              ("Westad, Odd Arne",), "Stanford University Press", "2003", 413)


def test_loc_no_record_is_not_found_and_broken_xml_is_malformed() -> None:
    provider = LibraryOfCongressProvider()
    request = _request(provider, WESTAD)
    assert provider.parse_response(LOC_NOT_FOUND, request, STAMP) == {WESTAD: None}
    with pytest.raises(MalformedResponse):
        provider.parse_response(LOC_ANSWER[:200].encode(), request, STAMP)


@pytest.mark.parametrize("body", [
    pytest.param(b'<zs:searchRetrieveResponse xmlns:zs="http://www.loc.gov/zing/srw/">'
                 b'<zs:version>1.1</zs:version><zs:diagnostics><diag:diagnostic '
                 b'xmlns:diag="http://www.loc.gov/zing/srw/diagnostic/"><diag:uri>'
                 b'info:srw/diagnostic/1/2</diag:uri><diag:message>System temporarily '
                 b'unavailable</diag:message></diag:diagnostic></zs:diagnostics>'
                 b'</zs:searchRetrieveResponse>', id="sru-diagnostic"),
    pytest.param(b'<html xmlns="http://www.w3.org/1999/xhtml"><body>Sign in</body></html>',
                 id="another-xml-page"),
])
def test_loc_error_answers_are_malformed_not_not_found(body: bytes) -> None:
    """Not "not found": that would be cached for two weeks."""
    provider = LibraryOfCongressProvider()
    with pytest.raises(MalformedResponse):
        provider.parse_response(body, _request(provider, WESTAD), STAMP)


def _service(tmp_path: Path, **settings: object) -> CatalogueService:
    values: dict[str, object] = {"openlibrary_url": "https://ol.test",
                                 "googlebooks_url": "https://gb.test",
                                 "loc_url": "https://loc.test", "backoff": 0.0,
                                 "openlibrary_rate": 1000.0, "googlebooks_rate": 1000.0,
                                 "loc_rate": 1000.0, **settings}
    return CatalogueService(LookupSettings(**values),  # type: ignore[arg-type]
                            LookupCache(tmp_path / "cache"))


@responses.activate
def test_service_asks_open_library_then_google_books_for_the_rest(tmp_path: Path) -> None:
    responses.get("https://ol.test/api/books", json=OPENLIBRARY_ANSWER)
    responses.get("https://gb.test/books/v1/volumes", json={"totalItems": 0})
    responses.get("https://loc.test/lcdb", body=LOC_NOT_FOUND)
    results = _service(tmp_path).lookup(["0-8047-4478-5", "0253016991", "not an isbn"])
    assert set(results) == {WESTAD, TANNER}
    assert results[WESTAD].status is LookupStatus.FOUND
    assert results[TANNER].status is LookupStatus.NOT_FOUND
    paths = [call.request.path_url.split("?")[0] for call in responses.calls]
    assert paths == ["/api/books", "/books/v1/volumes", "/lcdb"]
    assert "sourcecheck/" in responses.calls[0].request.headers["User-Agent"]


@responses.activate
def test_service_retries_a_500_and_never_calls_a_failure_not_found(tmp_path: Path) -> None:
    responses.get("https://ol.test/api/books", status=500)
    responses.get("https://gb.test/books/v1/volumes", json={"totalItems": 0})
    responses.get("https://loc.test/lcdb", body=LOC_NOT_FOUND)
    results = _service(tmp_path, retries=2).lookup([TANNER])
    assert results[TANNER].status is LookupStatus.UNAVAILABLE
    open_library_calls = [c for c in responses.calls if "/api/books" in c.request.url]
    assert len(open_library_calls) == 3  # the first try and two retries


@responses.activate
def test_retry_after_is_honoured(tmp_path: Path) -> None:
    responses.get("https://ol.test/api/books", status=429, headers={"Retry-After": "7"})
    responses.get("https://ol.test/api/books", json=OPENLIBRARY_ANSWER)
    sleeps: list[float] = []
    settings = _service(tmp_path).settings
    service = CatalogueService(settings, LookupCache(tmp_path / "other"),
                               Transport(settings, sleep=sleeps.append))
    assert service.lookup([WESTAD])[WESTAD].status is LookupStatus.FOUND
    assert 7.0 in sleeps


@responses.activate
def test_two_hosts_that_time_out_mean_the_network_is_down(tmp_path: Path) -> None:
    import requests

    responses.get("https://ol.test/api/books", body=requests.exceptions.ConnectTimeout())
    responses.get("https://gb.test/books/v1/volumes", body=requests.exceptions.ConnectTimeout())
    responses.get("https://loc.test/lcdb", body=LOC_NOT_FOUND)
    results = _service(tmp_path).lookup([TANNER, WESTAD])
    assert {r.status for r in results.values()} == {LookupStatus.UNAVAILABLE}
    hosts = {call.request.url.split("/")[2] for call in responses.calls}
    assert hosts == {"ol.test", "gb.test"}  # the Library of Congress was not tried
    assert len([c for c in responses.calls if "ol.test" in c.request.url]) == 1


@responses.activate
def test_google_books_key_never_appears_in_results(tmp_path: Path) -> None:
    responses.get("https://ol.test/api/books", json={})
    responses.get("https://gb.test/books/v1/volumes", status=403)
    responses.get("https://loc.test/lcdb", body=LOC_NOT_FOUND)
    service = _service(tmp_path, googlebooks_key="secret-key")
    results = service.lookup([TANNER])
    assert results[TANNER].status is LookupStatus.UNAVAILABLE
    assert "secret-key" not in repr(results) and "secret-key" not in repr(service.settings)


def test_cache_keeps_found_and_not_found_and_survives_a_broken_file(tmp_path: Path) -> None:
    provider = OpenLibraryProvider()
    record = provider.parse_response(json.dumps(OPENLIBRARY_ANSWER).encode(),
                                     _request(provider, WESTAD), STAMP)[WESTAD]
    cache = LookupCache(tmp_path)
    cache.put_many("openlibrary", {WESTAD: record, TANNER: None})
    assert cache.get_many("openlibrary", [WESTAD, TANNER, "9780000000002"]) == {
        WESTAD: record, TANNER: None}
    assert cache.get_many("googlebooks", [WESTAD]) == {}
    info = cache.info()
    assert (info.found, info.not_found) == (1, 1)
    cache.close()
    (tmp_path / "lookups.sqlite3").write_bytes(b"not a database at all" * 100)
    broken = LookupCache(tmp_path)  # falls back to a cache in memory for the run
    assert broken.path == ":memory:" and broken.get_many("openlibrary", [WESTAD]) == {}
    broken.put_many("openlibrary", {WESTAD: record})
    assert broken.get_many("openlibrary", [WESTAD]) == {WESTAD: record}


def test_breaker_state_is_read_safely_while_other_threads_open_breakers() -> None:
    """Worker threads read the breakers (is_down) while others open one: reading must not
    meet a dict that changes size under it."""
    import sys
    import threading

    transport = Transport(LookupSettings())
    errors: list[Exception] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                transport.is_down("https://ol.test")
            except RuntimeError as exc:  # "dictionary changed size during iteration"
                errors.append(exc)
                return

    interval = sys.getswitchinterval()
    sys.setswitchinterval(1e-6)
    reader = threading.Thread(target=read)
    reader.start()
    try:
        for n in range(6000):  # as fetch opens a breaker: under the lock
            with transport._lock:
                transport._down.setdefault(f"h{n}.test", "reset")
    finally:
        stop.set()
        reader.join()
        sys.setswitchinterval(interval)
        transport.close()
    assert errors == []


def test_token_bucket_allows_a_burst_then_the_rate() -> None:
    now = [0.0]
    bucket = TokenBucket(rate=3.0, capacity=3.0, clock=lambda: now[0])
    assert [bucket.wait_time() for _ in range(3)] == [0.0, 0.0, 0.0]
    assert bucket.wait_time() == pytest.approx(1 / 3)  # the fourth waits for a token
    now[0] = 10.0  # a long pause refills the bucket, but only to its capacity
    assert [bucket.wait_time() for _ in range(4)][-1] == pytest.approx(1 / 3)


def test_settings_from_environment_and_file(tmp_path: Path) -> None:
    (tmp_path / "sourcecheck.toml").write_text(
        'openlibrary_url = "http://mirror.test/"\nretries = 5\n', encoding="utf-8")
    settings = load_config(environ={"SOURCECHECK_GOOGLEBOOKS_URL": "http://127.0.0.1:8080",
                                    "SOURCECHECK_RETRIES": "1"}, cwd=tmp_path).lookup
    assert settings.openlibrary_url == "http://mirror.test"
    assert settings.googlebooks_url == "http://127.0.0.1:8080"
    assert settings.retries == 1  # the environment wins over the file
    (tmp_path / "sourcecheck.toml").unlink()
    (tmp_path / "pyproject.toml").write_text(
        '[tool.sourcecheck]\nloc_url = "http://loc.mirror.test"\n', encoding="utf-8")
    assert load_config(environ={}, cwd=tmp_path).lookup.loc_url == "http://loc.mirror.test"


@pytest.mark.parametrize("environ", [
    {"SOURCECHECK_OPENLIBRARY_URL": "openlibrary.org"},
    {"SOURCECHECK_TIMEOUT": "soon"},
    {"SOURCECHECK_GOOGLEBOOKS_RATE": "0"},
    {"SOURCECHECK_CONNECT_TIMEOUT": "-1"},
    {"SOURCECHECK_RETRIES": "-1"},
    {"SOURCECHECK_LOC_RATE": "nan"},
], ids=["no-scheme", "not-a-number", "zero-rate", "negative-timeout", "negative-retries",
        "nan-rate"])
def test_bad_settings_are_reported(environ: dict[str, str]) -> None:
    variable = next(iter(environ))
    with pytest.raises(SettingsError, match=f"^{variable}: "):
        lookup_settings({}, environ)
