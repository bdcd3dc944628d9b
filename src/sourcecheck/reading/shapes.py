"""Line shapes of plain-text documents: headings, bullets, notes, reference-like lines.

Plain-text copies of encyclopedia pages often lose their headings ("References",
"Notes"), so the reader also recognises sources by their shape. These predicates are
the only place that knows what a reference line or a note line looks like.
"""

from __future__ import annotations

import re
from enum import StrEnum


class HeadingKind(StrEnum):
    BIBLIOGRAPHY = "bibliography"  # entries only
    REFERENCES = "references"  # notes and entries mixed (Wikipedia's "References")
    NOTES = "notes"  # notes only
    FURTHER_READING = "further-reading"
    OTHER = "other"  # a heading that ends a sources section ("See also")


_HEADINGS = {
    HeadingKind.BIBLIOGRAPHY: (
        "bibliography", "select bibliography", "selected bibliography", "sources",
        "works cited", "literature", "literature cited", "reference list",
        "primary sources", "secondary sources", "works consulted", "books",
        "general references", "general sources", "cited works", "source",
        # Chinese and Japanese
        "参考文献", "參考文獻", "主要参考文献", "主要參考文獻", "参考书目", "參考書目", "书目",
        "書目", "参考资料", "參考資料", "引用文献", "引用文獻", "文献", "文獻",
        # the other large Wikipedias' and journals' headings
        "literatur", "literaturverzeichnis", "quellen", "quellenverzeichnis",
        "bibliographie", "bibliografía", "bibliografia", "литература", "список литературы",
        "библиография", "источники",
    ),
    HeadingKind.REFERENCES: (
        "references", "citations", "notes and references", "references and notes",
        "sources and notes", "notes and sources", "references and sources",
        "footnotes and references", "notes and citations", "reference",
        "注释与参考文献", "註釋與參考文獻", "注释和参考文献", "資料來源", "资料来源",
        "einzelnachweise", "belege", "notes et références", "références", "referencias",
        "referências", "note e riferimenti", "riferimenti", "примечания и ссылки",
    ),
    HeadingKind.NOTES: ("notes", "footnotes", "endnotes", "note", "explanatory notes",
                        "注释", "註釋", "注解", "註解", "脚注", "腳註", "尾注", "注", "註",
                        "anmerkungen", "fußnoten", "notas", "примечания", "сноски"),
    HeadingKind.FURTHER_READING: (
        "further reading", "additional reading", "suggested reading", "recommended reading",
        "reading list", "further reading and external links",
        "延伸阅读", "延伸閱讀", "扩展阅读", "擴展閱讀",
    ),
    HeadingKind.OTHER: (
        "see also", "external links", "links", "related articles", "categories",
        "navigation menu", "contents", "appendix", "acknowledgements", "acknowledgments",
        "about the author", "index",
        "参见", "參見", "参看", "外部链接", "外部連結", "相关条目", "相關條目",
        "siehe auch", "weblinks", "voir aussi", "liens externes", "véase también",
        "enlaces externos", "ver também", "ligações externas", "voci correlate",
        "collegamenti esterni", "см. также", "ссылки",
    ),
}
_HEADING_LOOKUP = {name: kind for kind, names in _HEADINGS.items() for name in names}

# Decorations around a heading: "== References ==", "## Notes", "5. Bibliography:",
# "**Sources**", "REFERENCES".
_HEADING_STRIP = re.compile(r"^[\s#=*_]*(?:(?:\d+|[IVXLC]+)[.)]\s+)?|[\s#=*_:.]*$")

BULLET = re.compile(r"^(?P<indent>\s*)(?P<bullet>[•*·▪◦‣●○■□–—-])\s+(?P<body>\S.*)$")

# "1. ^ a b Text", "^ Text", "[1] ^ Text", "1.^Text"
CARET_NOTE = re.compile(
    r"^\s*(?:(?P<num>\d{1,5})[.)]?\s*|\[(?P<bnum>\d{1,5})\]\s*)?\^\s*"
    r"(?P<backlinks>a\s+b(?:\s+(?:[c-z]|[a-z]{2}))*\s+)?(?P<body>\S.*)$"
)
# Wikipedia writes backlinks "a b c … z aa ab" when several markers share a note.
_BACKLINK_TOKEN = re.compile(r"\b[a-z]{1,2}\b")

# "1. Text", "1 Text", "[1] Text", "1) Text", "¹ Text"
NUMBERED_NOTE = re.compile(
    r"^\s*(?:(?P<num>\d{1,5})(?:[.)]\s*|\s+)|\[(?P<bnum>\d{1,5})\]\s*"
    r"|(?P<sup>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*)(?P<body>\S.*)$"
)

