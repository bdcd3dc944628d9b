"""Turn the tagger's labelled spans into a reference's fields.

The tagger decides which characters are the author, the title, the publisher …; rules
then read each span where rules are exact: names are split by ``names`` (CJK and
corporate names included), years by ``YEAR_RE``, editions, volumes and pages by their
patterns, and "Publisher in City" or "Place: Publisher" left in one span is split. ISBNs
never come from the tagger: ``isbn_list`` extracts them from the whole entry.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from ..isbn import is_valid as is_valid_isbn
from ..models import FieldSpan
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
    YEAR_CORE,
    YEAR_RE,
    FieldDraft,
    normalize_edition,
    normalize_pages,
    normalize_year,
)
from .gazetteer import CITY_WORDS, REGION_NAMES, REGION_WORDS, STATE_CODES
from .names import (
    NAME_PARTICLES,
    is_any_initial,
    is_corporate,
    is_initial,
    looks_like_personal_name,
    split_names,
    strip_final_period,
)
from .tagger import TaggedSpan


@dataclass
class TaggedFields(FieldDraft):
    """Fields read from one tagged entry, with the span each came from."""

    spans: list[FieldSpan] = field(default_factory=list)


_Reader = Callable[[str, int, int, TaggedFields], None]

_LEAD = " ,.;:'‘«„*•"
_TRAIL = " ,.;:'’»*"
_QUOTES = (("“", "”"), ("\"", "\""))
# A final period that belongs to the word: "Harold M.", "Norton & Co.", "Inc.".
_KEEP_PERIOD = frozenset({"co", "inc", "ltd", "corp", "bros", "jr", "sr", "st", "cie", "eds",
                          "ed", "al", "u.s", "d.c"})
# An editor's role word, in any case: "ed.", "eds.", "Hrsg.", "Hg.", "Hgg.", "dir.",
# "éd(s).", "a cura di", "coord.". One list for every rule that finds editors' names by
# their role or strips the role from them.
_ROLE_WORD = r"(?i:eds?|hrsg|hgg?|dir|éds?|a cura di|coord)"
_EDITOR_WORDS = re.compile(
    r"^(?:in:?\s+)?(?:(?:edited|ed\.|eds\.|hrsg\.|hg\.)\s+(?:by|von)\s+)?|"
    rf"[,\s]*\(?\b(?:{_ROLE_WORD}|editors?|comp)\b\.?\)?[.,:;\s]*$",
    re.I)
_EDITOR_MARK = re.compile(
    rf"(?:,\s*|\s+)\(?(?:{_ROLE_WORD}\.|hrsg|editors?|a cura di|comp\.)\)?[.,]?\s*$", re.I)
# A container's lead-in, matched at a span's start ("^" would be the string's): "In:",
# "In", "In the", before a word that is not lower case ("In search of …" is a title), as
# AnyStyle's container normalizer reads it.
_IN = re.compile(r"[Ii]n(?::|\s+the)?\s+(?=\S)")
# a page, a range, or a list of them ("28, 29", "12–14, 19"); any dash, the non-breaking
# hyphen U+2011 too
_PAGE_RANGE = r"[\dixvlc]+(?:\s*[‐‑‒–—-]+\s*[\dixvlc]+)?"
_PAGE_NUMBERS = re.compile(rf"{_PAGE_RANGE}(?:\s*,\s*\d+(?:\s*[‐‑‒–—-]+\s*\d+)?)*", re.I)
# an issue in parentheses before the pages: "(1–2): 101–124"
_ISSUE_BEFORE_PAGES = re.compile(r"\s*\([^()]{1,12}\)\s*:\s*")
_FIRST_NUMBER = re.compile(r"\d+|\b[IVXLC]{1,6}\b")
_TRAILING_IN = re.compile(r"\s+in$")


def trim(raw: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``raw[start:end]`` to its value: no edge punctuation or quotes, no unmatched
    parenthesis, but the period of a final initial or abbreviation kept."""
    while True:
        before = (start, end)
        while start < end and raw[start] in _LEAD:
            start += 1
        while start < end and raw[end - 1] in _TRAIL:
            end -= 1
        value = raw[start:end]
        if value.startswith(("(", "[")) and value.count("(") + value.count("[") > \
                value.count(")") + value.count("]"):
            start += 1
        elif value.endswith((")", "]")) and value.count(")") + value.count("]") > \
                value.count("(") + value.count("["):
            end -= 1
        elif value.startswith(("(", "[")) and value.endswith((")", "]")) and \
                value.count("(") + value.count("[") == 1:
            start, end = start + 1, end - 1
        else:
            for opening, closing in _QUOTES:
                opened = value.count(opening) if opening != closing else value.count(opening) // 2
                closed = value.count(closing) if opening != closing else opened
                odd = opening == closing and value.count(opening) % 2 == 1
                pairs = value.count(opening) if opening == closing else \
                    value.count(opening) + value.count(closing)
                if value.startswith(opening) and value.endswith(closing) and len(value) > 1 \
                        and pairs == 2:
                    start, end = start + 1, end - 1
                elif value.endswith(closing) and (odd or closed > opened):
                    end -= 1
                elif value.startswith(opening) and (odd or opened > closed):
                    start += 1
                else:
                    continue
                break
        if (start, end) == before:
            break
    if end < len(raw) and raw[end] == ".":
        last = raw[start:end].rsplit(None, 1)[-1] if raw[start:end].strip() else ""
        if last.lower() in _KEEP_PERIOD or is_any_initial(last + "."):  # "M.", "Д."
            end += 1
    return start, end


def read_tagged(raw: str, spans: list[TaggedSpan]) -> TaggedFields:
    """Fill fields from tagged spans; the first span of a label wins (later ones are
    usually a second date or a reprint's publisher)."""
    fields = TaggedFields()
    spans = _correct(raw, spans, fields)
    first: dict[str, TaggedSpan] = {}
    for span in spans:
        first.setdefault(span.label, span)
    for label in ("date", "author", "editor", "title", "booktitle", "journal", "edition",
                  "volume", "pages", "publisher", "address", "series"):
        chosen = first.get(label)
        if chosen is None:
            continue
        start, end = trim(raw, chosen.start, chosen.end)
        if start < end:
            _READERS[label](raw, start, end, fields)
    if fields.address is None and fields.publisher is not None:
        _split_trailing_place(raw, fields)
    if fields.address is None and fields.booktitle is not None:
        _split_meeting_place(raw, fields)
    if fields.title is None:
        _title_elsewhere(raw, spans, fields)
    if fields.year is None:
        for span in spans:
            if span.label == "date":
                continue
            match = YEAR_RE.search(raw, span.start, span.end) if span.label in (
                "note", "volume", "journal") else None
            if match:
                _set(fields, "year", normalize_year(match.group(1)), match.start(1),
                     match.end(1))
                break
    return fields


_PAREN_PUBLICATION = re.compile(
    rf"\(\s*(?P<place>[^():;]{{2,60}}?)\s*:\s*(?P<publisher>[^():;]{{2,120}}?),\s*"
    rf"(?P<year>{YEAR})\s*\)")
_RUN_ON = frozenset({"booktitle", "journal"})
_TOKEN = re.compile(r"\S+")
_YEAR_SPAN = re.compile(rf"({YEAR_CORE})\s*[–—-]\s*({YEAR_CORE})")
_SENTENCE_END = re.compile(r"[.:;!?)]['’”\"]?$|['’”\"][.,:;]$")


