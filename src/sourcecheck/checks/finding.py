"""Make a ``Finding`` with the rule's registered severity."""

from __future__ import annotations

from ..models import Finding, Location
from ..rules import severity_of


def finding(code: str, message: str, location: Location, *, reference: str | None = None,
            note: str | None = None, hint: str | None = None) -> Finding:
    return Finding(code, severity_of(code), message, location, reference, note, hint)
