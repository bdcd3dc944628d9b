"""CSL-JSON reader: a list of CSL items (or one item) to a Document.

Items are decoded one by one (``json.JSONDecoder.raw_decode``), so each keeps its exact
text and line, and a syntax error spoils only the item it is in: the reader skips to the
next item that starts at the same indentation and goes on. A broken item, or an item
that is not an object, is kept as text only; a value of the wrong type (a number where a
string is expected, an author that is not a list) is read when it can be (numbers become
text) and otherwise left to the raw text. A file that is not JSON, or not a list of
items, is reported as unreadable with the line and reason.

CSL variables map to BibTeX field names as Zotero maps them: ``container-title`` is the
book title of a chapter or the journal of an article, ``collection-title`` the series,
``publisher-place`` the address, ``number-of-volumes`` the volumes,
``number-of-pages`` the page total, ``issued`` the year.
"""

from __future__ import annotations

import json
import re
from typing import Any

from ..models import (
    Document,
    DocumentFormat,
    Location,
    NoticeKind,
    RawEntry,
    ReadNotice,
    Section,
)
from .offsets import LineIndex
from .records import labelled_isbns, line_starts

_VARIABLES = {"title": "title", "collection-title": "series", "publisher": "publisher",
              "publisher-place": "address", "edition": "edition", "volume": "volume",
              "number-of-volumes": "volumes", "number-of-pages": "pagetotal",
              "page": "pages", "language": "language", "note": "note"}
_ARTICLE_TYPES = frozenset({"article-journal", "article-magazine", "article-newspaper"})
_DECODER = json.JSONDecoder()
_JSON_TYPES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               list: "a list", type(None): "null"}
_SPACE = re.compile(r"[\s,]*")
_PAIR = re.compile(r'"(?P<name>[A-Za-z][\w-]*)"\s*:\s*'
                   r'(?P<value>"(?:[^"\\\n]|\\.)*"|-?\d+(?:\.\d+)?)')


