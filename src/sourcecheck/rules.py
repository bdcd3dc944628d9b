"""The rule codes: a public interface. Codes are ``area.problem`` and never change meaning.

Every code a check can emit is registered here with its default severity, a one-line
meaning and an example. ``sourcecheck rules`` prints this table; the README lists it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .models import Severity


@dataclass(frozen=True, slots=True)
class Rule:
    code: str
    severity: Severity
    summary: str
    example: str


E, W, INFO = Severity.ERROR, Severity.WARNING, Severity.INFO

_RULES = (
    Rule("isbn.checksum", E, "check digit wrong; the right digit and candidate ISBNs are named",
         "ISBN 0-8047-4478-6 (the other digits give 5)"),
    Rule("isbn.length", E, "not 10 or 13 digits", "ISBN 7-80019-338"),
    Rule("isbn.character", E, "characters other than digits, hyphens, spaces and a final X",
         "ISBN 7-8O199-029-3"),
    Rule("isbn.x-position", E, "X anywhere but the last place of an ISBN-10, or in an ISBN-13",
         "ISBN 7-5006-008X-1"),
    Rule("isbn.prefix", E, "13 digits not starting with 978 or 979", "ISBN 977-1-107-14463-7"),
    Rule("isbn.ismn", E, "979-0…: a music number (ISMN), not an ISBN", "ISBN 979-0-3217-6543-6"),
    Rule("isbn.group", E, "no such registration group", "ISBN 978-610-01234-5-0"),
    Rule("isbn.placeholder", E, "all zeros: a placeholder, not a real ISBN", "ISBN 0-00-000000-0"),
    Rule("isbn.range", W,
         "registrant not in any assigned range (valid checksum, unassigned number)",
         "ISBN 1060012340"),
    Rule("isbn.hyphens", W, "hyphens in the wrong places for the ranges", "ISBN 0-6740-3338-8"),
    Rule("isbn.set", W, "ISBN of a whole multi-volume set: cannot verify which volume is cited",
         "ISBN 7-202-00733-9 (set)"),
    Rule("isbn.volume-label", W, "malformed volume label in an ISBN list",
         "ISBN 7-80021-719-1 (Volum 1)"),
    Rule("ref.unparsed", E, "no author and no title could be found", "• 1987, 245 pp."),
    Rule("ref.incomplete", W, "a book without year, publisher or place (which ones is said)",
         "Lary, Diana. China's Civil War. 2015."),
    Rule("ref.no-identifier", INFO, "a book with no ISBN: can only be verified by title search",
         "Taylor, Jay. The Generalissimo. Cambridge: Harvard UP, 2009."),
    Rule("ref.duplicate", W, "the same work twice (same ISBN in any form, or same authors, "
         "title and year)", "0-8047-4478-5 and 9780804744782 in two entries"),
    Rule("ref.isbn-conflict", E, "one ISBN on two different works",
         "ISBN 0253016991 on Tanner 2015 and on Lary 2015"),
    Rule("ref.uncited", INFO, "a bibliography entry that no note cites",
         "Eastman 1986 listed, never cited"),
    Rule("cite.unresolved", W, "a citation that matches no bibliography entry (the nearest "
         "is hinted)", "Westad 2004, p. 36 (the bibliography has Westad 2003)"),
    Rule("cite.ambiguous", W, "a citation that matches several entries (they are listed)",
         "Chen 2010, p. 88 with Chen 2010a and Chen 2010b listed"),
    Rule("cite.missing-note", E, "a marker in the text with no note of that number",
         "[12] in the text, notes stop at 11"),
    Rule("cite.unused-note", W, "a note that no marker in the text points to",
         "note 7 with no [7] in the text"),
    Rule("cite.volume-missing", W, "a note citing a multi-volume work without naming the volume",
         "Tang and Bi 1993, p. 44 (5 volumes)"),
    Rule("cite.page-range", W, "a page locator beyond the book's page count (from the "
         "catalogue)", "Westad 2003, p. 512 (the catalogue gives 413 pages)"),
    Rule("bib.duplicate-key", E, "two entries of a bibliography file with one citation key",
         "@book{westad2003, …} twice in one .bib"),
    Rule("bib.syntax", E, "a record of a bibliography file that cannot be read as written "
         "(unbalanced braces, an RIS record without TY, invalid JSON); what can be is salvaged",
         "@book{x, title = {Unbalanced { brace}"),
    Rule("library.conflict", W, "the same work (same ISBN) cited with a different year or "
         "title in another document of the run",
         "ISBN 0-521-38591-1 cited as 1986 in a.txt and as 1991 in b.txt"),
    Rule("doc.unsourced", W, "a document with no bibliography and no notes",
         "an article with no sources"),
    Rule("doc.empty", W, "the file holds no text", "an empty .txt file"),
    Rule("doc.unreadable", E, "the file could not be read as a document (binary, "
         "unreadable or too large)", "a JPEG named chapter.txt"),
    Rule("doc.encoding", W, "the file is not valid UTF-8; bad bytes were replaced with U+FFFD",
         "a Latin-1 file with é as byte 0xE9"),
    Rule("doc.unknown-ignore", W, "a sourcecheck: ignore[…] comment names no rule code or "
         "area; it suppresses nothing for that name", "# sourcecheck: ignore[isbn.cheksum]"),
    Rule("doc.malformed-ignore", W, "text that looks like a suppression comment but is not "
         "written as one (capitals, no colon, a space or round brackets); it suppresses "
         "nothing", "# SourceCheck: ignore [isbn.checksum]"),
    Rule("lookup.not-found", W, "no catalogue knows this ISBN: the reference cannot be verified",
         "ISBN 978-7-5065-0000-4 known to no catalogue"),
    Rule("lookup.unavailable", INFO, "the catalogues could not be reached (offline, rate "
         "limited): not verified", "sourcecheck check --offline with an empty cache"),
    Rule("lookup.title-mismatch", W, "the catalogue's title differs from the cited title",
         "ISBN 0-8047-4478-5 cited as \"Decisive Battles\""),
    Rule("lookup.author-mismatch", W, "no cited author matches the catalogue's authors",
         "ISBN 0-8047-4478-5 cited with author Smith"),
    Rule("lookup.year-mismatch", W, "the cited year differs from the catalogue's (often "
         "another edition)", "ISBN 0-8047-4478-5 cited as 2005 (catalogue: 2003)"),
    Rule("lookup.publisher-mismatch", W, "the cited publisher differs from the catalogue's",
         "ISBN 0-8047-4478-5 cited as Penguin (catalogue: Stanford University Press)"),
)

RULES: dict[str, Rule] = {rule.code: rule for rule in _RULES}


class UnknownRuleError(ValueError):
    """A --select/--ignore value that names no rule and no rule area."""


def expand_selector(selector: str) -> set[str]:
    """Codes a selector names: a full code, an area ("isbn" or "isbn.*"), or "ALL"."""
    key = selector.strip().rstrip("*").rstrip(".")
    if key.upper() == "ALL" or key == "":
        return set(RULES)
    if key in RULES:
        return {key}
    area = {code for code in RULES if code.split(".", 1)[0] == key}
    if not area:
        raise UnknownRuleError(f"unknown rule code or area: {selector!r}")
    return area


def enabled_codes(select: Iterable[str] = (), ignore: Iterable[str] = ()) -> frozenset[str]:
    """Codes left on by --select (default: all) minus --ignore; raises UnknownRuleError."""
    chosen: set[str] = set()
    selectors = list(select)
    for selector in selectors or ["ALL"]:
        chosen |= expand_selector(selector)
    for selector in ignore:
        chosen -= expand_selector(selector)
    return frozenset(chosen)


def severity_of(code: str) -> Severity:
    return RULES[code].severity
