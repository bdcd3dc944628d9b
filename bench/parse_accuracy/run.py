"""Field accuracy of reference parsers on the held-out AnyStyle split, peers side by side.

    python bench/parse_accuracy/run.py [--runs 3]      # the held-out split (final numbers)
    python bench/parse_accuracy/run.py --cv 5          # cross-validation, training split only
    python bench/parse_accuracy/run.py --other-sets    # AnyStyle's other sets, trained without
    python bench/parse_accuracy/run.py --unseen        # AnyStyle's bad.xml, never trained on
    python bench/parse_accuracy/run.py --intervals 10000   # and bootstrap 95% intervals
    python bench/parse_accuracy/run.py --cv 5 --tagger-alone   # without the span rules

``--cv K`` is for choosing features, parameters and rules: it trains K models, each on the
training split minus one fold (plus AnyStyle's other sets and the project's own examples),
scores each on its fold and prints the pooled table; the held-out split is not read.
``--fold N`` runs only fold N of the K (quicker, noisier). The fold models are trained one
per core (``--jobs``).

``--other-sets`` is a second check for rules written on the folds' mismatches: it trains
one model on the training split and the project's own examples only, without AnyStyle's
other labelled sets (Stanford books, theses, its gold set, jw.xml), and scores it on
those sets, which that model never saw (book-heavy strings in cleaner styles than the
core set's). The held-out split is not read.

``--cv`` also prints each fold's book fields, to show how far folds of this size differ.
``--tagger-alone`` switches off the span rules (``assemble``'s corrections) in any mode, to
tell what the tagger reads from what the rules written on its mistakes add.
``--intervals N`` adds bootstrap 95% intervals (N resamples of the references, seed 1) for
sourcecheck's book fields and micro F1 to the held-out or ``--unseen`` table: how far a
score on a few hundred strings can be trusted.

``--unseen`` scores the shipped model, peers side by side, on a second set it never saw:
AnyStyle's bad.xml (``data/anystyle-bad.xml``, strings its author collected because they
were hard to parse), without every string that shares its text or a title of three words
or more with anything trained on or held out. It is for measuring, not for choosing.

Scores exact-match field F1 on the 300 held-out strings of AnyStyle's labelled data
(``sourcecheck.parsing.training_data.split_anystyle``: a seeded split that training never
sees), for sourcecheck (trained tagger + rules), sourcecheck's rules alone, and refextract,
in the same run, and prints one table with references per second for each (one process,
one core, caches cleared before each timed pass, best of ``--runs``).

Exact match: both sides NFKC-normalized, case-folded, punctuation dropped, whitespace
collapsed. Authors and editors are compared as sets of name tokens (without "and", "et
al.", "ed."/"eds.", "edited by", "Hrsg.", "Hg(g).", "dir.", "éd(s).", "a cura di",
"coord.", "In"; a Chinese character is a token of its own, as
Chinese names are written unspaced). Containers (booktitle, journal) are read as
AnyStyle's own normalizer reads its labels: without a lead-in "In:", "In", "In the".
Pages, volume and edition are compared as values, not as written labels: "pp. 45–67" and
"45–67" are the same pages, "Vol. 3, Part A" and "3" the same volume (its first number;
Vancouver's "2012;30(15)" is volume 30), "2nd ed." and "2" the same edition — the same
normalizer on both sides. Year: the first year of the date span. ISBN: the set of
ISBN-13s. A field counts as a true positive when both sides have it and they match; a
predicted value that does not match is a false positive (and a false negative when the
gold has the field); a gold value with no prediction is a false negative.
"""

from __future__ import annotations

import argparse
import functools
import os
import random
import re
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from types import ModuleType
from typing import Any

from sourcecheck import parse_reference
from sourcecheck.models import Reference
from sourcecheck.parsing import assemble, features, names, reference, tagger
from sourcecheck.parsing.cjk import HAN
from sourcecheck.parsing.fields import YEAR_RE, normalize_edition, normalize_year
from sourcecheck.parsing.isbn_list import extract_isbns
from sourcecheck.parsing.train import train
from sourcecheck.parsing.training_data import (
    LabelledReference,
    cv_folds,
    extra_anystyle,
    outside_training,
    own_examples,
    read_labelled,
    split_anystyle,
)

