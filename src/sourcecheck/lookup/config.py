"""Look-up settings from the environment and the config file.

Environment variables win over the file. The file is ``sourcecheck.toml`` (top-level
keys) or ``pyproject.toml`` (``[tool.sourcecheck]``) in the working directory. Keys:

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
=====================  ===============================  ==============================
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

OPENLIBRARY_URL = "https://openlibrary.org"
GOOGLEBOOKS_URL = "https://www.googleapis.com"
LOC_URL = "http://lx2.loc.gov:210"
CONTACT = "https://github.com/sourcecheck/sourcecheck/issues"


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

    def resolved_cache_dir(self) -> Path:
        if self.cache_dir is not None:
            return self.cache_dir
        import platformdirs

        return Path(platformdirs.user_cache_dir("sourcecheck", appauthor=False))


_KEYS: dict[str, type] = {
    "openlibrary_url": str, "googlebooks_url": str, "loc_url": str, "googlebooks_key": str,
    "cache_dir": Path, "contact": str, "openlibrary_rate": float, "googlebooks_rate": float,
    "loc_rate": float, "timeout": float, "connect_timeout": float, "retries": int,
}

_POSITIVE = ("openlibrary_rate", "googlebooks_rate", "loc_rate", "timeout", "connect_timeout")


def load_settings(environ: Mapping[str, str] | None = None, folder: Path | None = None,
                  **overrides: Any) -> LookupSettings:
    """Settings from the config file in ``folder`` (default: the working directory), then
    the environment, then ``overrides``. Raises SettingsError for an unusable value."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    for key, value in _file_settings(folder or Path.cwd()).items():
        if key in _KEYS:
            values[key] = value
    for key in _KEYS:
        variable = f"SOURCECHECK_{key.upper()}"
        if environ.get(variable):
            values[key] = environ[variable]
    values.update({k: v for k, v in overrides.items() if v is not None})
    converted: dict[str, Any] = {}
    for key, value in values.items():
        kind = _KEYS.get(key)
        try:
            converted[key] = kind(value) if kind is not None else value
        except (TypeError, ValueError):
            kind_name = kind.__name__ if kind else "value"
            raise SettingsError(f"setting {key}: {value!r} is not a {kind_name}") from None
    for key in _POSITIVE:  # a zero rate would divide by zero; requests refuses a timeout <= 0
        if key in converted and not converted[key] > 0:  # "not >": NaN is refused too
            raise SettingsError(f"setting {key}: {converted[key]!r} must be more than 0")
    if converted.get("retries", 0) < 0:
        raise SettingsError(f"setting retries: {converted['retries']!r} must be 0 or more")
    for key in ("openlibrary_url", "googlebooks_url", "loc_url"):
        if key in converted:
            url = str(converted[key]).rstrip("/")
            if not url.startswith(("http://", "https://")):
                raise SettingsError(f"setting {key}: {url!r} must start with http:// or https://")
            converted[key] = url
    return LookupSettings(**converted)


def _file_settings(folder: Path) -> dict[str, Any]:
    """Top-level keys of sourcecheck.toml, else [tool.sourcecheck] of pyproject.toml."""
    own = folder / "sourcecheck.toml"
    try:
        if own.is_file():
            return dict(tomllib.loads(own.read_text(encoding="utf-8")))
        project = folder / "pyproject.toml"
        if project.is_file():
            data = tomllib.loads(project.read_text(encoding="utf-8"))
            section = data.get("tool", {}).get("sourcecheck", {})
            return dict(section) if isinstance(section, dict) else {}
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise SettingsError(f"cannot read the configuration: {exc}") from None
    return {}
