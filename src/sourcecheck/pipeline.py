"""The only module that knows the order of the stages.

read_document -> parse_reference -> find_citations -> references_from_notes ->
assign_keys -> resolve_citations -> run_checks -> select by rule code.
Stages never print, exit or read settings; this module passes them what they need.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .checks import run_checks
from .citations.find import find_citations
from .citations.resolve import references_from_notes, resolve_citations
from .citekeys import assign_keys
from .models import CheckedDocument, Citation, Document, RawEntry, Reference
from .parsing.reference import parse_reference_text
from .reading import read_document


class PathNotFound(Exception):
    """A path given on the command line does not exist."""


@dataclass
class ReferenceParser:
    """Parses entries, each distinct text once per run: corpora cite the same books again
    and again, and parsing is the costliest stage."""

    cache: dict[str, Reference] = field(default_factory=dict)

    def __call__(self, entry: RawEntry) -> Reference:
        parsed = self.cache.get(entry.text)
        if parsed is None:
            parsed = parse_reference_text(entry.text)
            self.cache[entry.text] = parsed
        return replace(parsed, location=entry.location, section=entry.section,
                       lines=entry.lines)


@dataclass(frozen=True, slots=True)
class InputFile:
    path: Path
    display: str  # how reports name it
    report_name: str  # file name stem for its reports, unique in a run


def discover(paths: Sequence[Path]) -> list[InputFile]:
    """Every file to check, in a stable order. Folders are searched recursively; hidden
    files and folders are skipped. Raises PathNotFound for a path that does not exist."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found.extend(p for p in sorted(path.rglob("*"))
                         if p.is_file() and not _hidden(p.relative_to(path)))
        elif path.exists():
            found.append(path)
        else:
            raise PathNotFound(f"no such file or folder: {path}")
    unique = list(dict.fromkeys(found))
    root = _common_root(unique)
    inputs = []
    used: set[str] = set()
    for path in unique:
        display = _display(path)
        name = str(path.resolve().relative_to(root)) if root else path.name
        name = name.replace(os.sep, "__")
        base, n = name, 1
        while name in used:
            n += 1
            name = f"{base}.{n}"
        used.add(name)
        inputs.append(InputFile(path, display, name))
    return inputs


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


def _common_root(paths: list[Path]) -> Path | None:
    if not paths:
        return None
    try:
        return Path(os.path.commonpath([p.resolve().parent for p in paths]))
    except ValueError:
        return None


def _display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def check_document(document: Document, enabled: Iterable[str] | None = None,
                   parser: ReferenceParser | None = None) -> CheckedDocument:
    """Run every stage on one read document; keep findings whose code is enabled."""
    parse = parser or ReferenceParser()
    bibliography = [parse(entry) for entry in document.entries]
    citations: list[Citation] = [c for note in document.notes for c in find_citations(note)]
    from_notes = references_from_notes(citations, bibliography)
    references = assign_keys([*bibliography, *from_notes])
    resolutions = resolve_citations(citations, references)
    checked = CheckedDocument(document, tuple(references), tuple(resolutions), ())
    findings = run_checks(checked)
    if enabled is not None:
        allowed = set(enabled)
        findings = [f for f in findings if f.code in allowed]
    return replace(checked, findings=tuple(findings))


def check_files(inputs: Sequence[InputFile],
                enabled: Iterable[str] | None = None) -> list[CheckedDocument]:
    """Read and check every file; an unreadable file becomes a document with a finding."""
    parser = ReferenceParser()
    allowed = frozenset(enabled) if enabled is not None else None
    return [check_document(read_document(i.path, i.display), allowed, parser) for i in inputs]