FIELDS = ("author", "title", "year", "publisher", "address", "edition", "volume", "pages",
          "isbn", "booktitle", "journal", "editor")
BOOK_TARGET_FIELDS = ("author", "title", "year", "publisher", "address")
# AnyStyle's bad.xml (BSD 2-Clause, the licence beside it): a second unseen set, never
# trained on, for --unseen. Benchmark data only, so it is not in the package.
UNSEEN_FILE = Path(__file__).parent / "data" / "anystyle-bad.xml"
_NAME_STOP = frozenset({"and", "et", "al", "others", "ed", "eds", "editor", "editors", "edited",
                        "by", "in", "hrsg", "hg", "hgg", "dir", "éd", "éds", "coord", "trans",
                        "translated", "u", "a"})
_ROLE_PHRASE = re.compile(r"\ba cura di\b")  # Italian "(a cura di)": "di" alone is a name's
_LABEL_WORDS = frozenset({"p", "pp", "page", "pages", "s", "vol", "vols", "volume", "volumes",
                          "no", "v", "bd", "tome", "nr"})
_NUMBER = re.compile(r"^(?:\d+|[ivxlcdm]+)$")

Value = frozenset[str] | str


def fold(text: str) -> str:
    """NFKC, case-folded, punctuation dropped, whitespace collapsed."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = "".join(" " if unicodedata.category(c)[0] in "PS" else c for c in text)
    return " ".join(text.split())


# Chinese names are written unspaced ("舒仁輝"), so each character is a name token: a
# parser that splits family and given name ("舒", "仁輝") and gold that does not agree.
_HAN = re.compile(f"([{HAN}])")


def _names(text: str) -> frozenset[str]:
    folded = _ROLE_PHRASE.sub(" ", fold(text))
    return frozenset(t for t in _HAN.sub(r" \1 ", folded).split() if t not in _NAME_STOP)


# Vancouver's "2012;30(15)" is labelled as one volume span: its volume is 30, not the year
_YEAR_THEN = re.compile(r"^\s*\(?(?:1[5-9]\d\d|20\d\d)[a-z]?\)?\s*;\s*")


def _numbers(text: str, first_only: bool) -> str:
    if first_only:
        text = _YEAR_THEN.sub("", text)
    tokens = [t for t in fold(text).split() if t not in _LABEL_WORDS]
    numbers = [t for t in tokens if _NUMBER.match(t)]
    if first_only:
        return numbers[0] if numbers else ""
    return " ".join(tokens)


# AnyStyle's own container normalizer (lib/anystyle/normalizer/container.rb) reads a
# labelled container-title without its lead-in: "In:", "In", "In the" before a word that
# is not lower case, "of", "收入", "(paper) presented at (the)". Its gold labels include
# the lead-in half of the time (203 of core.xml's 437 containers start with "In"), so both
# sides are read that way.
_CONTAINER_LEAD = re.compile(r"^[Ii]n(?::|\s+the)?\s+(?=\S)")
_CONTAINER_OTHER = (re.compile(r"^of\s+"), re.compile(r"^收入"),
                    re.compile(r"^(?:\w+ )?presented at (?:the )?", re.I))


def _container(text: str) -> str:
    text = text.strip()
    lead = _CONTAINER_LEAD.match(text)
    if lead and not text[lead.end()].islower():
        text = text[lead.end():]
    for pattern in _CONTAINER_OTHER:
        text = pattern.sub("", text, count=1)
    return text


def _isbns(texts: list[str]) -> frozenset[str]:
    found = set()
    for text in texts:
        for identifier in extract_isbns(text)[0]:
            found.add(identifier.isbn13 or re.sub(r"\D", "", identifier.raw))
    return frozenset(found)


def normalize(field: str, values: list[str]) -> Value | None:
    """One field's comparable value from its texts (None when there is nothing)."""
    values = [v for v in values if v and v.strip()]
    if not values:
        return None
    if field in ("author", "editor"):
        names = _names(" ".join(values))
        return names or None
    if field == "isbn":
        return _isbns(values) or None
    text = values[0]
    if field == "year":
        match = YEAR_RE.search(text)
        return fold(normalize_year(match.group(1))) if match else None
    if field == "edition":
        return fold(normalize_edition(text)) or None
    if field == "volume":
        return _numbers(text, first_only=True) or None
    if field == "pages":
        return _numbers(text, first_only=False) or None
    if field in ("booktitle", "journal"):
        return fold(_container(text)) or None
    return fold(text) or None


