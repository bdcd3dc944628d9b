"""Write a run's report files: per document a Markdown, a JSON and an HTML report, then
the indexes (index.md, index.html), the whole-run JSON report, references.bib and the
source library (library.bib, library.json) — those of them ``formats`` names
(``reports.REPORT_FORMATS``: md, json, html, bib, library).

A run's documents are rendered and written by ``jobs`` processes: forked workers that
find the checked documents in the memory they inherit, write each document's files and
send back only its encoded JSON, which is reused for the whole-run report. Raises
OSError when a file cannot be written.
"""

from __future__ import annotations

import gc
import json
import multiprocessing
import sys
import threading
from collections.abc import Iterable, Sequence
from concurrent.futures import ProcessPoolExecutor
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


#: fewer documents than this per process are written by the calling process alone
#: (forking a worker costs about as much as writing 20 documents' reports)
MIN_DOCUMENTS_PER_JOB = 100

# The writer whose documents the forked workers write. The parent sets it just before it
# forks, so each worker reads the documents from the memory it inherited: sending 1,000
# checked documents to the workers pickled cost about as much as checking them.
_FORKED_FROM: ReportWriter | None = None


def _can_fork() -> bool:
    """Whether workers may be forked: only on Linux (macOS's system libraries are not
    fork-safe), and only while this process runs no other thread (a thread's locks
    would be copied held)."""
    return (sys.platform == "linux" and threading.active_count() == 1
            and "fork" in multiprocessing.get_all_start_methods())


def _write_in_worker(indices: range) -> list[str | None]:
    """In a forked worker: write the reports of the inherited writer's documents
    ``indices``; their JSON, in order."""
    assert _FORKED_FROM is not None, "only called in a worker forked by ReportWriter"
    return [_FORKED_FROM.write_document(i) for i in indices]


class ReportWriter:
    """``add`` each checked document as it comes, then ``finish``: it writes every
    document's reports, with up to ``jobs`` processes, then the run's files. Raises
    ValueError for a format that is not one of ``REPORT_FORMATS``."""

    def __init__(self, out: Path, formats: Iterable[str] = REPORT_FORMATS,
                 jobs: int = 1) -> None:
        self.out = out
        self.jobs = jobs
        self.formats = frozenset(formats)
        unknown = self.formats - set(REPORT_FORMATS)
        if unknown:
            raise ValueError(f"unknown report formats: {', '.join(sorted(unknown))}")
        out.mkdir(parents=True, exist_ok=True)
        self._names: list[str] = []
        self._documents: list[CheckedDocument] = []

    def _write(self, name: str, text: str) -> None:
        (self.out / name).write_text(text, encoding="utf-8")

    def add(self, name: str, checked: CheckedDocument) -> None:
        """Take one checked document; ``name`` is its report file stem."""
        self._names.append(name)
        self._documents.append(checked)

    def write_document(self, index: int) -> str | None:
        """Write the reports of the ``index``-th document added; its encoded JSON report
        (None when the formats have no JSON)."""
        name, checked = self._names[index], self._documents[index]
        document_json = None
        if "md" in self.formats:
            self._write(f"{name}.md", render_document(checked))
        if "json" in self.formats:
            document_json = _dumps(document_report(checked))
            self._write(f"{name}.json", _envelope([document_json], [checked]))
        if "html" in self.formats:
            from .html_report import render_document_html  # Jinja2 only when asked for

            self._write(f"{name}.html", render_document_html(checked, self._extra_pages()))
        return document_json

    def _write_documents(self) -> list[str | None]:
        """Every document's reports, by forked workers when there are enough documents
        for more than one; their JSON in the order they were added."""
        indices = range(len(self._documents))
        jobs = min(self.jobs, len(indices) // MIN_DOCUMENTS_PER_JOB)
        if jobs < 2 or not _can_fork():
            return [self.write_document(i) for i in indices]
        if "html" in self.formats:
            from .html_report import load_templates

            load_templates()  # compiled once, here, for every worker to inherit
        size = -(-len(indices) // (4 * jobs))  # four chunks a worker: the slow ones even out
        chunks = [indices[start:start + size] for start in range(0, len(indices), size)]
        global _FORKED_FROM
        _FORKED_FROM = self
        # The collector would walk, and so copy, every inherited page in each worker.
        frozen_before = gc.get_freeze_count()
        gc.freeze()
        try:
            # A worker that dies (killed, out of memory) fails the run with BrokenProcessPool
            # instead of leaving it waiting, as multiprocessing.Pool would.
            with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
                return [j for chunk in pool.map(_write_in_worker, chunks) for j in chunk]
        finally:
            _FORKED_FROM = None
            if not frozen_before:  # a caller's own freeze (the command line's) stays
                gc.unfreeze()

    def finish(self) -> None:
        """Write every document's reports, then the indexes, the whole-run report,
        references.bib and the library."""
        document_json = [j for j in self._write_documents() if j is not None]
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
            self._write("report.json", _envelope(document_json, self._documents))
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
