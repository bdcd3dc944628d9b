"""Labelled references for training and measuring the tagger.

Files in ``parsing/data/``, all in AnyStyle's XML format (``<sequence>`` elements
whose children are labelled spans):

- ``anystyle-core.xml``: AnyStyle's hand-labelled references (BSD-2, Sylvester Keil; the
  licence is ``LICENSE-anystyle.txt`` next to it);
- ``anystyle-*.xml`` (the others): more of AnyStyle's labelled sets from the same
  repository and licence (``res/parser/``: Stanford books, theses and dissertations, its
  gold set and jw.xml). They are training data only, and only their references that share
  neither text nor title with any string of ``anystyle-core.xml`` (``extra_anystyle``), so
  that no held-out reference reaches training in another copy;
- ``sourcecheck-styles.xml``: examples the project wrote itself in the styles of its
  seeds (World-Library "Publisher in City" lists, Chinese family-first names, ISBN
  lists per volume, "1st Edition", corporate authors, Wikipedia/CS1, Chicago notes);
- ``sourcecheck-written.xml``: more references the project wrote and labelled itself,
  real works in the styles of many fields and languages, written with 160 strings of the
  core training split as the only model of the conventions (never the held-out split);
  training data only, filtered like AnyStyle's other sets (``written_examples``).

A reference's text is its spans joined by one space, as AnyStyle joins them. The
held-out split is fixed (a seeded sample of the distinct AnyStyle strings), so that
training never sees what the benchmark measures.

The held-out split is the second one: the first (seed 2026) was looked at string by string
while rules were being written, so it is no longer a fair test; its strings are now
training data, and the held-out split is drawn from the strings it did not contain. Model
and rule choices are made by cross-validation inside the training split
(``cv_folds``; ``python bench/parse_accuracy/run.py --cv 5``), never on the held-out one.
"""

from __future__ import annotations

import random
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from ..normalize import fold as fold_for_comparison

ANYSTYLE_FILE = "anystyle-core.xml"
# More of AnyStyle's labelled sets (same repository and licence), training data only.
EXTRA_ANYSTYLE_FILES = ("anystyle-stanford-books.xml", "anystyle-stanford.xml",
                        "anystyle-stanford-theses.xml", "anystyle-stanford-diss.xml",
                        "anystyle-gold.xml", "anystyle-jw.xml")
PROJECT_FILE = "sourcecheck-styles.xml"
# More references the project wrote and labelled itself, in the styles of many fields and
# languages (not the seeds'); training data only, filtered like AnyStyle's other sets.
WRITTEN_FILE = "sourcecheck-written.xml"
MODEL_FILE = "tagger.crfsuite"
HELD_OUT_SIZE = 300
HELD_OUT_SEED = 7309
# The first held-out split (looked at while rules were written): never held out again.
RETIRED_HELD_OUT_SEED = 2026
CV_SEED = 11

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
    out by a seeded sample of those outside the retired first split; the same split for
    every run, machine and caller."""
    references = _distinct(read_labelled(path or data_path(ANYSTYLE_FILE)))
    indexes = range(len(references))
    retired = set(random.Random(RETIRED_HELD_OUT_SEED).sample(indexes, HELD_OUT_SIZE))
    fresh = [i for i in indexes if i not in retired]
    chosen = set(random.Random(HELD_OUT_SEED).sample(fresh, HELD_OUT_SIZE))
    training = [r for i, r in enumerate(references) if i not in chosen]
    held_out = [r for i, r in enumerate(references) if i in chosen]
    return training, held_out


def _folded(text: str) -> str:
    """The project's comparison fold (``normalize.fold``) without its spaces:
    "Smith, J. (2001)." and "smith j 2001" agree, and so do "engineer-ing" and
    "engineering"."""
    return fold_for_comparison(text).replace(" ", "")


def _title_key(reference: LabelledReference) -> str:
    """The folded first title, or "" when it is too short to name one work (three words)."""
    titles = reference.values("title")
    return _folded(titles[0]) if titles and len(titles[0].split()) >= 3 else ""


def extra_anystyle() -> list[LabelledReference]:
    """AnyStyle's other labelled sets, for training only: every reference whose folded
    text or folded title (three words or more) matches any string of the core set —
    training or held-out — is left out, and each text is kept once. The core set decides
    the split, so nothing here can carry a held-out reference into training."""
    return _unseen(EXTRA_ANYSTYLE_FILES)


def written_examples() -> list[LabelledReference]:
    """The references the project wrote itself in many fields' styles (``WRITTEN_FILE``),
    for training only, left out like ``extra_anystyle``'s where they name a work of the
    core set: they were written without looking at the held-out split, and a famous
    book written again must not bring a held-out string's work into training."""
    return _unseen((WRITTEN_FILE,))


