"""The only module that knows the order of the stages.

read_document -> parse_reference_text -> find_citations -> references_from_notes ->
unique_keys -> resolve_citations -> run_checks -> [lookup all ISBNs of the run at once ->
verify_document] -> [several documents: check_across_documents] -> select by rule code,
apply severity overrides and the document's suppression comments.
Stages never print, exit or read settings; this module passes them what they need.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Protocol

from .checks import run_checks
from .checks.library_checks import check_across_documents
from .checks.lookup_checks import isbns_to_look_up, verify_document
from .citations.find import find_citations
from .citations.resolve import references_from_notes, resolve_citations
from .citekeys import unique_keys
from .models import CheckedDocument, Citation, Document, LookupResult, Severity
from .parsing.reference import carry_ditto_authors, parse_reference_text
from .parsing.structured import reference_from_entry
from .reading import read_document
from .suppression import suppress

Severities = Mapping[str, Severity]  # rule code -> the severity its findings get instead


class PathNotFound(Exception):
    """A path given on the command line does not exist."""


#: stems of the run's own report files (index.md/.html, report.json, library.*): no
#: document's reports may take them
RUN_REPORT_STEMS = ("index", "report", "library")


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    display: str  # how reports name it
    report_name: str  # file name stem for its reports, unique in a run


def discover(paths: Sequence[Path], skip: Sequence[Path] = ()) -> list[InputFile]:
    """Every file to check, in a stable order. Folders are searched recursively; hidden
    files and folders are skipped, and so are the folders ``skip`` names (the reports
    folder) when met below a given folder. Raises PathNotFound for a path that does not
    exist.

    Reports name a document by its path relative to the working directory when it lies
    below it; report files are named by the path relative to the inputs' common folder.
    """
    skipped = frozenset(os.path.realpath(folder) for folder in skip)
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(_walk(path, skipped))
        elif path.exists():
            found.append(path)
        else:
            raise PathNotFound(f"no such file or folder: {path}")
    unique = list(dict.fromkeys(os.path.abspath(p) for p in found))
    if not unique:
        return []
    root = os.path.commonpath([os.path.dirname(p) for p in unique])
    cwd = os.getcwd()
    inputs = []
    # a document called "index" would overwrite index.html (and be overwritten by it)
    used: set[str] = set(RUN_REPORT_STEMS)
    for absolute in unique:
        display = os.path.relpath(absolute, cwd) if _below(absolute, cwd) else absolute
        name = os.path.relpath(absolute, root).replace(os.sep, "__")
        base, n = name, 1
        while name in used:
            n += 1
            name = f"{base}.{n}"
        used.add(name)
        inputs.append(InputFile(Path(absolute), display, name))
    return inputs


def _walk(folder: Path, skipped: frozenset[str] = frozenset()) -> list[Path]:
    """Files below a folder, sorted, skipping hidden files and folders and the folders
    ``skipped`` holds (real paths)."""
    files: list[Path] = []
    for directory, subdirectories, names in os.walk(folder):
        subdirectories[:] = sorted(
            d for d in subdirectories if not d.startswith(".")
            # "check ." writes reports/ below "."; the next run must not read them back
            and os.path.realpath(os.path.join(directory, d)) not in skipped)
        files.extend(Path(directory, n) for n in sorted(names) if not n.startswith("."))
    return sorted(files)


def _below(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


class Catalogue(Protocol):
    """Looks ISBNs up: ISBN-13 -> result for every valid number given."""

    def lookup(self, numbers: Iterable[str],
               progress: Callable[[str, int, int], None] | None = None,
               probes: Iterable[str] = ()) -> dict[str, LookupResult]:
        """``probes`` are extra ISBNs worth asking only where it costs no extra request."""
        ...


def check_document(document: Document, enabled: Iterable[str] | None = None,
                   catalogue: Catalogue | None = None,
                   severity: Severities | None = None) -> CheckedDocument:
    """Run every stage on one read document; keep findings whose code is enabled, give
    them the ``severity`` overrides, and set aside those a comment in the document
    suppresses. With a ``catalogue``, its ISBNs are looked up and every reference
    verified."""
    checked = _check_unselected(document)
    if catalogue is not None:
        wanted = isbns_to_look_up([checked])
        checked = verify_document(checked, catalogue.lookup(wanted.isbns, None, wanted.probes))
    return _select(checked, enabled, severity)


def _check_unselected(document: Document) -> CheckedDocument:
    entries = document.entries
    parsed = carry_ditto_authors([
        reference_from_entry(entry) if entry.fields  # a template or record: no parsing
        else parse_reference_text(entry.text)  # shared, cached
        for entry in entries])
    citations: list[Citation] = [c for note in document.notes for c in find_citations(note)]
    from_notes = references_from_notes(citations, parsed)
    keys = unique_keys([*parsed, *from_notes],
                       [e.location.line for e in entries] + [r.location.line for r in from_notes],
                       given=[e.key for e in entries])  # a bibliography file's own keys
    references = [
        replace(reference, id=key, location=entry.location, section=entry.section,
                lines=entry.lines)
        for reference, entry, key in zip(parsed, entries, keys, strict=False)
    ] + [replace(reference, id=key)
         for reference, key in zip(from_notes, keys[len(parsed):], strict=True)]
    resolutions = resolve_citations(citations, references)
    checked = CheckedDocument(document, tuple(references), tuple(resolutions), ())
    return replace(checked, findings=tuple(run_checks(checked)))


def _select(checked: CheckedDocument, enabled: Iterable[str] | None,
            severity: Severities | None = None) -> CheckedDocument:
    """Findings of the enabled codes, with their severity overridden; the ones a comment
    suppresses move to ``suppressed`` (counted in the reports, never silently lost).
    A code that is not enabled is neither reported nor counted as suppressed."""
    findings = checked.findings
    if enabled is not None:
        allowed = set(enabled)
        findings = tuple(f for f in findings if f.code in allowed)
    if severity:
        findings = tuple(replace(f, severity=severity.get(f.code, f.severity))
                         for f in findings)
    kept, suppressed = suppress(replace(checked, findings=findings))
    return replace(checked, findings=kept, suppressed=suppressed)


def iter_checked(inputs: Sequence[InputFile], enabled: Iterable[str] | None = None,
                 catalogue: Catalogue | None = None,
                 progress: Callable[[str, int, int], None] | None = None,
                 severity: Severities | None = None) -> Iterator[CheckedDocument]:
    """Read and check file after file; an unreadable file becomes a document with a
    finding, so a run goes on past it.

    With a catalogue, every document is read and checked first, every ISBN of the run
    is looked up at once (as few requests as the providers allow), and then each
    document is verified from the results. A run of several documents is then compared
    across documents (``library.conflict``), which needs them all: so only a single
    document without a catalogue streams; otherwise the first document is yielded once
    the whole run is checked (a caller writing reports as documents come writes them
    all at the end).
    """
    allowed = frozenset(enabled) if enabled is not None else None
    if catalogue is None and len(inputs) == 1:
        yield check_document(read_document(inputs[0].path, inputs[0].display), allowed,
                             severity=severity)
        return
    checked = [_check_unselected(read_document(item.path, item.display)) for item in inputs]
    if catalogue is not None:
        wanted = isbns_to_look_up(checked)
        results = catalogue.lookup(wanted.isbns, progress, wanted.probes)
        checked = [verify_document(document, results) for document in checked]
    for document in add_run_findings(checked):
        yield _select(document, allowed, severity)


def add_run_findings(documents: Sequence[CheckedDocument]) -> list[CheckedDocument]:
    """The run-level stage: findings that compare documents with each other
    (``library.conflict``), merged into each document's findings in location order.
    A run of one document is returned as it is."""
    if len(documents) < 2:
        return list(documents)
    across = check_across_documents(documents)
    return [replace(document, findings=tuple(sorted(
                (*document.findings, *found),
                key=lambda f: (f.location.line, f.location.column, f.code))))
            if found else document
            for document, found in zip(documents, across, strict=True)]


def check_files(inputs: Sequence[InputFile], enabled: Iterable[str] | None = None,
                catalogue: Catalogue | None = None) -> list[CheckedDocument]:
    """``iter_checked`` as a list."""
    return list(iter_checked(inputs, enabled, catalogue))

