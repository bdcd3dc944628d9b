"""The one place that speaks HTTP: User-Agent, per-host rate limits, retries with
back-off, timeouts and a circuit breaker.

Providers build requests and parse bodies; the transport sends them politely and turns
every way a request can fail into a ``Failure`` with a reason — it never raises for the
network's sake, and it never puts a URL (which may hold an API key) into a message.
"""

from __future__ import annotations

import random
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar
from urllib.parse import urlsplit

import requests
from requests.adapters import HTTPAdapter
from urllib3.exceptions import NewConnectionError

from .. import __version__
from .config import LookupSettings
from .providers import MalformedResponse

T = TypeVar("T")

MAX_RETRY_AFTER = 30.0  # seconds: a server asking for more is treated as unavailable
TOO_LONG = frozenset({413, 414, 431})  # the request (its URL) is too long: split it
# The API's own paths never answer these for a well-formed request (an unknown ISBN is an
# empty answer, not a 404): the host is not the catalogue (a captive proxy, a wrong mirror
# URL) or refuses us, so it is not asked again.
REFUSING = frozenset({401, 403, 404, 407, 410})
_BREAKER_FAILURES = 8  # failed attempts in a row (any thread) that open a host's breaker
_UNREACHABLE_HOSTS = 2  # hosts that cannot be connected to before the network counts as down


@dataclass(frozen=True, slots=True)
class Failure:
    """Why a request gave no usable answer: ``unreachable``, ``refused``,
    ``rate-limited``, ``server-error``, ``timeout``, ``reset``, ``malformed``,
    ``too-long`` or ``client-error``."""

    reason: str


@dataclass(frozen=True, slots=True)
class Fetched(Generic[T]):
    value: T


class TokenBucket:
    """``rate`` requests per second on average, bursts of up to ``capacity``."""

    def __init__(self, rate: float, capacity: float, clock: Callable[[], float]) -> None:
        self.rate, self.capacity, self._clock = rate, capacity, clock
        self._tokens, self._last = capacity, clock()
        self._lock = threading.Lock()

    def wait_time(self) -> float:
        """Take a token; return how long to wait before using it (0: go now)."""
        with self._lock:
            now = self._clock()
            self._tokens = min(self.capacity, self._tokens + (now - self._last) * self.rate)
            self._last = now
            self._tokens -= 1
            return 0.0 if self._tokens >= 0 else -self._tokens / self.rate


def user_agent(contact: str) -> str:
    return f"sourcecheck/{__version__} (citation checker; +{contact})"


