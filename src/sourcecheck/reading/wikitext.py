"""The wikitext reader (``.wiki``, ``.mediawiki``), with mwparserfromhell.

- ``<ref>…</ref>``, ``{{sfn}}`` and ``{{efn}}`` make notes, numbered as MediaWiki numbers
  them: in order of first use, per group; a named ref reused (``<ref name="x" />``) or an
  identical ``{{sfn}}`` is the same note again, with one more backlink. Each use is a
  marker. Refs defined in ``{{reflist|refs=…}}`` are numbered where they are first used.
- ``{{cite book}}``, ``{{cite journal}}``, ``{{citation}}`` … outside refs are
  bibliography entries whose fields come from the template's parameters.
- A note's text is what an editor reads in the rendered notes list: ``{{sfn|Westad|2003|
  p=36}}`` is "Westad 2003, p. 36."; a citation template inside a ref is written out as a
  full citation. A short citation is first matched to a citation template by the CITEREF
  rule (up to four surnames and the year, or the template's ``ref={{sfnref|…}}``); when
  one matches, the note names that template's authors and year (or its title), so the
  citation resolves to it.
- Everything else — free-text entries under ``== References ==``, headings, lists — is
  stripped of markup and read by the plain-text reader. Every location is a line and
  column of the wikitext.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

import mwparserfromhell
from mwparserfromhell.nodes import (
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

from ..models import (
    Document,
    DocumentFormat,
    LineStart,
    Location,
    Marker,
    Note,
    RawEntry,
    ReadNotice,
    Section,
)
from .rendered import RenderedLine, read_rendered
from .shapes import HeadingKind, heading_kind
from .text import read_text

_SHORT_CITATIONS = frozenset({"sfn", "sfnp", "harvnb", "harv", "harvp", "harvtxt", "sfnm"})
_FOOTNOTE_TEMPLATES = frozenset({"sfn", "sfnp", "sfnm", "efn", "efn-la", "efn-ua", "efn-lr"})
_CITATIONS = re.compile(r"^(?:cite[ _-]?\w+(?:[ _-]\w+)?|citation|vcite[ _]\w+)$", re.I)
_LIST_TEMPLATES = frozenset({"reflist", "references", "notelist", "notelist-la", "notelist-ua",
                             "refbegin", "refend", "notelist-lr"})
_YEAR = re.compile(r"\b(?:1[4-9]|20)\d\d[a-z]?\b")
_OPEN_REF = re.compile(r"<ref(?:\s[^>]*)?>", re.I)


@dataclass
class _NoteDraft:
    label: str
    location: Location
    text: str = ""
    lines: tuple[LineStart, ...] = ()
    defined: bool = False
    uses: int = 0


@dataclass
class _Walk:
    """State of one pass over the parsed wikitext."""

    path: str
    newlines: list[int]
    pieces: list[tuple[int, str]] = field(default_factory=list)  # source offset, text
    entries: list[RawEntry] = field(default_factory=list)
    markers: list[Marker] = field(default_factory=list)
    notes: dict[tuple[str, str], _NoteDraft] = field(default_factory=dict)
    counters: Counter[str] = field(default_factory=Counter)
    anchors: dict[str, Template] = field(default_factory=dict)
    section: Section = Section.BIBLIOGRAPHY
    anonymous: int = 0

    def locate(self, offset: int) -> Location:
        line = bisect.bisect_right(self.newlines, offset - 1)
        start = self.newlines[line - 1] + 1 if line else 0
        return Location(self.path, line + 1, offset - start + 1)


def read_wikitext(path: str, text: str, notices: tuple[ReadNotice, ...] = ()) -> Document:
    """Read wikitext: notes from refs and short-citation templates, entries from citation
    templates and from free text under sources headings."""
    try:
        code = mwparserfromhell.parse(text)
    except Exception:  # the parser's own bug must not stop the run; read the text as text
        return replace(read_text(path, text, notices), format=DocumentFormat.WIKITEXT)
    walk = _Walk(path, [i for i, char in enumerate(text) if char == "\n"])
    _collect_anchors(code, walk)
    _walk_nodes(code, 0, walk, in_ref=False)
    rendered = _render_lines(walk)
    notes = [Note(d.label, d.text, d.location, max(1, d.uses), d.lines)
             for d in walk.notes.values() if d.defined]
    return read_rendered(path, DocumentFormat.WIKITEXT, text, rendered, notices,
                         notes=notes, markers=walk.markers, entries=walk.entries)


# --- the walk -------------------------------------------------------------------------


def _walk_nodes(code: Wikicode, offset: int, walk: _Walk, in_ref: bool) -> None:
    """Visit nodes in order; ``offset`` is where ``code`` starts in the source."""
    for node in code.nodes:
        source = str(node)
        _visit(node, source, offset, walk, in_ref)
        offset += len(source)


def _visit(node: Node, source: str, offset: int, walk: _Walk, in_ref: bool) -> None:
    if isinstance(node, Text):
        _text(source, offset, walk)
    elif isinstance(node, Heading):
        kind = heading_kind(str(node.title).strip())
        if kind is not None:
            walk.section = (Section.FURTHER_READING
                            if kind in (HeadingKind.FURTHER_READING, HeadingKind.OTHER)
                            else Section.BIBLIOGRAPHY)
        walk.pieces.append((offset, source))
    elif isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
        _ref(node, source, offset, walk)
    elif isinstance(node, Template):
        _template(node, source, offset, walk)
    elif isinstance(node, Tag):
        _tag(node, source, offset, walk, in_ref)
    elif isinstance(node, (Wikilink, ExternalLink)):
        _visible(str(_shown(node)), source, offset, walk)
    elif isinstance(node, HTMLEntity):
        walk.pieces.append((offset, node.normalize()))
    elif isinstance(node, Comment):
        _blank(source, offset, walk)
    else:  # arguments, parser functions: nothing a reader sees
        _blank(source, offset, walk)


def _shown(node: Wikilink | ExternalLink) -> Wikicode:
    """The part of a link a reader sees."""
    if isinstance(node, Wikilink):
        return node.text if node.text is not None else node.title
    return node.title if node.title is not None else node.url


def _text(source: str, offset: int, walk: _Walk) -> None:
    """Plain text; an unclosed ``<ref>`` (MediaWiki reports it) still makes a note of the
    rest of its paragraph, so what the author wrote is not lost."""
    match = _OPEN_REF.search(source)
    if match is None:
        walk.pieces.append((offset, source))
        return
    walk.pieces.append((offset, source[: match.start()]))
    end = source.find("\n\n", match.end())
    end = len(source) if end < 0 else end
    body = source[match.end(): end]
    where = walk.locate(offset + match.start())
    draft = _new_note(walk, ("", f"#unclosed{offset}"), "", where)
    draft.text, draft.lines = _flatten([(offset + match.end(), body, True)], walk)
    draft.defined = True
    draft.uses += 1
    walk.markers.append(Marker(draft.label, where))
    _blank(source[match.start(): end], offset + match.start(), walk)
    walk.pieces.append((offset + end, source[end:]))


def _visible(shown: str, source: str, offset: int, walk: _Walk) -> None:
    at = source.find(shown)
    if at < 0:
        walk.pieces.append((offset, shown))
    else:
        _blank(source[:at], offset, walk)
        walk.pieces.append((offset + at, shown))
        _blank(source[at + len(shown):], offset + at + len(shown), walk)


def _blank(source: str, offset: int, walk: _Walk) -> None:
    """Hide a span but keep its line breaks, so later lines stay where they are."""
    for index, char in enumerate(source):
        if char == "\n":
            walk.pieces.append((offset + index, "\n"))


def _tag(node: Tag, source: str, offset: int, walk: _Walk, in_ref: bool) -> None:
    name = str(node.tag).strip().lower()
    if name == "references":
        if node.contents is not None:
            _reflist_refs(node.contents, source, offset + source.find(str(node.contents)), walk)
        _blank(source, offset, walk)
        return
    if name in ("script", "style", "math", "nowiki", "pre", "gallery", "syntaxhighlight"):
        _blank(source, offset, walk)
        return
    if node.self_closing or node.contents is None:
        markup = str(node.wiki_markup or "")
        if markup[:1] == "*":  # a bullet the text reader knows
            walk.pieces.append((offset, source))
        elif markup[:1] == "#":  # a numbered item: a bullet too, for the text reader
            walk.pieces.append((offset, "-" + " " * (len(source) - 1)))
        elif name == "br" or markup[:1] in ":;":
            walk.pieces.append((offset, " " * len(source)))
        return
    contents = str(node.contents)
    start = _contents_start(node, source, contents)
    _blank(source[:start], offset, walk)
    _walk_nodes(node.contents, offset + start, walk, in_ref)
    _blank(source[start + len(contents):], offset + start + len(contents), walk)


def _contents_start(node: Tag, source: str, contents: str) -> int:
    opening = len(str(node.wiki_markup)) if node.wiki_markup else source.find(">") + 1
    at = source.find(contents, max(opening, 0))
    return at if at >= 0 else max(opening, 0)


def _template(node: Template, source: str, offset: int, walk: _Walk) -> None:
    name = _template_name(node)
    if name in _FOOTNOTE_TEMPLATES:
        _footnote_template(node, name, source, offset, walk)
    elif _CITATIONS.match(name):
        walk.entries.append(_entry(node, source, offset, walk))
        _blank(source, offset, walk)
    elif name in _SHORT_CITATIONS:  # an in-text {{harv}}: its text stays in the prose
        walk.pieces.append((offset, _short_citation(node, walk)))
        _blank(source, offset, walk)
    elif name in _LIST_TEMPLATES:
        if node.has("refs"):
            value = node.get("refs").value
            _reflist_refs(value, source, offset + source.find(str(value)), walk)
        _blank(source, offset, walk)
    else:
        _blank(source, offset, walk)


def _reflist_refs(code: Wikicode, source: str, offset: int, walk: _Walk) -> None:
    """List-defined references: ``<ref name="x">…</ref>`` inside a reference list."""
    for node in code.nodes:
        node_source = str(node)
        if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref":
            _ref(node, node_source, offset, walk, use=False)
        offset += len(node_source)


def _ref(node: Tag, source: str, offset: int, walk: _Walk, use: bool = True) -> None:
    name = _attribute(node, "name")
    group = _attribute(node, "group") or ""
    where = walk.locate(offset)
    if name:
        key = (group, name)
    else:
        walk.anonymous += 1
        key = (group, f"#anonymous{walk.anonymous}")
    draft = walk.notes.get(key)
    if draft is None:
        draft = _new_note(walk, key, group, where)
    if node.contents is not None and not node.self_closing and str(node.contents).strip() \
            and not draft.defined:
        contents = str(node.contents)
        start = _contents_start(node, source, contents)
        draft.text, draft.lines = _note_text(node.contents, offset + start, walk)
        draft.defined = True
        if not use:
            draft.location = where
    if use:
        draft.uses += 1
        walk.markers.append(Marker(draft.label, where))
    _blank(source, offset, walk)


def _new_note(walk: _Walk, key: tuple[str, str], group: str, where: Location) -> _NoteDraft:
    walk.counters[group] += 1
    number = walk.counters[group]
    label = _alpha(number) if group == "lower-alpha" else f"{group} {number}".strip()
    draft = _NoteDraft(label, where)
    walk.notes[key] = draft
    return draft


def _alpha(number: int) -> str:
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("a") + rest) + letters
    return letters


def _footnote_template(node: Template, name: str, source: str, offset: int,
                       walk: _Walk) -> None:
    """``{{sfn}}`` makes (or reuses, when identical) a note; ``{{efn}}`` an explanatory
    note labelled a, b, c …"""
    where = walk.locate(offset)
    if name.startswith("efn"):
        group = "lower-alpha"
        key_name = _param(node, "name") or f"#efn{offset}"
        key = (group, key_name)
    else:
        group = ""
        key = ("", "#sfn " + " ".join(str(p).strip() for p in node.params))
    draft = walk.notes.get(key) or _new_note(walk, key, group, where)
    if not draft.defined:
        if name.startswith("efn"):
            body = node.get(1).value if node.has(1) else None
            if body is not None:
                start = offset + source.find(str(body))
                draft.text, draft.lines = _note_text(body, start, walk)
        else:
            draft.text = _short_citation(node, walk) + "."
        draft.defined = bool(draft.text)
    draft.uses += 1
    walk.markers.append(Marker(draft.label, where))
    _blank(source, offset, walk)


def _note_text(code: Wikicode, offset: int, walk: _Walk) -> tuple[str, tuple[LineStart, ...]]:
    """A ref's contents as the notes list shows them, with a map back to the source."""
    pieces: list[tuple[int, str, bool]] = []
    position = offset
    for node in code.nodes:
        source = str(node)
        if isinstance(node, Template):
            name = _template_name(node)
            if name in _SHORT_CITATIONS:
                pieces.append((position, _short_citation(node, walk), False))
            elif _CITATIONS.match(name):
                pieces.append((position, render_citation(node), False))
        elif isinstance(node, Text):
            pieces.append((position, source, True))
        elif isinstance(node, (Wikilink, ExternalLink)):
            shown = str(_shown(node))
            at = source.find(shown)
            pieces.append((position + max(at, 0), shown, at >= 0))
        elif isinstance(node, HTMLEntity):
            pieces.append((position, node.normalize(), False))
        elif isinstance(node, Tag) and node.contents is not None and not node.self_closing:
            contents = str(node.contents)
            start = _contents_start(node, source, contents)
            text, _ = _note_text(node.contents, position + start, walk)
            pieces.append((position + start, text, False))
        position += len(source)
    return _flatten(pieces, walk)


