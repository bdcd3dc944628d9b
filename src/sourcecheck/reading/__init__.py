"""Readers: turn an input file into a ``Document``. They know formats, not rules.

``read_document`` never raises for a problem with the user's file: an unreadable file
comes back as an empty ``Document`` whose notices say why, so a run goes on past it.

Each format has one reader module. Text formats register a ``TextReader`` (decoded text
in, ``Document`` out) in ``TEXT_READERS``; container formats such as Word register a
``BytesReader`` in ``BYTES_READERS`` and decode themselves. ``formats.detect_format``
picks the format by suffix, and by content when the suffix lies.

The registries name readers as "module:function" and import a reader the first time its
format is met: a run over plain text never loads lxml, python-docx or mwparserfromhell,
which would cost a tenth of a second at every start.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import cast

from ..models import Document, DocumentFormat, Location, NoticeKind, ReadNotice
from .decode import UnreadableFile, decode_document
from .formats import detect_format
from .text import read_text

__all__ = ["BYTES_READERS", "TEXT_READERS", "bytes_reader", "read_document", "read_text",
           "text_reader"]

#: (display name, decoded text, notices so far) -> Document
TextReader = Callable[[str, str, tuple[ReadNotice, ...]], Document]
#: (display name, file bytes) -> Document; must not raise for a corrupt file
BytesReader = Callable[[str, bytes], Document]

TEXT_READERS: dict[DocumentFormat, str] = {
    DocumentFormat.TEXT: "text:read_text",
    DocumentFormat.BIBTEX: "bibtex:read_bibtex",
    DocumentFormat.RIS: "ris:read_ris",
    DocumentFormat.CSL_JSON: "csl_json:read_csl_json",
    DocumentFormat.MARKDOWN: "markdown:read_markdown",
    DocumentFormat.WIKITEXT: "wikitext:read_wikitext",
    DocumentFormat.HTML: "html:read_html",
}
BYTES_READERS: dict[DocumentFormat, str] = {
    DocumentFormat.DOCX: "word:read_docx",
}


@cache
def _load(name: str) -> Callable[..., Document]:
    """The reader a registry names ("module:function" in this package)."""
    module, _, function = name.partition(":")
    return cast(Callable[..., Document], getattr(
        importlib.import_module(f".{module}", __name__), function))


def text_reader(document_format: DocumentFormat) -> TextReader:
    """The reader of a text format (the plain-text reader for a format without one)."""
    name = TEXT_READERS.get(document_format)
    return _load(name) if name else read_text


def bytes_reader(document_format: DocumentFormat) -> BytesReader | None:
    """The reader of a container format, or None when the format is read as text."""
    name = BYTES_READERS.get(document_format)
    return _load(name) if name else None


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
    read_container = bytes_reader(document_format)
    if read_container is not None:
        return read_container(name, data)
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
    reader = text_reader(document_format)
    if not decoded.text.strip():
        notices.append(ReadNotice(NoticeKind.EMPTY, "the file holds no text", start))
        known = document_format if document_format in TEXT_READERS else DocumentFormat.TEXT
        return Document(name, known, decoded.text, notices=tuple(notices))
    return reader(name, decoded.text, tuple(notices))


def _unreadable(name: str, message: str) -> Document:
    notice = ReadNotice(NoticeKind.UNREADABLE, message, Location(name, 1, 1))
    return Document(name, DocumentFormat.TEXT, "", notices=(notice,))