def gold_fields(labelled: LabelledReference) -> dict[str, Value | None]:
    return {field: normalize(field, labelled.values("date" if field == "year" else field))
            for field in FIELDS}


def sourcecheck_fields(parsed: Reference) -> dict[str, Value | None]:
    fields = parsed.fields
    values: dict[str, list[str]] = {}
    for field in FIELDS:
        value = fields.get(field)
        if field == "volume" and not value:
            value = fields.get("volumes")
        values[field] = value if isinstance(value, list) else [value] if value else []
    values["isbn"] = [i.raw for i in parsed.isbns]
    return {field: normalize(field, values[field]) for field in FIELDS}


_REFEXTRACT_FIELDS = {"author": "author", "title": "title", "year": "year",
                      "publisher": "publisher", "journal": "journal_title",
                      "volume": "journal_volume", "pages": "journal_page", "isbn": "isbn"}


def refextract_fields(found: list[dict[str, Any]]) -> dict[str, Value | None]:
    merged: dict[str, list[str]] = {}
    for ref in found:
        for key, value in ref.items():
            merged.setdefault(key, []).extend(value if isinstance(value, list) else [value])
    return {field: normalize(field, merged.get(_REFEXTRACT_FIELDS.get(field, ""), []))
            for field in FIELDS}


class Score:
    def __init__(self) -> None:
        self.tp: Counter[tuple[str, str]] = Counter()
        self.fp: Counter[tuple[str, str]] = Counter()
        self.fn: Counter[tuple[str, str]] = Counter()

    def add(self, kind: str, gold: dict[str, Value | None],
            predicted: dict[str, Value | None]) -> None:
        for field in FIELDS:
            g, p = gold[field], predicted[field]
            key = (kind, field)
            if g is not None and p is not None and g == p:
                self.tp[key] += 1
                continue
            if p is not None:
                self.fp[key] += 1
            if g is not None:
                self.fn[key] += 1

    def counts(self, kinds: tuple[str, ...], fields: tuple[str, ...]) -> tuple[int, int, int]:
        """(true positives, false positives, false negatives) over these kinds and fields."""
        return (sum(self.tp[(k, f)] for k in kinds for f in fields),
                sum(self.fp[(k, f)] for k in kinds for f in fields),
                sum(self.fn[(k, f)] for k in kinds for f in fields))

    def f1(self, kinds: tuple[str, ...], fields: tuple[str, ...]) -> float:
        return _f1_of([self.counts(kinds, fields)])

    def cell(self, kinds: tuple[str, ...], fields: tuple[str, ...]) -> str:
        """F1 to three places; "–" when neither side has the field at all."""
        seen = sum(self.tp[(k, f)] + self.fp[(k, f)] + self.fn[(k, f)]
                   for k in kinds for f in fields)
        return f"{self.f1(kinds, fields):.3f}" if seen else "–"


def gold_count(held_out: list[LabelledReference], kinds: tuple[str, ...], field: str) -> int:
    return sum(1 for r in held_out if r.kind in kinds and gold_fields(r)[field] is not None)


def _clear_caches() -> None:
    reference._parse_text.cache_clear()
    features.token_features.cache_clear()
    features._neighbour_features.cache_clear()
    features._is_break.cache_clear()
    features._token_state.cache_clear()
    names.is_pinyin.cache_clear()


def _refextract() -> tuple[Callable[[str], dict[str, Value | None]] | None, str]:
    try:
        from refextract import extract_references_from_string
    except ImportError as error:  # say why, keep measuring the others
        return None, f"refextract not installed ({error}); pip install refextract"

    def parse(text: str) -> dict[str, Value | None]:
        return refextract_fields(extract_references_from_string(text, is_only_references=True))
    return parse, "refextract"