def _flatten(pieces: Iterable[tuple[int, str, bool]],
             walk: _Walk) -> tuple[str, tuple[LineStart, ...]]:
    """Join (source offset, text, verbatim) pieces into one line, whitespace collapsed,
    with a LineStart wherever the text stops following the source character by
    character (a rendered template starts one of its own)."""
    chars: list[str] = []
    starts: list[LineStart] = []
    expected: int | None = None
    pending_space = False
    for offset, piece, verbatim in pieces:
        fresh = True
        for index, char in enumerate(piece):
            if char.isspace():
                pending_space = bool(chars)
                continue
            if pending_space:
                chars.append(" ")
                pending_space = False
                expected = expected + 1 if expected is not None else None
            source = offset + index
            if (source != expected) if verbatim else fresh:
                where = walk.locate(source if verbatim else offset)
                starts.append(LineStart(len(chars), where.line, where.column))
            expected = source + 1 if verbatim else None
            fresh = False
            chars.append(char)
    return "".join(chars), tuple(starts)


# --- citation templates ---------------------------------------------------------------


def _template_name(node: Template) -> str:
    return " ".join(str(node.name).replace("_", " ").split()).lower()


def _attribute(node: Tag, name: str) -> str | None:
    for attribute in node.attributes:
        if str(attribute.name).strip().lower() == name:
            value = str(attribute.value).strip() if attribute.value is not None else ""
            return value or None
    return None


