"""Does a cited reference agree with a catalogue record? Pure comparisons.

Titles are compared with the subtitle joined or apart, ignoring case, punctuation and
accents; a volume suffix in the catalogue ("…, Volume 2") is dropped first. Titles in
different scripts (a Chinese record, an English citation) are not compared: the cited
title is a translation, not a mistake.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ..models import CatalogueRecord, Name, Reference
from ..normalize import fold, main_title_key, title_key
from ..parsing.fields import year_span

TITLE_SIMILARITY = 90.0  # rapidfuzz ratio (0-100) above which two titles agree
PUBLISHER_SIMILARITY = 85.0
_VOLUME_SUFFIX = re.compile(
    r"[\s,.;:(\[-]*(?:vol(?:ume)?s?\.?|v\.|part|book|tome|band|bd\.?|第)\s*"
    r"(?:\d+|[ivxlc]+|one|two|three|four|five)\b.*$", re.IGNORECASE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af]")
_PUBLISHER_NOISE = frozenset(
    "press publishing publishers publisher house pub co company inc ltd llc the of and "
    "books verlag editions editorial university univ up gmbh corp corporation".split())


def different_scripts(cited: str | None, catalogued: str | None) -> bool:
    """True when one text is written in CJK characters and the other is not."""
    if not cited or not catalogued:
        return False
    return bool(_CJK.search(cited)) != bool(_CJK.search(catalogued))


def strip_volume(title: str) -> str:
    """A catalogue title without its volume suffix: "History, Volume 2" -> "History"."""
    return _VOLUME_SUFFIX.sub("", title).strip() or title


def titles_agree(cited: str, record: CatalogueRecord) -> bool:
    """True when the cited title matches the record's, with or without subtitles."""
    if not record.title:
        return True
    return _title_matches(cited, record.title, record.subtitle)


def cited_titles_agree(a: str, b: str) -> bool:
    """True when two cited titles name one work: either read as a catalogue title
    matches the other (subtitle, case, punctuation, accents and a volume suffix aside),
    or they are written in different scripts (a translation is not a mistake)."""
    return (different_scripts(a, b) or _title_matches(a, b, None)
            or _title_matches(b, a, None))


def _title_matches(cited: str, title: str, subtitle: str | None) -> bool:
    main = strip_volume(title)
    catalogue = {title_key(main), main_title_key(main)}
    if subtitle:
        catalogue.add(title_key(f"{main}: {strip_volume(subtitle)}"))
    cited_keys = {title_key(strip_volume(cited)), main_title_key(cited)}
    catalogue.discard("")
    cited_keys.discard("")
    return any(fuzz.ratio(a, b) >= TITLE_SIMILARITY for a in cited_keys for b in catalogue)


def authors_agree(cited: tuple[Name, ...], record: CatalogueRecord) -> bool:
    """True when some cited family name (or corporate name) is in some catalogue name."""
    if not cited or not record.authors:
        return True
    catalogue = [set(fold(a).split()) for a in record.authors]
    catalogue_text = [fold(a) for a in record.authors]
    for name in cited:
        key = fold(name.sort_name)
        if not key:
            continue
        words = set(key.split())
        if any(words <= names for names in catalogue):
            return True
        if any(fuzz.partial_ratio(key, text) >= TITLE_SIMILARITY for text in catalogue_text):
            return True
    return False


def years_agree(cited: str | None, record: CatalogueRecord) -> bool:
    """True when the record's year is the cited year or inside a cited range."""
    return cited_years_agree(cited, record.year)


def cited_years_agree(a: str | None, b: str | None) -> bool:
    """True when two year fields can name one year: one lies inside the other's range
    ("1995" and "1993–1997"), a letter suffix aside ("2015a"); a missing or unreadable
    year agrees with any."""
    span_a, span_b = year_span(a), year_span(b)
    if span_a is None or span_b is None:
        return True
    return span_a[0] <= span_b[1] and span_b[0] <= span_a[1]


def publishers_agree(cited: str | None, record: CatalogueRecord) -> bool:
    """True when the publishers share their significant words ("Harvard UP" and
    "Belknap Press of Harvard University Press")."""
    if not cited or not record.publisher:
        return True
    a = " ".join(w for w in fold(cited).split() if w not in _PUBLISHER_NOISE)
    b = " ".join(w for w in fold(record.publisher).split() if w not in _PUBLISHER_NOISE)
    if not a or not b:
        return True
    return fuzz.token_set_ratio(a, b) >= PUBLISHER_SIMILARITY


def matches_work(reference: Reference, record: CatalogueRecord) -> bool:
    """True when a record is plausibly the cited work: title and authors agree (used to
    pick the right one of several checksum candidates)."""
    if not record.title or not reference.title:
        return False
    return titles_agree(reference.title, record) and authors_agree(
        reference.authors or reference.editors, record)