def run_parser(name: str, parse: Callable[[str], dict[str, Value | None]],
               held_out: list[LabelledReference], runs: int, clear: bool
               ) -> tuple[Score, float]:
    parse("Warm-up, A. (2000). Loading models. Place: Publisher. ISBN 0-8047-4478-5.")
    best = float("inf")
    predictions: list[dict[str, Value | None]] = []
    for _ in range(runs):
        if clear:
            _clear_caches()
        start = time.perf_counter()
        predictions = [parse(labelled.text) for labelled in held_out]
        best = min(best, time.perf_counter() - start)
    score = Score()
    for labelled, predicted in zip(held_out, predictions, strict=True):
        score.add(labelled.kind, gold_fields(labelled), predicted)
    print(f"  {name}: {len(held_out)} references, best of {runs}: {best:.3f} s",
          file=sys.stderr)
    return score, len(held_out) / best


@contextmanager
def _replaced(module: ModuleType, name: str, value: object) -> Iterator[None]:
    """Parse with ``module.name`` set to ``value``; parses cached before or during the
    swap are dropped on both sides of it."""
    kept = getattr(module, name)
    setattr(module, name, value)
    reference._parse_text.cache_clear()
    try:
        yield
    finally:
        setattr(module, name, kept)
        reference._parse_text.cache_clear()


def _model(path: Path) -> AbstractContextManager[None]:
    """Parse with the model at ``path`` instead of the shipped one (cross-validation)."""
    return _replaced(reference, "tag_reference",
                     functools.partial(tagger.tag_reference, path=path))


def _without_span_rules() -> AbstractContextManager[None]:
    """Parse with the tagger's spans as they are, without the span rules' corrections."""
    return _replaced(assemble, "_correct", lambda raw, spans, fields: spans)


def _sourcecheck(text: str) -> dict[str, Value | None]:
    return sourcecheck_fields(parse_reference(text))


def _rules(text: str) -> dict[str, Value | None]:
    return sourcecheck_fields(reference.parse_by_rules(text))


def print_table(title: str, results: list[tuple[str, Score, float | None]],
                references: list[LabelledReference], targets: bool = True) -> None:
    kinds = Counter(r.kind for r in references)
    names = [name for name, _, _ in results]
    books = ("book",)
    every = tuple(kinds)
    print(f"{title}: {len(references)} references "
          f"({', '.join(f'{k} {n}' for k, n in sorted(kinds.items()))}); exact-match F1.")
    header = "| field | gold (books) | " + " | ".join(f"{n} (books)" for n in names) + \
        " | gold (all) | " + " | ".join(f"{n} (all)" for n in names) + " |"
    print(header)
    print("|---|" + "---:|" * (2 + 2 * len(names)))
    for field in FIELDS:
        cells = [str(gold_count(references, books, field))] + \
            [score.cell(books, (field,)) for _, score, _ in results] + \
            [str(gold_count(references, every, field))] + \
            [score.cell(every, (field,)) for _, score, _ in results]
        print(f"| {field} | " + " | ".join(cells) + " |")
    cells = [""] + [f"**{score.f1(books, FIELDS):.3f}**" for _, score, _ in results] + \
        [""] + [f"**{score.f1(every, FIELDS):.3f}**" for _, score, _ in results]
    print("| **micro F1, all fields** | " + " | ".join(cells) + " |")
    rates = [rate for _, _, rate in results]
    if any(rate is not None for rate in rates):
        cells = [""] + [f"{rate:,.0f}" if rate else "" for rate in rates] + \
            [""] * (1 + len(results))
        print("| references/s (one core) | " + " | ".join(cells) + " |")
    if not targets:
        return
    score = results[0][1]
    rate = results[0][2]
    met = all(score.f1(books, (f,)) >= 0.95 for f in BOOK_TARGET_FIELDS) and \
        score.f1(every, FIELDS) >= 0.92 and (rate is None or rate >= 1000)
    speed = "; >= 1,000 references/s" if rate is not None else ""
    print(f"Targets (books: author, title, year, publisher, address >= 0.95; micro F1 over all "
          f"fields and kinds >= 0.92{speed}): {'met' if met else 'NOT met'}")


def _train_fold(job: tuple[int, list[LabelledReference], Path,
                           dict[str, float | int | bool]]) -> tuple[int, Path, float]:
    number, training, path, parameters = job
    start = time.perf_counter()
    train(training, path, parameters)
    return number, path, time.perf_counter() - start