def _param(node: Template, *names: str) -> str | None:
    """The plain value of the first named parameter that is set (markup stripped)."""
    for name in names:
        if node.has(name):
            value = node.get(name).value.strip_code(keep_template_params=False).strip()
            if value:
                return " ".join(value.split())
    return None


def _positional(node: Template) -> list[str]:
    return [" ".join(p.value.strip_code().split()) for p in node.params
            if not p.showkey and p.value.strip_code().strip()]


def _people(node: Template, role: str) -> list[str]:
    """Names of authors or editors as "Family, Given" (or as written), in order."""
    people: list[str] = []
    for number in range(1, 10):
        suffixes = ("", "1") if number == 1 else (str(number),)
        if role == "author":
            last = _param(node, *[f"{k}{s}" for s in suffixes
                                  for k in ("last", "surname", "author-last", "author")])
            first = _param(node, *[f"{k}{s}" for s in suffixes
                                   for k in ("first", "given", "author-first")])
        else:
            last = _param(node, *[k for s in suffixes for k in (
                f"editor{s}-last", f"editor-last{s}", f"editor{s}-surname", f"editor{s}")])
            first = _param(node, *[k for s in suffixes for k in (
                f"editor{s}-first", f"editor-first{s}", f"editor{s}-given")])
        if last is None:
            if number > 1:
                break
            continue
        people.append(f"{last}, {first}" if first else last)
    return people


