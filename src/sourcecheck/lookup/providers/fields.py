"""Small tolerant readers shared by the response mappers: they never raise."""

from __future__ import annotations

import re
from typing import Any

_YEAR = re.compile(r"\b(1[4-9]\d\d|20\d\d)\b")
_PAGES = re.compile(r"(\d{1,5})\s*(?:p\b|pp\b|pages\b|页)")
_VOLUME = re.compile(r"(?:\bvol(?:ume)?\.?|\bv\.|\bpart|\bbook|第)\s*(\d{1,3})", re.IGNORECASE)


def text(value: Any) -> str | None:
    """A stripped non-empty string, or None for anything else."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def year(value: Any) -> str | None:
    """The first plausible four-digit year in a date string ("May 2003" -> "2003")."""
    found = _YEAR.search(value) if isinstance(value, str) else None
    return found.group(1) if found else None


def pages(value: Any) -> int | None:
    """A page count from a number or an extent such as "xi, 413 p. : maps"."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value if value > 0 else None
    if isinstance(value, str):
        found = _PAGES.search(value)
        if found:
            return int(found.group(1)) or None
        # isdecimal, not isdigit: "²" is a digit that int() refuses
        return int(value) if value.strip().isdecimal() and int(value) > 0 else None
    return None


def volume(*values: str | None) -> str | None:
    """A volume number named in a title or note ("…, Volume 2" -> "2")."""
    for value in values:
        found = _VOLUME.search(value) if value else None
        if found:
            return found.group(1)
    return None


def as_dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []
