"""BibTeX reader: a ``.bib`` file to a Document whose entries are its records.

bibtexparser v2 splits the file into blocks and keeps going past a broken one: an entry
with an unbalanced brace fails alone and the next entry is still read. Each record
becomes a ``RawEntry`` with the entry source as ``text``, its citation key as ``key``,
its type as ``kind`` and its fields as (BibTeX name, value) pairs; ``@string`` macros
are resolved. A block that fails to parse is still an entry (its text only), so it
appears in the report; an entry whose key repeats an earlier one is read too (the check
``bib.duplicate-key`` reports it).

Values are decoded from LaTeX by a small decoder here rather than pylatexenc, which
would silently drop unknown commands ("C:\\path" -> "C:") and turn "--", "~" and
quotes into other characters: the report must show what the file says. The decoder
undoes the exporter's escapes exactly, turns accent commands into letters and strips
protective braces. A wholly braced name ("{World Bank}") is a corporate author.
"""

from __future__ import annotations

import logging
import re
import unicodedata
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
from .records import labelled_isbns, line_starts

_HEAD = re.compile(r"\s*@(?P<type>[A-Za-z]+)\s*[{(]\s*(?P<key>[^,\s{}()=\"#%']+)\s*,")
_FIELD_SPLIT = re.compile(r",\s*(?=[A-Za-z][\w-]*\s*=)")
_FIELD = re.compile(r"\s*(?P<name>[A-Za-z][\w-]*)\s*=\s*(?P<value>.*)\Z", re.S)

# bibtexparser logs every broken block as a warning; the reader reports them itself.
logging.getLogger("bibtexparser").addHandler(logging.NullHandler())

# biblatex names of fields the pipeline knows under their BibTeX names.
_FIELD_NAMES = {"location": "address", "journaltitle": "journal", "number-of-volumes": "volumes"}
_NAME_FIELDS = ("author", "editor")

_ACCENTS = {"'": "\u0301", "`": "\u0300", "^": "\u0302", '"': "\u0308", "~": "\u0303",
            "=": "\u0304", ".": "\u0307", "c": "\u0327", "v": "\u030c", "u": "\u0306",
            "H": "\u030b", "k": "\u0328", "r": "\u030a"}
_LETTERS = {"ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ",
            "aa": "å", "AA": "Å", "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ"}
_SYMBOLS = {"textbackslash": "\\", "textasciitilde": "~", "textasciicircum": "^",
            "textendash": "–", "textemdash": "—", "textquoteright": "’",
            "textquoteleft": "‘", "textquotedblleft": "“", "textquotedblright": "”",
            "textbar": "|", "textless": "<", "textgreater": ">", "textunderscore": "_"}
_TOKEN = re.compile(
    r"\\(?P<accent>['`^\"~=.]|[cvuHkr](?=[\s{]))\s*(?:\{(?P<braced>\\?[A-Za-z])\}|(?P<bare>\\?[A-Za-z]))"
    r"|\\(?P<escaped>[{}%&$#_ ])"
    r"|\\(?P<word>[A-Za-z]+)\*?(?:(?P<args>\{\})|\s?)"  # TeX eats the space after \word
    r"|(?P<brace>[{}])"
    r"|(?P<tie>~)"
    r"|(?P<dashes>-{2,3})"
)


