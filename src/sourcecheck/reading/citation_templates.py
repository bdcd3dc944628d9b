"""Wikipedia's citation templates: their fields, how they read, and the CITEREF rule.

``{{cite book}}``, ``{{cite journal}}``, ``{{citation}}`` … name their fields; this module
maps them to BibTeX field names for ``parsing/structured.py``, writes a template out as
the CS1 text Wikipedia shows, and matches a short citation (``{{sfn}}``, ``{{harvnb}}``,
``{{harv}}``) to the template it points to by MediaWiki's CITEREF anchor.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from mwparserfromhell.nodes import Template
from mwparserfromhell.wikicode import Wikicode

SHORT_CITATIONS = frozenset({"sfn", "sfnp", "harvnb", "harv", "harvp", "harvtxt", "sfnm"})
CITATIONS = re.compile(r"^(?:cite[ _-]?\w+(?:[ _-]\w+)?|citation|vcite[ _]\w+)$", re.I)
_YEAR = re.compile(r"\b(?:1[4-9]|20)\d\d[a-z]?\b")
# The number in an author's or editor's parameter name: "last12", "editor3-first" …
_AUTHOR_NUMBER = re.compile(r"^(?:last|surname|author-last|author|first|given|author-first)"
                            r"(\d+)$")
_EDITOR_NUMBER = re.compile(r"^editor(?:(\d+)(?:-(?:last|first|surname|given))?"
                            r"|-(?:last|first)(\d+))$")


def template_name(node: Template) -> str:
    return " ".join(str(node.name).replace("_", " ").split()).lower()


#: a template's named parameters with their plain values (markup stripped), read once
Params = dict[str, str]


def named_params(node: Template) -> Params:
    """Every named parameter that is set, by name, its value as plain text."""
    values: Params = {}
    for parameter in node.params:
        if parameter.showkey:
            value = " ".join(parameter.value.strip_code(keep_template_params=False).split())
            if value:
                values.setdefault(str(parameter.name).strip(), value)
    return values


def param(values: Params, *names: str) -> str | None:
    """The value of the first of ``names`` that is set."""
    for name in names:
        if name in values:
            return values[name]
    return None


def _positional(node: Template) -> list[str]:
    return [" ".join(p.value.strip_code().split()) for p in node.params
            if not p.showkey and p.value.strip_code().strip()]


def _people(node: Params, role: str) -> list[tuple[str, str | None]]:
    """Authors or editors as (last, first) in order of their numbers, every number the
    template uses (CS1 has no limit; a gap skips nothing after it); ``author=`` gives a
    whole name as last, with no first."""
    people: list[tuple[str, str | None]] = []
    numbered = _AUTHOR_NUMBER if role == "author" else _EDITOR_NUMBER
    numbers = {1} | {int(n) for key in node if (match := numbered.match(key))
                     for n in match.groups() if n}
    for number in sorted(numbers):
        suffixes = ("", "1") if number == 1 else (str(number),)
        if role == "author":
            last = param(node, *[f"{k}{s}" for s in suffixes
                                 for k in ("last", "surname", "author-last", "author")])
            first = param(node, *[f"{k}{s}" for s in suffixes
                                  for k in ("first", "given", "author-first")])
        else:
            last = param(node, *[k for s in suffixes for k in (
                f"editor{s}-last", f"editor-last{s}", f"editor{s}-surname", f"editor{s}")])
            first = param(node, *[k for s in suffixes for k in (
                f"editor{s}-first", f"editor-first{s}", f"editor{s}-given")])
        if last is not None:
            people.append((last, first))
    return people


def _names_as_fields(people: list[tuple[str, str | None]]) -> list[str]:
    """"Family, Given", or a whole name as written (``parse_name`` reads it later)."""
    return [f"{last}, {first}" if first else last for last, first in people]


def _anchor_names(node: Params) -> list[str]:
    """The names a CITEREF anchor is made of: the last (or whole author) values."""
    return [last for last, _ in _people(node, "author") or _people(node, "editor")]


def _surnames(node: Params) -> list[str]:
    """Family names as a short citation shows them (the last word of a whole name)."""
    people = _people(node, "author") or _people(node, "editor")
    return [last if first else last.split()[-1] for last, first in people]


def _year(node: Params) -> str | None:
    year = param(node, "year")
    if year:
        return year
    date = param(node, "date")
    match = _YEAR.search(date) if date else None
    return match.group() if match else None


def citation_fields(template: Template) -> tuple[str, tuple[tuple[str, str], ...]]:
    """A citation template's kind and its (BibTeX field, value) pairs."""
    return _fields(named_params(template), template_name(template))


