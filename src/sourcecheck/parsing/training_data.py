"""Labelled references for training and measuring the tagger.

Two files in ``parsing/data/``, both in AnyStyle's XML format (``<sequence>`` elements
whose children are labelled spans):

- ``anystyle-core.xml``: AnyStyle's hand-labelled references (BSD-2, Sylvester Keil; the
  licence is ``LICENSE-anystyle.txt`` next to it);
- ``sourcecheck-styles.xml``: examples the project wrote itself in the styles of its
  seeds (World-Library "Publisher in City" lists, Chinese family-first names, ISBN
  lists per volume, "1st Edition", corporate authors, Wikipedia/CS1, Chicago notes).

A reference's text is its spans joined by one space, as AnyStyle joins them. The
held-out split is fixed (a seeded sample of the distinct AnyStyle strings), so that
training never sees what the benchmark measures.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

ANYSTYLE_FILE = "anystyle-core.xml"
PROJECT_FILE = "sourcecheck-styles.xml"
MODEL_FILE = "tagger.crfsuite"
HELD_OUT_SIZE = 300
HELD_OUT_SEED = 2026

# AnyStyle's labels -> the tagger's labels (BibTeX names where BibTeX has one).
LABELS: dict[str, str] = {
    "author": "author",
    "editor": "editor",
    "translator": "translator",
    "title": "title",
    "container-title": "booktitle",
    "journal": "journal",
    "date": "date",
    "edition": "edition",
    "volume": "volume",
    "pages": "pages",
    "publisher": "publisher",
    "location": "address",
    "collection-title": "series",
    "isbn": "isbn",
    "url": "url",
    "doi": "url",
    "citation-number": "number",
    "note": "note",
    "genre": "note",
    "medium": "note",
    "source": "note",
    "director": "note",
    "producer": "note",
}


@dataclass(frozen=True, slots=True)
class LabelledSpan:
    label: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class LabelledReference:
    """One labelled reference: its text and the labelled spans that tile it."""

    text: str
    spans: tuple[LabelledSpan, ...]

    @property
    def kind(self) -> str:
        """article (a journal), chapter (a container), book (a publisher, place or ISBN),
        else other."""
        labels = {s.label for s in self.spans}
        if "journal" in labels:
            return "article"
        if "booktitle" in labels:
            return "chapter"
        if labels & {"publisher", "address", "isbn"}:
            return "book"
        return "other"

    def values(self, label: str) -> list[str]:
        """The text of every span with this label, in order."""
        return [self.text[s.start:s.end] for s in self.spans if s.label == label]


def data_path(name: str) -> Path:
    """A file of the package's ``parsing/data`` folder."""
    return Path(str(resources.files("sourcecheck.parsing").joinpath("data", name)))


def read_labelled(path: Path) -> list[LabelledReference]:
    """Read an AnyStyle-format XML file; unknown labels become ``note``."""
    references = []
    for sequence in ET.parse(path).getroot().iter("sequence"):
        parts: list[str] = []
        spans: list[LabelledSpan] = []
        offset = 0
        for element in sequence:
            segment = " ".join((element.text or "").split())
            if not segment:
                continue
            if parts:
                offset += 1
            spans.append(LabelledSpan(LABELS.get(element.tag, "note"), offset,
                                      offset + len(segment)))
            parts.append(segment)
            offset += len(segment)
        if parts:
            references.append(LabelledReference(" ".join(parts), tuple(spans)))
    return references


def _distinct(references: list[LabelledReference]) -> list[LabelledReference]:
    seen: set[str] = set()
    distinct = []
    for reference in references:
        if reference.text not in seen:
            seen.add(reference.text)
            distinct.append(reference)
    return distinct


def split_anystyle(path: Path | None = None) -> tuple[list[LabelledReference],
                                                      list[LabelledReference]]:
    """(training, held-out): the distinct AnyStyle strings, ``HELD_OUT_SIZE`` of them held
    out by a seeded sample; the same split for every run, machine and caller."""
    references = _distinct(read_labelled(path or data_path(ANYSTYLE_FILE)))
    chosen = set(random.Random(HELD_OUT_SEED).sample(range(len(references)), HELD_OUT_SIZE))
    training = [r for i, r in enumerate(references) if i not in chosen]
    held_out = [r for i, r in enumerate(references) if i in chosen]
    return training, held_out


def training_set() -> list[LabelledReference]:
    """Everything the shipped model is trained on: AnyStyle minus the held-out split,
    plus the project's own examples."""
    training, _held_out = split_anystyle()
    return training + read_labelled(data_path(PROJECT_FILE))