def read_bibtex(name: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read a BibTeX file. Never raises for a problem in the file."""
    from bibtexparser.entrypoint import parse_string
    from bibtexparser.model import DuplicateBlockKeyBlock, Entry

    library = parse_string(blank_comments(text))
    blocks: list[tuple[int, Any]] = [(b.start_line or 0, b) for b in library.entries]
    blocks += [(b.start_line or 0, b) for b in library.failed_blocks]
    broken: list[ReadNotice] = []
    entries: list[RawEntry] = []
    for start, block in sorted(blocks, key=lambda pair: pair[0]):
        raw = (block.raw or "").strip()
        line = start + 1  # bibtexparser counts lines from 0
        where = Location(name, line, 1)
        lines = line_starts(raw, line)
        enclosed = isinstance(block, DuplicateBlockKeyBlock)  # met before the middlewares
        if enclosed:
            block = block.ignore_error_block
        if isinstance(block, Entry):
            entries.append(RawEntry(raw, where, Section.BIBLIOGRAPHY, lines,
                                    fields=entry_fields(block, enclosed),
                                    kind=block.entry_type.lower(), key=block.key))
        else:  # a block bibtexparser could not read: salvaged, kept as written, reported
            kind, key, fields = salvage(raw)
            entries.append(RawEntry(raw, where, Section.BIBLIOGRAPHY, lines, fields=fields,
                                    kind=kind, key=key))
            reason = _reason(raw)
            broken.append(ReadNotice(NoticeKind.BROKEN_RECORD,
                                     f"this BibTeX entry cannot be read{reason}", where))
    return Document(name, DocumentFormat.BIBTEX, text, tuple(entries),
                    notices=(*notices, *broken))


_SPECIAL = re.compile(r'\\.|[{}"%\n]')


def blank_comments(text: str) -> str:
    """``text`` with every ``%`` comment between fields (outside a braced or quoted
    value) replaced by spaces up to the end of its line, so lines and columns stay.

    Biber and BibTeX-aware tools read ``% …`` there as a comment; bibtexparser reads it
    as part of the next field's name and loses that field. A ``%`` inside a value (a
    URL's ``%20``) is the value's and is kept.

    >>> blank_comments("@book{k, % note\\n title = {50% off}}")
    '@book{k,       \\n title = {50% off}}'
    """
    if "%" not in text:
        return text
    pieces: list[str] = []
    depth, quoted, kept = 0, False, 0
    comment_from = -1
    for match in _SPECIAL.finditer(text):
        token, at = match.group(), match.start()
        if comment_from >= 0:
            if token == "\n":
                pieces += [text[kept:comment_from], " " * (at - comment_from)]
                kept, comment_from = at, -1
            continue
        if token == "{":
            depth += 1
        elif token == "}":
            depth = max(depth - 1, 0)
        elif token == '"' and depth == 1:
            quoted = not quoted
        elif token == "%" and depth <= 1 and not quoted:
            comment_from = at
    if comment_from >= 0:
        pieces += [text[kept:comment_from], " " * (len(text) - comment_from)]
        kept = len(text)
    pieces.append(text[kept:])
    return "".join(pieces)


def salvage(raw: str) -> tuple[str | None, str | None, tuple[tuple[str, str], ...]]:
    """Type, key and fields of an entry bibtexparser gave up on, as far as they can be
    told: the text is cut at each ", name =" and every value decoded (a stray brace is
    dropped). Nothing when the block does not even start like an entry.

    >>> salvage("@book{a, title = {Open { brace}, year = {2001}}")
    ('book', 'a', (('title', 'Open brace'), ('year', '2001')))
    """
    head = _HEAD.match(raw)
    if head is None:
        return None, None, ()
    fields: list[tuple[str, str]] = []
    for part in _FIELD_SPLIT.split(raw[head.end():]):
        match = _FIELD.match(part)
        if match is None:
            continue
        name = _FIELD_NAMES.get(match["name"].lower(), match["name"].lower())
        value = match["value"].strip().rstrip(",").strip()
        if value[:1] in ('{', '"'):
            value = value[1:]
        if name in _NAME_FIELDS:
            fields += [(name, decode(n)) for n in re.split(r"\s+and\s+", value)
                       if decode(n)]
        elif decode(value):
            fields.append((name, decode(value.rstrip('"'))))
    return head["type"].lower(), head["key"], tuple(fields)


def _reason(raw: str) -> str:
    """What is wrong with a block that failed, as far as can be told from its text."""
    depth = 0
    for char in re.sub(r"\\[{}]", "", raw):
        depth += {"{": 1, "}": -1}.get(char, 0)
    if depth > 0:
        return f": {depth} opening brace(s) not closed; the next entry is read on its own"
    if depth < 0:
        return f": {-depth} closing brace(s) too many"
    return ": it is not of the form @type{key, field = {value}, …}"


def entry_fields(entry: Any, enclosed: bool = False) -> tuple[tuple[str, str], ...]:
    """(BibTeX name, decoded value) pairs of a bibtexparser entry, names once per person.

    ``enclosed``: the values still have their enclosing braces or quotes (bibtexparser
    hands over an entry with a repeated key before its middlewares run).
    """
    fields: list[tuple[str, str]] = []
    isbns: list[str] = []
    note: str | None = None
    for field in entry.fields:
        key = str(field.key).lower()
        key = _FIELD_NAMES.get(key, key)
        value = str(field.value)
        if enclosed:
            value = _unenclosed(value)
        if key in _NAME_FIELDS:
            fields += [(key, person) for person in split_names(value)]
        elif key == "isbn":
            isbns.append(decode(value))
        else:
            decoded = decode(value)
            if key == "note":
                note = decoded
            fields.append((key, decoded))
    fields += [("isbn", isbn) for isbn in labelled_isbns(isbns, note)]
    return tuple(fields)


def split_names(value: str) -> list[str]:
    """A BibTeX name list to "Family, Given" strings ("Family, Jr, Given" with a suffix);
    a braced corporate name stays braced.

    BibTeX's own rules decide family and given ("Odd Arne Westad" and "Westad, Odd Arne"
    are one person; "von" parts belong to the family name), as Zotero's import does.
    """
    from bibtexparser.middlewares.names import (
        parse_single_name_into_parts,
        split_multiple_persons_names,
    )

    people: list[str] = []
    for person in split_multiple_persons_names(value):
        person = person.strip()
        if not person:
            continue
        if person.startswith("{") and person.endswith("}") and _balanced(person[1:-1]):
            people.append("{" + decode(person[1:-1]) + "}")
            continue
        try:
            parts = parse_single_name_into_parts(person)
        except Exception:  # bibtexparser's name errors have no common base: keep it whole
            people.append(decode(person))
            continue
        family = decode(" ".join(parts.von + parts.last))
        given = decode(" ".join(parts.first))
        suffix = decode(" ".join(parts.jr))
        if family and given and suffix:
            people.append(f"{family}, {suffix}, {given}")  # BibTeX's order, read back as such
        else:
            people.append(f"{family}, {given}" if family and given else family or given)
    return people


def decode(value: str) -> str:
    """LaTeX to text: escapes, accents, ties and dashes ("--" is "–") undone, protective
    braces removed.

    >>> decode(r"{PLA} 100\\% \\{ {\\\"o}ber \\textasciitilde{} C:\\path~x")
    'PLA 100% { öber ~ C:\\\\path x'
    """
    def replace(match: re.Match[str]) -> str:
        if match["accent"]:
            letter = match["braced"] or match["bare"]
            base = _LETTERS.get(letter[1:], letter[1:]) if letter.startswith("\\") else letter
            return unicodedata.normalize("NFC", base + _ACCENTS[match["accent"]])
        if match["escaped"]:
            return match["escaped"]
        if match["word"]:
            word = match["word"]
            if word in _SYMBOLS:
                return _SYMBOLS[word]
            if word in _LETTERS:
                return _LETTERS[word]
            # An unknown command: \emph{x} keeps x; a stray "\path" is kept as written.
            return "" if match["args"] is None and _followed_by_brace(match) else match.group()
        if match["tie"]:
            return " "
        if match["dashes"]:
            return "–" if len(match["dashes"]) == 2 else "—"
        return ""  # a protective brace

    return " ".join(_TOKEN.sub(replace, value).split())


def _followed_by_brace(match: re.Match[str]) -> bool:
    return match.string[match.end():match.end() + 1] == "{"


def _unenclosed(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and (((value[0], value[-1]) == ("{", "}") and _balanced(value[1:-1]))
                            or value[0] == value[-1] == '"'):
        return value[1:-1]
    return value


def _balanced(text: str) -> bool:
    depth = 0
    for char in text:
        depth += {"{": 1, "}": -1}.get(char, 0)
        if depth < 0:
            return False
    return depth == 0