def read_csl_json(name: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read a CSL-JSON file. Never raises for a problem in the file."""
    start = _SPACE.match(text, 0)
    position = start.end() if start else 0
    if text.startswith("\ufeff", position):
        position += 1
    if text.startswith("{", position):  # a single item
        items = list(_items(text, position, single=True))
    elif text.startswith("[", position):
        items = list(_items(text, position + 1, single=False))
    else:
        line = LineIndex(text).position(position)[0]
        return _unreadable(name, text, notices, line,
                           "not CSL-JSON: a CSL-JSON file is a list of items in [ ]")
    index = LineIndex(text)
    entries = [_entry(name, index, at, raw, item) for at, raw, item in items]
    broken = []
    for entry, (_, _, item) in zip(entries, items, strict=True):
        if isinstance(item, _Broken):
            line = index.position(item.position)[0]
            why = (f"is not valid JSON: {item.message} (line {line}); its \"name\": value "
                   "pairs are read")
        elif not isinstance(item, dict):
            why = (f"is not an object but {_JSON_TYPES.get(type(item), 'a value')}; it is "
                   "kept as text")
        elif not entry.fields:
            why = "has none of the CSL variables sourcecheck reads (title, author, issued …)"
        else:
            continue
        broken.append(ReadNotice(NoticeKind.BROKEN_RECORD,
                                 f"this CSL-JSON item {why}",
                                 entry.location))
    return Document(name, DocumentFormat.CSL_JSON, text, tuple(entries),
                    notices=(*notices, *broken))


class _Broken:
    """An item that is not valid JSON: where the error is and what it says."""

    def __init__(self, message: str, position: int) -> None:
        self.message = message
        self.position = position


def _items(text: str, position: int, single: bool) -> list[tuple[int, str, Any]]:
    """(offset, raw text, decoded value or _Broken) for each item from ``position``."""
    out: list[tuple[int, str, Any]] = []
    while True:
        space = _SPACE.match(text, position)
        position = space.end() if space else position
        if position >= len(text) or text.startswith("]", position):
            return out
        try:
            value, end = _DECODER.raw_decode(text, position)
        except json.JSONDecodeError as exc:
            end = _next_item(text, position)
            out.append((position, text[position:end].rstrip().rstrip(",]").rstrip(),
                        _Broken(exc.msg, exc.pos)))
        except RecursionError:  # json's decoder recurses once per "[" or "{"
            end = _next_item(text, position)
            out.append((position, text[position:end].rstrip().rstrip(",]").rstrip(),
                        _Broken("nested too deeply", position)))
        else:
            out.append((position, text[position:end], value))
        if single:
            return out
        position = end


def _next_item(text: str, start: int) -> int:
    """Where the next item begins: the next "{" at the broken item's own indentation."""
    line_start = text.rfind("\n", 0, start) + 1
    indent = text[line_start:start]
    if indent.strip():  # items share a line: nothing to resynchronise on
        return len(text)
    found = re.compile(rf"\n{re.escape(indent)}\{{").search(text, start + 1)
    return found.start() + 1 if found else len(text)


def _entry(name: str, index: LineIndex, offset: int, raw: str, item: Any) -> RawEntry:
    line, column = index.position(offset)
    where = Location(name, line, column)
    lines = line_starts(raw, line)
    if isinstance(item, _Broken):  # what can still be told from its "name": value pairs
        item = salvage(raw)
    if not isinstance(item, dict):  # a value that is no item: text only
        return RawEntry(raw, where, Section.BIBLIOGRAPHY, lines)
    kind = _text(item.get("type"))
    key = _text(item.get("id"))
    return RawEntry(raw, where, Section.BIBLIOGRAPHY, lines, fields=item_fields(item),
                    kind=kind, key=key)


def salvage(raw: str) -> dict[str, Any] | None:
    """The ``"name": "text"`` and ``"name": number`` pairs of a broken item, first of each
    name; None when there are none.

    >>> salvage('{"id": "b", "title": "A missing comma" "edition": 2 "x": [}')
    {'id': 'b', 'title': 'A missing comma', 'edition': 2}
    """
    pairs: dict[str, Any] = {}
    for match in _PAIR.finditer(raw):
        try:
            value = json.loads(match["value"])
        except ValueError:
            continue
        pairs.setdefault(match["name"], value)
    return pairs or None


def item_fields(item: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    """(BibTeX name, value) pairs of one CSL item; values of the wrong type are skipped."""
    fields: list[tuple[str, str]] = []
    for role in ("author", "editor"):
        people = item.get(role)
        if isinstance(people, list):
            fields += [(role, n) for n in (_person(p) for p in people) if n]
    kind = _text(item.get("type")) or ""
    for variable, value in item.items():
        text = _text(value)
        if text is None:
            continue
        if variable in _VARIABLES:
            fields.append((_VARIABLES[variable], text))
        elif variable == "container-title":
            fields.append(("journal" if kind in _ARTICLE_TYPES else "booktitle", text))
    year = _year(item.get("issued"))
    if year:
        fields.append(("year", year))
    isbn = _text(item.get("ISBN"))
    fields += [("isbn", v) for v in labelled_isbns([isbn] if isbn else [],
                                                   _text(item.get("note")))]
    return tuple(fields)


def _text(value: Any) -> str | None:
    """A string, or a number as text; None for anything else (lists, objects, booleans)."""
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    return None


def _person(value: Any) -> str | None:
    """A CSL name object to "Family, Given" ("Family, Jr., Given" with a suffix, BibTeX's
    order), or "{Literal}" for a corporate name."""
    if isinstance(value, str):
        return value.strip() or None
    if not isinstance(value, dict):
        return None
    literal = _text(value.get("literal"))
    if literal:
        return "{" + literal + "}"
    family = " ".join(p for p in (_text(value.get("non-dropping-particle")),
                                  _text(value.get("family"))) if p)
    given = " ".join(p for p in (_text(value.get("given")),
                                 _text(value.get("dropping-particle"))) if p)
    suffix = _text(value.get("suffix"))
    if not family:
        return given or None
    if given and suffix:
        return f"{family}, {suffix}, {given}"
    return f"{family}, {given}" if given else family


def _year(issued: Any) -> str | None:
    """The year of a CSL date: ``date-parts`` (a range gives "1993–1997"), else its
    ``raw`` or ``literal`` text."""
    if not isinstance(issued, dict):
        return _text(issued)
    parts = issued.get("date-parts")
    if isinstance(parts, list):
        years = [_text(p[0]) for p in parts if isinstance(p, list) and p]
        years = [y for y in years if y]
        if years:
            return years[0] if len(years) == 1 or years[0] == years[-1] \
                else f"{years[0]}–{years[-1]}"
    return _text(issued.get("raw")) or _text(issued.get("literal"))


def _unreadable(name: str, text: str, notices: tuple[ReadNotice, ...], line: int,
                message: str) -> Document:
    notice = ReadNotice(NoticeKind.UNREADABLE, message, Location(name, line, 1))
    return Document(name, DocumentFormat.CSL_JSON, text, notices=(*notices, notice))
