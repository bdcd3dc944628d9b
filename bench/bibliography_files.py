"""Reading and writing bibliography files, side by side with the bare parsers, in one run.

The references of the project's samples (references/), repeated with new keys up to
--count records, are exported as BibTeX, RIS and CSL-JSON. Then, per format:

- read: sourcecheck's reader (records with line maps, names, decoded values, ISBN
  labels) next to the bare parser of the format on the same text — bibtexparser v2's
  ``parse_string`` with its default middlewares, rispy's ``loads`` (when installed),
  ``json.loads``;
- check: the whole pipeline on the read document (references, ISBNs, duplicates, keys);
- write: sourcecheck's exporter of the format.

    python bench/bibliography_files.py [--count 2000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import timeit
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from sourcecheck.exports.bibtex import to_bibtex
from sourcecheck.exports.csl_json import to_csl_json
from sourcecheck.exports.ris import to_ris
from sourcecheck.models import Reference
from sourcecheck.pipeline import check_document, check_files, discover
from sourcecheck.reading.bibtex import read_bibtex
from sourcecheck.reading.csl_json import read_csl_json
from sourcecheck.reading.ris import read_ris

REFERENCES = Path(__file__).resolve().parents[1] / "references"


def corpus(count: int) -> list[Reference]:
    """``count`` references: the samples' references over and over, each with its own key."""
    pool = [r for c in check_files(discover([REFERENCES])) for r in c.references]
    return [replace(pool[n % len(pool)], id=f"{pool[n % len(pool)].id}x{n}")
            for n in range(count)]


def best(run: Callable[[], object], repeat: int) -> float:
    return min(timeit.repeat(run, number=1, repeat=repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    references = corpus(args.count)
    texts = {"bibtex": to_bibtex(references), "ris": to_ris(references),
             "csl-json": to_csl_json(references)}
    peers: dict[str, tuple[str, Callable[[str], object]] | None] = {
        "csl-json": ("json.loads", json.loads)}
    from bibtexparser.entrypoint import parse_string

    peers["bibtex"] = ("bibtexparser parse_string", parse_string)
    try:
        import rispy

        peers["ris"] = ("rispy loads", rispy.loads)
    except ImportError:
        peers["ris"] = None
    readers = {"bibtex": read_bibtex, "ris": read_ris, "csl-json": read_csl_json}
    writers = {"bibtex": to_bibtex, "ris": to_ris, "csl-json": to_csl_json}

    rows: list[tuple[str, str, str, float]] = []
    for fmt, text in texts.items():
        reader = readers[fmt]
        rows.append((fmt, "read", f"sourcecheck read_{fmt.replace('-', '_')}",
                     best(lambda: reader("bench", text), args.repeat)))  # noqa: B023
        peer = peers[fmt]
        if peer:
            name, parse = peer
            rows.append((fmt, "read", name, best(lambda: parse(text), args.repeat)))  # noqa: B023
        document = reader("bench", text)
        rows.append((fmt, "read + check", "sourcecheck pipeline",
                     best(lambda: check_document(reader("bench", text)),  # noqa: B023
                          args.repeat)))
        assert len(document.entries) == args.count, (fmt, len(document.entries))
        writer = writers[fmt]
        rows.append((fmt, "write", f"sourcecheck to_{fmt.replace('-', '_')}",
                     best(lambda: writer(references), args.repeat)))  # noqa: B023

    print(f"{args.count} records per file, best of {args.repeat}\n")
    print("| format | task | tool | total (ms) | µs per record |")
    print("|---|---|---|---:|---:|")
    for fmt, task, tool, seconds in rows:
        print(f"| {fmt} | {task} | {tool} | {seconds * 1000:.0f} | "
              f"{seconds / args.count * 1e6:.1f} |")


if __name__ == "__main__":
    main()
