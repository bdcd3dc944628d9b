"""Reading speed of each format's reader on the same sample, in one run.

The Liaoshen sample in references/ is read in each of its five formats (plain text,
Markdown, wikitext, HTML, Word), with and without the rest of the pipeline; beside each
reader, the bare library it is built on parses the same input (mwparserfromhell, lxml,
python-docx), so the cost of the reader's own work shows.

    python bench/readers.py [--number 100] [--repeat 5]
"""

from __future__ import annotations

import argparse
import io
import timeit
from collections.abc import Callable
from pathlib import Path

import docx
import lxml.html
import mwparserfromhell

from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_document

SAMPLE = Path(__file__).resolve().parents[1] / "references" / "02-liaoshen-wikipedia"


def _cases() -> list[tuple[str, str, Callable[[], object]]]:
    cases: list[tuple[str, str, Callable[[], object]]] = []
    for suffix, peer in (("txt", None), ("md", None), ("wiki", "mwparserfromhell.parse"),
                         ("html", "lxml.html.document_fromstring"), ("docx", "docx.Document")):
        path = SAMPLE.with_suffix(f".{suffix}")
        data = path.read_bytes()
        cases.append((suffix, "sourcecheck read_document", lambda p=path: read_document(p)))
        cases.append((suffix, "sourcecheck read + check",
                      lambda p=path: check_document(read_document(p))))
        if peer == "mwparserfromhell.parse":
            text = data.decode("utf-8")
            cases.append((suffix, peer, lambda t=text: mwparserfromhell.parse(t)))
        elif peer == "lxml.html.document_fromstring":
            cases.append((suffix, peer, lambda d=data: lxml.html.document_fromstring(d)))
        elif peer == "docx.Document":
            cases.append((suffix, peer, lambda d=data: docx.Document(io.BytesIO(d))))
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--number", type=int, default=100, help="calls per timing")
    parser.add_argument("--repeat", type=int, default=5, help="timings; the best is kept")
    options = parser.parse_args()
    print(f"| format | what | µs per document (best of {options.repeat}) | documents/s |")
    print("|---|---|---:|---:|")
    for suffix, what, call in _cases():
        call()  # warm caches, as a long run would
        best = min(timeit.repeat(call, number=options.number, repeat=options.repeat))
        per = best / options.number
        print(f"| .{suffix} | {what} | {per * 1e6:,.0f} | {1 / per:,.0f} |")


if __name__ == "__main__":
    main()
