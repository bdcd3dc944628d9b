"""The HTML report of one document, and the run's index: self-contained pages that work
from disk (file://) without a server.

Every text that comes from a document goes through Jinja2's autoescaping, in element text
and in attribute values alike. The pages' only script and style are the package's own
(``templates/report.js``, ``templates/report.css``), inlined and allowed by their sha256
in a Content-Security-Policy, so even a missed escape could run nothing. The data the
script sorts and filters by sits in ``data-`` attributes of the table rows, never inside
the script.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from urllib.parse import quote

import jinja2
from markupsafe import Markup

from .. import isbn
from ..library import Citing, Library, Work
from ..lookup.providers import provider_label
from ..models import (
    CatalogueRecord,
    CheckedDocument,
    Document,
    DocumentFormat,
    Finding,
    Identifier,
    Location,
    Reference,
    ResolutionStatus,
    Severity,
    Verification,
    VerificationStatus,
    count_by_severity,
    count_by_verification,
)
from ..parsing.cjk import written_name

# A finding's line is a line of ``Document.text`` split at "\n" in every format: the text
# readers and the bibliography-file readers number the decoded text's lines, Markdown,
# wikitext and HTML their source lines, and the Word reader joins one text per paragraph
# with "\n" and numbers the paragraphs. A format not listed shows no source lines.
_LINE_FORMATS = frozenset({
    DocumentFormat.TEXT, DocumentFormat.MARKDOWN, DocumentFormat.WIKITEXT, DocumentFormat.HTML,
    DocumentFormat.DOCX, DocumentFormat.BIBTEX, DocumentFormat.RIS, DocumentFormat.CSL_JSON})
_LINE_LABEL = {DocumentFormat.DOCX: "paragraph"}
_MAX_SOURCE_LINES = 8
_MAX_LINE_CHARS = 240  # a minified web page is one long line: show a window of it


@dataclass(frozen=True, slots=True)
class Link:
    """A link in a page's navigation: ``href`` relative to the reports folder."""

    label: str
    href: str


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One input line a finding points to, or a window of it when the line is long."""

    number: int
    text: str
    cut_before: bool = False
    cut_after: bool = False


@dataclass(frozen=True, slots=True)
class FindingRow:
    """A finding's row: ``order`` is its place in document order (line, column)."""

    order: int
    finding: Finding
    reference_anchor: str | None
    note_anchor: str | None
    source: tuple[SourceLine, ...]


@dataclass(frozen=True, slots=True)
class IsbnRow:
    raw: str
    hyphenated: str | None
    valid: bool
    volume: str | None
    qualifier: str | None
    label: str | None
    line: int


@dataclass(frozen=True, slots=True)
class FieldRow:
    """One field as cited beside what the catalogue record says (None: nothing)."""

    name: str
    cited: str | None
    catalogue: str | None


@dataclass(frozen=True, slots=True)
class ReferenceView:
    anchor: str
    reference: Reference
    fields: tuple[FieldRow, ...]
    isbns: tuple[IsbnRow, ...]
    status: str
    provider: str | None
    detail: str | None
    record_url: str | None
    cited_by: tuple[tuple[str, str], ...]  # (note label, anchor)


@dataclass(frozen=True, slots=True)
class Target:
    """A reference a citation points to (or may point to)."""

    id: str
    anchor: str | None


@dataclass(frozen=True, slots=True)
class CitationView:
    kind: str
    text: str
    status: str
    targets: tuple[Target, ...]
    locator: str | None
    volume: str | None
    hint: str | None


@dataclass(frozen=True, slots=True)
class NoteView:
    anchor: str
    label: str
    line: int
    text: str
    citations: tuple[CitationView, ...]


def report_href(name: str) -> str:
    """The relative link to a document's HTML report: every character of the name that
    could start a scheme, query or fragment is percent-encoded.

    >>> report_href("javascript:alert(1).txt")
    'javascript%3Aalert%281%29.txt.html'
    """
    return quote(f"{name}.html", safe="")


