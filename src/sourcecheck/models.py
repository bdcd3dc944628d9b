"""The data model: frozen records that every stage passes along.

Every record keeps the text it came from (``raw``/``text``) and a ``Location`` that
points back into the input, so a finding can always name a line. This module imports
nothing from the rest of the package; every other module may import it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Severity(StrEnum):
    """How serious a finding is; ordered info < warning < error."""

    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]


_SEVERITY_RANK = {Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(frozen=True, slots=True)
class Location:
    """A place in an input file: 1-based line and column."""

    path: str
    line: int
    column: int = 1
    end_line: int | None = None
    end_column: int | None = None


@dataclass(frozen=True, slots=True)
class LineStart:
    """Where one input line begins inside a text joined from several lines."""

    offset: int
    line: int
    column: int


def locate(base: Location, lines: tuple[LineStart, ...], offset: int) -> Location:
    """The location of character ``offset`` of a joined text that starts at ``base``.

    ``lines`` maps the joined text back to its input lines; without it the text is
    taken to be one line.
    """
    start = LineStart(0, base.line, base.column)
    for line_start in lines:
        if line_start.offset > offset:
            break
        start = line_start
    return Location(base.path, start.line, start.column + offset - start.offset)


class DocumentFormat(StrEnum):
    TEXT = "text"


class Section(StrEnum):
    """Where a reference stood in its document."""

    BIBLIOGRAPHY = "bibliography"
    FURTHER_READING = "further-reading"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One bibliography entry as written (bullets stripped, wrapped lines joined)."""

    text: str
    location: Location
    section: Section
    lines: tuple[LineStart, ...] = ()


@dataclass(frozen=True, slots=True)
class Note:
    """A footnote or endnote.

    ``label`` is the number or letter the document shows. ``backlinks`` is how many
    markers the note says point to it (Wikipedia's "^ a b" gives 2).
    """

    label: str
    text: str
    location: Location
    backlinks: int = 1
    lines: tuple[LineStart, ...] = ()


@dataclass(frozen=True, slots=True)
class Marker:
    """A note marker in the running text, such as ``[3]``."""

    label: str
    location: Location


class NoticeKind(StrEnum):
    """Things a reader noticed about the file itself (not about its sources)."""

    EMPTY = "empty"
    UNREADABLE = "unreadable"
    ENCODING_REPLACED = "encoding-replaced"


@dataclass(frozen=True, slots=True)
class ReadNotice:
    kind: NoticeKind
    message: str
    location: Location


@dataclass(frozen=True, slots=True)
class Document:
    """What a reader found in one input file."""

    path: str
    format: DocumentFormat
    text: str
    entries: tuple[RawEntry, ...] = ()
    notes: tuple[Note, ...] = ()
    markers: tuple[Marker, ...] = ()
    notices: tuple[ReadNotice, ...] = ()


@dataclass(frozen=True, slots=True)
class Name:
    """A person (family/given) or a corporate author (``literal``, kept whole)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None

    @property
    def sort_name(self) -> str:
        """The name as a bibliography sorts it: family name or the corporate literal."""
        return self.literal or self.family or self.given or ""

    def inverted(self) -> str:
        """``Family, Given``, or the literal for a corporate author."""
        if self.literal:
            return self.literal
        if self.family and self.given:
            return f"{self.family}, {self.given}"
        return self.family or self.given or ""


class Qualifier(StrEnum):
    """What an ISBN identifies besides "the book": a set, a binding, a volume."""

    SET = "set"
    PBK = "pbk"
    HBK = "hbk"
    EBOOK = "ebook"
    VOL = "vol"


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identifier as written in an entry.

    ``isbn13`` is the normalized ISBN-13 when the number is valid, otherwise None.
    ``label`` is the parenthesised text after it as written ("Volum 1", "pbk.");
    ``offset`` is where ``raw`` starts in the reference's raw text.
    """

    scheme: str
    raw: str
    isbn13: str | None = None
    volume: str | None = None
    qualifier: Qualifier | None = None
    label: str | None = None
    offset: int = 0


@dataclass(frozen=True, slots=True)
class FieldSpan:
    """Where a field's value was read: ``raw[start:end]`` of its reference."""

    field: str
    start: int
    end: int


