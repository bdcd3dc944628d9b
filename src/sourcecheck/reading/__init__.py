"""Readers: turn an input file into a ``Document``. They know formats, not rules.

``read_document`` never raises for a problem with the user's file: an unreadable file
comes back as an empty ``Document`` whose notices say why, so a run goes on past it.

Each format has one reader module. Text formats register a ``TextReader`` (decoded text
in, ``Document`` out) in ``TEXT_READERS``; container formats such as Word register a
``BytesReader`` in ``BYTES_READERS`` and decode themselves. ``formats.detect_format``
picks the format by suffix, and by content when the suffix lies.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..models import Document, DocumentFormat, Location, NoticeKind, ReadNotice
from .bibtex import read_bibtex
from .csl_json import read_csl_json
from .decode import UnreadableFile, decode_document
from .formats import detect_format
from .html import read_html
from .markdown import read_markdown
from .ris import read_ris
from .text import read_text
from .wikitext import read_wikitext
from .word import read_docx

__all__ = ["BYTES_READERS", "TEXT_READERS", "read_document", "read_text"]

#: (display name, decoded text, notices so far) -> Document
TextReader = Callable[[str, str, tuple[ReadNotice, ...]], Document]
#: (display name, file bytes) -> Document; must not raise for a corrupt file
BytesReader = Callable[[str, bytes], Document]

TEXT_READERS: dict[DocumentFormat, TextReader] = {
    DocumentFormat.TEXT: read_text,
    DocumentFormat.BIBTEX: read_bibtex,
    DocumentFormat.RIS: read_ris,
    DocumentFormat.CSL_JSON: read_csl_json,
    DocumentFormat.MARKDOWN: read_markdown,
    DocumentFormat.WIKITEXT: read_wikitext,
    DocumentFormat.HTML: read_html,
}
BYTES_READERS: dict[DocumentFormat, BytesReader] = {
    DocumentFormat.DOCX: read_docx,
}


def read_document(path: Path, display_path: str | None = None) -> Document:
    """Read one file. ``display_path`` is how reports name it (default: ``str(path)``)."""
    name = display_path or str(path)
    start = Location(name, 1, 1)
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        return _unreadable(name, f"cannot read the file: {reason}")
    document_format = detect_format(path.name, data[:65536])
    bytes_reader = BYTES_READERS.get(document_format)
    if bytes_reader is not None:
        return bytes_reader(name, data)
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
    reader = TEXT_READERS.get(document_format, read_text)
    if not decoded.text.strip():
        notices.append(ReadNotice(NoticeKind.EMPTY, "the file holds no text", start))
        known = document_format if document_format in TEXT_READERS else DocumentFormat.TEXT
        return Document(name, known, decoded.text, notices=tuple(notices))
    return reader(name, decoded.text, tuple(notices))


def _unreadable(name: str, message: str) -> Document:
    notice = ReadNotice(NoticeKind.UNREADABLE, message, Location(name, 1, 1))
    return Document(name, DocumentFormat.TEXT, "", notices=(notice,))