def _correct(raw: str, spans: list[TaggedSpan], fields: TaggedFields) -> list[TaggedSpan]:
    """Correct the tagger where a rule is exact.

    - A note's "(Place: Publisher, Year)" is address, publisher and date, whatever the
      tagger made of it.
    - A title that stops in mid-sentence and runs on into a "booktitle" is one title.
    - An entry that starts with a "publisher" or "place" and has no author ("Lary
      1987.") starts with its author.
    - A "note" of one to three capitalised words ending in a colon just before the
      publisher, in an entry with a title and without a place, is the place ("Chapel
      Hill: …").
    """
    match = _PAREN_PUBLICATION.search(raw)
    if match is not None:
        kept = [s for s in spans if s.end <= match.start() or s.start >= match.end()]
        for span in spans:
            if span.start < match.start() < span.end:
                before = [s for s in kept if s.end <= span.start]
                if span.label in ("address", "publisher", "date") and before:
                    # what precedes "(Place: …" belongs to the field before it (the title)
                    kept[kept.index(before[-1])] = TaggedSpan(before[-1].label,
                                                              before[-1].start, match.start())
                else:
                    kept.append(TaggedSpan(span.label, span.start, match.start()))
        spans = sorted([*kept,
                        TaggedSpan("address", match.start("place"), match.end("place")),
                        TaggedSpan("publisher", match.start("publisher"),
                                   match.end("publisher")),
                        TaggedSpan("date", match.start("year"), match.end("year"))],
                       key=lambda s: s.start)
    merged: list[TaggedSpan] = []
    open_title = False  # a title that stopped in mid-sentence ("China's World | War II")
    for position, span in enumerate(spans):
        text = raw[span.start:span.end]
        # "… with type 2 diabetes | Diabetes Educ., | 35": a journal followed by its volume
        # or pages is the journal of an unpunctuated title, not the title's run-on
        journal_shape = span.label == "journal" and position + 1 < len(spans) and \
            spans[position + 1].label in ("volume", "pages")
        if merged and open_title and span.label in _RUN_ON and not journal_shape and \
                not text.lower().startswith("in "):
            merged[-1] = TaggedSpan("title", merged[-1].start, span.end)
            open_title = not _SENTENCE_END.search(text) and not text.endswith(",")
            continue
        merged.append(span)
        open_title = span.label == "title" and text[-1:].isalnum()
        if span.label == "title" and not open_title:
            # "100% of the \"quoted\" story": a quotation inside a title is not its end
            open_title = text[-1:] in "\"”" and text[-2:-1].isalnum() and \
                text[:1] not in "\"“‘'"
    merged = _author_before_the_date(merged)
    merged = _title_before_medium(raw, merged)
    merged = _whole_corporate_author(raw, merged)
    merged = _title_out_of_author(raw, merged)
    merged = _sentence_out_of_author(raw, merged)
    merged = _place_publisher_boundary(raw, merged)
    merged = _names_out_of_title(raw, merged)
    merged = _publisher_out_of_container(raw, merged)
    merged = _ditto_author(raw, merged)
    merged = _container_out_of_editor(raw, merged)
    merged = _editors_out_of_container(raw, merged)
    merged = _editors_with_role_in_container(raw, merged)
    merged = _meeting_city_out_of_container(raw, merged)
    merged = _names_out_of_title_start(raw, merged)
    merged = _publisher_before_place(raw, merged)
    merged = _publisher_run_on(raw, merged)
    merged = _place_not_publisher(raw, merged)
    merged = _publication_out_of_note(raw, merged)
    merged = _region_after_place(raw, merged)
    merged = _place_word_out_of_publisher(raw, merged)
    present = {s.label for s in merged}
    if not present & {"publisher", "volume", "pages"}:
        # "An Introduction to Modal Logic. Methuen and Co. Ltd." tagged as a journal: with
        # a publisher's word and no volume or pages, it is the publisher
        merged = [TaggedSpan("publisher", s.start, s.end) if s.label in ("journal", "series")
                  and PUBLISHER_WORD_RE.search(raw[s.start:s.end]) else s for s in merged]
    merged = _title_out_of_journal(raw, merged)
    merged = _title_out_of_editors(raw, merged)
    merged = _publication_out_of_title(raw, merged)
    merged = _title_out_of_publisher(raw, merged)
    merged = _container_after_quoted_title(raw, merged)
    labels = [s.label for s in merged if s.label != "number"]
    if labels and labels[0] in ("publisher", "address") and not \
            {"author", "editor"} & set(labels):
        index = next(i for i, s in enumerate(merged) if s.label != "number")
        merged[index] = TaggedSpan("author", merged[index].start, merged[index].end)
    if "address" not in labels and "title" in labels:
        for index, span in enumerate(merged[:-1]):
            words = raw[span.start:span.end].split()
            if span.label == "note" and merged[index + 1].label == "publisher" and \
                    0 < len(words) <= 3 and words[-1].endswith(":") and \
                    all(w[:1].isupper() for w in words):
                # "Chapel Hill:"; of "Manuscript.” Iqaluit:" only the words after the
                # note's last sentence
                tokens = list(_TOKEN.finditer(raw, span.start, span.end))
                ends = [n for n, t in enumerate(tokens[:-1]) if _SENTENCE_END.search(t.group())]
                if not ends:
                    merged[index] = TaggedSpan("address", span.start, span.end)
                    break
                cut = tokens[ends[-1] + 1].start()
                merged[index:index + 1] = [TaggedSpan("note", span.start, cut),
                                           TaggedSpan("address", cut, span.end)]
                break
    return merged


def _bare(raw: str, span: TaggedSpan) -> str:
    """A span's text without edge punctuation or parentheses ("(Chicago:" -> "Chicago")."""
    return raw[span.start:span.end].strip(" ,.;:()")


def _first(spans: list[TaggedSpan], label: str, start: int = 0) -> int | None:
    """Index of the first span labelled ``label`` at or after ``start``; None if none.
    Each span rule below reworks only that one span (and its neighbours)."""
    return next((index for index in range(start, len(spans)) if spans[index].label == label),
                None)


def _skip_spaces(raw: str, at: int, end: int | None = None) -> int:
    """The first offset from ``at`` (before ``end``) that is not a space."""
    end = len(raw) if end is None else end
    while at < end and raw[at] == " ":
        at += 1
    return at


def _author_then_title(spans: list[TaggedSpan], index: int, author_end: int,
                       title_start: int) -> list[TaggedSpan]:
    """The author span at ``index`` cut at ``author_end``; what follows from
    ``title_start`` is the title, joined with the title span right after, if any."""
    end, tail = spans[index].end, spans[index + 1:]
    if tail and tail[0].label == "title":
        end, tail = tail[0].end, tail[1:]
    return [*spans[:index], TaggedSpan("author", spans[index].start, author_end),
            TaggedSpan("title", title_start, end), *tail]


