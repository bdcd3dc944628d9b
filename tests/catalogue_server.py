"""A small catalogue server on 127.0.0.1 for integration tests and the look-up benchmark.

It answers in Open Library's (``/api/books``), Google Books' (``/books/v1/volumes``) and
the Library of Congress SRU (``/lcdb``) formats from a dict of books, and misbehaves on
demand: latency, a request rate above which it answers 429 (without Retry-After), a
share of requests that fail (5xx, hangs, truncated JSON, reset connections), a script
of faults for the next requests, and a longest bibkeys list it accepts (414 beyond).

    with CatalogueServer(books, Faults(latency=0.1)) as server:
        server.url  # "http://127.0.0.1:<port>"
"""

from __future__ import annotations

import json
import random
import threading
import time
from collections import Counter, deque
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qs, urlsplit
from xml.sax.saxutils import escape

FAULTS = ("500", "503", "429", "hang", "truncated", "reset")


@dataclass
class Book:
    title: str
    authors: tuple[str, ...] = ()
    subtitle: str | None = None
    publisher: str | None = None
    year: str | None = None
    pages: int | None = None


@dataclass
class Faults:
    """How the server misbehaves. ``fail_rate`` of requests fail with one of ``kinds``;
    ``script`` lists faults for the next requests, in order (then normal service)."""

    latency: float = 0.0
    rate_limit: float | None = None  # requests per second; beyond it: 429
    fail_rate: float = 0.0
    kinds: tuple[str, ...] = ("500", "hang", "truncated")
    hang_seconds: float = 3.0
    max_bibkeys: int | None = None
    script: deque[str] = field(default_factory=deque)
    seed: int = 4


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    catalogue: CatalogueServer