WIKI_OR_MARKDOWN_HEADING = re.compile(r"^\s*(?:={1,6}[^=].*?={1,6}|#{1,6}\s+\S.*)\s*$")

_YEAR = re.compile(r"(?<![\d/.-])(1[4-9]\d\d|20\d\d)(?:[a-z]|\s*[–-]\s*\d{2,4})?(?![\d/])")
_ISBN = re.compile(r"\bISBN\b|\b97[89][\d -]{10,14}\b|\b\d{1,5}-\d{1,7}-\d{1,7}-[\dXx]\b")
_PUBLISHER_WORD = re.compile(
    r"\b(?:Press|Publish\w*|Publisher|Publications|Verlag|Books|Editions?|Éditions|Presse|"
    r"University|Universit\w+|Institute|Academic|Routledge|Penguin|Random House|Springer|"
    r"Wiley|Elsevier|Macmillan|Norton|Knopf|Doubleday|HarperCollins|Harper|Longman|Oxford|"
    r"Cambridge|Clarendon|Blackwell|Sage|Brill|Bloomsbury|Yale|Harvard|Princeton)\b"
)
_PLACE_PUBLISHER = re.compile(r"\b[A-Z][\w.'-]+(?:,? [A-Z][\w.'-]*)*\s*:\s*[A-Z][\w'&.-]+")
_INVERTED_NAME_START = re.compile(r"^[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?, (?:[A-Z][\w.'’-]*)")
_EDITION = re.compile(r"\b(?:\d+(?:st|nd|rd|th) (?:ed\.|edition)|ed\.|eds\.|[Ee]dition)", re.I)
_PAGES = re.compile(r"\b(?:pp?\.|pages?)\s*\d", re.I)
_QUOTED_TITLE = re.compile(r"[“\"][^”\"]{6,}[”\"]")

_AUTHOR_YEAR = re.compile(
    r"\b[A-Z][\w'’-]+(?:\s+(?:and|&)\s+[A-Z][\w'’-]+|\s+et al\.?)?,?\s+"
    r"\(?(?:1[4-9]\d\d|20\d\d)[a-z]?\)?"
)
_IBID = re.compile(r"\b(?:ibid|ibidem|op\.?\s*cit|loc\.?\s*cit|id\.)\b", re.I)
_LOCATOR = re.compile(r"(?:\bpp?\.\s*\d|\bpages?\s+\d|,\s*\d+(?:\s*[–-]\s*\d+)?\.?$)", re.I)


def heading_kind(line: str) -> HeadingKind | None:
    """The kind of a sources heading, or None when the line is not such a heading."""
    stripped = line.strip()
    if not stripped or len(stripped) > 60:
        return None
    name = _HEADING_STRIP.sub("", stripped).strip().lower()
    return _HEADING_LOOKUP.get(name)


def is_generic_heading(line: str, previous_blank: bool, next_blank: bool) -> bool:
    """A heading of any subject: wiki or Markdown syntax, or a short line set apart.

    Used only to end a sources section whose entries carry no bullets.
    """
    if WIKI_OR_MARKDOWN_HEADING.match(line):
        return True
    stripped = line.strip()
    if not stripped or not (previous_blank and next_blank):
        return False
    words = stripped.split()
    return len(words) <= 6 and not stripped.endswith((".", ",", ";")) and not _YEAR.search(stripped)


def has_year_or_isbn(text: str) -> bool:
    """The cheap first test for an un-bulleted reference line: a year or an ISBN."""
    return bool(_YEAR.search(text) or _ISBN.search(text))


def reference_score(text: str, enough: int = 99) -> int:
    """How much a line looks like a bibliography entry (0 = not at all).

    One point each for a year, a publisher word, "Place: Publisher", an inverted
    "Family, Given" start, an edition, pages or a quoted title; two for an ISBN.
    Counting stops once the score reaches ``enough``.
    """
    score = 2 if _ISBN.search(text) else 0
    for test in _SCORE_TESTS:
        if score >= enough:
            break
        if test(text):
            score += 1
    return score


_SCORE_TESTS = (
    _YEAR.search,
    _PUBLISHER_WORD.search,
    _PLACE_PUBLISHER.search,
    _INVERTED_NAME_START.match,
    lambda text: _EDITION.search(text) or _PAGES.search(text) or _QUOTED_TITLE.search(text),
)


def looks_like_citation(text: str) -> bool:
    """Does a numbered line read like a note that cites something?"""
    if _IBID.search(text) or _AUTHOR_YEAR.search(text):
        return True
    return bool(_LOCATOR.search(text)) and reference_score(text) >= 1


def split_backlinks(backlinks: str | None) -> int:
    """How many markers a run of Wikipedia backlinks ("a b c ") stands for (at least 1)."""
    return max(1, len(_BACKLINK_TOKEN.findall(backlinks or "")))


SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
