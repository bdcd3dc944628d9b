"""Find the ISBNs written in an entry: labelled lists, qualifiers and volume labels.

Handles "ISBN 0-8047-4478-5", "ISBN-13: 978-…", several ISBNs in one entry,
qualifiers "(pbk.)", "(hbk.)", "(set)", and volume lists such as
"ISBN 7-80021-719-1 (Volum 1), 7800219615 (Volum 2), … and 7801370953 (Volume 5)":
one ``Identifier`` per number. Numbers without an "ISBN" label are taken only when they
are valid ISBNs, so years, pages and phone numbers are never mistaken for them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import isbn
from ..models import Identifier, Qualifier
from .cjk import chinese_numeral

_LABEL = re.compile(r"\bISBN(?:[- ]?1[03])?\b\s*:?\s*", re.I)
# A written number: digits (and letters glued to them, to report typos), joined by
# hyphens or single spaces before a digit.
_VALUE = re.compile(r"[0-9Xx](?:[0-9A-Za-z]|[-‐‑–][0-9A-Za-z]|\s(?=\d))*")
_QUALIFIER_PAREN = re.compile(r"\s*[(（]([^()（）]{1,40})[)）]")
_LIST_SEPARATOR = re.compile(r"\s*(?:,\s*and\s+|,|;|/|\band\b|&|，|；|、)\s*")
_BARE = re.compile(
    r"(?<![\w/.-])(?:97[89][-‐‑– ]?)?\d{1,5}[-‐‑– ]?\d{1,7}[-‐‑– ]?\d{1,7}[-‐‑– ]?[\dXx](?![\w/-])"
)

_QUALIFIER_WORDS = {
    "set": Qualifier.SET, "the set": Qualifier.SET, "set of volumes": Qualifier.SET,
    "pbk": Qualifier.PBK, "paperback": Qualifier.PBK, "pb": Qualifier.PBK, "paper": Qualifier.PBK,
    "softcover": Qualifier.PBK, "hbk": Qualifier.HBK, "hardback": Qualifier.HBK,
    "hardcover": Qualifier.HBK, "hb": Qualifier.HBK, "hc": Qualifier.HBK, "cloth": Qualifier.HBK,
    "ebook": Qualifier.EBOOK, "e-book": Qualifier.EBOOK, "electronic": Qualifier.EBOOK,
    "online": Qualifier.EBOOK, "pdf": Qualifier.EBOOK, "epub": Qualifier.EBOOK,
    "kindle": Qualifier.EBOOK,
    # Chinese: 套 (set), 平装 (paperback), 精装 (hardback), 电子书 (e-book)
    "套": Qualifier.SET, "全套": Qualifier.SET, "套书": Qualifier.SET, "套書": Qualifier.SET,
    "平装": Qualifier.PBK, "平裝": Qualifier.PBK, "精装": Qualifier.HBK, "精裝": Qualifier.HBK,
    "电子书": Qualifier.EBOOK, "電子書": Qualifier.EBOOK,
}
# "第二册", "第3卷", "上册": a volume of a Chinese set
_CJK_VOLUME_LABEL = re.compile(r"^第?\s*(?P<number>[一二三四五六七八九十\d]{1,3})\s*[册冊卷]$")
_VOLUME_LABEL = re.compile(r"^(?P<word>[A-Za-z]+\.?)\s*(?P<number>\d{1,3}|[IVXLC]{1,6})$")
_VOLUME_WORDS = ("vol.", "vol", "volume", "v.", "bd.", "band", "tome", "t.", "book", "part", "pt.")
_VOLUME_STEMS = ("volume", "vol")


@dataclass(frozen=True, slots=True)
class IsbnSpan:
    """Where the ISBN part of an entry lies, so field parsing can leave it out."""

    start: int
    end: int


def extract_isbns(text: str) -> tuple[list[Identifier], list[IsbnSpan]]:
    """Every ISBN written in ``text`` with its qualifier, volume and offset."""
    identifiers: list[Identifier] = []
    spans: list[IsbnSpan] = []
    covered_until = -1
    for label in _LABEL.finditer(text):
        if label.start() < covered_until:
            continue
        found, end = _read_list(text, label.end())
        if found:
            identifiers.extend(found)
            spans.append(IsbnSpan(label.start(), end))
            covered_until = end
    for bare in _BARE.finditer(text):
        if any(span.start <= bare.start() < span.end for span in spans):
            continue
        if not isbn.is_valid(bare.group()):
            continue
        found, end = _read_list(text, bare.start())
        identifiers.extend(found)
        spans.append(IsbnSpan(bare.start(), end))
    identifiers.sort(key=lambda i: i.offset)
    spans.sort(key=lambda s: s.start)
    return identifiers, spans


def _read_list(text: str, position: int) -> tuple[list[Identifier], int]:
    """Read "value (label), value (label) and value" from ``position``."""
    found: list[Identifier] = []
    end = position
    while True:
        value = _VALUE.match(text, position)
        if value is None:
            break
        raw = value.group().rstrip()
        labels: list[str] = []
        cursor = value.end()
        while paren := _QUALIFIER_PAREN.match(text, cursor):
            labels.append(paren.group(1).strip())
            cursor = paren.end()
        found.append(_identifier(raw, value.start(), labels))
        end = cursor
        separator = _LIST_SEPARATOR.match(text, cursor)
        if separator is None or not _VALUE.match(text, separator.end()):
            break
        if _LABEL.match(text, separator.end()):
            break  # "…, ISBN 978-…": the next labelled list starts there
        position = separator.end()
    return found, end


def _identifier(raw: str, offset: int, labels: list[str]) -> Identifier:
    qualifier: Qualifier | None = None
    volume: str | None = None
    for label in labels:
        for piece in re.split(r"\s*[,;，；]\s*", label):
            word = piece.lower().rstrip(".").strip()
            if word in _QUALIFIER_WORDS:
                qualifier = qualifier or _QUALIFIER_WORDS[word]
                continue
            number = _volume_number(piece)
            if number is not None:
                volume = number
                qualifier = qualifier or Qualifier.VOL
    try:
        isbn13: str | None = isbn.to_isbn13(raw)
    except isbn.IsbnError:
        isbn13 = None
    return Identifier("isbn", raw, isbn13, volume, qualifier,
                      ", ".join(labels) if labels else None, offset)


def _volume_number(label: str) -> str | None:
    """The volume number of a label that is meant as a volume label ("Volum 2" too,
    "第二册" as 2)."""
    chinese = _CJK_VOLUME_LABEL.match(label.strip())
    if chinese:
        return chinese_numeral(chinese.group("number"))
    match = _VOLUME_LABEL.match(label.strip())
    if match is None:
        return None
    word = match.group("word").lower()
    if word in _VOLUME_WORDS or _near_volume_word(word):
        return match.group("number")
    return None


def _near_volume_word(word: str) -> bool:
    """A misspelt "volume"/"vol" such as "Volum", "Volme", "Vloume"."""
    from rapidfuzz.distance import Levenshtein

    bare = word.rstrip(".")
    return len(bare) >= 3 and any(
        Levenshtein.distance(bare, stem) <= (1 if len(stem) <= 3 else 2) for stem in _VOLUME_STEMS
    ) and bare not in ("vo", "col")


def volume_label_problem(label: str | None) -> str | None:
    """How a malformed volume label should read, or None when it is well formed.

    >>> volume_label_problem("Volum 1")
    'Volume 1'
    >>> volume_label_problem("Vol. 2") is None
    True
    """
    if not label:
        return None
    for piece in re.split(r"\s*[,;]\s*", label):
        match = _VOLUME_LABEL.match(piece.strip())
        if match is None:
            continue
        word = match.group("word").lower()
        if word not in _VOLUME_WORDS and _near_volume_word(word):
            return f"Volume {match.group('number')}"
    return None
