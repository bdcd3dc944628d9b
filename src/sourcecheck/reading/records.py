"""What the bibliography-file readers (BibTeX, RIS, CSL-JSON) share: line maps for
multi-line records, and ISBN labels that sourcecheck's own exports keep in a note.

sourcecheck's exports put every valid ISBN in the format's ISBN field (where Zotero
keeps it) and spell out in a note which volume each belongs to, which is the set ISBN
and which ISBNs as written were not valid ("vol. 2: ISBN 978-7-80021-961-0; ISBN
978-7-202-00733-4 (set); ISBN as written, not valid: 0-674-03338-9"). Reading such a file
back, ``labelled_isbns`` joins the two again, so a round trip keeps per-volume ISBNs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..isbn import compact
from ..models import LineStart

_VOLUME_NOTE = re.compile(r"\bvol\. (?P<volume>[\w.-]{1,12}): ISBN (?P<isbn>[\dXx-]{10,17})")
_QUALIFIER_NOTE = re.compile(r"\bISBN (?P<isbn>[\dXx-]{10,17}) \((?P<q>set|pbk|hbk|ebook)\)")
_INVALID_NOTE = re.compile(r"\bISBN as written, not valid: (?P<isbn>[^;]+?)\s*(?:;|$)")
_SEPARATORS = re.compile(r"[\s,;]+")


def line_starts(text: str, first_line: int, first_column: int = 1) -> tuple[LineStart, ...]:
    """Where each line of a record's text starts, for a record beginning on ``first_line``
    at ``first_column`` (its later lines start at column 1)."""
    starts = [LineStart(0, first_line, first_column)]
    offset = 0
    for number, line in enumerate(text.split("\n")[:-1], start=1):
        offset += len(line) + 1
        starts.append(LineStart(offset, first_line + number, 1))
    return tuple(starts)


def labelled_isbns(values: Iterable[str], note: str | None) -> list[str]:
    """ISBN field values, one per ISBN, with the volume or qualifier the note gives it.

    A value that already carries labels ("7-80021-719-1 (Volume 1), …") is kept whole;
    a plain list ("978-… 978-…") is split. ISBNs the note calls "not valid" are added
    at the end, so nothing the exporter wrote is lost.
    """
    labels: dict[str, str] = {}
    invalid: list[str] = []
    if note:
        for match in _VOLUME_NOTE.finditer(note):
            labels[compact(match["isbn"])] = f"(Volume {match['volume']})"
        for match in _QUALIFIER_NOTE.finditer(note):
            labels[compact(match["isbn"])] = f"({match['q']})"
        invalid = [m["isbn"].strip() for m in _INVALID_NOTE.finditer(note)]
    out: list[str] = []
    for value in values:
        if "(" in value:
            out.append(value)
            continue
        for number in _SEPARATORS.split(value.strip()):
            if number:
                label = labels.get(compact(number))
                out.append(f"{number} {label}" if label else number)
    return out + invalid