def source_lines(document: Document, location: Location, lines: Sequence[str] | None = None,
                 last_line: int | None = None) -> tuple[SourceLine, ...]:
    """The document lines ``location`` names, up to ``last_line`` (or its ``end_line``)
    and at most eight, long lines cut to a window around its column; nothing when the
    line is not in the text or the format's lines do not map onto it. ``lines`` is
    ``document.text.split("\\n")`` when already split."""
    if document.format not in _LINE_FORMATS or not document.text:
        return ()
    all_lines = document.text.split("\n") if lines is None else lines
    first = location.line
    if not 1 <= first <= len(all_lines):
        return ()
    last = max(first, location.end_line or first, last_line or first)
    last = min(last, len(all_lines), first + _MAX_SOURCE_LINES - 1)
    return tuple(_window(number, all_lines[number - 1],
                         location.column if number == first else 1)
                 for number in range(first, last + 1))


def finding_source_lines(document: Document, finding: Finding, lines: Sequence[str],
                   references: Mapping[str, Reference]) -> tuple[SourceLine, ...]:
    """A finding's source lines; one placed where its reference starts shows the
    reference's whole record (a BibTeX entry's lines), as far as the reader kept them."""
    reference = references.get(finding.reference or "")
    last_line = None
    if reference is not None and reference.lines and (
            reference.location.line == finding.location.line):
        last_line = max(start.line for start in reference.lines)
    return source_lines(document, finding.location, lines, last_line)