def _fields(node: Params, name: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    fields = [("author", a) for a in _names_as_fields(_people(node, "author"))]
    fields += [("editor", e) for e in _names_as_fields(_people(node, "editor"))]
    chapter = param(node, "chapter", "contribution", "entry", "section")
    title = param(node, "title")
    container = param(node, "journal", "work", "newspaper", "magazine", "periodical",
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
        value = param(node, *names)
        if value:
            fields.append((field_name, value))
    for key in ("isbn", "ISBN", "isbn13", "ISBN13"):
        value = param(node, key)
        if value:
            fields.append(("isbn", value))
    return kind, tuple(fields)


def render_citation(template: Template) -> str:
    """A citation template written out the way Wikipedia shows it (CS1), which the
    reference parser reads: "Tanner, Harold M. (2015). Title. Place: Publisher. ISBN …"."""
    node = named_params(template)
    kind, fields = _fields(node, template_name(template))
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
    locator = _locator(node, template_name(template))
    return f"{text.rstrip('.')}, {locator}." if locator else text


def _locator(node: Params, name: str) -> str | None:
    page = param(node, "p", "page")
    if page:
        return f"p. {page}"
    pages = param(node, "pp", "pages")
    if pages and name in SHORT_CITATIONS:
        return f"pp. {pages}"
    return param(node, "loc", "at")


def _anchor(names: Iterable[str], year: str | None) -> str:
    return "".join("".join(names).split()).lower() + (year or "").lower()


def citation_anchors(code: Wikicode) -> dict[str, Template]:
    """Every citation template by its CITEREF anchor: its ``ref={{sfnref|…}}`` if given,
    else up to four surnames and the year (the first template wins a shared anchor)."""
    anchors: dict[str, Template] = {}
    for node in code.filter_templates(recursive=True):
        if not CITATIONS.match(template_name(node)):
            continue
        explicit = node.get("ref").value if node.has("ref") else None
        if explicit is not None:
            inner = [t for t in explicit.filter_templates()
                     if template_name(t) in ("sfnref", "harvid")]
            if inner:
                args = _positional(inner[0])
                anchors.setdefault(_anchor(args, None), node)
                continue
            if explicit.strip_code().strip().lower() == "none":
                continue
        values = named_params(node)
        anchors.setdefault(_anchor(_anchor_names(values)[:4], _year(values)), node)
    return anchors


def short_citation(node: Template, anchors: dict[str, Template]) -> str:
    """``{{sfn|Westad|2003|p=36}}`` as "Westad 2003, p. 36"; names and year are those of
    the citation template it points to (CITEREF rule) when one does."""
    args = _positional(node)
    year = args[-1] if len(args) > 1 and _YEAR.fullmatch(args[-1]) else None
    names = args[:-1] if year else args
    target = anchors.get(_anchor(names[:4], year))
    if target is not None:
        values = named_params(target)
        surnames = _surnames(values)
        if surnames:
            names, year = surnames, _year(values) or year
        else:
            title = param(values, "title")
            names, year = ([title] if title else names), None
    cited = _names(names)
    text = f"{cited} {year}" if year else cited
    locator = _locator(named_params(node), template_name(node))
    return f"{text}, {locator}" if locator else text


def _names(names: list[str]) -> str:
    """Surnames as Wikipedia's short citations show them: "A", "A & B", "A, B & C",
    "A et al."."""
    if len(names) >= 4:
        return f"{names[0]} et al."
    if len(names) >= 2:
        return f"{', '.join(names[:-1])} & {names[-1]}"
    return names[0] if names else ""
