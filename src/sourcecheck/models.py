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
    """The format a reader took the file to be in."""

    TEXT = "text"
    MARKDOWN = "markdown"
    WIKITEXT = "wikitext"
    HTML = "html"
    DOCX = "docx"
    BIBTEX = "bibtex"
    RIS = "ris"
    CSL_JSON = "csl-json"


class Section(StrEnum):
    """Where a reference stood in its document."""

    BIBLIOGRAPHY = "bibliography"
    FURTHER_READING = "further-reading"
    NOTE = "note"


@dataclass(frozen=True, slots=True)
class RawEntry:
    """One bibliography entry as written (bullets stripped, wrapped lines joined).

    Structured sources (a ``{{cite book}}`` template, a BibTeX, RIS or CSL-JSON record)
    also hand over their ``fields`` as (BibTeX field name, value) pairs in source order;
    a name field repeats once per person ("author", "Westad, Odd Arne"). ``kind`` is the
    source's own type ("book", "article", "incollection", ...). ``text`` still holds the
    entry as written, so nothing is lost when the fields say less. ``key`` is the
    record's own citation key (a BibTeX key, an RIS ``ID``, a CSL-JSON ``id``), if any.
    """

    text: str
    location: Location
    section: Section
    lines: tuple[LineStart, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()
    kind: str | None = None
    key: str | None = None


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
    BROKEN_RECORD = "broken-record"  # one record of a bibliography file cannot be read


@dataclass(frozen=True, slots=True)
class ReadNotice:
    kind: NoticeKind
    message: str
    location: Location


@dataclass(frozen=True, slots=True)
class AnchoredComment:
    """A reviewer's comment kept beside the text (a Word comment), located where the text
    it is anchored to starts; it may hold a ``sourcecheck: ignore[…]`` suppression."""

    location: Location
    text: str


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
    comments: tuple[AnchoredComment, ...] = ()


@dataclass(frozen=True, slots=True)
class Name:
    """A person (family/given, and a ``suffix`` such as "Jr." or "III") or a corporate
    author (``literal``, kept whole)."""

    family: str | None = None
    given: str | None = None
    literal: str | None = None
    suffix: str | None = None

    @property
    def sort_name(self) -> str:
        """The name as a bibliography sorts it: family name or the corporate literal."""
        return self.literal or self.family or self.given or ""

    def inverted(self) -> str:
        """``Family, Given`` (``Family, Given, Jr.`` with a suffix), or the literal for a
        corporate author."""
        if self.literal:
            return self.literal
        if self.family and self.given:
            return f"{self.family}, {self.given}" + (f", {self.suffix}" if self.suffix else "")
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
    volume an entry refers to; ``pagetotal`` the number of pages of the whole book (a
    BibTeX ``pagetotal``, CSL ``number-of-pages``), where a structured source gives it.
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
    pagetotal: str | None = None  # last, so positional construction elsewhere still holds
    spans: tuple[FieldSpan, ...] = ()

    @property
    def fields(self) -> dict[str, str | list[str] | None]:
        """The fields under their BibTeX names, as the JSON report prints them: author,
        editor, title, booktitle, journal, year, edition, volume, volumes, pages,
        pagetotal, publisher, address, series, isbn — None (or []) where the entry gives nothing."""
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
            "pagetotal": self.pagetotal,
            "publisher": self.publisher,
            "address": self.address,
            "series": self.series,
            "isbn": [i.isbn13 or i.raw for i in self.isbns],
        }

    @property
    def is_parsed(self) -> bool:
        """True when at least an author or a title was found."""
        return bool(self.authors or self.editors or self.title)

    def locate(self, offset: int) -> Location:
        """Where character ``offset`` of ``raw`` stands in the input (an identifier's
        ``offset``, a field span's start)."""
        return locate(self.location, self.lines, offset)

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
class CatalogueRecord:
    """What one catalogue says about one ISBN, in one shape for every provider.

    Fields the catalogue left out are None or empty; ``title`` is the main title,
    ``subtitle`` apart; ``volume`` the volume number when the catalogue names one;
    ``is_set`` when the record describes a whole multi-volume set.
    """

    provider: str
    isbn13: str
    title: str | None = None
    subtitle: str | None = None
    authors: tuple[str, ...] = ()
    publisher: str | None = None
    year: str | None = None
    pages: int | None = None
    language: str | None = None
    volume: str | None = None
    is_set: bool = False
    url: str | None = None
    retrieved_at: str | None = None


class LookupStatus(StrEnum):
    """The answer about one ISBN after every catalogue was asked (or could not be)."""

    FOUND = "found"
    NOT_FOUND = "not-found"
    UNAVAILABLE = "unavailable"  # no catalogue could answer: unknown, never "not found"
    INVALID = "invalid"  # not a valid ISBN: nothing was asked


@dataclass(frozen=True, slots=True)
class LookupResult:
    isbn13: str
    status: LookupStatus
    record: CatalogueRecord | None = None


@dataclass(frozen=True, slots=True)
class Verification:
    """How a reference compares with the catalogues: ``status``, the record it was
    compared with (``provider``/``record``), and a ``detail`` such as "set ISBN"."""

    reference_id: str
    status: VerificationStatus
    record: CatalogueRecord | None = None
    detail: str | None = None

    @property
    def provider(self) -> str | None:
        return self.record.provider if self.record else None


@dataclass(frozen=True, slots=True)
class CheckedDocument:
    """Everything the pipeline learnt about one document. ``verifications`` is empty
    when no look-up stage ran (then every reference counts as "skipped");
    ``suppressed`` holds the findings a comment in the document silenced."""

    document: Document
    references: tuple[Reference, ...]
    resolutions: tuple[Resolution, ...]
    findings: tuple[Finding, ...]
    verifications: tuple[Verification, ...] = ()
    suppressed: tuple[Finding, ...] = ()

    def cited_by(self) -> dict[str, list[str]]:
        """Reference id -> labels of the notes that cite it, each once, in note order."""
        cited: dict[str, list[str]] = {}
        for resolution in self.resolutions:
            if resolution.reference_id:
                labels = cited.setdefault(resolution.reference_id, [])
                if resolution.citation.note not in labels:
                    labels.append(resolution.citation.note)
        return cited


def count_by_verification(documents: Iterable[CheckedDocument]
                          ) -> dict[VerificationStatus, int]:
    """How many references of each verification status; a document that was not looked
    up counts all its references as skipped."""
    counts = dict.fromkeys(VerificationStatus, 0)
    for checked in documents:
        if not checked.verifications:
            counts[VerificationStatus.SKIPPED] += len(checked.references)
        for verification in checked.verifications:
            counts[verification.status] += 1
    return counts


def count_by_severity(findings: Iterable[Finding]) -> dict[Severity, int]:
    """How many findings of each severity, error first."""
    counts = dict.fromkeys((Severity.ERROR, Severity.WARNING, Severity.INFO), 0)
    for finding in findings:
        counts[finding.severity] += 1
    return counts
