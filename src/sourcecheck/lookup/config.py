"""Look-up settings: defaults, then the config file's values, then the environment.

Environment variables win over the file (``sourcecheck.config`` finds and reads the
file and passes its look-up keys here). Keys:

=====================  ===============================  ==============================
file key               environment variable             meaning
=====================  ===============================  ==============================
openlibrary_url        SOURCECHECK_OPENLIBRARY_URL      scheme and host of Open Library
googlebooks_url        SOURCECHECK_GOOGLEBOOKS_URL      scheme and host of Google Books
loc_url                SOURCECHECK_LOC_URL              scheme and host of LoC SRU
googlebooks_key        SOURCECHECK_GOOGLEBOOKS_KEY      optional Google Books API key
cache_dir              SOURCECHECK_CACHE_DIR            folder of the look-up cache
contact                SOURCECHECK_CONTACT              contact in the User-Agent
openlibrary_rate       SOURCECHECK_OPENLIBRARY_RATE     requests per second (default 3)
googlebooks_rate       SOURCECHECK_GOOGLEBOOKS_RATE     requests per second (default 4)
loc_rate               SOURCECHECK_LOC_RATE             requests per second (default 2)
timeout                SOURCECHECK_TIMEOUT              read timeout in seconds (10)
connect_timeout        SOURCECHECK_CONNECT_TIMEOUT      connect timeout in seconds (2)
retries                SOURCECHECK_RETRIES              retries per request (3)
providers              (file only)                      catalogues to ask, in order
cache_found_days       (file only)                      days a found record is kept (90)
cache_not_found_days   (file only)                      days a "not found" is kept (14)
=====================  ===============================  ==============================
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .cache import DAY, FOUND_TTL, NOT_FOUND_TTL

OPENLIBRARY_URL = "https://openlibrary.org"
GOOGLEBOOKS_URL = "https://www.googleapis.com"
LOC_URL = "http://lx2.loc.gov:210"
CONTACT = "https://github.com/sourcecheck/sourcecheck/issues"
PROVIDERS = ("openlibrary", "googlebooks", "loc")  # the default order of the catalogues


class SettingsError(ValueError):
    """A setting with a value that cannot be used (e.g. a rate that is not a number)."""


@dataclass(frozen=True)
class LookupSettings:
    """Everything the look-up stage needs; ``googlebooks_key`` is never printed
    (``repr`` hides it)."""

    openlibrary_url: str = OPENLIBRARY_URL
    googlebooks_url: str = GOOGLEBOOKS_URL
    loc_url: str = LOC_URL
    googlebooks_key: str | None = field(default=None, repr=False)
    cache_dir: Path | None = None  # None: the user cache directory
    contact: str = CONTACT
    openlibrary_rate: float = 3.0
    googlebooks_rate: float = 4.0
    loc_rate: float = 2.0
    timeout: float = 10.0
    connect_timeout: float = 2.0
    retries: int = 3
    backoff: float = 0.5  # first back-off in seconds; doubles each retry
    workers: int = 4  # requests in flight
    offline: bool = False
    providers: tuple[str, ...] = PROVIDERS
    cache_found_days: float = FOUND_TTL / DAY  # the cache's own defaults: 90 and 14 days
    cache_not_found_days: float = NOT_FOUND_TTL / DAY

    def resolved_cache_dir(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        import platformdirs

        return Path(platformdirs.user_cache_dir("sourcecheck", appauthor=False))


#: keys an environment variable SOURCECHECK_<KEY> can set, with their types
ENVIRONMENT_KEYS: dict[str, type] = {
    "openlibrary_url": str, "googlebooks_url": str, "loc_url": str, "googlebooks_key": str,
    "cache_dir": Path, "contact": str, "openlibrary_rate": float, "googlebooks_rate": float,
    "loc_rate": float, "timeout": float, "connect_timeout": float, "retries": int,
}

_KIND_NAMES = {str: "a string", Path: "a path", float: "a number", int: "an integer"}
_POSITIVE = ("openlibrary_rate", "googlebooks_rate", "loc_rate", "timeout", "connect_timeout",
             "cache_found_days", "cache_not_found_days")
_URLS = ("openlibrary_url", "googlebooks_url", "loc_url")


def check_setting(key: str, value: Any) -> Any:
    """``value`` for look-up key ``key``, converted and checked; raises SettingsError with
    a message that starts with the key."""
    kind = ENVIRONMENT_KEYS.get(key)
    if kind is not None:
        try:
            value = kind(value)
        except (TypeError, ValueError):
            raise SettingsError(f"{key}: {value!r} is not {_KIND_NAMES[kind]}") from None
    # a zero rate would divide by zero; requests refuses a timeout <= 0
    if key in _POSITIVE and not value > 0:  # "not >": NaN is refused too
        raise SettingsError(f"{key}: {value!r} must be more than 0")
    if key == "retries" and value < 0:
        raise SettingsError(f"retries: {value!r} must be 0 or more")
    if key in _URLS:
        value = str(value).rstrip("/")
        if not value.startswith(("http://", "https://")):
            raise SettingsError(f"{key}: {value!r} must start with http:// or https://")
    return value


def lookup_settings(file_values: Mapping[str, Any] | None = None,
                    environ: Mapping[str, str] | None = None,
                    **overrides: Any) -> LookupSettings:
    """Settings from ``file_values`` (already checked), then the environment (default:
    ``os.environ``), then ``overrides`` that are not None. Raises SettingsError for an
    unusable environment value."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = dict(file_values or {})
    for key in ENVIRONMENT_KEYS:
        variable = f"SOURCECHECK_{key.upper()}"
        if environ.get(variable):
            try:
                values[key] = check_setting(key, environ[variable])
            except SettingsError as exc:
                raise SettingsError(f"{variable}: {str(exc).split(': ', 1)[1]}") from None
    values.update({k: v for k, v in overrides.items() if v is not None})
    return LookupSettings(**values)
