"""A per-ISBN, per-provider cache of catalogue answers in SQLite.

It stores what a provider said — a record, or "does not know this ISBN" — with an
expiry. It never stores a failure (unreachable, rate limited, broken body): those are
asked again next run. If the cache folder cannot be written, the cache lives in memory
for the run, so a read-only home never stops a check.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from ..models import CatalogueRecord

DAY = 24 * 3600.0
FOUND_TTL = 90 * DAY  # catalogue records change rarely (config: cache_found_days)
NOT_FOUND_TTL = 14 * DAY  # a catalogue may add the book soon (cache_not_found_days)
FILE_NAME = "lookups.sqlite3"
_CHUNK = 500  # ISBNs per SELECT (SQLite allows 999 parameters in old builds)

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    provider TEXT NOT NULL,
    isbn13 TEXT NOT NULL,
    record TEXT,            -- JSON of the CatalogueRecord; NULL: not found
    expires REAL NOT NULL,  -- seconds since the epoch
    PRIMARY KEY (provider, isbn13)
)
"""

_MISSING = object()


@dataclass(frozen=True, slots=True)
class CacheInfo:
    path: str
    found: int
    not_found: int
    expired: int
    size_bytes: int


class LookupCache:
    """Found and not-found answers by (provider, ISBN-13), each with an expiry:
    ``found_ttl`` seconds for a record, ``not_found_ttl`` for "not found"."""

    def __init__(self, folder: Path | None, found_ttl: float = FOUND_TTL,
                 not_found_ttl: float = NOT_FOUND_TTL) -> None:
        self.found_ttl = found_ttl
        self.not_found_ttl = not_found_ttl
        self.file = folder / FILE_NAME if folder is not None else None
        self.path = str(self.file) if self.file is not None else ":memory:"
        #: why the cache file could not be used (the cache is then in memory), or None
        self.problem: str | None = None
        try:
            if folder is not None:
                folder.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(self.path, timeout=5.0)
            self._db.execute(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            self.problem = f"{self.path}: {exc}"
            self.path = ":memory:"
            self._db = sqlite3.connect(self.path)
            self._db.execute(_SCHEMA)

    def get_many(self, provider: str,
                 isbns: Sequence[str]) -> dict[str, CatalogueRecord | None]:
        """The unexpired answers of ``provider`` for ``isbns``: ISBN -> record, or None
        for a cached "not found". ISBNs with no answer are absent."""
        now = time.time()
        answers: dict[str, CatalogueRecord | None] = {}
        for start in range(0, len(isbns), _CHUNK):
            chunk = list(isbns[start:start + _CHUNK])
            marks = ",".join("?" * len(chunk))
            try:
                rows = self._db.execute(
                    f"SELECT isbn13, record FROM answers WHERE provider = ? "
                    f"AND expires > ? AND isbn13 IN ({marks})", [provider, now, *chunk])
                for isbn13, record in rows:
                    decoded = _decode(record)
                    if decoded is not _MISSING:
                        answers[isbn13] = decoded  # type: ignore[assignment]
            except sqlite3.Error:
                return answers
        return answers

    def put_many(self, provider: str, answers: Mapping[str, CatalogueRecord | None]) -> None:
        """Store answers (record or None for "not found") in one transaction."""
        now = time.time()
        rows = [(provider, isbn13,
                 json.dumps(asdict(record), ensure_ascii=False) if record else None,
                 now + (self.found_ttl if record else self.not_found_ttl))
                for isbn13, record in answers.items()]
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO answers VALUES (?, ?, ?, ?)", rows)
        except sqlite3.Error:
            pass  # a cache that cannot be written only costs requests next run

    def info(self) -> CacheInfo:
        now = time.time()
        found, not_found, expired = self._db.execute(
            "SELECT COALESCE(SUM(record IS NOT NULL AND expires > ?), 0),"
            " COALESCE(SUM(record IS NULL AND expires > ?), 0),"
            " COALESCE(SUM(expires <= ?), 0) FROM answers", (now, now, now)).fetchone()
        size = Path(self.path).stat().st_size if self.path != ":memory:" else 0
        return CacheInfo(self.path, int(found), int(not_found), int(expired), size)

    def clear(self) -> int:
        """Delete every answer; return how many there were. A cache file that is not a
        database (damaged, or cut off) is removed, so the next run starts a new one."""
        if self.problem is not None and self.file is not None and self.file.is_file():
            self.file.unlink()
            return 0
        with self._db:
            count = int(self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0])
            self._db.execute("DELETE FROM answers")
        self._db.execute("VACUUM")
        return count

    def close(self) -> None:
        self._db.close()


def _decode(text: str | None) -> object:
    """A cached record, None for "not found", or _MISSING for a row that does not decode
    (then the ISBN is asked again)."""
    if text is None:
        return None
    try:
        data = json.loads(text)
        data["authors"] = tuple(data.get("authors") or ())
        return CatalogueRecord(**data)
    except (ValueError, TypeError):
        return _MISSING