class Transport:
    """Sends GET requests for every provider of a run. Thread-safe.

    ``requests_sent`` counts every attempt that went out (retries included).
    """

    def __init__(self, settings: LookupSettings, session: requests.Session | None = None,
                 sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._session = session or requests.Session()
        adapter = HTTPAdapter(pool_connections=8, pool_maxsize=max(4, settings.workers),
                              max_retries=0)
        self._session.mount("http://", adapter)
        self._session.mount("https://", adapter)
        self._session.headers["User-Agent"] = user_agent(settings.contact)
        self._session.headers["Accept-Encoding"] = "gzip"
        self._sleep, self._clock = sleep, clock
        self._buckets: dict[str, TokenBucket] = {}
        self._down: dict[str, str] = {}  # host -> why the breaker opened
        self._failures: dict[str, int] = {}
        self._lock = threading.Lock()
        self.requests_sent = 0

    def is_down(self, base_url: str) -> bool:
        """True once the breaker for this host has opened: it is not asked again. When two
        hosts could not be connected to, the network itself is taken to be down (so a run
        without network waits for at most two connect timeouts)."""
        return self._is_down(_host(base_url))

    def _is_down(self, host: str) -> bool:
        with self._lock:  # another thread may open a breaker while this one counts
            if host in self._down:
                return True
            unreachable = sum(1 for why in self._down.values() if why == "unreachable")
        return unreachable >= _UNREACHABLE_HOSTS

    def fetch(self, base_url: str, path: str, params: tuple[tuple[str, str], ...],
              rate: float, parse: Callable[[bytes], T]) -> Fetched[T] | Failure:
        """GET ``base_url + path`` and ``parse`` the body, retrying what may pass.

        429 waits for Retry-After or backs off; 5xx, timeouts, resets and bodies that
        ``parse`` rejects with MalformedResponse are retried with back-off, at most
        ``settings.retries`` times. A host that cannot be connected to opens the breaker.
        """
        host = _host(base_url)
        bucket = self._bucket(host, rate)
        attempt, throttled = 0, 0
        while True:
            if self._is_down(host):
                return Failure("unreachable")
            self._sleep_for(bucket.wait_time())
            if self._is_down(host):  # the breaker may have opened while this one waited
                return Failure("unreachable")
            outcome, retry_after = self._attempt(base_url + path, params, parse)
            if isinstance(outcome, Fetched):
                with self._lock:
                    self._failures[host] = 0
                return outcome
            failure = outcome
            if failure.reason in ("unreachable", "refused"):
                with self._lock:
                    self._down.setdefault(host, failure.reason)
                return failure
            if failure.reason == "too-long":
                return failure
            if failure.reason == "client-error":
                return self._count_failure(host, failure)
            self._count_failure(host, failure)
            if failure.reason == "rate-limited":
                throttled += 1
                if throttled > self.settings.retries + 2:
                    return failure
                wait = retry_after if retry_after is not None else self._backoff(throttled)
                if wait > MAX_RETRY_AFTER:
                    return failure
                self._sleep_for(wait)
                continue
            attempt += 1
            if attempt > self.settings.retries:
                return failure
            self._sleep_for(self._backoff(attempt))

    def _attempt(self, url: str, params: tuple[tuple[str, str], ...],
                 parse: Callable[[bytes], T]) -> tuple[Fetched[T] | Failure, float | None]:
        with self._lock:
            self.requests_sent += 1
        try:
            response = self._session.get(
                url, params=params,
                timeout=(self.settings.connect_timeout, self.settings.timeout))
            status, body = response.status_code, response.content
        except requests.exceptions.ConnectTimeout:
            return Failure("unreachable"), None
        except requests.exceptions.Timeout:
            return Failure("timeout"), None
        except requests.exceptions.ConnectionError as exc:
            return Failure("unreachable" if _refused(exc) else "reset"), None
        except (requests.exceptions.RequestException, OSError):
            return Failure("reset"), None
        if status == 429:
            return Failure("rate-limited"), _retry_after(response.headers.get("Retry-After"))
        if status in TOO_LONG:
            return Failure("too-long"), None
        if status in REFUSING:
            return Failure("refused"), None
        if status >= 500:
            return Failure("server-error"), None
        if status >= 400:
            return Failure("client-error"), None
        try:
            return Fetched(parse(body)), None
        except MalformedResponse:
            return Failure("malformed"), None

    def _count_failure(self, host: str, failure: Failure) -> Failure:
        """Count a failed attempt; enough in a row, with no success between, open the
        breaker. A 429 is not counted: the host is there, only busy."""
        if failure.reason == "rate-limited":
            return failure
        with self._lock:
            self._failures[host] = self._failures.get(host, 0) + 1
            if self._failures[host] >= _BREAKER_FAILURES:
                self._down.setdefault(host, failure.reason)
        return failure

    def _bucket(self, host: str, rate: float) -> TokenBucket:
        with self._lock:
            if host not in self._buckets:
                self._buckets[host] = TokenBucket(rate, max(1.0, rate), self._clock)
            return self._buckets[host]

    def _backoff(self, attempt: int) -> float:
        """Exponential back-off with jitter, so threads do not retry in step."""
        return float(self.settings.backoff * 2.0 ** (attempt - 1) * (0.5 + random.random()))

    def _sleep_for(self, seconds: float) -> None:
        if seconds > 0:
            self._sleep(seconds)

    def close(self) -> None:
        self._session.close()


def _host(base_url: str) -> str:
    return urlsplit(base_url).netloc.lower()


def _refused(exc: requests.exceptions.ConnectionError) -> bool:
    """True when no connection was made at all (refused, no route, DNS failure), as
    opposed to a connection reset while reading. requests wraps urllib3's
    NewConnectionError in a MaxRetryError's ``reason``."""
    cause = exc.args[0] if exc.args else None
    return isinstance(getattr(cause, "reason", cause), NewConnectionError)


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (seconds form; HTTP dates are rare here)."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None
