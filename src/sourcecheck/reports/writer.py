"""Write a run's report files: per document a Markdown, a JSON and an HTML report, then
the indexes (index.md, index.html), the whole-run JSON report, references.bib and the
source library (library.bib, library.json) — those of them ``formats`` names
(``reports.REPORT_FORMATS``: md, json, html, bib, library).

Each document's reports are written as soon as it is checked, and its JSON is encoded
once and reused for the whole-run report. Raises OSError when a file cannot be written.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..exports.bibtex import to_bibtex
from ..library import build_library
from ..library.export import write_library
from ..models import CheckedDocument
from . import REPORT_FORMATS
from .json_report import SCHEMA_ID, document_report, summary
from .markdown_report import render_document, render_index

if TYPE_CHECKING:
    from .html_report import Link


def _dumps(data: object) -> str:
    # One line, C encoder: several times faster than indenting. Pipe through `jq` to read.
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _envelope(document_json: Sequence[str], documents: Sequence[CheckedDocument]) -> str:
    """The JSON report around already-encoded documents."""
    return (f'{{"schema":{_dumps(SCHEMA_ID)},"documents":[{",".join(document_json)}],'
            f'"summary":{_dumps(summary(documents))}}}\n')


class ReportWriter:
    """``add`` each checked document as it comes, then ``finish``. Raises ValueError for
    a format that is not one of ``REPORT_FORMATS``."""

    def __init__(self, out: Path, formats: Iterable[str] = REPORT_FORMATS) -> None:
        self.out = out
        self.formats = frozenset(formats)
        unknown = self.formats - set(REPORT_FORMATS)
        if unknown:
            raise ValueError(f"unknown report formats: {', '.join(sorted(unknown))}")
        out.mkdir(parents=True, exist_ok=True)
        self._names: list[str] = []
        self._documents: list[CheckedDocument] = []
        self._json: list[str] = []

    def _write(self, name: str, text: str) -> None:
        (self.out / name).write_text(text, encoding="utf-8")

    def add(self, name: str, checked: CheckedDocument) -> None:
        """Write the reports of one document; ``name`` is its report file stem."""
        self._names.append(name)
        self._documents.append(checked)
        if "md" in self.formats:
            self._write(f"{name}.md", render_document(checked))
        if "json" in self.formats:
            document_json = _dumps(document_report(checked))
            self._json.append(document_json)
            self._write(f"{name}.json", _envelope([document_json], [checked]))
        if "html" in self.formats:
            from .html_report import render_document_html  # Jinja2 only when asked for

            self._write(f"{name}.html", render_document_html(checked, self._extra_pages()))

    def finish(self) -> None:
        """Write the indexes, the whole-run report, references.bib and the library."""
        if "md" in self.formats:
            self._write("index.md", render_index(self._documents, self._names))
        library = build_library(self._documents) if "library" in self.formats else None
        if "html" in self.formats:
            from .html_report import render_index_html, render_library_html

            pages = self._extra_pages()
            self._write("index.html", render_index_html(self._documents, self._names, pages,
                                                        self.formats))
            if library is not None:
                self._write("library.html", render_library_html(
                    library, self._documents, self._names, pages))
        if "json" in self.formats:
            self._write("report.json", _envelope(self._json, self._documents))
        if "bib" in self.formats:
            self._write("references.bib",
                        to_bibtex(r for d in self._documents for r in d.references))
        if library is not None:
            write_library(self.out, library)

    def _extra_pages(self) -> list[Link]:
        """Pages every HTML report links to besides the index: the library's, when
        the run writes one."""
        from .html_report import Link

        return [Link("Library", "library.html")] if "library" in self.formats else []