def cross_validate(folds: int, only: int | None,
                   parameters: dict[str, float | int | bool], jobs: int) -> int:
    """Train on all folds but one, score on that one; pool the scores of every fold.
    The fold models are trained ``jobs`` at a time (the same models either way)."""
    pooled = {"sourcecheck": Score(), "rules only": Score()}
    per_fold: list[tuple[int, int, Score]] = []
    seen: list[LabelledReference] = []
    pairs = cv_folds(folds)
    with tempfile.TemporaryDirectory() as folder:
        work = [(number, training, Path(folder) / f"fold{number}.crfsuite", parameters)
                for number, (training, _dev) in enumerate(pairs)
                if only is None or number == only]
        with ProcessPoolExecutor(max(1, jobs)) as pool:
            trained = list(pool.map(_train_fold, work))
        for number, path, seconds in trained:
            training, dev = pairs[number]
            print(f"  fold {number}: trained on {len(training)} in {seconds:.0f} s, "
                  f"scoring {len(dev)}", file=sys.stderr)
            fold_score = Score()
            with _model(path):
                for name, parse in (("sourcecheck", _sourcecheck), ("rules only", _rules)):
                    for labelled in dev:
                        gold, predicted = gold_fields(labelled), parse(labelled.text)
                        pooled[name].add(labelled.kind, gold, predicted)
                        if name == "sourcecheck":
                            fold_score.add(labelled.kind, gold, predicted)
            per_fold.append((number, sum(1 for r in dev if r.kind == "book"), fold_score))
            seen.extend(dev)
    which = f"fold {only} of {folds}" if only is not None else f"{folds} folds pooled"
    if parameters:
        which += ", " + ", ".join(f"{k}={v}" for k, v in parameters.items())
    print_table(f"Cross-validation on the training split ({which})",
                [(name, score, None) for name, score in pooled.items()], seen)
    for number, books, score in sorted(per_fold, key=lambda item: item[0]):
        cells = ", ".join(f"{f} {score.f1(('book',), (f,)):.3f}" for f in BOOK_TARGET_FIELDS)
        print(f"Fold {number}, sourcecheck, {books} books: {cells}; "
              f"micro {score.f1(('book',), FIELDS):.3f}")
    return 0


def print_intervals(references: list[LabelledReference], resamples: int,
                    seed: int = 1) -> None:
    """Bootstrap 95% intervals of sourcecheck's F1 on ``references``: the references are
    drawn again with replacement ``resamples`` times and each draw is scored whole."""
    kinds = tuple(sorted({r.kind for r in references}))
    cells = [(f"books {f}", ("book",), (f,)) for f in BOOK_TARGET_FIELDS] + \
        [("books micro", ("book",), FIELDS), ("all kinds micro", kinds, FIELDS)]
    # each reference's (tp, fp, fn) for each cell, so a draw only adds up numbers
    rows: list[list[tuple[int, int, int]]] = []
    for labelled in references:
        one = Score()
        one.add(labelled.kind, gold_fields(labelled), _sourcecheck(labelled.text))
        rows.append([one.counts(cell_kinds, fields) for _, cell_kinds, fields in cells])
    rng = random.Random(seed)
    draws: list[list[float]] = [[] for _ in cells]
    for _ in range(resamples):
        drawn = rng.choices(rows, k=len(rows))
        for index, values in enumerate(draws):
            values.append(_f1_of([row[index] for row in drawn]))
    print(f"Bootstrap 95% intervals, sourcecheck ({resamples:,} resamples of the "
          f"{len(references)} references, seed {seed}):")
    for index, ((label, _, _), values) in enumerate(zip(cells, draws, strict=True)):
        values.sort()
        low, high = values[int(0.025 * len(values))], values[int(0.975 * len(values)) - 1]
        print(f"  {label}: {_f1_of([row[index] for row in rows]):.3f} "
              f"({low:.3f}–{high:.3f})")


def _f1_of(counts: list[tuple[int, int, int]]) -> float:
    """F1 of summed (tp, fp, fn) counts."""
    tp = sum(c[0] for c in counts)
    wrong = sum(c[1] + c[2] for c in counts)
    return 2 * tp / (2 * tp + wrong) if tp else 0.0


