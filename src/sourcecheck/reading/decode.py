"""Bytes to text: detect binary files, decode UTF-8 (replacing bad bytes), normalize newlines.

A file that cannot be a text document raises ``UnreadableFile`` with a message fit for
the user; a file that decodes only with replacements is returned with a notice.
"""

from __future__ import annotations

from dataclasses import dataclass

# Magic numbers of formats people drop into a folder of documents by mistake.
_MAGIC = (
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (a .docx, .xlsx or .zip file)"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office file (.doc)"),
)

MAX_BYTES = 64 * 1024 * 1024


class UnreadableFile(Exception):
    """The file is not a text document; the message says why."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    replaced: int  # how many bad bytes became U+FFFD
    first_bad_line: int | None


def decode_document(data: bytes) -> DecodedText:
    """Decode a file's bytes as a text document.

    UTF-8 (with or without BOM) and BOM-marked UTF-16 are read as such; invalid UTF-8
    bytes are replaced with U+FFFD and counted. Newlines become "\\n".
    """
    if len(data) > MAX_BYTES:
        raise UnreadableFile(
            f"too large: {len(data) / 1e6:.0f} MB (the limit is {MAX_BYTES // (1024 * 1024)} MiB)"
        )
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise UnreadableFile(f"binary file: {what}, not a text document")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return DecodedText(_newlines(data.decode("utf-16")), 0, None)
        except UnicodeDecodeError as exc:
            raise UnreadableFile("broken UTF-16 text") from exc
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    head = data[:8192]
    if b"\x00" in head or _control_share(head) > 0.05:
        raise UnreadableFile("binary file: it holds control bytes, not text")
    try:
        return DecodedText(_newlines(data.decode("utf-8")), 0, None)
    except UnicodeDecodeError as exc:
        first_bad_line = data.count(b"\n", 0, exc.start) + 1
        text = data.decode("utf-8", errors="replace")
        return DecodedText(_newlines(text), text.count("\ufffd"), first_bad_line)


_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))


def _control_share(head: bytes) -> float:
    if not head:
        return 0.0
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls / len(head)


def _newlines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")