def _surnames(node: Template) -> list[str]:
    names = _people(node, "author") or _people(node, "editor")
    return [name.split(",")[0].strip() if "," in name else name.split()[-1] for name in names]


def _year(node: Template) -> str | None:
    year = _param(node, "year")
    if year:
        return year
    date = _param(node, "date")
    match = _YEAR.search(date) if date else None
    return match.group() if match else None


def citation_fields(node: Template) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A citation template's kind and its (BibTeX field, value) pairs."""
    name = _template_name(node)
    fields: list[tuple[str, str]] = [("author", a) for a in _people(node, "author")]
    fields += [("editor", e) for e in _people(node, "editor")]
    chapter = _param(node, "chapter", "contribution", "entry", "section")
    title = _param(node, "title")
    container = _param(node, "journal", "work", "newspaper", "magazine", "periodical",
                       "website", "encyclopedia")
    if chapter:
        kind = "incollection"
        fields += [("title", chapter)] + ([("booktitle", title)] if title else [])
    elif container or name in ("cite journal", "cite news", "cite magazine"):
        kind = "article"
        fields += ([("title", title)] if title else []) + (
            [("journal", container)] if container else [])
    else:
        kind = "book"
        fields += [("title", title)] if title else []
    for field_name, names in (
        ("edition", ("edition",)), ("volume", ("volume",)), ("series", ("series",)),
        ("publisher", ("publisher", "institution")),
        ("address", ("location", "place", "publication-place")),
        ("year", ("year",)), ("date", ("date",)), ("pages", ("pages", "page")),
        ("language", ("language",)), ("doi", ("doi",)), ("url", ("url",)),
    ):
        value = _param(node, *names)
        if value:
            fields.append((field_name, value))
    for key in ("isbn", "ISBN", "isbn13", "ISBN13"):
        value = _param(node, key)
        if value:
            fields.append(("isbn", value))
    return kind, tuple(fields)