def own_examples() -> list[LabelledReference]:
    """The references the project labelled itself: the examples in the seeds' styles and
    the other written examples."""
    return read_labelled(data_path(PROJECT_FILE)) + written_examples()


def project_examples() -> list[LabelledReference]:
    """Everything trained on besides AnyStyle's core set: its other sets and the
    project's own examples."""
    return extra_anystyle() + own_examples()


@cache
def _core_keys() -> tuple[frozenset[str], frozenset[str]]:
    """The folded texts and titles of every core string, training or held-out: read once
    for AnyStyle's other sets and the project's written examples alike."""
    core = read_labelled(data_path(ANYSTYLE_FILE))
    return (frozenset(_folded(r.text) for r in core),
            frozenset(_title_key(r) for r in core) - {""})


def _unseen(names: tuple[str, ...]) -> list[LabelledReference]:
    """The references of ``names`` that share neither folded text nor folded title with
    any string of the core set, each text once."""
    core_texts, titles = _core_keys()
    return _keep_new([r for name in names for r in read_labelled(data_path(name))],
                     set(core_texts), titles)


def _keep_new(references: list[LabelledReference], texts: set[str],
              titles: frozenset[str]) -> list[LabelledReference]:
    """The ``references`` whose folded text is not in ``texts`` and whose folded title is
    not in ``titles``; each kept text joins ``texts``, so a repeat is kept once."""
    kept = []
    for reference in references:
        text = _folded(reference.text)
        if text in texts or _title_key(reference) in titles:
            continue
        texts.add(text)
        kept.append(reference)
    return kept


def outside_training(references: list[LabelledReference]) -> list[LabelledReference]:
    """The ``references`` that share neither folded text nor folded title (three words or
    more) with any core string, training or held-out, nor with anything else trained on
    (``project_examples``), each text once: a set for testing the shipped model on
    strings that neither its training nor the held-out split holds in any copy."""
    known = read_labelled(data_path(ANYSTYLE_FILE)) + project_examples()
    return _keep_new(references, {_folded(r.text) for r in known},
                     frozenset(_title_key(r) for r in known) - {""})


def training_set() -> list[LabelledReference]:
    """Everything the shipped model is trained on: AnyStyle's core set minus the held-out
    split and ``project_examples``."""
    training, _held_out = split_anystyle()
    return training + project_examples()


def cv_folds(folds: int, seed: int = CV_SEED) -> list[tuple[list[LabelledReference],
                                                           list[LabelledReference]]]:
    """``folds`` (train, dev) pairs over the training split only, for choosing features,
    parameters and rules: each AnyStyle training string is in exactly one dev part (a
    seeded shuffle dealt round-robin); AnyStyle's other sets and the project's own
    examples are always trained on.
    The held-out split takes no part."""
    if folds < 2:
        raise ValueError(f"cross-validation needs at least 2 folds, not {folds}")
    training, _held_out = split_anystyle()
    order = list(range(len(training)))
    random.Random(seed).shuffle(order)
    always = project_examples()
    pairs = []
    for fold in range(folds):
        dev_indexes = set(order[fold::folds])
        dev = [r for i, r in enumerate(training) if i in dev_indexes]
        rest = [r for i, r in enumerate(training) if i not in dev_indexes]
        pairs.append((rest + always, dev))
    return pairs
