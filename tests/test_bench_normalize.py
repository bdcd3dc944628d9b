"""The accuracy benchmark's exact-match normalizer: what counts as the same field value.

The benchmark's numbers are only as right as this normalizer, and it is applied to the
gold labels and to every parser alike, so each reading is checked here on both sides.
"""

from __future__ import annotations

import importlib.util
import sys
from types import ModuleType

import pytest

from sourcecheck.parsing.training_data import (
    _folded,
    _title_key,
    read_labelled,
    split_anystyle,
    training_set,
)

from .conftest import ROOT


def _load_benchmark() -> ModuleType:
    path = ROOT / "bench" / "parse_accuracy" / "run.py"
    spec = importlib.util.spec_from_file_location("parse_accuracy_run", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load_benchmark()


@pytest.mark.parametrize(("field", "gold", "parsed"), [
    pytest.param("title", "« Le giscardisme »,", "Le giscardisme", id="punctuation-and-case"),
    pytest.param("author", "Tanner, Harold M., and Odd Arne Westad (eds.)",
                 "Harold M. Tanner; Westad, Odd Arne", id="names-as-token-sets"),
    pytest.param("author", "舒仁輝 ，", "舒, 仁輝", id="chinese-name-characters"),
    pytest.param("editor", "in P. Rossi (a cura di),", "Rossi, P.", id="italian-role"),
    pytest.param("editor", "Anna Weber, Paul Roth (Hgg.):", "Weber, Anna; Roth, Paul",
                 id="german-plural-role"),
    pytest.param("booktitle", "In: Proceedings of the Third Workshop,",
                 "Proceedings of the Third Workshop", id="container-lead-in"),
    pytest.param("booktitle", "In The Foucault Effect: Studies in Governmentality",
                 "The Foucault Effect: Studies in Governmentality", id="capital-the-stays"),
    pytest.param("volume", "2012;30(15):", "30", id="vancouver-year-then-volume"),
    pytest.param("volume", "Vol. 3, Part A", "3", id="volume-first-number"),
    pytest.param("pages", "pp. 45 - 67.", "45–67", id="pages-label-and-dash"),
    pytest.param("edition", "2nd ed.", "2", id="edition-value"),
])
def test_same_value(field: str, gold: str, parsed: str) -> None:
    assert bench.normalize(field, [gold]) == bench.normalize(field, [parsed])


@pytest.mark.parametrize(("field", "gold", "parsed"), [
    pytest.param("title", "Decisive Encounters", "Decisive Encounters: The Chinese Civil War",
                 id="subtitle-matters"),
    pytest.param("booktitle", "In search of lost time", "search of lost time",
                 id="lower-case-after-in-is-a-title"),
    pytest.param("booktitle", "In the Proceedings of PODS 92", "the Proceedings of PODS 92",
                 id="in-the-goes-whole"),
    pytest.param("author", "Westad, Odd Arne", "Westad, Arne", id="a-missing-given-name"),
    pytest.param("author", "Di Stefano, Carlo", "Stefano, Carlo", id="di-alone-is-a-name-s"),
    pytest.param("volume", "2012;30(15):", "2012", id="the-year-is-no-volume"),
    pytest.param("pages", "28, 29", "28", id="a-page-list-is-whole"),
])
def test_different_value(field: str, gold: str, parsed: str) -> None:
    assert bench.normalize(field, [gold]) != bench.normalize(field, [parsed])


def test_a_field_neither_side_has_is_no_error() -> None:
    score = bench.Score()
    empty = dict.fromkeys(bench.FIELDS)
    score.add("book", {**empty, "title": "x"}, {**empty, "title": "x"})
    assert score.f1(("book",), bench.FIELDS) == 1.0
    score.add("book", {**empty, "title": "x"}, {**empty, "title": "y", "isbn": "z"})
    # one match, two wrong predictions (title, isbn), one missed gold (title)
    assert score.f1(("book",), bench.FIELDS) == pytest.approx(2 * 1 / (2 * 1 + 2 + 1))



def test_the_unseen_set_shares_no_text_or_title_with_training_or_held_out() -> None:
    """``--unseen`` measures the shipped model on strings it never saw: AnyStyle's bad.xml
    repeats some of the strings trained on, and those are left out, as are repeats within
    it."""
    raw = read_labelled(bench.UNSEEN_FILE)
    unseen = bench.unseen_references()
    assert 600 < len(unseen) < len(raw)  # the filter had work to do, and left most
    _training, held_out = split_anystyle()
    known = training_set() + held_out
    assert not {_folded(r.text) for r in unseen} & {_folded(r.text) for r in known}
    assert not {_title_key(r) for r in unseen} & ({_title_key(r) for r in known} - {""})
    assert len({_folded(r.text) for r in unseen}) == len(unseen)
    assert "Sylvester Keil" in (bench.UNSEEN_FILE.parent / "LICENSE-anystyle.txt").read_text(
        encoding="utf-8")


def test_tagger_alone_leaves_the_spans_as_tagged_and_restores_the_rules() -> None:
    """``--tagger-alone`` switches the span rules off inside its context only."""
    from sourcecheck.parsing import assemble
    from sourcecheck.parsing.tagger import TaggedSpan

    raw = "Lakoff, George, and Mark Johnson. Metaphors We Live By. With a new afterword. 2003."
    cut = raw.index("With")
    spans = [TaggedSpan("author", 0, cut - 1), TaggedSpan("title", cut, raw.index(" 2003")),
             TaggedSpan("date", raw.index("2003"), len(raw))]
    with bench._without_span_rules():
        assert assemble.read_tagged(raw, spans).title == "With a new afterword"
    assert assemble.read_tagged(raw, spans).title == "Metaphors We Live By. With a new afterword"


def test_f1_of_summed_counts() -> None:
    assert bench._f1_of([(3, 1, 0), (1, 0, 1)]) == pytest.approx(8 / 10)
    assert bench._f1_of([(0, 2, 2)]) == 0.0


def test_bootstrap_intervals_hold_the_point_estimate(capsys: pytest.CaptureFixture[str]) -> None:
    """Each interval printed by ``--intervals`` contains its own point estimate, and a
    set the parser reads only partly right gives an interval of some width."""
    references = split_anystyle()[1][:40]
    bench.print_intervals(references, 200)
    lines = [line for line in capsys.readouterr().out.splitlines() if line.startswith("  ")]
    assert len(lines) == len(bench.BOOK_TARGET_FIELDS) + 2
    widths = []
    for line in lines:
        point, interval = line.split(": ", 1)[1].split(" ", 1)
        low, high = (float(v) for v in interval.strip("()").split("–"))
        assert low <= float(point) <= high
        widths.append(high - low)
    assert max(widths) > 0
