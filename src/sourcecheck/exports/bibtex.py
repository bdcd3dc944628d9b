"""BibTeX export through bibtexparser v2, for Zotero.

- Every reference becomes an entry, parsed or not: an unparsed one is a ``@misc`` whose
  title is the entry as written.
- Keys are the references' ids, made unique in the file; the same reference met again
  in another document (same key, same fields) is written once.
- Names are "Family, Given and …"; a corporate author is braced so BibTeX keeps it whole.
- Special characters are escaped so a parser reads back exactly the fields written
  (``read_bibtex_fields`` is that reader; a test checks the round trip).
- Zotero keeps ``isbn`` (several valid ISBNs separated by spaces), ``address``,
  ``edition``, ``series``, ``volume``, ``pagetotal``; it drops ``volumes``, so the number
  of volumes, per-volume ISBNs and set ISBNs are also spelled out in ``note`` (a Zotero
  child note). Values are always braced, never quoted (a ``"`` would end a quoted value),
  and capitals in titles, book titles and series are braced against lower-casing as
  Zotero's own BibTeX export braces them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from ..models import Name, Reference, ReferenceKind
from .records import UNPARSED_NOTE, isbn_field, isbn_note, keyed_references

_ENTRY_TYPES = {
    ReferenceKind.BOOK: "book",
    ReferenceKind.CHAPTER: "incollection",
    ReferenceKind.ARTICLE: "article",
    ReferenceKind.OTHER: "misc",
}
_ESCAPES = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}
_ESCAPE_RE = re.compile("|".join(re.escape(c) for c in _ESCAPES))
_UNESCAPES = {v: k for k, v in _ESCAPES.items()}
_UNESCAPE_RE = re.compile("|".join(re.escape(v) for v in sorted(_UNESCAPES, key=len, reverse=True)))
# A hyphen followed by another: "{}" after it keeps "--" and "---" from becoming dashes.
_DASH_RUN_RE = re.compile(r"-(?=-)")
# A word of a title, for brace protection of its capitals.
_WORD_RE = re.compile(r"[\w'’-]+")


def escape(text: str) -> str:
    """Escape BibTeX/LaTeX specials so that braces always balance; "--" is written
    "-{}-" so that it is not read back as an en dash."""
    return _DASH_RUN_RE.sub("-{}", _ESCAPE_RE.sub(lambda m: _ESCAPES[m.group()], text))


def unescape(text: str) -> str:
    """Undo ``escape`` and remove protective braces: the reader side of the round trip."""
    text = _UNESCAPE_RE.sub(lambda m: "\x00" + m.group() + "\x00", text)
    pieces = text.split("\x00")
    out = []
    for piece in pieces:
        if piece in _UNESCAPES:
            out.append(_UNESCAPES[piece])
        else:
            out.append(piece.replace("{", "").replace("}", ""))
    return "".join(out)


def _protect_title(title: str) -> str:
    """Escape a title and brace its capitals the way Zotero's own BibTeX export does:
    every word with a capital letter, except a first word capitalised only at its start
    ("Where {Chiang Kai-shek Lost China}: {The Liao-Shen Campaign}"). A style that
    sentence-cases titles, or Better BibTeX, then keeps them; neighbouring words share
    one pair of braces.
    """
    runs: list[list[int]] = []
    for position, match in enumerate(_WORD_RE.finditer(title)):
        word = match.group()
        if not any(c.isupper() for c in word):
            continue
        if position == 0 and not any(c.isupper() for c in word[1:]):
            continue
        if runs and title[runs[-1][1]:match.start()].strip(" ") == "":
            runs[-1][1] = match.end()  # only spaces between: one brace group
        else:
            runs.append([match.start(), match.end()])
    out = []
    last = 0
    for start, end in runs:
        out.append(escape(title[last:start]))
        out.append("{" + escape(title[start:end]) + "}")
        last = end
    out.append(escape(title[last:]))
    return "".join(out)


def _names(names: Iterable[Name]) -> str:
    parts = []
    for name in names:
        if name.literal:
            parts.append("{" + escape(name.literal) + "}")
        elif name.family and name.given and name.suffix:  # BibTeX: "von Last, Jr, First"
            parts.append(f"{escape(name.family)}, {escape(name.suffix)}, {escape(name.given)}")
        elif name.family and name.given:
            parts.append(f"{escape(name.family)}, {escape(name.given)}")
        else:
            parts.append(escape(name.family or name.given or ""))
    return " and ".join(parts)


def entry_fields(reference: Reference) -> list[tuple[str, str]]:
    """The (field, raw BibTeX value) pairs of one entry, in writing order."""
    if not reference.is_parsed:
        return [("title", escape(reference.raw)), ("note", escape(UNPARSED_NOTE))]
    fields: list[tuple[str, str]] = []

    def add(key: str, value: str | None, protect: bool = False) -> None:
        if value:
            fields.append((key, _protect_title(value) if protect else escape(value)))

    if reference.authors:
        fields.append(("author", _names(reference.authors)))
    if reference.editors:
        fields.append(("editor", _names(reference.editors)))
    add("title", reference.title, protect=True)
    add("booktitle", reference.booktitle, protect=True)
    add("journal", reference.journal)
    add("year", reference.year)
    add("edition", reference.edition)
    add("volume", reference.volume)
    add("volumes", reference.volumes)
    add("series", reference.series, protect=True)
    add("pages", reference.pages)
    add("pagetotal", reference.pagetotal)
    add("publisher", reference.publisher)
    add("address", reference.address)
    add("language", reference.language)
    add("isbn", isbn_field(reference))
    add("note", isbn_note(reference, with_volumes=True))
    return fields


def to_bibtex(references: Iterable[Reference], annotes: Mapping[str, str] | None = None) -> str:
    """A BibTeX file holding every reference once, with unique keys. ``annotes`` maps a
    reference id to an ``annote`` field for it (Zotero imports it as a child note of
    its own, apart from ``note``)."""
    from bibtexparser.entrypoint import write_string
    from bibtexparser.library import Library
    from bibtexparser.middlewares import default_unparse_stack
    from bibtexparser.model import Entry, Field
    from bibtexparser.writer import BibtexFormat

    library = Library()
    for key, reference in keyed_references(references):
        entry_type = _ENTRY_TYPES[reference.kind] if reference.is_parsed else "misc"
        fields = [Field(k, v) for k, v in entry_fields(reference)]
        if annotes and annotes.get(reference.id):
            fields.append(Field("annote", escape(annotes[reference.id])))
        library.add(Entry(entry_type, key, fields))
    bibtex_format = BibtexFormat()  # type: ignore[no-untyped-call]
    bibtex_format.indent = "  "
    bibtex_format.block_separator = "\n"
    # The library is ours and thrown away: let the writer's middlewares work in place
    # rather than deep-copy every entry.
    text: str = write_string(library, bibtex_format=bibtex_format,
                             unparse_stack=default_unparse_stack(allow_inplace_modification=True))
    return text


def read_bibtex_fields(text: str) -> dict[str, tuple[str, dict[str, str]]]:
    """Parse BibTeX written by ``to_bibtex``: key -> (entry type, unescaped fields).

    Raises ValueError if any block fails to parse.
    """
    from bibtexparser.entrypoint import parse_string

    library = parse_string(text)
    if library.failed_blocks:
        raise ValueError(f"{len(library.failed_blocks)} BibTeX block(s) failed to parse")
    out: dict[str, tuple[str, dict[str, str]]] = {}
    for entry in library.entries:
        out[entry.key] = (entry.entry_type, {f.key: unescape(str(f.value)) for f in entry.fields})
    return out
