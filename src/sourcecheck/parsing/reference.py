"""Parse one bibliography entry into a ``Reference``.

Styles handled by rules: World-Library comma lists ("Huang, Youlan, Title, 1st Edition,
Archives Publishing House in Beijing, 1992, ISBN …"), Wikipedia/CS1 ("Family, Given
(Year). Title. Place: Publisher. ISBN …"), Chicago bibliography ("Family, Given. Title.
Place: Publisher, Year.") and notes ("Given Family, Title (Place: Publisher, Year), 12"),
Chicago author-date, APA and MLA books, and the common article and chapter shapes.

The entry's ``raw`` text is always kept; whatever cannot be read stays out of the fields
rather than being guessed into the wrong one.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from ..models import FieldSpan, Identifier, Location, Name, Reference, ReferenceKind, Section
from .assemble import read_tagged
from .cjk import read_cjk
from .fields import (
    DITTO_DASHES,
    EDITION_RE,
    PAGE_COUNT_RE,
    PAGES_RE,
    PLACE_PUBLISHER_RE,
    PUBLISHER_IN_PLACE_RE,
    PUBLISHER_WORD_RE,
    VOLUME_RE,
    VOLUMES_RE,
    YEAR,
    YEAR_ONLY_RE,
    YEAR_RE,
    FieldDraft,
    normalize_edition,
    normalize_pages,
    normalize_year,
)
from .isbn_list import extract_isbns
from .names import (
    is_chinese_family_first,
    is_corporate,
    is_initial,
    looks_like_personal_name,
    split_names,
    strip_final_period,
)
from .tagger import ModelMissingError, tag_reference

_PAREN_YEAR = re.compile(rf"\(\s*(?:c\.\s*)?({YEAR})\s*\)")
_PAREN_PUBLICATION = re.compile(
    rf"\(\s*(?:(?P<place>[^():;]{{2,60}}?)\s*:\s*)?(?P<publisher>[^():;]{{2,120}}?),\s*"
    rf"(?P<year>{YEAR})\s*\)"
)
_EDITOR_MARK = re.compile(r"(?:,\s*|\s+)\(?(?:eds?\.|editors?|Hrsg\.|dir\.|comp\.)\)?\.?\s*$", re.I)
_URL = re.compile(r"(?:(?:Retrieved|Archived|Accessed)\b[^.]*?(?:from\s+)?)?(?:https?://|www\.)\S+",
                  re.I)
_DOI = re.compile(r"\b(?:doi:\s*|https?://(?:dx\.)?doi\.org/)?10\.\d{4,9}/\S+", re.I)
_TRAILING_ACCESS = re.compile(r"(?:Retrieved|Accessed|Archived)\s+(?:on\s+)?[\w ,]+\d{4}\.?\s*$",
                              re.I)
_BOUNDARY = re.compile(r"([.?!])([”\"’)]?)\s+(?=\S)")
_ABBREVIATIONS = frozenset("""
ed eds vol vols no nos pp p trans tr rev repr jr sr st dr mr mrs ms co inc ltd al etc ca c
univ dept bd hrsg mass calif ch chap pt fig comp coll ser vs cf esp approx illus orig pub
publ edn n.d d.c n.y u.s u.k e.g i.e ibid op cit nr bk
""".split())
_COUNT_OF_VOLUMES_END = re.compile(r"\b\d{1,3}\s*vols?$", re.I)
_TITLE_STOPWORDS = frozenset({"the", "a", "an", "on", "in", "of", "to", "from", "history", "war",
                              "and", "for", "with", "anthology", "records", "collection"})
_JOURNAL = re.compile(
    r"^(?P<journal>[A-Z][^\d:;]{2,120}?),?\s+(?P<volume>\d{1,4})"
    r"(?:\s*\((?P<issue>[^)]{1,20})\)|,\s*no\.\s*(?P<no>\d+))?"
    rf"(?:\s*\((?P<year>{YEAR})\))?\s*[:,]\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\.?$"
)
_IN_EDITED_BY = re.compile(
    r"^In\s+(?P<booktitle>.+?),\s*(?:edited by|ed\.|eds\.)\s+(?P<editors>[^,]+?)"
    r"(?:,\s*(?:pp?\.\s*)?(?P<pages>\d+(?:\s*[–-]\s*\d+)?))?\.?$", re.I)
_IN_EDITORS_FIRST = re.compile(
    r"^In\s+(?P<editors>.+?)\s*\((?:eds?\.|Hrsg\.)\),?\s*(?P<booktitle>.+?)"
    r"(?:\s*\(pp?\.\s*(?P<pages>\d+(?:\s*[–-]\s*\d+)?)\))?\.?$", re.I)




_NOWHERE = Location("<text>", 1, 1)


def parse_reference_text(text: str, location: Location | None = None,
                         section: Section = Section.BIBLIOGRAPHY,
                         reference_id: str = "") -> Reference:
    """Parse reference text into a ``Reference``; never raises on odd input.

    Each distinct text is parsed once per process: corpora cite the same books again
    and again, and parsing is the costliest stage.
    """
    parsed = _parse_text(text)
    if location is None and section is Section.BIBLIOGRAPHY and not reference_id:
        return parsed
    return replace(parsed, location=location or _NOWHERE, section=section, id=reference_id)


@lru_cache(maxsize=16384)
def _parse_text(text: str) -> Reference:
    cjk = parse_cjk_reference(text)
    if cjk is not None:
        return cjk
    try:
        tagged = tag_reference(text)
    except ModelMissingError as error:
        _warn_model_missing(str(error))
        return _parse_by_rules(text)
    identifiers, _isbn_spans = extract_isbns(text)
    fields = read_tagged(text, tagged)
    reference = _finish(text, _NOWHERE, Section.BIBLIOGRAPHY, "", fields, tuple(identifiers))
    return replace(reference, spans=(*fields.spans, *_isbn_field_spans(identifiers)))


def parse_cjk_reference(text: str) -> Reference | None:
    """A Chinese-script entry read by its conventions (``cjk``), whose marks are exact:
    the tagger, trained on Latin-script references, does not see it. None when the text
    follows none of them."""
    cjk = read_cjk(text)
    if cjk is None:
        return None
    draft, spans = cjk
    identifiers, _isbn_spans = extract_isbns(text)
    reference = _finish(text, _NOWHERE, Section.BIBLIOGRAPHY, "", draft, tuple(identifiers))
    return replace(reference, spans=(*spans, *_isbn_field_spans(identifiers)))


def _isbn_field_spans(identifiers: list[Identifier]) -> tuple[FieldSpan, ...]:
    return tuple(FieldSpan("isbn", i.offset, i.offset + len(i.raw)) for i in identifiers)


_DITTO = re.compile(rf"^[{re.escape(DITTO_DASHES)}]{{2,}}\.?$")


def carry_ditto_authors(references: Sequence[Reference]) -> list[Reference]:
    """A bibliography's "———." (or "---", "______") stands for the authors of the entry
    above it (Chicago's 3-em dash): give such a reference those authors (or editors), so
    that "Westad 2005" finds "———. 2005. …". References in order; the first entry, or one
    after an entry with no names, keeps its dash."""
    out: list[Reference] = []
    for reference in references:
        previous = out[-1] if out else None
        if previous is not None:
            people = previous.authors or previous.editors
            if people and _is_ditto(reference.authors):
                reference = replace(reference, authors=people)
            elif people and not reference.authors and _is_ditto(reference.editors):
                reference = replace(reference, editors=people)
        out.append(reference)
    return out


def _is_ditto(people: tuple[Name, ...]) -> bool:
    return len(people) == 1 and _DITTO.match(people[0].literal or "") is not None


@cache
def _warn_model_missing(message: str) -> None:
    """Say once per process that the tagger is missing and the rules stand in."""
    warnings.warn(f"{message}; parsing by rules only", RuntimeWarning, stacklevel=3)


def parse_by_rules(text: str) -> Reference:
    """The rule parser alone (no tagger): the fallback when the model is missing, and a
    baseline for the accuracy benchmark."""
    return _parse_by_rules(text)


def _parse_by_rules(text: str) -> Reference:
    cjk = parse_cjk_reference(text)
    if cjk is not None:
        return cjk
    identifiers, spans = extract_isbns(text)
    rest = text
    for span in reversed(spans):
        rest = rest[: span.start] + " " + rest[span.end :]
    draft = FieldDraft()
    _parse(_tidy(_remove_links(rest)), draft)
    return _finish(text, _NOWHERE, Section.BIBLIOGRAPHY, "", draft, tuple(identifiers))


def _remove_links(text: str) -> str:
    text = _DOI.sub(" ", text)
    text = _URL.sub(" ", text)
    return _TRAILING_ACCESS.sub(" ", text)


def _tidy(text: str) -> str:
    """Collapse what removing ISBNs and links leaves behind: ", ." -> ".", doubled spaces."""
    text = re.sub(r"\bISBN(?:[- ]?1[03])?\s*:?\s*(?=[,.;]|$)", " ", text)
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:])(?=\s|$)", r"\1", text)
    text = re.sub(r"([,;:])(?:\s*[,;:])+", r"\1", text)
    text = re.sub(r"([.,;:])\s*\.(?=\s|$)", r"\1", text)
    text = re.sub(r"[,;:]\s*\.", ".", text)
    return text.strip(" ,;:")


def _parse(text: str, draft: FieldDraft) -> None:
    text = _take_paren_publication(text, draft)
    paren_year = _PAREN_YEAR.search(text)
    if paren_year and paren_year.start() <= 250:
        prefix = text[: paren_year.start()].strip()
        if not prefix or _take_authors(prefix, draft):
            draft.year = normalize_year(paren_year.group(1))
            _parse_after_authors(text[paren_year.end():].lstrip(" .,:;"), draft)
            return
    blocks = _blocks(text)
    if _is_comma_style(text, blocks):
        _parse_comma_style(text, draft)
        return
    rest = _take_author_prefix(text, draft)
    _parse_after_authors(rest, draft)


def _take_paren_publication(text: str, draft: FieldDraft) -> str:
    """Chicago notes put "(Place: Publisher, Year)" after the title; take it out."""
    match = _PAREN_PUBLICATION.search(text)
    if match is None or not (match.group("place") or PUBLISHER_WORD_RE.search(match.group(0))):
        return text
    draft.address = match.group("place").strip() if match.group("place") else None
    draft.publisher = match.group("publisher").strip()
    draft.year = normalize_year(match.group("year"))
    return _tidy(text[: match.start()] + text[match.end():])


def _blocks(text: str) -> list[str]:
    """Split at sentence ends that are not initials or abbreviations."""
    blocks: list[str] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        punct_at = match.start(1)
        token = text[start:punct_at].rsplit(None, 1)[-1] if text[start:punct_at].strip() else ""
        if match.group(1) == "." and not match.group(2):
            bare = token.lower().lstrip("([").rstrip(".")
            edition_end = EDITION_RE.search(text, max(start, punct_at - 30), punct_at + 1)
            if (edition_end and edition_end.end() == punct_at + 1) or \
                    _COUNT_OF_VOLUMES_END.search(text, max(start, punct_at - 12), punct_at):
                pass  # "3rd ed." and "5 vols." end their sentence
            elif bare in _ABBREVIATIONS or (is_initial(token + ".") and len(token) <= 3):
                continue
            if text[match.end():match.end() + 1].islower():
                continue  # "ed. by", "trans. from": the sentence goes on
        block = text[start:match.end(2) if match.group(2) else punct_at + 1].strip()
        if block:
            blocks.append(block)
        start = match.end()
    tail = text[start:].strip()
    if tail:
        blocks.append(tail)
    return blocks


def _is_comma_style(text: str, blocks: list[str]) -> bool:
    """World-Library and note style: one sentence of comma-separated fields (or two,
    when the first already holds the publisher, as in "…, Publisher in City, 1992. ")."""
    first = blocks[0] if blocks else text
    if len(blocks) > 2:
        return False
    segments = _split_commas(first)
    if len(segments) == 2 and len(blocks) == 1:
        # a note's "Given Family, Title" once "(Place: Publisher, Year)" is taken out
        return _natural_name(segments[0]) or is_chinese_family_first(segments[0])
    if len(segments) < 3:
        return False
    return len(blocks) == 1 or any(
        PUBLISHER_IN_PLACE_RE.match(s) or PLACE_PUBLISHER_RE.match(s) for s in segments[1:]
    )


def _split_commas(text: str) -> list[str]:
    """Split at commas outside parentheses and brackets."""
    segments: list[str] = []
    depth = 0
    current: list[str] = []
    for char in text:
        if char in "([":
            depth += 1
        elif char in ")]" and depth:
            depth -= 1
        if char == "," and depth == 0:
            segments.append("".join(current).strip())
            current = []
        else:
            current.append(char)
    segments.append("".join(current).strip())
    return [s for s in segments if s]


def _parse_comma_style(text: str, draft: FieldDraft) -> None:
    segments = _split_commas(text.rstrip(". "))
    # Publication fields stand at the right end; read them from there.
    while len(segments) > 1 and _take_publication_segment(segments[-1].strip(" ."), draft):
        segments.pop()
    names_end = _comma_style_names(segments, draft)
    title_segments = segments[names_end:]
    if title_segments:
        draft.title = _clean_title(", ".join(title_segments), draft)


def _take_publication_segment(segment: str, draft: FieldDraft) -> bool:
    """Fill one field from a right-hand segment; False when it is not one (or taken)."""
    year = YEAR_ONLY_RE.match(segment)
    if year:
        if draft.year:
            return False
        draft.year = normalize_year(year.group(1))
        return True
    edition = EDITION_RE.fullmatch(segment)
    if edition:
        if draft.edition:
            return False
        draft.edition = normalize_edition(segment)
        return True
    volumes = VOLUMES_RE.fullmatch(segment)
    if volumes:
        draft.volumes = draft.volumes or volumes.group("count")
        return True
    in_place = PUBLISHER_IN_PLACE_RE.match(segment)
    if in_place and not draft.publisher:
        draft.publisher, draft.address = in_place.group("publisher"), in_place.group("place")
        return True
    if _take_place_publisher(segment, draft):
        return True
    pages = PAGES_RE.fullmatch(segment)
    if pages and not draft.pages:
        draft.pages = normalize_pages(pages.group("pages"))
        return True
    if PUBLISHER_WORD_RE.search(segment) and not draft.publisher and len(segment.split()) <= 8:
        draft.publisher = segment
        return True
    return False


def _take_place_publisher(text: str, draft: FieldDraft) -> bool:
    """Fill place, publisher (and year) from "Place: Publisher[, Year]"; False when the
    text is not that, or the publisher is already known."""
    match = PLACE_PUBLISHER_RE.match(text)
    if match is None or draft.publisher:
        return False
    draft.address = match.group("place").strip()
    draft.publisher = match.group("publisher").strip()
    if match.group("year") and not draft.year:
        draft.year = normalize_year(match.group("year"))
    return True


def _given_like(segment: str) -> bool:
    """"Youlan", "Odd Arne", "Harold M.", "Yilu and Bi": a given name after "Family,"."""
    head = re.split(r"\s+(?:and|&)\s+", segment)[0]
    tokens = head.split()
    return 1 <= len(tokens) <= 3 and looks_like_personal_name(head) and not _title_words(head)


def _title_words(text: str) -> bool:
    """Words that occur in titles but not in names ("of", "History"), initials aside."""
    return ":" in text or any(
        t.lower().strip(",.:") in _TITLE_STOPWORDS for t in text.split() if not is_initial(t)
    )


def _comma_style_names(segments: list[str], draft: FieldDraft) -> int:
    """Read authors from the left segments; return the index where the title starts."""
    names: list[Name] = []
    index = 0
    first = True
    pending_family: str | None = None
    while index < len(segments) and len(segments) - index > 1:
        segment = segments[index].strip()
        if pending_family is not None:
            names.append(Name(family=pending_family, given=segment.rstrip(".")))
            pending_family = None
            index += 1
            continue
        joined = re.match(r"^(?:and|&)\s+(.*)$", segment)
        if joined:
            segment = joined.group(1)
        elif not first:
            break  # later authors are joined with "and"
        single = len(segment.split()) == 1 and looks_like_personal_name(segment)
        nxt = segments[index + 1].strip() if index + 1 < len(segments) else ""
        if single and nxt and _given_like(nxt) and len(segments) - index > 2:
            joined_next = re.match(r"^(?P<given>.+?)\s+(?:and|&)\s+(?P<more>.+)$", nxt)
            given_part, more = (joined_next.group("given"), joined_next.group("more")) \
                if joined_next else (nxt, "")
            names.append(Name(family=segment, given=given_part.strip()))
            index += 2
            if more.strip():
                pending_family = more.strip()
            first = False
            continue
        if is_corporate(segment) and first:
            names.append(Name(literal=segment))
            index += 1
            break
        if (is_chinese_family_first(segment) or _natural_name(segment)) and (first or joined):
            names.extend(split_names(segment)[0])
            index += 1
            first = False
            continue
        if single and (first or joined):
            names.append(Name(family=segment))
            index += 1
            first = False
            continue
        break
    if pending_family is not None:
        names.append(Name(family=pending_family))
    draft.authors = tuple(names)
    return index


def _natural_name(text: str) -> bool:
    """"Harold M. Tanner", "Odd Arne Westad": 2–3 name tokens, no title words."""
    tokens = text.split()
    return 2 <= len(tokens) <= 4 and looks_like_personal_name(text) and not _title_words(text) \
        and not tokens[-1].endswith(".")


def _take_authors(text: str, draft: FieldDraft) -> bool:
    """Read an author list (with an editor mark, if any); False when it is not one."""
    text = text.strip().rstrip(",;")
    is_editor = bool(_EDITOR_MARK.search(text))
    if is_editor:
        text = _EDITOR_MARK.sub("", text).strip()
    if not _plausible_authors(text):
        return False
    names, _others = split_names(strip_final_period(text))
    if is_editor:
        draft.editors = names
    else:
        draft.authors = names
    return True


def _plausible_authors(text: str) -> bool:
    names, others = split_names(strip_final_period(text))
    if not names or len(names) > 30:
        return False
    for position, name in enumerate(names):
        if name.literal:
            if not is_corporate(name.literal):
                return False
            continue
        full = " ".join(p for p in (name.given, name.family) if p)
        if not looks_like_personal_name(full) or is_initial(name.family or ""):
            return False
        if name.given is None and position == 0 and not others and len(names) == 1:
            return False  # one bare word is more likely a title than an author
        if name.given and (len(name.given.split()) > 4 or _title_words(name.given)):
            return False
        if "," not in text and _title_words(full):
            return False
    return True


def _take_author_prefix(text: str, draft: FieldDraft) -> str:
    """Find where the author list ends ("Tanner, Harold M. Where Chiang …")."""
    for match in re.finditer(r"\.\s+(?=[\"“‘'(\[]?[A-Z0-9À-Þ])", text[:300]):
        left, right = text[: match.start() + 1], text[match.end():]
        if re.match(r"[A-Z]\.\s", right) or re.match(r"(?:and|&)\s", right):
            continue  # more initials or more authors follow
        if _take_authors(left, draft):
            return right
    return text


def _parse_after_authors(text: str, draft: FieldDraft) -> None:
    blocks = _blocks(text)
    if blocks and not draft.year:
        year = YEAR_ONLY_RE.match(blocks[0])
        if year:
            draft.year = normalize_year(year.group(1))
            blocks = blocks[1:]
    if not blocks:
        return
    title_block = blocks[0]
    quoted = re.match(r"^[“\"‘'](?P<title>.+?)[,.]?[”\"’']\s*(?P<rest>.*)$", title_block)
    if quoted:
        draft.title = _clean_title(quoted.group("title"), draft)
        rest_blocks = ([quoted.group("rest")] if quoted.group("rest") else []) + blocks[1:]
    else:
        draft.title = _clean_title(title_block, draft)
        rest_blocks = blocks[1:]
    for block in rest_blocks:
        _read_publication_block(block.strip().rstrip("."), draft)


def _read_publication_block(block: str, draft: FieldDraft) -> None:
    if not block:
        return
    if block.startswith("In "):
        _read_container(block, draft)
        return
    journal = _JOURNAL.match(block)
    if journal and not draft.publisher:
        draft.journal = journal.group("journal").strip()
        draft.volume = journal.group("volume")
        draft.pages = normalize_pages(journal.group("pages"))
        if journal.group("year") and not draft.year:
            draft.year = normalize_year(journal.group("year"))
        return
    if _take_place_publisher(block, draft):
        return
    segments = _split_commas(block)
    leftovers = [s for s in segments if not _take_publication_segment(s, draft)]
    if not leftovers:
        return
    if _take_place_publisher(", ".join(leftovers), draft):
        return
    for segment in leftovers:
        volume = VOLUME_RE.search(segment)
        if volume and not draft.volume:
            draft.volume = volume.group("volume")
        elif PAGE_COUNT_RE.match(segment):
            continue  # "245 pp." is the book's length, not a locator
        elif draft.title is None:
            draft.title = _clean_title(segment, draft)
        elif re.search(r"\bseries\b", segment, re.I) and not draft.series:
            draft.series = segment


def _read_container(block: str, draft: FieldDraft) -> None:
    """A chapter's "In Booktitle, edited by …" or APA's "In X (Ed.), Booktitle (pp. …)"."""
    for pattern in (_IN_EDITED_BY, _IN_EDITORS_FIRST):
        match = pattern.match(block)
        if match:
            draft.booktitle = _clean_title(match.group("booktitle"), draft)
            draft.editors = split_names(match.group("editors"))[0]
            if match.group("pages"):
                draft.pages = normalize_pages(match.group("pages"))
            return
    pages = PAGES_RE.search(block)
    if pages:
        draft.pages = normalize_pages(pages.group("pages"))
        block = block[: pages.start()]
    draft.booktitle = _clean_title(block[3:], draft)


_NOT_TITLE_WORDS = frozenset({"pp", "vol", "vols", "ed", "eds", "isbn", "pages", "edition", "n",
                              "d"})


def _has_title_words(text: str) -> bool:
    """A title has at least one word of letters that is not a bibliographic abbreviation."""
    return any(len(w) >= 2 and w.lower() not in _NOT_TITLE_WORDS
               for w in re.findall(r"[^\W\d_]+", text))


def _clean_title(text: str, draft: FieldDraft) -> str | None:
    """Trim a title and move an "(2nd ed.)" or "5 vols." inside it into its field."""
    edition = EDITION_RE.search(text)
    if edition and edition.group(0).startswith("(") and not draft.edition:
        draft.edition = normalize_edition(edition.group(0))
        text = text[: edition.start()] + text[edition.end():]
    volumes = VOLUMES_RE.search(text)
    if volumes and not draft.volumes and text[: volumes.start()].rstrip().endswith((".", ",", "(")):
        draft.volumes = volumes.group("count")
        text = text[: volumes.start()] + text[volumes.end():]
    text = re.sub(r"\s+:", ":", text)
    text = " ".join(text.split()).strip(" ,.;:()")
    return text if text and _has_title_words(text) else None


def _finish(raw: str, location: Location, section: Section, reference_id: str, draft: FieldDraft,
            identifiers: tuple[Identifier, ...]) -> Reference:
    volumes = draft.volumes
    numbered = {i.volume for i in identifiers if i.volume}
    if volumes is None and len(numbered) > 1:
        volumes = str(len(numbered))
    if draft.year is None:
        # a year anywhere is better than none (e.g. "… Press 1992 reprint")
        years = YEAR_RE.findall(raw)
        if len(years) == 1 and not any(c.isdigit() for c in (draft.title or "")[-4:]):
            draft.year = normalize_year(years[0])
    kind = _kind(draft, identifiers)
    reference = Reference(
        id=reference_id, kind=kind, raw=raw, location=location, section=section,
        authors=draft.authors, editors=draft.editors, title=draft.title, year=draft.year,
        edition=draft.edition, publisher=draft.publisher, address=draft.address,
        volumes=volumes, volume=draft.volume, series=draft.series, pages=draft.pages,
        booktitle=draft.booktitle, journal=draft.journal, identifiers=identifiers,
    )
    return reference if reference.is_parsed else replace(reference, kind=ReferenceKind.OTHER)


def _kind(draft: FieldDraft, identifiers: tuple[Identifier, ...]) -> ReferenceKind:
    if draft.journal:
        return ReferenceKind.ARTICLE
    if draft.booktitle:
        return ReferenceKind.CHAPTER
    if draft.publisher or identifiers or draft.edition or draft.volumes:
        return ReferenceKind.BOOK
    return ReferenceKind.OTHER
