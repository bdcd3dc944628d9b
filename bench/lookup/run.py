"""Catalogue look-ups: 1,000 distinct ISBNs, cold and warm, against a loopback catalogue
server with 100 ms per request and a limit of 10 requests/s, side by side with isbnlib's
sequential ``meta(isbn, "openl")`` pointed at the same server; then the same cold run with
30 % of requests failing (5xx, hangs, truncated JSON).

    python bench/lookup/run.py [--isbns 1000] [--isbnlib-sample 10]

isbnlib is run on a sample (it sends one request per ISBN and waits a second between
requests), and compared per ISBN; a second sample runs with that wait removed, to show
what batching alone gains. No request leaves 127.0.0.1.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from tests.catalogue_server import CatalogueServer, Faults, make_books  # noqa: E402

from sourcecheck.lookup.cache import LookupCache  # noqa: E402
from sourcecheck.lookup.config import LookupSettings  # noqa: E402
from sourcecheck.lookup.service import CatalogueService  # noqa: E402
from sourcecheck.models import LookupStatus  # noqa: E402

LATENCY = 0.1  # seconds per request
SERVER_RATE = 10.0  # requests per second the server allows; beyond it: 429
FAIL_RATE = 0.3


@dataclass
class Row:
    run: str
    isbns: int
    seconds: float
    requests: int
    counts: Counter[str]

    @property
    def ms_per_isbn(self) -> float:
        return 1000 * self.seconds / self.isbns


def _sourcecheck(server: CatalogueServer, isbns: list[str], cache: Path, label: str,
                 **settings: float) -> Row:
    config = LookupSettings(openlibrary_url=server.url, googlebooks_url=server.url,
                            loc_url=server.url, **settings)  # type: ignore[arg-type]
    service = CatalogueService(config, LookupCache(cache))
    before = server.total_requests
    start = time.perf_counter()
    results = service.lookup(isbns)
    seconds = time.perf_counter() - start
    counts = Counter(results[i].status.value if i in results else "lost" for i in isbns)
    service.close()
    return Row(label, len(isbns), seconds, server.total_requests - before, counts)


def _isbnlib(server: CatalogueServer, isbns: list[str], throttle: bool = True) -> Row:
    import isbnlib
    from isbnlib import _openl
    from isbnlib.dev.webquery import WEBQuery

    _openl.SERVICE_URL = server.url + "/api/books?bibkeys=ISBN:{isbn}&format=json&jscmd=data"
    before = server.total_requests
    counts: Counter[str] = Counter()
    start = time.perf_counter()
    for number in isbns:
        if not throttle:
            WEBQuery.T.clear()  # forget the last request's time: no 1 s wait
        try:
            counts["found" if isbnlib.meta(number, "openl") else "not-found"] += 1
        except Exception:  # isbnlib raises its own errors for failed requests
            counts["error"] += 1
    seconds = time.perf_counter() - start
    label = "isbnlib meta(isbn, 'openl'), sequential" + ("" if throttle else
                                                          ", its 1 s throttle removed")
    return Row(label, len(isbns), seconds, server.total_requests - before, counts)


def _resolved(row: Row) -> str:
    parts = [f"{row.counts.get(s, 0)} {s}" for s in ("found", "not-found", "unavailable")
             if row.counts.get(s)]
    parts += [f"{n} {s}" for s, n in row.counts.items()
              if s not in ("found", "not-found", "unavailable")]
    return ", ".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--isbns", type=int, default=1000)
    parser.add_argument("--isbnlib-sample", type=int, default=10)
    args = parser.parse_args()
    books = make_books(args.isbns)
    isbns = list(books)
    work = Path(tempfile.mkdtemp(prefix="sourcecheck-lookup-bench-"))
    fast = {"openlibrary_rate": SERVER_RATE, "backoff": 0.2}
    rows: list[Row] = []
    with CatalogueServer(books, Faults(latency=LATENCY, rate_limit=SERVER_RATE)) as server:
        rows.append(_sourcecheck(server, isbns, work / "a", "sourcecheck cold", **fast))
        rows.append(_sourcecheck(server, isbns, work / "a", "sourcecheck warm", **fast))
        rows.append(_sourcecheck(server, isbns, work / "b",
                                 "sourcecheck cold, default 3 requests/s", backoff=0.2))
        rows.append(_isbnlib(server, isbns[:args.isbnlib_sample]))
        sample = isbns[args.isbnlib_sample:args.isbnlib_sample * 4]
        rows.append(_isbnlib(server, sample, throttle=False))
    faults = Faults(latency=LATENCY, rate_limit=SERVER_RATE, fail_rate=FAIL_RATE,
                    kinds=("500", "503", "hang", "truncated"), hang_seconds=5.0)
    with CatalogueServer(books, faults) as server:
        rows.append(_sourcecheck(server, isbns, work / "c",
                                 "sourcecheck cold, 30 % of requests failing",
                                 timeout=1.0, **fast))
    print(f"Server: 127.0.0.1, {LATENCY * 1000:.0f} ms per request, {SERVER_RATE:.0f} "
          "requests/s (429 without Retry-After beyond)\n")
    print("| run | ISBNs | wall time (s) | requests sent | ms per ISBN | resolved |")
    print("|---|---:|---:|---:|---:|---|")
    for row in rows:
        print(f"| {row.run} | {row.isbns} | {row.seconds:.3f} | {row.requests} | "
              f"{row.ms_per_isbn:.3f} | {_resolved(row)} |")
    cold, warm, _default, peer, unthrottled, faulty = rows
    ratio = peer.ms_per_isbn / cold.ms_per_isbn
    raw_ratio = unthrottled.ms_per_isbn / cold.ms_per_isbn
    lost = args.isbns - sum(n for s, n in faulty.counts.items() if s != "lost")
    print(f"\nsourcecheck cold is {ratio:,.0f}x faster per ISBN than isbnlib as it runs, "
          f"{raw_ratio:,.0f}x faster than isbnlib without its throttle.")
    checks = {
        f"cold <= 2 s ({cold.seconds:.2f})": cold.seconds <= 2.0,
        f"warm <= 1 s with 0 requests ({warm.seconds:.2f} s, {warm.requests})":
            warm.seconds <= 1.0 and warm.requests == 0,
        f">= 300x faster than isbnlib per ISBN ({ratio:,.0f}x)": ratio >= 300,
        f"30 % failing: no ISBN lost ({lost} lost), every result found, not-found or "
        "unavailable": lost == 0 and set(faulty.counts) <= {
            s.value for s in (LookupStatus.FOUND, LookupStatus.NOT_FOUND,
                              LookupStatus.UNAVAILABLE)},
    }
    for label, passed in checks.items():
        print(f"- {'pass' if passed else 'FAIL'}: {label}")
    return 0 if all(checks.values()) else 1


if __name__ == "__main__":
    raise SystemExit(main())
