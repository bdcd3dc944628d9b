"""The library as files: BibTeX (library.bib), CSL-JSON (library.json), and the JSON
that ``sourcecheck library --format json`` prints.

Where each work is cited is spelled out where Zotero keeps it: in BibTeX an ``annote``
field (Zotero's BibTeX import makes it a child note, apart from the ISBN ``note``), in
CSL-JSON the ``note`` (Zotero: Extra), after what the export already says there.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..exports.bibtex import to_bibtex
from ..exports.csl_json import to_csl_json
from .model import Library, Work

LIBRARY_SCHEMA_ID = "sourcecheck.library/1"


def citing_text(work: Work) -> str:
    """Where a work is cited and what the documents disagree on, one line each:

    cited in references/a.txt, line 47 (westad2003decisive), notes 1, 2
    conflicting year: 2003 (references/a.txt); 2005 (references/b.txt)
    """
    lines = []
    for place in work.citing:
        line = f"cited in {place.document}, line {place.line} ({place.reference_id})"
        if place.notes:
            line += f", note{'s' if len(place.notes) > 1 else ''} {', '.join(place.notes)}"
        lines.append(line)
    for conflict in work.conflicts:
        values = "; ".join(f"{value} ({', '.join(documents)})"
                           for value, documents in conflict.values)
        lines.append(f"conflicting {conflict.field}: {values}")
    return "\n".join(lines)


def library_bibtex(library: Library) -> str:
    """library.bib: one entry per work, keyed by the work's key."""
    return to_bibtex((work.reference for work in library.works),
                     {work.key: citing_text(work) for work in library.works})


def library_csl_json(library: Library) -> str:
    """library.json: one CSL item per work, ``id`` the work's key."""
    return to_csl_json((work.reference for work in library.works),
                       {work.key: citing_text(work) for work in library.works})


def write_library(out: Path, library: Library) -> tuple[Path, Path]:
    """Write ``library.bib`` and ``library.json`` into the folder ``out`` (which must
    exist); return their paths. Raises OSError when a file cannot be written."""
    bib, csl = out / "library.bib", out / "library.json"
    bib.write_text(library_bibtex(library), encoding="utf-8")
    csl.write_text(library_csl_json(library), encoding="utf-8")
    return bib, csl


def library_json(library: Library) -> dict[str, Any]:
    """The library as one JSON object: per work its key, merged fields (as the JSON
    report's ``fields``), where it is cited and the conflicting fields."""
    return {
        "schema": LIBRARY_SCHEMA_ID,
        "works": [{
            "key": work.key,
            "fields": work.reference.fields,
            "citing": [{"document": c.document, "reference": c.reference_id,
                        "line": c.line, "notes": list(c.notes)} for c in work.citing],
            "conflicts": [{"field": c.field,
                           "values": [{"value": value, "documents": list(documents)}
                                      for value, documents in c.values]}
                          for c in work.conflicts],
        } for work in library.works],
    }