def _whole_corporate_author(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Literary and Historical Research | Committee of …, Title," is one corporate
    author up to the comma: a boundary inside a comma-separated name is the tagger's."""
    index = _first(spans, "author")
    if index is None or index == len(spans) - 1:
        return spans
    span, following = spans[index], spans[index + 1]
    comma = raw.find(",", span.end, following.end)
    if following.label != "title" or raw[span.end - 1] in ",.;:)" or comma < 0 or \
            comma + 1 >= following.end or not is_corporate(raw[span.start:comma]):
        return spans
    return [*spans[:index], TaggedSpan("author", span.start, comma + 1),
            TaggedSpan("title", comma + 1, following.end), *spans[index + 2:]]


# Lower-case words a name may hold ("Ludwig van Beethoven", "Smith, J. and Jones, K.").
_NAME_GLUE = frozenset({"and", "&", "et", "al", "al.", "u.", "a.", "others", "und", "y"})


def _is_sentence_part(part: str) -> bool:
    """A comma part that no name has: two or more words, one of them a lower-case word
    that is neither a name particle nor "and" ("History of Chinese People's")."""
    words = [w.strip(".,;:") for w in part.split()]
    return len(words) >= 2 and any(
        w[:1].islower() and w.lower() not in _NAME_GLUE and w.lower() not in NAME_PARTICLES
        for w in words)


def _title_out_of_author(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Tang, Yilu and Bi, Jianzhong, History of Chinese People's | Liberation Army …":
    an author span whose later comma part reads as a sentence, just before the title,
    gives that part to the title."""
    index = _first(spans, "author")
    if index is None or index == len(spans) - 1 or spans[index + 1].label != "title":
        return spans
    span = spans[index]
    offset = span.start
    for number, part in enumerate(raw[span.start:span.end].split(",")):
        if number and _is_sentence_part(part):
            start = offset + len(part) - len(part.lstrip())
            return [*spans[:index], TaggedSpan("author", span.start, offset),
                    TaggedSpan("title", start, spans[index + 1].end), *spans[index + 2:]]
        offset += len(part) + 1
    return spans


_DANGLING = re.compile(r"\s(?:of|and|for|&|the|de|du|des|der|für|und)$", re.I)


def _place_publisher_boundary(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """Move a place–publisher boundary the tagger put inside a phrase:
    - "Washington, DC: U.S. | Department of Justice": what follows the colon that ends a
      place belongs to the publisher after it;
    - "Fisheries Research Board of | Canada, Ottawa": a publisher does not end in "of";
      the address's first comma part is the publisher's."""
    result = list(spans)
    for index in range(len(result) - 1):
        span, following = result[index], result[index + 1]
        if span.label == "address" and following.label == "publisher":
            colon = raw.find(": ", span.start, span.end - 1)
            if colon > span.start and raw[colon + 2:span.end].strip():
                result[index] = TaggedSpan("address", span.start, colon + 1)
                result[index + 1] = TaggedSpan("publisher", colon + 2, following.end)
        elif span.label == "publisher" and following.label == "address" and \
                _DANGLING.search(raw[span.start:span.end]):
            comma = raw.find(",", following.start, following.end - 1)
            if comma > following.start:
                result[index] = TaggedSpan("publisher", span.start, comma + 1)
                start = _skip_spaces(raw, comma + 1, following.end)
                result[index + 1] = TaggedSpan("address", start, following.end)
    return result


def _names_out_of_title(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"The Prelude, Jonathan Wordsworth, | M. H. Abrams, and Stephen Gill (eds.)": a title
    whose last comma part is a person's name, just before the editors or translators,
    ends before it."""
    for index, span in enumerate(spans[:-1]):
        if span.label != "title" or spans[index + 1].label not in ("editor", "translator"):
            continue
        text = raw[span.start:span.end].rstrip(" ,")
        comma = text.rfind(",")
        if comma > 0 and looks_like_personal_name(text[comma + 1:].strip()) and \
                len(text[comma + 1:].split()) >= 2:
            following = spans[index + 1]
            start = _skip_spaces(raw, span.start + comma + 1)
            return [*spans[:index], TaggedSpan("title", span.start, span.start + comma + 1),
                    TaggedSpan(following.label, start, following.end), *spans[index + 2:]]
        return spans
    return spans


# "In Proceedings AAAI-91. AAAI": a container's last sentence of one capitalised word.
_CONTAINER_PUBLISHER = re.compile(r"[.?!]\s+(?P<publisher>[A-Z][\w&-]*[.,]?)$")


def _publisher_out_of_container(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"In Proceedings AAAI-91. AAAI", "Handbuch der Sozialarbeit. Luchterhand": in an
    entry without a publisher, a container span whose last sentence is one capitalised
    word gives that word to the publisher."""
    index = _first(spans, "booktitle")
    if index is None or _first(spans, "publisher") is not None:
        return spans
    span = spans[index]
    match = _CONTAINER_PUBLISHER.search(raw, span.start, span.end)
    if match is None:
        return spans
    return [*spans[:index], TaggedSpan("booktitle", span.start, match.start() + 1),
            TaggedSpan("publisher", match.start("publisher"), span.end), *spans[index + 1:]]


def _publisher_before_place(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Hamish Hamilton: London.": an "address" then a "publisher" where only the second
    is a known place are the other way round."""
    for index, span in enumerate(spans[:-1]):
        following = spans[index + 1]
        if span.label == "publisher" and following.label == "address":
            # "Prentice Hall, Upper Saddle River | New Jersey, USA": a city the publisher
            # span took from the address that begins with its region
            head = raw[span.start:span.end].rstrip(" ,")
            comma = head.rfind(",")
            first = raw[following.start:following.end].split(",")[0].strip(" .;:")
            city = head[comma + 1:].strip()
            if comma > 0 and _is_region(first) and _is_place(first) and city and \
                    len(city.split()) <= 3 and all(w[:1].isupper() for w in city.split()) \
                    and not PUBLISHER_WORD_RE.search(city):
                start = _skip_spaces(raw, span.start + comma + 1)
                return [*spans[:index], TaggedSpan("publisher", span.start, span.start + comma + 1),
                        TaggedSpan("address", start, following.end), *spans[index + 2:]]
            return spans
        if span.label == "address" and following.label == "publisher":
            place = _bare(raw, following)
            if _is_place(place) and not _is_place(_bare(raw, span)):
                return [*spans[:index], TaggedSpan("publisher", span.start, span.end),
                        TaggedSpan("address", following.start, following.end),
                        *spans[index + 2:]]
            return spans
    return spans


def _publisher_run_on(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """An "address" right after the publisher that is no known place is the publisher's:
    - "Garden City, N.Y.: Doubleday, | Doran, | 1928": after a place that came first, it
      is the publisher's last comma part (unless another publisher follows: "London: SCM
      | and Philadelphia: | Trinity Press" names two);
    - "Houghton, | Mifflin & Co.: | Boston & New York": with no place before it and a
      publisher after it, it is the publisher's inner comma part, and what follows is the
      place if it is a known one, else the publisher's too."""
    seen_address = False
    for index, span in enumerate(spans[:-1]):
        following = spans[index + 1]
        then = spans[index + 2] if index + 2 < len(spans) else None
        if span.label == "publisher" and following.label == "address" and not seen_address \
                and then is not None and then.label == "publisher" and \
                not _is_place(_bare(raw, following)):
            # "Houghton, | Mifflin & Co.: | Boston & New York,", "Department of Teaching,
            # | Learning, and Culture, | Texas A&M University": a publisher's inner comma
            # part is no place; the part after it is the place only if it is a known one
            last = _bare(raw, then)
            places = [p.strip() for p in re.split(r"\s*(?:&|\band\b)\s*", last)]
            if all(_is_place(p) for p in places):
                return [*spans[:index], TaggedSpan("publisher", span.start, following.end),
                        TaggedSpan("address", then.start, then.end), *spans[index + 3:]]
            return [*spans[:index], TaggedSpan("publisher", span.start, then.end),
                    *spans[index + 3:]]
        if span.label == "publisher" and following.label == "address" and seen_address:
            # "London: SCM | and Philadelphia: | Trinity Press": a second place and publisher
            if (then is not None and then.label == "publisher") or \
                    _is_place(_bare(raw, following)):
                return spans
            return [*spans[:index], TaggedSpan("publisher", span.start, following.end),
                    *spans[index + 2:]]
        seen_address = seen_address or span.label == "address"
    return spans


# "Hamish Hamilton: London.", "Boston: Beacon Press.": two parts around one colon.
_COLON_PAIR = re.compile(r"(?P<first>[A-Z][^:;()]{1,60}?)\s*:\s+(?P<second>[A-Z][^:;()]{1,60}?)"
                         r"[.,]?$")


def _publication_out_of_note(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Trust. | Hamish Hamilton: London.": in an entry with a title but neither publisher
    nor place, a note of two parts around a colon, one of them a known place and the
    other not, is the place and the publisher."""
    labels = {s.label for s in spans}
    if "title" not in labels or labels & {"publisher", "address", "journal", "booktitle"}:
        return spans
    for index, span in enumerate(spans):
        if span.label != "note":
            continue
        start, end = trim(raw, span.start, span.end)
        match = _COLON_PAIR.fullmatch(raw, start, end)
        if match is None:
            continue
        first, second = _is_place(match["first"]), _is_place(match["second"])
        if first == second or _INSTITUTION.search(match["first" if first else "second"]):
            continue
        place, publisher = ("first", "second") if first else ("second", "first")
        parts = sorted([TaggedSpan("address", match.start(place), match.end(place)),
                        TaggedSpan("publisher", match.start(publisher), match.end(publisher))],
                       key=lambda s: s.start)
        return [*spans[:index], *parts, *spans[index + 1:]]
    return spans


def _region_after_place(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Academic Press, | London, | United Kingdom.": a "publisher" right after the place
    that is a known region is the place's last part."""
    for index, span in enumerate(spans[:-1]):
        following = spans[index + 1]
        if span.label == "address" and following.label == "publisher":
            text = _bare(raw, following)
            if _is_region(text) and _is_place(text):
                return [*spans[:index], TaggedSpan("address", span.start, following.end),
                        *spans[index + 2:]]
    return spans


# Words that begin a place's name and mean little alone ("South Bend", "New York").
_PLACE_OPENERS = frozenset({"new", "south", "north", "east", "west", "upper", "lower", "fort",
                            "san", "santa", "los", "las", "st.", "saint", "grand", "palo",
                            "ann", "baton", "salt", "little", "port", "mount", "mt.", "rio",
                            "são", "buenos", "cape", "bad", "kuala", "tel", "hong", "thousand"})


def _place_word_out_of_publisher(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"University of Notre Dame South | Bend, IN.": a publisher that ends with the word
    that begins a place's name, just before the place, gives that word to the place."""
    for index, span in enumerate(spans[:-1]):
        following = spans[index + 1]
        if span.label != "publisher" or following.label != "address":
            continue
        words = raw[span.start:span.end].split()
        if len(words) < 2 or words[-1].lower() not in _PLACE_OPENERS or \
                not raw[following.start:following.start + 1].isupper():
            return spans
        cut = span.start + raw[span.start:span.end].rindex(words[-1])
        return [*spans[:index], TaggedSpan("publisher", span.start, cut),
                TaggedSpan("address", cut, following.end), *spans[index + 2:]]
    return spans


def _place_not_publisher(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Trans. Gerald M. Browne. Grand Rapids, 2002.": in an entry without a place, a
    publisher that is a known place and nothing else is the place."""
    if any(s.label == "address" for s in spans):
        return spans
    index = _first(spans, "publisher")
    if index is None or _first(spans, "publisher", index + 1) is not None:
        return spans
    text = _bare(raw, spans[index])
    if not _is_place(text) or _INSTITUTION.search(text) or PUBLISHER_WORD_RE.search(text):
        return spans  # "Universität Wien", "OUP Oxford" are publishers
    span = spans[index]
    return [*spans[:index], TaggedSpan("address", span.start, span.end), *spans[index + 1:]]


# A university, school or academy, or a publisher's acronym ("OUP"): a publisher or
# institution, though its last word names a city.
_INSTITUTION = re.compile(r"\b(?:[A-Z]{2,}\b|(?i:univ\w*|coll[eè]g\w*|institut\w*|school|"
                          r"acad[eé]m\w*|hochschule|[ée]cole))")


# What an audiovisual work is, written where a book's title would be ("dvd", "motion
# picture", "television program") or in brackets after its title ("[Motion picture]").
_MEDIUM_WORDS = (r"dvd|video|film|motion picture|television (?:program|programme|series)|"
                 r"tv (?:program|programme|series)|radio (?:program|programme)|podcast|"
                 r"audio ?book|cd|cd-rom|computer software|software")
_MEDIUM_ONLY = re.compile(rf"(?i:{_MEDIUM_WORDS})[.,]?")


def _title_before_medium(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"About Jenny Holzer | 2011, | dvd, | Microcinema …" (Harvard's audiovisual style:
    title, year, medium): with no title span, an "author" before the year whose next
    span is only a medium is the title."""
    if any(s.label == "title" for s in spans) or len(spans) < 3:
        return spans
    first, date, medium = spans[0], spans[1], spans[2]
    if first.label != "author" or date.label != "date" or medium.label != "note" or \
            not _MEDIUM_ONLY.fullmatch(raw[medium.start:medium.end].strip()):
        return spans
    return [TaggedSpan("title", first.start, first.end), *spans[1:]]


def _author_before_the_date(spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"American Bar Association, | Commission on Women in the Profession. | (2016) | A
    Current Glance …": a title between the author and the date, with another title after
    the date, is the rest of the author (author-date styles put the title after the
    date)."""
    labels = [s.label for s in spans]
    for index in range(len(spans) - 3):
        if labels[index:index + 4] == ["author", "title", "date", "title"]:
            return [*spans[:index], TaggedSpan("author", spans[index].start,
                                               spans[index + 1].end), *spans[index + 2:]]
    return spans


# "…, eds. Tsimshian Narratives", "… (Hrsg.) Handbuch …": the role word that ends a list of
# editors, then a capitalised word.
_EDITORS_THEN = re.compile(
    rf"(?:,\s*{_ROLE_WORD}\.|\({_ROLE_WORD}\.?\)[.,]?)\s+(?=[A-Z])")


def _title_out_of_editors(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Cove, John J., and George F. MacDonald, eds. Tsimshian Narratives, Collected by …"
    as one editor span, in an entry without a title: the editors end with their role
    word, and what follows is the title."""
    if any(s.label == "title" for s in spans):
        return spans
    for index, span in enumerate(spans):
        if span.label not in ("editor", "author"):
            continue
        mark = _EDITORS_THEN.search(raw, span.start, span.end)
        if mark is None or not raw[mark.end():span.end].strip(" .,"):
            return spans
        return [*spans[:index], TaggedSpan("editor", span.start, mark.end()),
                TaggedSpan("title", mark.end(), span.end), *spans[index + 1:]]
    return spans


def _publication_out_of_title(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Solid State Physics (Cengage Learning; | 1 edition, 1976)": a title span with a
    parenthesis it does not close, closed after a year, ends before the parenthesis; what
    follows is the publisher when the entry has none."""
    index = _first(spans, "title")
    if index is None:
        return spans
    span = spans[index]
    text = raw[span.start:span.end]
    opening = text.rfind(" (")
    if opening <= 0 or ")" in text[opening:] or not text[opening + 2:].strip(" ;,.:"):
        return spans
    closing = raw.find(")", span.end)
    if closing < 0 or not YEAR_RE.search(raw, span.end, closing):
        return spans  # "(Onychiuridae, | Tullbergiinae)": a parenthesis of the title's
    rest = span.start + opening + 1
    label = "note" if _first(spans, "publisher") is not None else "publisher"
    return [*spans[:index], TaggedSpan("title", span.start, span.start + opening),
            TaggedSpan(label, rest, span.end), *spans[index + 1:]]


# A word that ends a sentence ("van.") or names before a colon ("Myhre, A.:", "Vermeulen :").
_INITIALS = re.compile(r"^[A-Z]{1,3}[.,:]?$")  # "RC", "TR." (Vancouver style)
_NAMES_END = re.compile(r"\S+\.(?=\s+\S)|\S+\s?:(?=\s+\S)")
_QUOTED_TITLE = re.compile(r"[\"“«][^\"”»]{3,}[\"”»][.,]?\s+(?=[A-Z])")


def _container_after_quoted_title(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"“Ian McEwan: The Child in Us All.” Contemporary Novelists: …" as one title span,
    in an entry without a container: what follows the closing quote is the container (a
    journal when the entry has a volume); a second title after the editors ("In: C. D.
    Darlington, eds. | Chromosomes today.") is the container too."""
    labels = {s.label for s in spans}
    if labels & {"booktitle", "journal"}:
        return spans
    container = "journal" if "volume" in labels else "booktitle"
    index = _first(spans, "title")
    if index is None:
        return spans
    span = spans[index]
    quoted = _QUOTED_TITLE.match(raw, span.start, span.end)
    if quoted and quoted.end() < span.end:
        return [*spans[:index], TaggedSpan("title", span.start, quoted.end()),
                TaggedSpan(container, quoted.end(), span.end), *spans[index + 1:]]
    for later in range(index + 2, len(spans)):
        if spans[later].label == "title" and spans[later - 1].label == "editor":
            return [*spans[:later], TaggedSpan("booktitle", spans[later].start,
                                               spans[later].end), *spans[later + 1:]]
    return spans


def _title_out_of_publisher(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"In the Wake of Chaos: | Unpredictable Order in Dynamical Systems, University of
    Chicago Press": a publisher span right after the title whose first comma part reads
    as a sentence and has no publisher's word, before one that has, gives that part to
    the title."""
    index = _first(spans, "publisher", 1)
    if index is None or spans[index - 1].label != "title" or \
            raw[spans[index - 1].start:spans[index - 1].end].rstrip().endswith("."):
        return spans  # a title that ends its sentence has ended
    span = spans[index]
    text = raw[span.start:span.end]
    comma = text.find(",")
    if comma <= 0 or PUBLISHER_WORD_RE.search(text[:comma]) or \
            not _is_sentence_part(text[:comma]) or \
            not PUBLISHER_WORD_RE.search(text[comma + 1:]):
        return spans
    start = _skip_spaces(raw, span.start + comma + 1)
    return [*spans[:index - 1], TaggedSpan("title", spans[index - 1].start,
                                           span.start + comma + 1),
            TaggedSpan("publisher", start, span.end), *spans[index + 1:]]


def _title_out_of_journal(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Slate Islands impact structure, | Ontario, Canada. Geology", "Fourier integral
    operators. | II. Acta Mathematica": a journal span right after the title whose part
    before its last sentence break holds a comma, or is a roman numeral, or ends with ")",
    gives that part to the title (abbreviated journals, "J. Mod. Phys.", hold none)."""
    index = _first(spans, "journal", 1)
    if index is None:
        return spans
    span = spans[index]
    title = raw[spans[index - 1].start:spans[index - 1].end].rstrip(" ,.")
    if spans[index - 1].label != "title" or title.endswith(("\"", "”", "»", "'", "’")):
        return spans  # a quoted title is whole
    text = raw[span.start:span.end].rstrip(" ,.")
    cut = text.rfind(". ")
    if cut <= 0:
        return spans
    head = text[:cut]
    if not ("," in head or head.endswith(")") or _ROMAN_ALONE.match(head)):
        return spans
    return [*spans[:index - 1], TaggedSpan("title", spans[index - 1].start,
                                           span.start + cut + 1),
            TaggedSpan("journal", span.start + cut + 2, span.end), *spans[index + 1:]]


_ROMAN_ALONE = re.compile(r"^[IVX]{1,4}$")
_ROLE_WORDS = frozenset({"editor", "editors", "ed", "eds", "director", "producer", "comp",
                         "compiler", "trans", "translator", "hrsg", "hg"})


def _names_out_of_title_start(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Van Mulken, Margot & Van Reenen, | Pieter Th van. Studies in Stemmatology.": after
    an author span that stops in mid-list (a comma, "&", a particle or an initial at its
    end), a title whose first sentence reads as names or a role ("Biedermann, Editor.")
    gives that sentence to the author."""
    index = _first(spans, "title", 1)
    if index is None or spans[index - 1].label not in ("author", "editor"):
        return spans
    span, before = spans[index], spans[index - 1]
    last = raw[before.start:before.end].split()[-1]
    if not (last.endswith((",", "&")) or last.lower() in ("and", "&") or
            last.lower() in NAME_PARTICLES or is_initial(last) or
            (last.endswith(".") and len(last) <= 3)):  # "W. v."
        return spans
    for match in _NAMES_END.finditer(raw, span.start, span.end):
        word = match.group().rstrip(" :")
        if is_initial(word) and not match.group().endswith(":"):
            continue
        head = raw[span.start:match.end()]
        if head.endswith(":") and not any(is_initial(w) or _INITIALS.match(w)
                                          for w in head.rstrip(" :").split()):
            return spans  # "China: A History" — names before a colon have initials
        listed = re.search(r",\s+(?:and|&)\s", head) is not None  # "…, and Gordon Donaldson."
        parts = [p.strip(" .:") for p in re.split(r",|\s+(?:and|&)\s+", head)]
        parts = [p for p in parts if p] if listed else parts
        if not all(p and (p.lower() in _ROLE_WORDS or looks_like_personal_name(p))
                   for p in parts):
            return spans
        if _one_whole_inverted_name(raw[before.start:before.end]) and not listed and \
                not any(p.lower() in _ROLE_WORDS for p in parts):
            return spans  # "Beetz, Manfred, | Frühmoderne Höflichkeit. …": a title
        rest = _skip_spaces(raw, match.end())
        # a role other than an editor's ("director.") is no name: it ends the names, as
        # a note of its own ("Editor." stays: it makes the names editors)
        names_end = span.start
        offset = span.start
        for part in raw[span.start:match.end()].split(","):
            if part.strip(" .").lower() not in ("director", "producer"):
                names_end = offset + len(part)
            offset += len(part) + 1
        role = [TaggedSpan("note", names_end + 1, match.end())] \
            if names_end < match.end() and names_end > span.start else []
        author_end = names_end if names_end > span.start else before.end
        return [*spans[:index - 1], TaggedSpan(before.label, before.start, author_end),
                *role, TaggedSpan("title", rest, span.end), *spans[index + 1:]]
    return spans


def _one_whole_inverted_name(text: str) -> bool:
    """"Beetz, Manfred," — one name, family and a written-out given name, with nothing
    left open: what follows it is no second name unless "and" or "&" says so. (Initials
    alone, "Ferguson, JN.", are a list's style: more names may follow.)"""
    parts = text.rstrip(" ,;").split(",")
    if len(parts) != 2 or "&" in text or re.search(r"\sand\s", text):
        return False
    family, given = parts[0].strip(), parts[1].strip().rstrip(".")
    return looks_like_personal_name(family) and given[:1].isupper() and \
        any(c.islower() for c in given) and given.split()[-1].lower() not in NAME_PARTICLES


def _editors_out_of_container(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"In Jean Blanchon & Denis Creissels, Issues in Bantu Tonology" as one container
    span, in an entry without editors: the names before the first comma are the
    editors."""
    index = _first(spans, "booktitle")
    if index is None or _first(spans, "editor") is not None:
        return spans
    span = spans[index]
    opening = _IN_AT.match(raw, span.start, span.end)
    comma = raw.find(",", span.start, span.end)
    if opening is None or comma < 0:
        return spans
    names = [p.strip() for p in re.split(r"\s+(?:and|&)\s+", raw[opening.end():comma])]
    rest = _skip_spaces(raw, comma + 1, span.end)
    if not all(len(n.split()) >= 2 and looks_like_personal_name(n) for n in names) or \
            not raw[rest:span.end].strip(" ,.") or len(names) < 2:
        return spans
    return [*spans[:index], TaggedSpan("editor", opening.end(), comma + 1),
            TaggedSpan("booktitle", rest, span.end), *spans[index + 1:]]


# The role that ends the editors' names at a container's start: "…, ed, ", "…, ed. ",
# "… (Hgg.): ", "… (a cura di), ".
_ROLE_AFTER_NAMES = re.compile(
    rf"(?:,\s*{_ROLE_WORD}\.?,?|\s*\({_ROLE_WORD}\.?\)[.,:]?)\s+(?=\S)")
_ROLE_WORD_FIRST = re.compile(rf"{_ROLE_WORD}\.?\s+(?=\S)")


def _editors_with_role_in_container(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"In: Inka Mülder-Bach, Gerhard Neumann (Hgg.): Räume der Romantik", "in D.R. Goyal,
    ed, Non-Alignment: …" as one container span, in an entry without editors: the names
    before the role are the editors, what follows the role is the container. A container
    cut at the role ("in Bill Puka, | ed. Moral Development: | Defining …") is read
    whole first."""
    index = _first(spans, "booktitle")
    if index is None:
        return spans
    if index + 2 < len(spans) and spans[index + 1].label == "editor" and \
            spans[index + 2].label == "booktitle" and \
            _ROLE_WORD_FIRST.match(raw, spans[index + 1].start, spans[index + 1].end):
        spans = [*spans[:index], TaggedSpan("booktitle", spans[index].start,
                                            spans[index + 2].end), *spans[index + 3:]]
    if _first(spans, "editor") is not None:
        return spans
    span = spans[index]
    opening = _IN_AT.match(raw, span.start, span.end)
    if opening is None:
        return spans
    role = _ROLE_AFTER_NAMES.search(raw, opening.end(), span.end)
    if role is None or not raw[role.end():span.end].strip(" ,.:"):
        return spans
    names = [p.strip() for p in re.split(r",|\s+(?:and|&|e|et|und)\s+",
                                          raw[opening.end():role.start()]) if p.strip()]
    if not names or not all(looks_like_personal_name(n) for n in names):
        return spans
    return [*spans[:index], TaggedSpan("editor", opening.end(), role.start()),
            TaggedSpan("booktitle", role.end(), span.end), *spans[index + 1:]]


def _meeting_city_out_of_container(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"In Proceedings of the Third International Workshop on Inductive Logic Programming
    Bled, | Slovenia.": a meeting's container followed by a country or state ends before
    the word that precedes the comma; that word is the city."""
    index = _first(spans, "booktitle")
    if index is None or index + 1 >= len(spans) or spans[index + 1].label != "address":
        return spans
    span, place = spans[index], spans[index + 1]
    text = raw[span.start:span.end]
    region = _bare(raw, place)
    city = re.search(r"\s(?P<city>[A-Z][\w'’-]+),\s*$", text)
    if city is None or "," in region or not _MEETING.search(text) or \
            not (_is_region(region) and _is_place(region)):
        return spans  # "…, Seattle, | WA": the place is whole already
    cut = span.start + city.start("city")
    return [*spans[:index], TaggedSpan("booktitle", span.start, cut),
            TaggedSpan("address", cut, place.end), *spans[index + 2:]]


# Where a container's title ends and its editors begin inside one "In …" span.
_EDS_AFTER = re.compile(rf",?\s+(?:{_ROLE_WORD}\.|(?i:edited by))\s")
_EDS_BEFORE = re.compile(rf"\({_ROLE_WORD}\.?\)[.,:]?\s+")
_QUESTION_END = re.compile(r"[?!]\s+")
_IN_AT = re.compile(r"in:?\s+", re.I)  # matched at a span's start ("^" is the string's)


def _container_out_of_editor(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"in New Trends in Macroeconomics, Diebolt, C., and Kyrtsou, C., (eds.)" tagged as
    one editor span, in an entry without a container: the container is split off —
    before ", eds. …", after "(eds.)," when names come first, at a "?" that ends its
    title, or before the first comma part that reads as a name."""
    index = _first(spans, "editor")
    if index is None or _first(spans, "booktitle") is not None:
        return spans
    span = spans[index]
    opening = _IN_AT.match(raw, span.start, span.end)
    if opening is None:
        return spans
    start = opening.end()
    before = _EDS_BEFORE.search(raw, start, span.end)
    if before and before.end() < span.end and \
            looks_like_personal_name(raw[start:before.start()].split(",")[0].strip()):
        return [*spans[:index], TaggedSpan("editor", span.start, before.end()),
                TaggedSpan("booktitle", before.end(), span.end), *spans[index + 1:]]
    boundary = None
    rest = 0
    after = _EDS_AFTER.search(raw, start, span.end)
    question = _QUESTION_END.search(raw, start, span.end)
    if after:
        boundary, rest = after.start() + (raw[after.start()] == ","), after.end()
    elif question:
        boundary = question.start() + 1
    else:
        offset = start
        for number, part in enumerate(raw[start:span.end].split(",")):
            if number and looks_like_personal_name(part.strip()):
                boundary = offset
                break
            offset += len(part) + 1
    if boundary is None or boundary <= start:
        return spans
    rest = _skip_spaces(raw, max(rest, boundary), span.end)  # editors begin after ", eds."
    if rest >= span.end:
        return spans
    return [*spans[:index], TaggedSpan("booktitle", span.start, boundary),
            TaggedSpan("editor", rest, span.end), *spans[index + 1:]]


# "———.", "---", "______ ." : the previous entry's authors, written as a dash run.
_DITTO = re.compile(rf"[{re.escape(DITTO_DASHES)}]{{2,}}\s*[.,]?(?=\s)")


def _ditto_author(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"--- Jewish Law from Jesus …": an author span that starts with a dash run (the
    previous entry's authors) ends with it; the words after it begin the title."""
    index = _first(spans, "author")
    if index is None:
        return spans
    span = spans[index]
    match = _DITTO.match(raw, span.start, span.end)
    if match is None:
        return spans
    rest = _skip_spaces(raw, match.end(), span.end)
    if rest >= span.end:
        return spans
    return _author_then_title(spans, index, match.end(), rest)


_WORD_END = re.compile(r"\S+\.(?=\s+\S)")


def _sentence_out_of_author(raw: str, spans: list[TaggedSpan]) -> list[TaggedSpan]:
    """"Lakoff, George, and Mark Johnson. Metaphors We Live By." tagged as one author:
    the names end at the first word (not an initial) that ends with a period, when what
    comes before it reads as names; the rest is the title (with a title right after)."""
    index = _first(spans, "author")
    if index is None:
        return spans
    span = spans[index]
    for match in _WORD_END.finditer(raw, span.start, span.end):
        word = match.group()
        if is_initial(word) or word.rstrip(".").lower() in _KEEP_PERIOD:
            continue
        names = re.sub(r"^(?:and|&)\s+", "", raw[span.start:match.end()].rstrip("."))
        parts = [re.sub(r"^(?:and|&)\s+", "", p.strip()) for p in names.split(",")]
        if not all(p and looks_like_personal_name(p) for p in parts):
            return spans
        rest = _skip_spaces(raw, match.end())
        if is_corporate(raw[rest:span.end].rstrip(".")):
            return spans  # "U.S. Department of Veterans Affairs.": one corporate name
        return _author_then_title(spans, index, match.end(), rest)
    return spans


def _title_elsewhere(raw: str, spans: list[TaggedSpan], fields: TaggedFields) -> None:
    """No span was tagged title: an edited book's "booktitle" with no author, else the
    first untyped ("note") span before the publication details is the title."""
    if fields.booktitle and not fields.authors and not fields.journal:
        for index, read in enumerate(fields.spans):
            if read.field == "booktitle":
                fields.spans[index] = FieldSpan("title", read.start, read.end)
        fields.title, fields.booktitle = fields.booktitle, None
        return
    for span in spans:
        if span.label in ("publisher", "address", "journal", "booktitle", "url"):
            return
        if span.label == "note":
            start, end = trim(raw, span.start, span.end)
            credits = _CREDITS.match(raw, start, end)
            if credits and _credited_names(credits.group()):
                if credits.end() >= end:
                    continue  # "Davidson, F. (Producer), & Davidson, J. (Director)."
                start = credits.end()  # "Soderbergh, Steven, director. | Che. DVD."
            if end - start > 2:
                _read_title(raw, start, end, fields)
            return


# A film's credits before its title: names with their roles, up to a sentence's end.
_CREDITS = re.compile(r".*?\b(?i:producers?|directors?)\b\)?(?:\.\s+|\.?$)")
_ROLE = re.compile(r"\s*\((?:Producers?|Directors?|Writers?)\)|,\s*(?i:director|producer)\b")


def _credited_names(text: str) -> bool:
    """"Soderbergh, Steven, director.", "Barron, D., Heyman, D. (Producers), & Yates, D.
    (Director).": names with film roles and nothing else."""
    names = _ROLE.sub("", text).strip(" .")
    parts = [re.sub(r"^(?:and|&)\s+", "", p.strip()) for p in re.split(r",\s*(?:&\s*)?", names)]
    return bool(names) and all(p and (looks_like_personal_name(p) or is_initial(p) or
                                      all(is_initial(w) for w in p.split())) for p in parts)


def _set(fields: TaggedFields, name: str, value: str | None, start: int, end: int) -> None:
    if not value or getattr(fields, name) is not None:
        return
    setattr(fields, name, value)
    fields.spans.append(FieldSpan(name, start, end))


def _read_date(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    match = YEAR_RE.search(raw, start, end)
    if match:
        _set(fields, "year", normalize_year(match.group(1)), match.start(1), match.end(1))


def _read_author(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    text = raw[start:end]
    if text.lower().startswith("by "):
        text, start = text[3:], start + 3
    if _EDITOR_MARK.search(text):
        _read_editor(raw, start, end, fields)
        return
    names = split_names(strip_final_period(text))[0]
    if names:
        fields.authors = names
        fields.spans.append(FieldSpan("author", start, end))


_TRANSLATOR = re.compile(r"\(?\s*(?:tr\.|trans\b|transl|translated|übers|ubers|traduit)", re.I)


def _read_editor(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    if fields.editors or _TRANSLATOR.match(raw, start, end):
        return  # a translator is not an editor
    text = _EDITOR_WORDS.sub("", raw[start:end]).strip(" ,;:")
    names = split_names(strip_final_period(text))[0]
    if names:
        fields.editors = names
        offset = raw.find(text, start, end)
        fields.spans.append(FieldSpan("editor", *((offset, offset + len(text)) if offset >= 0
                                                  else (start, end))))


# "Title. Translated by …", "Title. Edited by …", "Title (translated by …)": the sentence
# or parenthesis that names the translator or editor is not the title's.
_ROLE_SENTENCE = re.compile(r"[.,;]\s+(?:Translated|Trans\.|Tr\.|Übersetzt|Ubersetzt|Edited|"
                            r"Ed\.|Hrsg\.|Herausgegeben|Traduit|Introduction)\s+(?:by|von|par)?\b|"
                            r"\s+\((?i:translated|trans\.|edited|ed\.)\s+by\b")
# "Homo Academicus, Peter Collier (trans.)": a name with its role ends no title.
_ROLE_NAME_END = re.compile(r",\s+(?P<name>[^,()]{3,60}?)\s+\((?i:trans|transl|tr|eds?|hrsg)\.?\)"
                            r"[.,]?$")
# "…, working paper", "… (Report)", "…, page 346": what the work is, or where in it,
# after the title's last comma or sentence.
_TRAILING_GENRE = re.compile(
    r"(?:[,.]\s+|\s+\()(?i:(?:[a-z.]+\s+){0,2}(?:paper|report|thesis|dissertation|dvd|"
    r"program|programme|film|manuscript|brief)|pages?\s+\d+|pp?\.\s*\d+)\)?[.,]?$|"
    r"\s+\([^()]{0,60}\b(?i:report|brief|paper|thesis|dissertation)\b[^()]{0,30}\)[.,]?$|"
    rf"\s+\[(?i:{_MEDIUM_WORDS})\][.,]?$")
_TRAILING_YEAR = re.compile(r"\s+(?P<year>1[5-9]\d\d|20\d\d)[.,]?$")
_TRAILING_MONTH = re.compile(r"[,\s]\s*(?:January|February|March|April|May|June|July|"
                             r"August|September|October|November|December)$")
_TRAILING_ORDINAL = re.compile(r"[.,]\s+(?P<edition>\d{1,2}(?:st|nd|rd|th))\.?$")
_TRAILING_VOLUME = re.compile(r"[:,.]?\s*\b(?:vol\.|volume)\s*(?P<volume>\d{1,3}|[IVXLC]{1,6})$",
                              re.I)


def _take_trailing_year(raw: str, start: int, end: int, fields: TaggedFields
                        ) -> tuple[int, int] | None:
    """With no year read yet, a year that ends ``raw[start:end]`` after other words is
    the entry's year; the bounds without it, or None when there is none to take."""
    year = _TRAILING_YEAR.search(raw, start, end)
    if year is None or fields.year is not None or year.start() <= start:
        return None
    _set(fields, "year", year.group("year"), year.start("year"), year.end("year"))
    return trim(raw, start, year.start())


def _read_title(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    role = _ROLE_SENTENCE.search(raw, start, end)
    if role:
        start, end = trim(raw, start, role.start() + 1)
    taken = _take_trailing_year(raw, start, end, fields)
    if taken:  # "About Jenny Holzer 2011, dvd": the entry's only year, run into the title
        start, end = taken
        month = _TRAILING_MONTH.search(raw, start, end)
        if month and month.start() > start:  # "… Time Analyser June 1992,"
            start, end = trim(raw, start, month.start())
    person = _ROLE_NAME_END.search(raw, start, end)
    if person and looks_like_personal_name(person.group("name")):
        start, end = trim(raw, start, person.start() + 1)
    genre = _TRAILING_GENRE.search(raw, start, end)
    if genre and genre.start() > start:
        start, end = trim(raw, start, genre.start() + (raw[genre.start()] in ",."))
        # "… aboriginal art 2010, television program": the year before the genre
        start, end = _take_trailing_year(raw, start, end, fields) or (start, end)
    volume = _TRAILING_VOLUME.search(raw, start, end)
    if volume and volume.start() > start and fields.volume is None:
        _set(fields, "volume", volume.group("volume"), volume.start("volume"),
             volume.end("volume"))
        start, end = trim(raw, start, volume.start())
    text = raw[start:end]
    edition = EDITION_RE.search(text)
    if edition and edition.group(0).startswith("(") and edition.end() == len(text):
        if fields.edition is None:
            _set(fields, "edition", normalize_edition(edition.group(0)), start + edition.start(),
                 start + edition.end())
        start, end = trim(raw, start, start + edition.start())
    ordinal = _TRAILING_ORDINAL.search(text)
    if ordinal and ordinal.start() > 0:
        # "The Iliad, Books XXIII–XXIV. 4th": an edition without its "ed."
        if fields.edition is None:
            _set(fields, "edition", normalize_edition(ordinal.group("edition")),
                 start + ordinal.start("edition"), start + ordinal.end("edition"))
        start, end = trim(raw, start, start + ordinal.start())
        text = raw[start:end]
    volumes = VOLUMES_RE.search(text)
    if volumes and fields.volumes is None and volumes.end() >= len(text.rstrip(" .)")) \
            and volumes.start() > 0:
        fields.volumes = volumes.group("count")
        start, end = trim(raw, start, min(end, start + volumes.start()))
    _set(fields, "title", re.sub(r"\s+:", ":", " ".join(raw[start:end].split())), start, end)


# "In Essays: Critical and Clinical, translated by Daniel W. Smith": the clause that names
# the container's translator or editors is not the container's title.
_CONTAINER_ROLE = re.compile(r",\s+(?:translated|trans\.|edited|ed\.|eds\.)\s|"
                             r",\s+[^,]{3,80}?\s+\(?(?i:eds?)\.\)?[.,]?$|"  # ", X and Y Eds."
                             r"\s+\([^()]*$")  # "… Applications (R" cut inside a parenthesis

# "Trans. Nicholas Rand. Critical Inquiry", "Daphne Ellis (trans.), Wagner": the translator
# before the container.
_TRANSLATOR_FIRST = re.compile(r"(?:Trans\.|Translated by)\s+(?:[A-Z]\.\s*|[^\s.,]+\s+)*?"
                               r"[^\s.,]{2,}\.\s+|[^(),.]{3,60}\((?i:trans|tr)\.\),\s+")


def _read_container(name: str) -> _Reader:
    def read(raw: str, start: int, end: int, fields: TaggedFields) -> None:
        match = _IN.match(raw, start, end)
        if match and not raw[match.end()].islower():
            start, end = trim(raw, match.end(), end)
        role = _CONTAINER_ROLE.search(raw, start, end)
        if role:
            start, end = trim(raw, start, role.start() + 1)
        translator = _TRANSLATOR_FIRST.match(raw, start, end)
        if translator and translator.end() < end:
            start, end = trim(raw, translator.end(), end)
        _set(fields, name, " ".join(raw[start:end].split()), start, end)
    return read


# The label before a series' name: German "(= Kritische Studienausgabe, Bd. 4)", French
# "coll. « Bibliothèque des histoires »" and "collection « Que sais-je ? »".
_SERIES_LABEL = re.compile(r"=\s*|(?i:coll\.\s*|collection\s*(?=[«\"“]))")


def _read_series(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    start, end = trim(raw, start, end)
    label = _SERIES_LABEL.match(raw, start, end)
    if label and label.end() < end:
        start, end = trim(raw, label.end(), end)
    _read_container("series")(raw, start, end, fields)


def _read_edition(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    _set(fields, "edition", normalize_edition(raw[start:end]), start, end)


# Vancouver's "2012;30(15)": the year, then the volume
_YEAR_THEN_VOLUME = re.compile(rf"\s*\(?{YEAR_CORE}[a-z]?\)?\s*;\s*(\w+)")
# A journal's section letter is part of the volume: "Phys. Lett. B428", "A&A 365L"
_LETTERED_VOLUME = re.compile(r"\b([A-Z]\d{1,4}|\d{1,4}[A-Z])\b")


def _read_volume(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    text = raw[start:end]
    count = VOLUMES_RE.search(text)
    if count:
        if fields.volumes is None:
            fields.volumes = count.group("count")
            fields.spans.append(FieldSpan("volumes", start, end))
        return
    volume = _YEAR_THEN_VOLUME.match(text) or VOLUME_RE.search(text) or \
        _LETTERED_VOLUME.search(text) or _FIRST_NUMBER.search(text)
    if volume:
        group = 0 if volume.re is _FIRST_NUMBER else 1
        _set(fields, "volume", volume.group(group), start + volume.start(group),
             start + volume.end(group))


def _read_pages(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    text = raw[start:end]
    digits = "".join(c for c in text if c not in "- ")
    if len(digits) in (10, 13) and is_valid_isbn(digits):
        return  # one ISBN of a list ("…, 7800219615 (Volum 2), …"), not pages
    if PAGE_COUNT_RE.match(text + ("." if text.endswith("pp") else "")):
        return  # "245 pp." is the book's length, not the pages cited
    span_of_years = _YEAR_SPAN.fullmatch(text)
    if span_of_years and 0 < int(span_of_years.group(2)) - int(span_of_years.group(1)) <= 60 \
            and fields.journal is None:
        # "1993–1997" after a book's publisher is when it appeared, not its pages
        if fields.year is None:
            _set(fields, "year", normalize_year(text), start, end)
        return
    issue = _ISSUE_BEFORE_PAGES.match(text)
    if issue and issue.end() < len(text):
        start, text = start + issue.end(), text[issue.end():]
    labelled = PAGES_RE.search(text)
    match = labelled or _PAGE_NUMBERS.search(text)
    if match:
        group = "pages" if labelled else 0
        _set(fields, "pages", normalize_pages(match.group(group)), start + match.start(group),
             start + match.end(group))


def _read_publisher(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    text = raw[start:end]
    in_place = PUBLISHER_IN_PLACE_RE.match(text)
    if in_place and fields.address is None:
        _set(fields, "publisher", in_place.group("publisher"), start, start + in_place.end(1))
        _set(fields, "address", in_place.group("place"), start + in_place.start("place"),
             start + in_place.end("place"))
        return
    place = PLACE_PUBLISHER_RE.match(text)
    if place and fields.address is None:
        _set(fields, "address", place.group("place").strip(), start + place.start("place"),
             start + place.end("place"))
        _set(fields, "publisher", place.group("publisher").strip(),
             start + place.start("publisher"), start + place.end("publisher"))
        return
    trailing_in = _TRAILING_IN.search(text)
    if trailing_in:
        end = start + trailing_in.start()
    genre = _GENRE_BEFORE_PUBLISHER.match(text)
    if genre and start + genre.end() < end:
        start += genre.end()  # "Diss. University of California", "PhD thesis, MIT"
    _set(fields, "publisher", " ".join(raw[start:end].split()), start, end)


_GENRE_BEFORE_PUBLISHER = re.compile(
    r"[^,.]{0,30}\b(?i:thesis|dissertation|diss|report|projektarbeit|paper)\b[^,.]{0,20}"
    r"[,.]\s+")


def _is_region(part: str) -> bool:
    words = part.split()
    return bool(words) and (words[-1].lower().rstrip(".") in REGION_WORDS or
                            words[-1].rstrip(".") in STATE_CODES or
                            " ".join(words).lower().rstrip(".") in REGION_NAMES)


def _is_place(part: str) -> bool:
    """One to three capitalised words; the last a known city or region."""
    words = part.split()
    return 0 < len(words) <= 3 and all(w[:1].isupper() for w in words) and (
        _is_region(part) or words[-1].lower().rstrip(".") in CITY_WORDS)


def _split_trailing_place(raw: str, fields: TaggedFields) -> None:
    """"Agronomy Publications, River Falls, Wisconsin", "Seuil, Paris" or "Oxford, Clarendon
    Press" tagged as one publisher when no address was found: a last comma part that is a
    known place (or a city then a region), else a first one, is the address."""
    span = next(s for s in fields.spans if s.field == "publisher")
    text = raw[span.start:span.end]
    parts = text.split(",")
    if len(parts) < 2:
        return
    head = _place_at_end(parts, city_words=3)
    if head is None and _is_place(parts[0]) and parts[1].strip():  # "Oxford, Clarendon Press"
        address_end = span.start + len(parts[0])
        rest = span.start + len(parts[0]) + 1
        rest += len(raw[rest:span.end]) - len(raw[rest:span.end].lstrip())
        fields.publisher = " ".join(raw[rest:span.end].split())
        fields.spans.remove(span)
        fields.spans.append(FieldSpan("publisher", rest, span.end))
        _set(fields, "address", " ".join(parts[0].split()), span.start, address_end)
        return
    if head is None:
        return
    publisher_end = span.start + len(",".join(parts[:head]))
    if raw[span.start:publisher_end].strip():
        _place_after(raw, fields, span, publisher_end)


def _place_after(raw: str, fields: TaggedFields, span: FieldSpan, end: int,
                 trailing: str = "") -> None:
    """Cut ``span``'s field at ``end`` (a comma); what follows the comma is the address
    (without ``trailing`` characters at its end)."""
    address_start = end + 1
    address_start += len(raw[address_start:span.end]) - len(raw[address_start:span.end].lstrip())
    setattr(fields, span.field, " ".join(raw[span.start:end].split()))
    fields.spans.remove(span)
    fields.spans.append(FieldSpan(span.field, span.start, end))
    _set(fields, "address", " ".join(raw[address_start:span.end].split()).rstrip(trailing),
         address_start, span.end)


def _place_at_end(parts: list[str], city_words: int) -> int | None:
    """How many comma parts come before a known place at the end of ``parts``: a city of
    up to ``city_words`` capitalised words then a region ("River Falls, Wisconsin"), or a
    known city or region alone; None when the last part is no place."""
    city = parts[-2].split() if len(parts) >= 3 else []
    if city and _is_region(parts[-1]) and _is_place(parts[-1]) and \
            len(city) <= city_words and all(w[:1].isupper() for w in city):
        return len(parts) - 2
    if _is_place(parts[-1]):
        return len(parts) - 1
    return None


# A meeting's name ("Proc." and "Conf." end with their period, not a word boundary).
_MEETING = re.compile(r"\b(?:Proceedings|Conference|Workshop|Symposium|Congress|Meeting)\b|"
                      r"\b(?:Proc|Conf)\.")


def _split_meeting_place(raw: str, fields: TaggedFields) -> None:
    """"In Proceedings of the Third International Workshop on Inductive Logic Programming,
    Bled, Slovenia": a meeting's container whose last comma parts are a known place (a
    city, or a city then a region) ends before them; they are the address."""
    span = next(s for s in fields.spans if s.field == "booktitle")
    text = raw[span.start:span.end]
    parts = text.split(",")
    head = _place_at_end(parts, city_words=2) if len(parts) >= 2 else None
    if head is None or not _MEETING.search(parts[0]):
        return
    _place_after(raw, fields, span, span.start + len(",".join(parts[:head])), trailing=".")


# MLA's medium of publication after the place ("Berkeley, Print."): not the place's.
_MEDIUM = re.compile(r"[,.]\s*(?:Print|Web)\.?$")


# Years before a place ("1609-1652 Paris"): the years a title covers, not the place's.
_YEARS_BEFORE_PLACE = re.compile(rf"{YEAR_CORE}\s*[–—-]\s*{YEAR_CORE}[.,]?\s+(?=[A-Z])")


def _read_address(raw: str, start: int, end: int, fields: TaggedFields) -> None:
    medium = _MEDIUM.search(raw, start, end)
    if medium and medium.start() > start:
        end = medium.start()
    years = _YEARS_BEFORE_PLACE.match(raw, start, end)
    if years:
        start = years.end()
    text = raw[start:end]
    place = PLACE_PUBLISHER_RE.match(text)
    if place and fields.publisher is None:
        _read_publisher(raw, start, end, fields)
        return
    _set(fields, "address", " ".join(text.split()), start, end)


_READERS: dict[str, _Reader] = {
    "date": _read_date,
    "author": _read_author,
    "editor": _read_editor,
    "title": _read_title,
    "booktitle": _read_container("booktitle"),
    "journal": _read_container("journal"),
    "edition": _read_edition,
    "volume": _read_volume,
    "pages": _read_pages,
    "publisher": _read_publisher,
    "address": _read_address,
    "series": _read_series,
}