class ReferenceKind(StrEnum):
    BOOK = "book"
    CHAPTER = "chapter"
    ARTICLE = "article"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class Reference:
    """A parsed bibliography entry (or a full citation written inside a note).

    ``raw`` is always the entry as written, however little of it could be parsed.
    ``year`` keeps ranges and suffixes as written ("1993–1997", "2015a").
    ``volumes`` is the number of volumes of a multi-volume work; ``volume`` the one
    volume an entry refers to.
    """

    id: str
    kind: ReferenceKind
    raw: str
    location: Location
    section: Section
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    title: str | None = None
    year: str | None = None
    edition: str | None = None
    publisher: str | None = None
    address: str | None = None
    volumes: str | None = None
    volume: str | None = None
    series: str | None = None
    pages: str | None = None
    booktitle: str | None = None
    journal: str | None = None
    language: str | None = None
    identifiers: tuple[Identifier, ...] = ()
    lines: tuple[LineStart, ...] = ()
    spans: tuple[FieldSpan, ...] = ()

    @property
    def fields(self) -> dict[str, str | list[str] | None]:
        """The fields under their BibTeX names, as the JSON report prints them: author,
        editor, title, booktitle, journal, year, edition, volume, volumes, pages,
        publisher, address, series, isbn — None (or []) where the entry gives nothing."""
        return {
            "author": [n.inverted() for n in self.authors],
            "editor": [n.inverted() for n in self.editors],
            "title": self.title,
            "booktitle": self.booktitle,
            "journal": self.journal,
            "year": self.year,
            "edition": self.edition,
            "volume": self.volume,
            "volumes": self.volumes,
            "pages": self.pages,
            "publisher": self.publisher,
            "address": self.address,
            "series": self.series,
            "isbn": [i.isbn13 or i.raw for i in self.isbns],
        }

    @property
    def is_parsed(self) -> bool:
        """True when at least an author or a title was found."""
        return bool(self.authors or self.editors or self.title)

    @property
    def isbns(self) -> tuple[Identifier, ...]:
        return tuple(i for i in self.identifiers if i.scheme == "isbn")


class CitationKind(StrEnum):
    """The shape of a citation inside a note."""

    FULL = "full"  # a complete reference written in the note
    SHORT = "short"  # author-year: "Westad 2003, p. 36"
    SHORT_TITLE = "short-title"  # "Tanner, Where Chiang Kai-shek Lost China, 241"
    IBID = "ibid"
    OP_CIT = "op-cit"


@dataclass(frozen=True, slots=True)
class Citation:
    """One citation found in a note.

    ``authors`` are family names as cited; ``locator`` the page locator as a
    normalized string ("p. 36", "pp. 12–14"); ``reference`` the parsed reference of a
    full citation.
    """

    kind: CitationKind
    text: str
    location: Location
    note: str
    authors: tuple[str, ...] = ()
    year: str | None = None
    title: str | None = None
    locator: str | None = None
    volume: str | None = None
    reference: Reference | None = None


class ResolutionStatus(StrEnum):
    RESOLVED = "resolved"
    AMBIGUOUS = "ambiguous"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True)
class Resolution:
    """What a citation points to. Never dropped: unresolved citations are kept."""

    citation: Citation
    status: ResolutionStatus
    reference_id: str | None = None
    candidates: tuple[str, ...] = ()
    hint: str | None = None


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem, with a stable rule code and a location in the input."""

    code: str
    severity: Severity
    message: str
    location: Location
    reference: str | None = None
    note: str | None = None
    hint: str | None = None


class VerificationStatus(StrEnum):
    VERIFIED = "verified"
    MISMATCH = "mismatch"
    NOT_FOUND = "not-found"
    UNAVAILABLE = "unavailable"
    NO_IDENTIFIER = "no-identifier"
    SKIPPED = "skipped"


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """Everything the pipeline learnt about one document."""

    document: Document
    references: tuple[Reference, ...]
    resolutions: tuple[Resolution, ...]
    findings: tuple[Finding, ...]

    def cited_by(self) -> dict[str, list[str]]:
        """Reference id -> labels of the notes that cite it, each once, in note order."""
        cited: dict[str, list[str]] = {}
        for resolution in self.resolutions:
            if resolution.reference_id:
                labels = cited.setdefault(resolution.reference_id, [])
                if resolution.citation.note not in labels:
                    labels.append(resolution.citation.note)
        return cited


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, error first."""
    counts = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