def _window(number: int, line: str, column: int) -> SourceLine:
    if len(line) <= _MAX_LINE_CHARS:
        return SourceLine(number, line)
    start = max(0, min(column - 1 - _MAX_LINE_CHARS // 4, len(line) - _MAX_LINE_CHARS))
    end = start + _MAX_LINE_CHARS
    return SourceLine(number, line[start:end], start > 0, end < len(line))


@dataclass(frozen=True, slots=True)
class _Asset:
    """An inline script or style sheet and the CSP source that allows exactly it."""

    text: Markup

    @property
    def csp(self) -> str:
        digest = hashlib.sha256(str(self.text).encode("utf-8")).digest()
        return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


@cache
def _asset(name: str, closing_tag: str) -> _Asset:
    text = resources.files("sourcecheck").joinpath(f"reports/templates/{name}").read_text(
        encoding="utf-8")
    # The package's own file, inlined as it is; it must not close its own element early.
    if closing_tag in text.lower():
        raise ValueError(f"{name} contains {closing_tag}")
    return _Asset(Markup(text))  # our own static file: the only unescaped text of a page


@cache
def _environment() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.PackageLoader("sourcecheck", "reports/templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        auto_reload=False,  # package files do not change during a run: no stat per page
    )


@cache
def _page_context() -> dict[str, object]:
    """What every page holds besides its data: the inline script and style, the CSP
    that allows exactly them (hashed once per process), the severities in order."""
    script = _asset("report.js", "</script")
    style = _asset("report.css", "</style")
    return {
        "script": script.text,
        "style": style.text,
        "csp": f"default-src 'none'; script-src {script.csp}; style-src {style.csp}; "
               "img-src 'none'; base-uri 'none'; form-action 'none'",
        "severities": [s.value for s in (Severity.ERROR, Severity.WARNING, Severity.INFO)],
    }


def load_templates() -> None:
    """Compile the page templates and the page context now (each is cached for the
    process), so that processes forked afterwards share them instead of compiling them
    each."""
    for name in ("document.html.j2", "index.html.j2", "library.html.j2"):
        _environment().get_template(name)
    _page_context()


def _render(template: str, **context: object) -> str:
    return _environment().get_template(template).render(**_page_context(), **context)


def render_document_html(checked: CheckedDocument,
                         extra_pages: Sequence[Link] = ()) -> str:
    """One document's HTML page: summary bar, sortable and filterable findings with the
    source lines they point to, references (fields, ISBNs, catalogue record side by
    side), notes and what each resolves to."""
    document = checked.document
    reference_anchors = _reference_anchors(checked)
    note_anchors: dict[str, str] = {}
    for n, note in enumerate(document.notes, 1):
        note_anchors.setdefault(note.label, f"note-{n}")
    lines = document.text.split("\n")
    by_id = {r.id: r for r in checked.references}
    findings = [
        FindingRow(n, f, reference_anchors.get(f.reference or ""),
                   note_anchors.get(f.note or ""), finding_source_lines(document, f, lines, by_id))
        # In document order (line, then column) on the page; ``order`` keeps it for the
        # script, which sorts the other columns with this order breaking ties.
        for n, f in enumerate(sorted(checked.findings,
                                     key=lambda f: (f.location.line, f.location.column)))]
    verifications = {v.reference_id: v for v in checked.verifications}
    cited_by = checked.cited_by()
    references = [
        _reference_view(r, reference_anchors[r.id], verifications.get(r.id),
                        [(label, note_anchors.get(label, "")) for label in cited_by.get(r.id, [])])
        for r in checked.references]
    return _render(
        "document.html.j2",
        document=document,
        line_label=_LINE_LABEL.get(document.format, "line"),
        counts={s.value: n for s, n in count_by_severity(checked.findings).items()},
        # set aside by a comment in the document: counted, as in the other reports
        suppressed=len(checked.suppressed),
        verification={s.value: n for s, n in count_by_verification([checked]).items() if n},
        findings=findings,
        codes=sorted({f.code for f in checked.findings}),
        references=references,
        notes=_note_views(checked, reference_anchors),
        nav=[Link("Index", "index.html"), *extra_pages],
    )


def _reference_anchors(checked: CheckedDocument) -> dict[str, str]:
    """Reference id -> the id of its article on the document's page."""
    return {r.id: f"ref-{n}" for n, r in enumerate(checked.references, 1)}


def _reference_view(reference: Reference, anchor: str, verification: Verification | None,
                    cited_by: list[tuple[str, str]]) -> ReferenceView:
    record = verification.record if verification else None
    url = record.url if record and record.url else None
    return ReferenceView(
        anchor=anchor,
        reference=reference,
        fields=_field_rows(reference, record),
        isbns=tuple(_isbn_row(reference, i) for i in reference.isbns),
        status=(verification.status if verification else VerificationStatus.SKIPPED).value,
        provider=provider_label(record.provider) if record else None,
        detail=verification.detail if verification else None,
        # A catalogue's URL becomes a link only with a web scheme (never javascript:).
        record_url=url if url and url.lower().startswith(("https://", "http://")) else None,
        cited_by=tuple(cited_by),
    )


def _field_rows(reference: Reference, record: CatalogueRecord | None) -> tuple[FieldRow, ...]:
    def joined(values: Sequence[str]) -> str | None:
        return "; ".join(values) or None

    title = None
    if record and record.title:
        title = f"{record.title}: {record.subtitle}" if record.subtitle else record.title
    rows = (
        FieldRow("authors", joined([written_name(n) for n in reference.authors]),
                 joined(record.authors) if record else None),
        FieldRow("editors", joined([written_name(n) for n in reference.editors]), None),
        FieldRow("title", reference.title, title),
        FieldRow("container", reference.booktitle or reference.journal, None),
        FieldRow("year", reference.year, record.year if record else None),
        FieldRow("publisher", reference.publisher, record.publisher if record else None),
        FieldRow("place", reference.address, None),
        FieldRow("edition", reference.edition, None),
        FieldRow("volumes", reference.volumes, None),
        FieldRow("volume", reference.volume, record.volume if record else None),
        FieldRow("series", reference.series, None),
        FieldRow("pages", reference.pagetotal or reference.pages,
                 str(record.pages) if record and record.pages else None),
        FieldRow("language", reference.language, record.language if record else None),
    )
    return tuple(row for row in rows if row.cited or row.catalogue or row.name in
                 ("authors", "title", "year", "publisher"))


def _isbn_row(reference: Reference, identifier: Identifier) -> IsbnRow:
    return IsbnRow(
        raw=identifier.raw,
        hyphenated=isbn.hyphenate(identifier.isbn13) if identifier.isbn13 else None,
        valid=identifier.isbn13 is not None,
        volume=identifier.volume,
        qualifier=identifier.qualifier.value if identifier.qualifier else None,
        label=identifier.label,
        line=reference.locate(identifier.offset).line,
    )


def _note_views(checked: CheckedDocument,
                reference_anchors: Mapping[str, str]) -> list[NoteView]:
    by_note: dict[str, list[CitationView]] = {}
    for resolution in checked.resolutions:
        citation = resolution.citation
        ids = ((resolution.reference_id,) if resolution.reference_id
               else resolution.candidates if resolution.status is ResolutionStatus.AMBIGUOUS
               else ())
        by_note.setdefault(citation.note, []).append(CitationView(
            kind=citation.kind.value, text=citation.text, status=resolution.status.value,
            targets=tuple(Target(i, reference_anchors.get(i)) for i in ids),
            locator=citation.locator, volume=citation.volume, hint=resolution.hint))
    return [NoteView(f"note-{n}", note.label, note.location.line, note.text,
                     tuple(by_note.get(note.label, [])))
            for n, note in enumerate(checked.document.notes, 1)]


@dataclass(frozen=True, slots=True)
class IndexRow:
    path: str
    format: str
    references: int
    notes: int
    counts: dict[str, int]
    name: str
    href: str


def render_index_html(documents: Sequence[CheckedDocument], report_names: Sequence[str],
                      extra_pages: Sequence[Link] = (),
                      written: Collection[str] = ("md", "json", "bib")) -> str:
    """The run's index page: one row per document with its counts and links to its
    reports, the run's totals, and a navigation slot for ``extra_pages``. ``written``:
    the report formats the run writes besides HTML (only those are linked)."""
    rows = [IndexRow(d.document.path, d.document.format.value, len(d.references),
                     len(d.document.notes),
                     {s.value: n for s, n in count_by_severity(d.findings).items()},
                     name, report_href(name))
            for d, name in zip(documents, report_names, strict=True)]
    totals = {s.value: n for s, n in
              count_by_severity(f for d in documents for f in d.findings).items()}
    return _render(
        "index.html.j2",
        rows=rows,
        totals=totals,
        references=sum(r.references for r in rows),
        notes=sum(r.notes for r in rows),
        suppressed=sum(len(d.suppressed) for d in documents),
        verification={s.value: n for s, n in count_by_verification(documents).items() if n},
        nav=[Link("Index", "index.html"), *extra_pages],
        quote=lambda name: quote(name, safe=""),
        written=frozenset(written),
    )


@dataclass(frozen=True, slots=True)
class CitingView:
    citing: Citing
    href: str | None  # the citing reference in its document's HTML report
    line_label: str


@dataclass(frozen=True, slots=True)
class WorkView:
    work: Work
    anchor: str
    authors: str
    published: str
    isbns: tuple[str, ...]
    citing: tuple[CitingView, ...]


def render_library_html(library: Library, documents: Sequence[CheckedDocument],
                        report_names: Sequence[str], extra_pages: Sequence[Link] = ()) -> str:
    """The run's source library as a page: one row per work with its merged fields, its
    ISBNs (hyphenated), the conflicts between documents, and a link to every citing
    reference in its document's report (``documents`` and ``report_names`` as for
    ``render_index_html``)."""
    anchors: dict[tuple[str, str], str] = {}
    labels: dict[str, str] = {}
    for checked, name in zip(documents, report_names, strict=True):
        path = checked.document.path
        labels[path] = _LINE_LABEL.get(checked.document.format, "line")
        for reference_id, anchor in _reference_anchors(checked).items():
            anchors[(path, reference_id)] = f"{report_href(name)}#{anchor}"
    views = []
    for n, work in enumerate(library.works, 1):
        reference = work.reference
        isbns = tuple(dict.fromkeys(
            (isbn.hyphenate(i.isbn13) or i.isbn13) if i.isbn13 else i.raw
            for i in reference.isbns))
        published = ", ".join(str(part) for part in (
            reference.address, reference.publisher, reference.year) if part)
        views.append(WorkView(
            work, f"work-{n}",
            "; ".join(written_name(name) for name in reference.authors).rstrip("."),
            published, isbns,
            tuple(CitingView(place, anchors.get((place.document, place.reference_id)),
                             labels.get(place.document, "line"))
                  for place in work.citing)))
    return _render(
        "library.html.j2",
        works=views,
        citing=sum(len(work.citing) for work in library.works),
        documents=len({place.document for work in library.works for place in work.citing}),
        conflicted=sum(1 for work in library.works if work.conflicts),
        nav=[Link("Index", "index.html"), *extra_pages],
    )
