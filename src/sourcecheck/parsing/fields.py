"""Field patterns shared by the reference parser and the citation finder.

Exact things are found by rules here: years (with ranges and suffixes), editions,
numbers of volumes, page ranges, "Place: Publisher" and World-Library's
"Publisher in City".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..models import Name

YEAR_CORE = r"(?:1[4-9]\d\d|20\d\d)"
# "2003", "2015a", "1993 – 1997", "1946–50", "n.d."
YEAR = rf"(?:{YEAR_CORE}[a-z]?(?:\s*[–—-]\s*(?:{YEAR_CORE}|\d{{2}})(?![\d]))?|n\.\s?d\.?)"
YEAR_RE = re.compile(rf"(?<![\d/])({YEAR})(?![\d/])")
YEAR_ONLY_RE = re.compile(rf"^\s*[(\[]?(?:c\.\s*|ca\.\s*)?({YEAR})[)\]]?\s*[.,]?\s*$")

_ORDINAL_WORDS = {
    "first": "1", "second": "2", "third": "3", "fourth": "4", "fifth": "5", "sixth": "6",
    "seventh": "7", "eighth": "8", "ninth": "9", "tenth": "10",
}
EDITION_RE = re.compile(
    r"\(?\b(?P<edition>(?P<number>\d{1,2})(?:st|nd|rd|th|\.)?|first|second|third|fourth|fifth|"
    r"sixth|seventh|eighth|ninth|tenth|revised|rev\.|new|enlarged|expanded|updated|"
    r"abridged|reprint|2nd rev\.|international)\s*(?:rev\.\s*|revised\s*)?"
    r"(?:ed\.|edn\.?|edition|ed\b)\)?",
    re.I,
)
VOLUMES_RE = re.compile(r"\b(?P<count>\d{1,3})\s*(?:vols?\.?|volumes|Bde\.|tomes)(?=\W|$)", re.I)
VOLUME_RE = re.compile(
    r"\b(?:vol\.|volume|v\.|bd\.|tome)\s*(?P<volume>\d{1,3}|[IVXLC]{1,6})\b", re.I
)
PAGES_RE = re.compile(
    r"\b(?:pp?\.|pages?|S\.)\s*(?P<pages>[\dixvlc]+(?:\s*[‐‑‒–—-]+\s*[\dixvlc]+)?)", re.I
)
PAGE_COUNT_RE = re.compile(r"^\s*(?P<count>\d{1,5})\s*(?:pp?\.|pages)\s*$", re.I)

# "Cambridge: Cambridge University Press", "Stanford, CA: Stanford UP, 2003"
# A place: up to four capitalised words ("Frankfurt am Main", "Chapel Hill"), an optional
# ", MA" or ", New York", and an optional second place ("London and New York").
_PLACE_WORD = r"(?:[A-Z][\w'’.-]*|am|an|de|del|da|upon|on|la|le|sur|im)"
_ONE_PLACE = rf"[A-Z][\w'’.-]*(?:[ -]{_PLACE_WORD}){{0,3}}(?:,\s*[A-Z][\w.]*(?: [A-Z][\w.]*)?)?"
PLACE = rf"{_ONE_PLACE}(?:\s*(?:and|&|/|;)\s*{_ONE_PLACE})?"
PLACE_PUBLISHER_RE = re.compile(
    rf"^(?P<place>{PLACE})\s*:\s*(?P<publisher>[^:;]{{2,120}}?)"
    rf"(?:,\s*(?P<year>{YEAR}))?\s*[.,]?\s*$"
)
# "Archives Publishing House in Beijing"
PUBLISHER_IN_PLACE_RE = re.compile(
    r"^(?P<publisher>.+?(?:House|Press|Publishers?|Publishing|Company|Co\.|Books|Bookstore|"
    r"Society|Shuju|Chubanshe))\s+in\s+(?P<place>[A-Z][\w'’-]+(?:[ -][A-Z][\w'’-]+){0,2})\s*$"
)
PUBLISHER_WORD_RE = re.compile(
    r"\b(?:Press|Publish\w*|Publishers?|Verlag|Books|Bookstore|Éditions|Editions|Editorial|"
    r"Presses|House|Company|Co\.|Inc\.|Ltd\.?|University|Routledge|Penguin|Springer|Wiley|"
    r"Elsevier|Macmillan|Norton|Knopf|Doubleday|Harper\w*|Longman|Blackwell|Brill|"
    r"Bloomsbury|Sage|Clarendon|Chubanshe|Shuju)\b|"
    # "Garland Pub.", "Delmar Pub,": the abbreviation at a part's end ("Pub Health" is none)
    r"\bPub(?=[.,;:]|\s*$)"
)


# The dashes a bibliography repeats for "the same authors as above" ("———.", "---",
# "______"): hyphen-minus, en, em, figure and horizontal-bar dashes, and the underscore.
DITTO_DASHES = "-–—‒―_"
_DASH_RUN = re.compile(r"\s*[‐‑‒–—-]+\s*")  # hyphens (U+2010–2012 too) and dashes
_YEAR_CORE_RE = re.compile(YEAR_CORE)
_YEAR_SUFFIX_RE = re.compile(rf"{YEAR_CORE}([a-z])$")
_YEAR_END_RE = re.compile(rf"–\s*({YEAR_CORE}|\d{{2}})$")


def normalize_year(text: str) -> str:
    """"1993 – 1997" -> "1993–1997"; "n. d." -> "n.d."."""
    text = text.strip().rstrip(".,")
    if text.lower().startswith("n"):
        return "n.d."
    return _DASH_RUN.sub("–", text)


def first_year(year: str | None) -> int | None:
    """The first four-digit year of a year field ("1993–1997" -> 1993)."""
    if not year:
        return None
    match = _YEAR_CORE_RE.search(year)
    return int(match.group()) if match else None


def year_suffix(year: str | None) -> str:
    """"2015a" -> "a"; "" when there is none."""
    if not year:
        return ""
    match = _YEAR_SUFFIX_RE.match(year)
    return match.group(1) if match else ""


def year_span(year: str | None) -> tuple[int, int] | None:
    """First and last year of a year field.

    >>> year_span("1993–1997"), year_span("1946–50"), year_span("2015a")
    ((1993, 1997), (1946, 1950), (2015, 2015))
    """
    first = first_year(year)
    if first is None or year is None:
        return None
    match = _YEAR_END_RE.search(year)
    if not match:
        return first, first
    end = match.group(1)
    last = int(end) if len(end) == 4 else first // 100 * 100 + int(end)
    return first, max(first, last)


# A numbered edition in other languages: German "3. Aufl." / "3., überarb. Auflage", French
# "3e éd." / "1re édition", Spanish, Italian and Portuguese "3a ed." / "3ª edición" /
# "2.ª edição" / "2a edizione", Dutch "3e druk", Russian "3-е изд.".
_EDITION_OTHER_LANGUAGES = re.compile(
    r"\b(?P<number>\d{1,2})(?:\.|e|re|er|ème|eme|a|ª|\.ª|\.a|-е|-e)?,?\s*"
    r"(?:[^\W\d_]+\.?,?\s+){0,3}?"  # "überarb.", "verb. u. erw."
    r"(?:Aufl\b|Auflage|éd\b|édition|ed\b|edición|edizione|edição|druk|изд\b|издание)",
    re.I)


def normalize_edition(text: str) -> str:
    """"1st Edition" -> "1"; "Second edition" -> "2"; "Revised ed." -> "Revised"; "3.
    Aufl." and "3e éd." -> "3"."""
    match = EDITION_RE.search(text)
    if not match:
        other = _EDITION_OTHER_LANGUAGES.search(text)
        return other.group("number") if other else text.strip()
    if match.group("number"):
        return match.group("number")
    word = match.group("edition").lower().rstrip(".")
    if word in _ORDINAL_WORDS:
        return _ORDINAL_WORDS[word]
    return {"rev": "Revised", "2nd rev": "2"}.get(word, word.capitalize())


def normalize_pages(text: str) -> str:
    """"12 - 14" -> "12–14"."""
    return _DASH_RUN.sub("–", text.strip())


@dataclass
class FieldDraft:
    """A reference's fields found so far, by the rules or from tagged spans (mutable
    while one entry is read, then frozen into a ``Reference``)."""

    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    title: str | None = None
    year: str | None = None
    edition: str | None = None
    publisher: str | None = None
    address: str | None = None
    volumes: str | None = None
    volume: str | None = None
    series: str | None = None
    pages: str | None = None
    booktitle: str | None = None
    journal: str | None = None
