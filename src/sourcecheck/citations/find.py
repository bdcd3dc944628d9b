"""Find the citations in a note.

A note may hold several citations separated by semicolons, and prose around them. Each
part is read as one of:

- "Ibid." / "Ibid., 115." / "Ibidem" / "Ebd., S. 12" / "Там же" -> ibid
- "Tanner, op. cit., 115."                                   -> op. cit.
- "Harold M. Tanner, Where … (Bloomington: …, 2015), 112."    -> full (parsed as a reference)
- "Westad 2003, p. 36" / "Zhou and Gao 1995, vol. 2, p. 44"  -> short (author-year)
- "Tanner, Where Chiang Kai-shek Lost China, 241."            -> short title
- "Mao Zedong Military Anthology, Page 480-482"               -> short title, no author
- "黄友岚：《中国人民解放战争史》，第120页。" / "同上，第121页。" -> short title / ibid
  (Chinese notes; full when they name the publisher or year)

A part that is none of these (a comment, a quotation) yields no citation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from ..models import Citation, CitationKind, Location, Note, Section, locate
from ..parsing.fields import PUBLISHER_WORD_RE, YEAR, normalize_pages, normalize_year
from ..parsing.isbn_list import extract_isbns
from ..parsing.reference import parse_cjk_reference, parse_reference_text

_NOWHERE = Location("", 1, 1)  # cached citations are located when a note uses them
# A family name: Latin, Cyrillic ("Ландау 1988, с. 36") or Greek capitals first.
_FAMILY = r"(?:(?:van|von|de|der|den|di|du|da|la|le|al|el|ter)\s+)*[A-ZÀ-ÞА-ЯЁΑ-Ω][\w'’-]+"
_AUTHORS = (rf"{_FAMILY}(?:\s*(?:,|,?\s+and|,?\s+&|\s+и)\s+{_FAMILY})*"
            r"(?:,?\s+(?:et\s+al\.?|и\s+др\.?))?")


def _locator_pattern(prefix: str = "") -> str:
    """A page locator; group names carry ``prefix`` so the pattern can be embedded twice.

    Bare numbers that look like years (1500–2099) are not pages: "…, 1946–1950, 36".
    """
    no_year = r"(?!1[5-9]\d\d\b|20\d\d\b)"
    return (
        rf"(?:(?:vol\.|volume|v\.|bd\.)\s*(?P<{prefix}vol>\d{{1,3}}|[IVXLC]{{1,6}})\s*[,:]?\s*)?"
        rf"(?:(?:(?P<{prefix}marker>pp?\.|pages?|page|S\.|с\.)\s*)?"
        rf"(?P<{prefix}pages>(?({prefix}marker)|{no_year})[\dixvlc]+(?:\s*[–—-]+\s*[\dixvlc]+)?"
        rf"(?:\s*,\s*{no_year}\d+(?:\s*[–—-]+\s*\d+)?)*)"
        rf"|(?P<{prefix}chapter>(?:chap\.|ch\.|chapter)\s*\d+))?"
    )


_LOCATOR = _locator_pattern()
_AUTHORS_RE = re.compile(_AUTHORS)
_ET_AL = re.compile(r",?\s+(?:et\s+al|и\s+др)\.?$")
_NAME_SEPARATORS = re.compile(r"\s*(?:,\s*and|,\s*&|\band\b|&|,|\sи\s)\s*")
_PAREN_PUBLICATION = re.compile(rf"\([^()]*:[^()]*,\s*{YEAR}\s*\)")
_YEAR_RE = re.compile(YEAR)
_LOCATOR_RE = re.compile(rf"^\s*{_LOCATOR}\s*\.?\s*$", re.I)
_VOLUME_PAGE = re.compile(r"^\s*(?P<vol>\d{1,2}):(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\s*\.?\s*$")
_AUTHOR_YEAR = re.compile(
    rf"(?P<authors>{_AUTHORS})\s*,?\s*\(?(?P<year>{YEAR})\)?"
    rf"(?:\s*[,:]\s*(?P<locator>[^;()]*?))?\s*(?=[.;)]?\s*$|[;)]|,?\s+and\s|,\s+[A-Z])"
)
# Chinese "ibid.": 同上 / 同上书 / 同前注, optionally with "，第12页"
_CJK_IBID = re.compile(r"^\s*(?:同上(?:书|書|注|註)?|同前(?:书|書|注|註)|前揭(?:书|書))"
                       r"\s*[，,。.]?\s*(?:第\s*(?P<pages>\d+(?:\s*[-–—]\s*\d+)?)\s*[页頁])?\s*[。.]?\s*$")
# "Ibid.", "Ibidem", "Id." and their German, Spanish and Russian forms ("Ebd.", "Ebenda",
# "Ibídem", "Там же")
_IBID = re.compile(r"^\s*(?:ibid(?:em)?|ibídem|id|ebd|ebenda|там\s+же)\.?\s*"
                   r"(?:,\s*(?P<locator>.*?))?\s*\.?\s*$", re.I)
_OP_CIT = re.compile(
    rf"^\s*(?P<authors>{_AUTHORS}),?\s+(?:op\.?\s*cit\.?|loc\.?\s*cit\.?)\s*(?:,\s*(?P<locator>.*?))?"
    r"\s*\.?\s*$",
    re.I,
)
_LEAD_IN = re.compile(
    r"^\s*(?:see also|see|cf\.|compare|quoted in|cited in|as cited in|on this,? see|for \w+,? see)"
    r"\s+",
    re.I,
)
_NOT_AUTHORS = frozenset({
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "in", "on", "the", "see", "since", "by", "from", "page",
    "vol", "volume", "spring", "summer", "autumn", "fall", "winter", "after", "before", "until",
    "during", "of", "and", "pp", "p", "ad", "bc", "ce",
})
_TRAILING_LOCATOR = re.compile(
    rf",\s*(?P<locator>{_locator_pattern('t_')})\s*\.?\s*$", re.I
)


@dataclass(frozen=True, slots=True)
class Locator:
    """A page locator as written, normalized ("p. 36", "pp. 12–14"), and a volume."""

    text: str | None
    volume: str | None


def parse_locator(text: str | None) -> Locator | None:
    """Read "p. 36", "pp. 12–14", "115", "vol. 2, p. 44", "2:44", "Page 480-482".

    Returns None when the text is not a locator.
    """
    if text is None:
        return Locator(None, None)
    text = text.strip().rstrip(".")
    if not text:
        return Locator(None, None)
    volume_page = _VOLUME_PAGE.match(text)
    if volume_page:
        return Locator(_pages_text(volume_page.group("pages")), volume_page.group("vol"))
    match = _LOCATOR_RE.match(text)
    if match is None or not (match.group("pages") or match.group("vol") or match.group("chapter")):
        return None
    if match.group("chapter"):
        return Locator(match.group("chapter"), match.group("vol"))
    pages = match.group("pages")
    return Locator(_pages_text(pages) if pages else None, match.group("vol"))


def _pages_text(pages: str) -> str:
    pages = normalize_pages(pages)
    return f"pp. {pages}" if "–" in pages or "," in pages else f"p. {pages}"


def find_citations(note: Note) -> list[Citation]:
    """The citations in one note, in the order written."""
    citations = []
    for offset, c in _read_note_text(note.text):
        location = locate(note.location, note.lines, offset)
        reference = c.reference
        if reference is not None:
            reference = replace(reference, location=location)
        citations.append(Citation(c.kind, c.text, location, note.label, c.authors, c.year,
                                  c.title, c.locator, c.volume, reference))
    return citations


@lru_cache(maxsize=16384)
def _read_note_text(text: str) -> tuple[tuple[int, Citation], ...]:
    """Citations of a note's text with their offsets; located later. Cached, because
    corpora repeat the same notes ("Ibid.", "Tanner 2015, p. 268.") many times."""
    found: list[tuple[int, Citation]] = []
    offset = 0
    for part in _split_parts(text):
        start = text.find(part, offset)
        offset = max(offset, start + len(part)) if start >= 0 else offset
        found.extend((max(start, 0), c) for c in _read_part(part, "", _NOWHERE))
    return tuple(found)


def _split_parts(text: str) -> list[str]:
    """Split at semicolons (";" or Chinese "；") outside parentheses."""
    text = text.replace("；", ";")
    if ";" not in text:
        return [text.strip()] if text.strip() else []
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        depth += char == "("
        depth -= char == ")" and depth > 0
        if char == ";" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def _read_part(part: str, label: str, location: Location) -> list[Citation]:
    text = _LEAD_IN.sub("", part).strip()
    ibid = _IBID.match(text)
    if ibid:
        locator = parse_locator(ibid.group("locator")) or Locator(ibid.group("locator"), None)
        return [Citation(CitationKind.IBID, part, location, label, locator=locator.text,
                         volume=locator.volume)]
    op_cit = _OP_CIT.match(text)
    if op_cit:
        locator = parse_locator(op_cit.group("locator")) or Locator(op_cit.group("locator"), None)
        return [Citation(CitationKind.OP_CIT, part, location, label,
                         authors=_family_names(op_cit.group("authors")),
                         locator=locator.text, volume=locator.volume)]
    cjk = _cjk_citation(part, text, label, location)
    if cjk is not None:
        return [cjk]
    if _is_full_citation(text):
        return [_full_citation(part, text, label, location)]
    short = _author_years(part, text, label, location)
    if short:
        return short
    title = _short_title(part, text, label, location)
    return [title] if title else []


def _cjk_citation(part: str, text: str, label: str, location: Location) -> Citation | None:
    """A Chinese note: "同上，第121页" (ibid.), or a work named by its 《title》 with the
    authors before it and "第120页" after: full when it names the publisher or the year,
    otherwise a short title."""
    ibid = _CJK_IBID.match(text)
    if ibid:
        pages = ibid.group("pages")
        return Citation(CitationKind.IBID, part, location, label,
                        locator=_pages_text(pages) if pages else None)
    reference = parse_cjk_reference(text)
    if reference is None:
        return None
    locator = _pages_text(reference.pages) if reference.pages else None
    # Chinese notes name the whole person ("黄友岚"); references are found by family name
    authors = tuple(n.family or n.literal or "" for n in reference.authors or reference.editors)
    # the year its conventions read (not a year found elsewhere in the text, such as one in
    # the title, which the parser adds when it has none)
    year = reference.year if any(s.field == "year" for s in reference.spans) else None
    if reference.publisher or year:
        full = replace(reference, location=location, section=Section.NOTE, pages=None)
        return Citation(CitationKind.FULL, part, location, label, authors=authors,
                        year=year, title=reference.title, locator=locator,
                        volume=reference.volume, reference=full)
    return Citation(CitationKind.SHORT_TITLE, part, location, label, authors=authors,
                    title=reference.title, locator=locator, volume=reference.volume)


def _is_full_citation(text: str) -> bool:
    """A complete reference: "(Place: Publisher, Year)", or a publisher and a year, or an ISBN."""
    if _PAREN_PUBLICATION.search(text):
        return True
    if extract_isbns(text)[0]:
        return True
    return bool(PUBLISHER_WORD_RE.search(text) and _YEAR_RE.search(text) and text.count(",") >= 2)


def _full_citation(part: str, text: str, label: str, location: Location) -> Citation:
    body, locator = _split_trailing_locator(text)
    reference = parse_reference_text(body, location, Section.NOTE)
    families = tuple(n.sort_name for n in (reference.authors or reference.editors))
    return Citation(CitationKind.FULL, part, location, label, authors=families,
                    year=reference.year, title=reference.title, locator=locator.text,
                    volume=locator.volume or reference.volume, reference=reference)


def _split_trailing_locator(text: str) -> tuple[str, Locator]:
    """"…, 2015), 112." -> ("…, 2015)", p. 112)."""
    text = text.strip().rstrip(".")
    match = _TRAILING_LOCATOR.search(text)
    if match is None:
        return text, Locator(None, None)
    locator = parse_locator(match.group("locator"))
    if locator is None or (locator.text is None and locator.volume is None):
        return text, Locator(None, None)
    return text[: match.start()].rstrip(" ,"), locator


def _author_years(part: str, text: str, label: str, location: Location) -> list[Citation]:
    found = []
    for match in _AUTHOR_YEAR.finditer(text):
        authors = _family_names(match.group("authors"))
        if not authors or authors[0].lower() in _NOT_AUTHORS:
            continue
        if not _starts_a_citation(text[: match.start()]):
            continue  # "… the Chinese Civil War, 1946–1950": a title's last word, not an author
        locator = parse_locator(match.group("locator")) or Locator(None, None)
        found.append(Citation(CitationKind.SHORT, part, location, label, authors=authors,
                              year=normalize_year(match.group("year")), locator=locator.text,
                              volume=locator.volume))
    return found


def _starts_a_citation(before: str) -> bool:
    """An author-year citation starts a part, or follows "(", ",", ";" or a lower-case word."""
    before = before.rstrip()
    if not before or before[-1] in "(;,:":
        return True
    last_word = before.rsplit(None, 1)[-1]
    return last_word[:1].islower()


def _short_title(part: str, text: str, label: str, location: Location) -> Citation | None:
    """"Family, Short Title, 241." or "Title, Page 480-482"; a bare sentence is no citation."""
    body, locator = _split_trailing_locator(text)
    if locator.text is None and locator.volume is None:
        return None
    segments = [s.strip() for s in body.split(",") if s.strip()]
    if not segments or len(segments) > 3:
        return None
    if len(segments) >= 2 and _AUTHORS_RE.fullmatch(segments[0]):
        authors = _family_names(segments[0])
        title = ", ".join(segments[1:])
    else:
        authors, title = (), ", ".join(segments)
    if len(title.split()) > 20:
        return None
    return Citation(CitationKind.SHORT_TITLE, part, location, label, authors=authors,
                    title=title.strip(" .\"“”"), locator=locator.text, volume=locator.volume)


def _family_names(authors: str) -> tuple[str, ...]:
    """"Zhou and Gao" -> ("Zhou", "Gao"); "Smith et al." -> ("Smith",)."""
    authors = _ET_AL.sub("", authors.strip())
    names = _NAME_SEPARATORS.split(authors)
    return tuple(n.strip() for n in names if n.strip())