def render_citation(node: Template) -> str:
    """A citation template written out the way Wikipedia shows it (CS1), which the
    reference parser reads: "Tanner, Harold M. (2015). Title. Place: Publisher. ISBN …"."""
    kind, fields = citation_fields(node)
    values = dict(fields)
    authors = [v for k, v in fields if k == "author"] or [v for k, v in fields if k == "editor"]
    parts: list[str] = []
    head = "; ".join(authors)
    year = values.get("year") or values.get("date")
    if head:
        parts.append(f"{head} ({year})." if year else f"{head}.")
    if kind == "incollection":
        parts.append(f'"{values.get("title", "")}". In {values.get("booktitle", "")}.')
    elif kind == "article":
        parts.append(f'"{values.get("title", "")}". {values.get("journal", "")}.'.strip())
    elif "title" in values:
        parts.append(f"{values['title']}.")
    if "edition" in values:
        parts.append(f"{values['edition']} ed.")
    if "volume" in values:
        parts.append(f"Vol. {values['volume']}.")
    place, publisher = values.get("address"), values.get("publisher")
    if place and publisher:
        parts.append(f"{place}: {publisher}.")
    elif publisher or place:
        parts.append(f"{publisher or place}.")
    if not head and year:
        parts.append(f"{year}.")
    isbns = [v for k, v in fields if k == "isbn"]
    if isbns:
        parts.append(f"ISBN {', '.join(isbns)}.")
    text = " ".join(parts)
    locator = _locator(node)
    return f"{text.rstrip('.')}, {locator}." if locator else text


