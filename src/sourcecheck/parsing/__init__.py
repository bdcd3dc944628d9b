"""Parsing: entry text to ``Reference`` (names, fields, ISBN lists)."""

from .reference import parse_reference_text

__all__ = ["parse_reference_text"]