def unseen_references() -> list[LabelledReference]:
    """AnyStyle's bad.xml without every string that shares its text or title with the
    core set (training or held-out) or with anything else trained on."""
    return outside_training(read_labelled(UNSEEN_FILE))


def score_unseen(runs: int, intervals: int) -> int:
    """The shipped model on AnyStyle's bad.xml, peers side by side, as for the held-out
    split (a second estimate of accuracy on strings training never saw)."""
    unseen = unseen_references()
    print_table("AnyStyle's bad.xml, strings training never saw",
                score_with_peers(unseen, runs), unseen, targets=False)
    if intervals:
        print_intervals(unseen, intervals)
    return 0


def score_with_peers(references: list[LabelledReference], runs: int
                     ) -> list[tuple[str, Score, float | None]]:
    """sourcecheck, its rules alone and refextract (when installed) on ``references``,
    each timed over ``runs`` passes."""
    parsers: list[tuple[str, Callable[[str], dict[str, Value | None]], bool]] = [
        ("sourcecheck", _sourcecheck, True),
        ("rules only", _rules, True),
    ]
    refextract, note = _refextract()
    if refextract is not None:
        parsers.append(("refextract", refextract, False))
    else:
        print(f"Peer missing: {note}")
    return [(name, *run_parser(name, parse, references, runs, clear))
            for name, parse, clear in parsers]


def score_other_sets(parameters: dict[str, float | int | bool]) -> int:
    """Train without AnyStyle's other sets, score on them (sourcecheck and its rules)."""
    training, _held_out = split_anystyle()
    training = training + own_examples()
    others = extra_anystyle()
    pooled = {"sourcecheck": Score(), "rules only": Score()}
    with tempfile.TemporaryDirectory() as folder:
        _number, path, seconds = _train_fold((0, training, Path(folder) / "model.crfsuite",
                                              parameters))
        print(f"  trained on {len(training)} in {seconds:.0f} s, scoring {len(others)}",
              file=sys.stderr)
        with _model(path):
            for name, parse in (("sourcecheck", _sourcecheck), ("rules only", _rules)):
                for labelled in others:
                    pooled[name].add(labelled.kind, gold_fields(labelled), parse(labelled.text))
    print_table("AnyStyle's other sets, trained without them",
                [(name, score, None) for name, score in pooled.items()], others)
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--cv", type=int, metavar="K",
                        help="cross-validate on the training split with K folds instead")
    parser.add_argument("--fold", type=int, metavar="N", help="with --cv: only fold N")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, metavar="J",
                        help="with --cv: fold models trained at once (default: one per core)")
    parser.add_argument("--param", action="append", default=[], metavar="KEY=VALUE",
                        help="with --cv or --other-sets: a CRFsuite training parameter to "
                             "try (c1=0.05)")
    parser.add_argument("--unseen", action="store_true",
                        help="score the shipped model on AnyStyle's bad.xml instead (a "
                             "second set training never saw)")
    parser.add_argument("--other-sets", action="store_true",
                        help="train without AnyStyle's other sets and score on them instead")
    parser.add_argument("--tagger-alone", action="store_true",
                        help="switch off the span rules (the tagger's spans as they are)")
    parser.add_argument("--intervals", type=int, default=0, metavar="N",
                        help="with the held-out split or --unseen: bootstrap 95%% intervals "
                             "from N resamples")
    args = parser.parse_args()
    if args.tagger_alone:
        with _without_span_rules():
            return _run(args)
    return _run(args)


def _run(args: argparse.Namespace) -> int:
    parameters: dict[str, float | int | bool] = {
        key: int(value) if value.isdigit() else float(value)
        for key, value in (item.split("=", 1) for item in args.param)}
    if args.cv:
        return cross_validate(args.cv, args.fold, parameters, args.jobs)
    if args.other_sets:
        return score_other_sets(parameters)
    if args.unseen:
        return score_unseen(args.runs, args.intervals)
    _training, held_out = split_anystyle()
    print_table("Held-out split", score_with_peers(held_out, args.runs), held_out)
    if args.intervals:
        print_intervals(held_out, args.intervals)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