class CatalogueServer:
    """Start with ``start()`` (or ``with``); ``stop()`` ends it and any hanging reply."""

    def __init__(self, books: dict[str, Book], faults: Faults | None = None,
                 openlibrary: bool = True, googlebooks: bool = True, loc: bool = True) -> None:
        self.books = books
        self.faults = faults or Faults()
        self.enabled = {"/api/books": openlibrary, "/books/v1/volumes": googlebooks,
                        "/lcdb": loc}
        self.hidden: dict[str, set[str]] = {}  # path -> ISBNs it pretends not to know
        self.requests: Counter[str] = Counter()  # path -> requests received
        self.bibkeys_per_request: list[int] = []
        self.user_agents: set[str] = set()
        self.stopping = threading.Event()
        self._lock = threading.Lock()
        self._random = random.Random(self.faults.seed)
        self._tokens = self.faults.rate_limit or 0.0
        self._last = time.monotonic()
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.catalogue = self
        self._thread = threading.Thread(target=self._server.serve_forever, args=(0.05,),
                                        daemon=True)

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def start(self) -> CatalogueServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> CatalogueServer:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def next_fault(self) -> str | None:
        """The fault for the request just received: scripted, rate limit, or random."""
        with self._lock:
            faults = self.faults
            if faults.script:
                return faults.script.popleft()
            if faults.rate_limit:
                now = time.monotonic()
                self._tokens = min(faults.rate_limit,
                                   self._tokens + (now - self._last) * faults.rate_limit)
                self._last = now
                if self._tokens < 1:
                    return "429"
                self._tokens -= 1
            if faults.fail_rate and self._random.random() < faults.fail_rate:
                return self._random.choice(faults.kinds)
            return None

    def _book(self, path: str, isbn: str) -> Book | None:
        return None if isbn in self.hidden.get(path, ()) else self.books.get(isbn)

    # --- the three formats -------------------------------------------------------------

    def openlibrary(self, query: dict[str, list[str]]) -> tuple[int, bytes]:
        keys = [k for k in query.get("bibkeys", [""])[0].split(",") if k]
        self.bibkeys_per_request.append(len(keys))
        if self.faults.max_bibkeys and len(keys) > self.faults.max_bibkeys:
            return 414, b"Request-URI Too Long"
        answer: dict[str, Any] = {}
        for key in keys:
            book = self._book("/api/books", key.removeprefix("ISBN:"))
            if book:
                entry: dict[str, Any] = {
                    "url": f"https://openlibrary.org/books/{key}", "title": book.title,
                    "authors": [{"name": a} for a in book.authors]}
                if book.subtitle:
                    entry["subtitle"] = book.subtitle
                if book.publisher:
                    entry["publishers"] = [{"name": book.publisher}]
                if book.year:
                    entry["publish_date"] = book.year
                if book.pages:
                    entry["number_of_pages"] = book.pages
                answer[key] = entry
        return 200, json.dumps(answer).encode()

    def googlebooks(self, query: dict[str, list[str]]) -> tuple[int, bytes]:
        isbn = query.get("q", [""])[0].removeprefix("isbn:")
        book = self._book("/books/v1/volumes", isbn)
        if not book:
            return 200, json.dumps({"kind": "books#volumes", "totalItems": 0}).encode()
        info: dict[str, Any] = {"title": book.title, "authors": list(book.authors),
                                "industryIdentifiers": [{"type": "ISBN_13", "identifier": isbn}]}
        for key, value in (("subtitle", book.subtitle), ("publisher", book.publisher),
                           ("publishedDate", book.year), ("pageCount", book.pages)):
            if value:
                info[key] = value
        return 200, json.dumps({"totalItems": 1, "items": [{"volumeInfo": info}]}).encode()

    def loc(self, query: dict[str, list[str]]) -> tuple[int, bytes]:
        isbn = query.get("query", [""])[0].split("=", 1)[-1]
        book = self._book("/lcdb", isbn)
        records = ""
        if book:
            title = book.title + (f" : {book.subtitle}" if book.subtitle else "")
            parts = [f"<dc:title>{escape(title)} /</dc:title>"]
            parts += [f"<dc:creator>{escape(a)}.</dc:creator>" for a in book.authors]
            if book.publisher:
                parts.append(f"<dc:publisher>Beijing : {escape(book.publisher)},</dc:publisher>")
            if book.year:
                parts.append(f"<dc:date>{book.year}.</dc:date>")
            if book.pages:
                parts.append(f"<dc:description>{book.pages} p. ; 21 cm.</dc:description>")
            records = ("<zs:records><zs:record><zs:recordData>"
                       '<srw_dc:dc xmlns:srw_dc="info:srw/schema/1/dc-schema" '
                       'xmlns:dc="http://purl.org/dc/elements/1.1/">' + "".join(parts)
                       + "</srw_dc:dc></zs:recordData></zs:record></zs:records>")
        body = ('<?xml version="1.0"?><zs:searchRetrieveResponse '
                'xmlns:zs="http://www.loc.gov/zing/srw/"><zs:version>1.1</zs:version>'
                f"<zs:numberOfRecords>{1 if book else 0}</zs:numberOfRecords>{records}"
                "</zs:searchRetrieveResponse>")
        return 200, body.encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, *_args: Any) -> None:  # quiet
        pass

    def do_GET(self) -> None:
        catalogue = self.server.catalogue
        url = urlsplit(self.path)
        with catalogue._lock:
            catalogue.requests[url.path] += 1
            catalogue.user_agents.add(self.headers.get("User-Agent", ""))
        if catalogue.faults.latency:
            time.sleep(catalogue.faults.latency)
        fault = catalogue.next_fault()
        if fault == "hang":
            catalogue.stopping.wait(catalogue.faults.hang_seconds)
            self.close_connection = True
            return
        if fault == "reset":
            self.close_connection = True
            return
        if fault in ("500", "503", "429"):
            self._send(int(fault), b"error")
            return
        handler = {"/api/books": catalogue.openlibrary, "/books/v1/volumes": catalogue.googlebooks,
                   "/lcdb": catalogue.loc}.get(url.path)
        if handler is None or not catalogue.enabled.get(url.path):
            self._send(404, b"not found")
            return
        status, body = handler(parse_qs(url.query))
        if fault == "truncated":
            body = body[: max(1, len(body) // 2)]
        self._send(status, body)

    def _send(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def make_isbn(n: int, prefix: str = "978014") -> str:
    """The ``n``-th valid ISBN-13 of a block (group 0): distinct, reproducible."""
    first12 = f"{prefix}{n:06d}"
    total = sum(int(d) * (1 if i % 2 == 0 else 3) for i, d in enumerate(first12))
    return first12 + str((10 - total % 10) % 10)


def make_books(count: int, prefix: str = "978014") -> dict[str, Book]:
    """``count`` made-up books keyed by their ISBN-13."""
    return {make_isbn(n, prefix): Book(title=f"Book number {n}", authors=(f"Author {n}",),
                                       publisher="Test Press", year="2001", pages=200 + n)
            for n in range(count)}
