"""Readers: turn an input file into a ``Document``. They know formats, not rules.

``read_document`` never raises for a problem with the user's file: an unreadable file
comes back as an empty ``Document`` whose notices say why, so a run goes on past it.
"""

from __future__ import annotations

from pathlib import Path

from ..models import Document, DocumentFormat, Location, NoticeKind, ReadNotice
from .decode import UnreadableFile, decode_document
from .text import read_text

__all__ = ["read_document", "read_text"]


def read_document(path: Path, display_path: str | None = None) -> Document:
    """Read one file. ``display_path`` is how reports name it (default: ``str(path)``)."""
    name = display_path or str(path)
    start = Location(name, 1, 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return _unreadable(name, f"cannot read the file: {reason}")
    try:
        decoded = decode_document(data)
    except UnreadableFile as exc:
        return _unreadable(name, str(exc))
    notices: list[ReadNotice] = []
    if decoded.replaced:
        where = Location(name, decoded.first_bad_line or 1, 1)
        notices.append(ReadNotice(
            NoticeKind.ENCODING_REPLACED,
            f"not valid UTF-8: {decoded.replaced} byte(s) replaced with U+FFFD "
            f"(first on line {where.line}); save the file as UTF-8",
            where,
        ))
    if not decoded.text.strip():
        notices.append(ReadNotice(NoticeKind.EMPTY, "the file holds no text", start))
        return Document(name, DocumentFormat.TEXT, decoded.text, notices=tuple(notices))
    return read_text(name, decoded.text, tuple(notices))


def _unreadable(name: str, message: str) -> Document:
    notice = ReadNotice(NoticeKind.UNREADABLE, message, Location(name, 1, 1))
    return Document(name, DocumentFormat.TEXT, "", notices=(notice,))