def _locator(node: Template) -> str | None:
    page = _param(node, "p", "page")
    if page:
        return f"p. {page}"
    pages = _param(node, "pp", "pages")
    if pages and _template_name(node) in _SHORT_CITATIONS:
        return f"pp. {pages}"
    return _param(node, "loc", "at")


def _entry(node: Template, source: str, offset: int, walk: _Walk) -> RawEntry:
    kind, fields = citation_fields(node)
    location = walk.locate(offset)
    starts = [LineStart(0, location.line, location.column)]
    starts += [LineStart(i + 1, location.line + n + 1, 1)
               for n, i in enumerate(i for i, char in enumerate(source) if char == "\n")]
    return RawEntry(source, location, walk.section, tuple(starts) if len(starts) > 1 else (),
                    fields, kind)


# --- CITEREF: short citations to citation templates ----------------------------------


def _anchor(names: Iterable[str], year: str | None) -> str:
    return "".join("".join(names).split()).lower() + (year or "").lower()


def _collect_anchors(code: Wikicode, walk: _Walk) -> None:
    """Every citation template's CITEREF anchor: its ``ref={{sfnref|…}}`` if given, else
    up to four surnames and the year."""
    for node in code.filter_templates(recursive=True):
        if not _CITATIONS.match(_template_name(node)):
            continue
        explicit = node.get("ref").value if node.has("ref") else None
        if explicit is not None:
            inner = [t for t in explicit.filter_templates()
                     if _template_name(t) in ("sfnref", "harvid")]
            if inner:
                args = _positional(inner[0])
                walk.anchors.setdefault(_anchor(args, None), node)
                continue
            if explicit.strip_code().strip().lower() == "none":
                continue
        walk.anchors.setdefault(_anchor(_surnames(node)[:4], _year(node)), node)


def _short_citation(node: Template, walk: _Walk) -> str:
    """``{{sfn|Westad|2003|p=36}}`` as "Westad 2003, p. 36"; names and year are those of
    the citation template it points to (CITEREF rule) when one does."""
    args = _positional(node)
    year = args[-1] if len(args) > 1 and _YEAR.fullmatch(args[-1]) else None
    names = args[:-1] if year else args
    target = walk.anchors.get(_anchor(names[:4], year))
    if target is not None:
        surnames = _surnames(target)
        if surnames:
            names, year = surnames, _year(target) or year
        else:
            title = _param(target, "title")
            names, year = ([title] if title else names), None
    cited = _names(names)
    text = f"{cited} {year}" if year else cited
    locator = _locator(node)
    return f"{text}, {locator}" if locator else text


def _names(names: list[str]) -> str:
    """Surnames as Wikipedia's short citations show them: "A", "A & B", "A, B & C",
    "A et al."."""
    if len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) >= 2:
        return f"{', '.join(names[:-1])} & {names[-1]}"
    return names[0] if names else ""


# --- the rendering ----------------------------------------------------------------------


def _render_lines(walk: _Walk) -> list[RenderedLine]:
    """The rendered pieces as lines; rendered line n is source line n."""
    lines: list[RenderedLine] = []
    text: list[str] = []
    columns: list[tuple[int, int, int]] = []
    length = 0
    line_number = 1
    for offset, piece in walk.pieces:
        segments = piece.split("\n")
        for index, segment in enumerate(segments):
            if index:
                lines.append(RenderedLine("".join(text), line_number, tuple(columns)))
                text, columns, length = [], [], 0
                line_number += 1
            if not segment:
                continue
            if piece.count("\n") == 0 or index == 0:
                where = walk.locate(offset)
            else:
                where = walk.locate(offset + sum(len(s) + 1 for s in segments[:index]))
            if where.line == line_number:
                columns.append((length, where.line, where.column))
            text.append(segment)
            length += len(segment)
    lines.append(RenderedLine("".join(text), line_number, tuple(columns)))
    return lines
