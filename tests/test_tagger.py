"""The trained reference tagger: offsets, package data, determinism, the held-out split."""

from __future__ import annotations

import random
import warnings
from pathlib import Path
from typing import Any

import pytest

import sourcecheck.parsing
from sourcecheck import parse_reference
from sourcecheck.parsing import reference as reference_module
from sourcecheck.parsing.tagger import ModelMissingError, model_path, tag_reference
from sourcecheck.parsing.tokens import tokenize
from sourcecheck.parsing.train import token_labels, train
from sourcecheck.parsing.training_data import (
    ANYSTYLE_FILE,
    EXTRA_ANYSTYLE_FILES,
    HELD_OUT_SIZE,
    RETIRED_HELD_OUT_SEED,
    WRITTEN_FILE,
    _distinct,
    _folded,
    _title_key,
    cv_folds,
    data_path,
    extra_anystyle,
    read_labelled,
    split_anystyle,
    training_set,
    written_examples,
)

ENTRIES = [
    pytest.param("Westad, Odd Arne (2003). Decisive encounters : the Chinese Civil War, "
                 "1946–1950. Stanford: Stanford University Press. ISBN 0-8047-4478-5.", id="cs1"),
    pytest.param("Huang, Youlan, History of the Chinese People's Liberation War, 1st Edition, "
                 "Archives Publishing House in Beijing, 1992, ISBN 7-80019-338-1",
                 id="world-library"),
    pytest.param("Lary, D. (2010). Defeat in the field. In H. van de Ven (Ed.), Warfare in "
                 "Chinese history (pp. 45–67). Brill.", id="apa-chapter"),
    pytest.param('[12] K. Nakamura and T. Sato, "Sparse coding of natural images," IEEE Trans. '
                 "Image Process., vol. 21, no. 4, pp. 1120–1131, 2012.", id="ieee-article"),
    pytest.param("Harold M. Tanner, Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, "
                 "1948 (Bloomington: Indiana University Press, 2015)", id="chicago-note"),
]


@pytest.mark.parametrize("text", [*ENTRIES, pytest.param("  a\tb \n c  ", id="odd-spaces"),
                                  pytest.param("", id="empty")])
def test_tokens_keep_their_offsets(text: str) -> None:
    tokens = tokenize(text)
    assert all(text[t.start:t.end] == t.text for t in tokens)
    assert "".join(t.text for t in tokens) == "".join(text.split())


def _squash(text: str) -> str:
    return "".join(text.split()).strip(".,;:()\"“”")


@pytest.mark.parametrize("text", ENTRIES)
def test_every_field_points_back_to_its_characters(text: str) -> None:
    parsed = parse_reference(text)
    fields: dict[str, Any] = parsed.fields
    spanned = {span.field for span in parsed.spans}
    for name in ("title", "publisher", "address", "journal", "booktitle", "year", "pages"):
        if fields[name]:
            assert name in spanned, name
    for span in parsed.spans:
        written = text[span.start:span.end]
        assert written.strip(), span
        value = fields.get(span.field)
        if span.field in ("title", "publisher", "address", "journal", "booktitle", "series"):
            assert _squash(written) == _squash(value), span.field
        elif span.field in ("year", "pages", "volume"):
            assert value and value.split("–")[0] in written.replace("-", "–"), span.field
        elif span.field == "isbn":
            assert any(i.raw == written for i in parsed.isbns)
        elif span.field in ("author", "editor"):
            names = fields[span.field]
            assert names and all(n.split(",")[0] in written for n in names)


def test_the_model_ships_inside_the_package() -> None:
    package = Path(sourcecheck.parsing.__file__).parent
    assert model_path() == package / "data" / "tagger.crfsuite"
    assert model_path().is_file()
    text = ("Westad, Odd Arne (2003). Decisive Encounters. Stanford: Stanford University "
            "Press.")
    assert [s.label for s in tag_reference(text)] == [
        "author", "date", "title", "address", "publisher"]


def test_a_missing_model_is_named_with_the_command_that_rebuilds_it(tmp_path: Path) -> None:
    with pytest.raises(ModelMissingError, match=r"python -m sourcecheck\.parsing\.train"):
        tag_reference("Westad, Odd Arne. Decisive Encounters.", tmp_path / "none.crfsuite")


def test_without_a_model_the_rules_parse_and_say_so(monkeypatch: pytest.MonkeyPatch,
                                                    tmp_path: Path) -> None:
    def missing(text: str) -> list[Any]:
        raise ModelMissingError(f"the model {tmp_path} is missing")

    monkeypatch.setattr(reference_module, "tag_reference", missing)
    text = "Fallback, Fay (2011). A Title Parsed by Rules. London: Verso."
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        parsed = reference_module.parse_reference_text(text)
    assert parsed.year == "2011" and parsed.publisher == "Verso"
    assert any("parsing by rules only" in str(w.message) for w in caught)


def test_retraining_is_deterministic(tmp_path: Path) -> None:
    subset = training_set()[:30]
    first = train(subset, tmp_path / "a.crfsuite").read_bytes()
    second = train(subset, tmp_path / "b.crfsuite").read_bytes()
    assert first == second and len(first) > 1000


def test_the_held_out_split_is_fixed_and_never_trained_on() -> None:
    training, held_out = split_anystyle()
    again = split_anystyle()[1]
    assert len(held_out) == HELD_OUT_SIZE
    assert [r.text for r in held_out] == [r.text for r in again]
    assert not {r.text for r in held_out} & {r.text for r in training_set()}
    assert len(training) + len(held_out) == len({r.text for r in training + held_out})


def test_anystyle_s_other_sets_never_carry_a_core_reference_into_training() -> None:
    """AnyStyle's other labelled sets repeat some of its core strings (Stanford books,
    with other punctuation or another citation number): none of those is trained on, so
    no held-out reference reaches training in another copy."""
    core = read_labelled(data_path(ANYSTYLE_FILE))
    extra = extra_anystyle()
    raw = [r for name in EXTRA_ANYSTYLE_FILES for r in read_labelled(data_path(name))]
    assert len(extra) > 500 and len(extra) < len(raw)  # some were left out
    core_texts = {_folded(r.text) for r in core}
    core_titles = {_title_key(r) for r in core} - {""}
    assert not {_folded(r.text) for r in extra} & core_texts
    assert not {_title_key(r) for r in extra} & core_titles
    assert len({r.text for r in extra}) == len(extra)
    _training, held_out = split_anystyle()
    held = {_folded(r.text) for r in held_out}
    assert not held & {_folded(r.text) for r in training_set()}
    assert any(_folded(r.text) in core_texts for r in raw)  # the overlap is real


def test_the_project_s_written_examples_never_name_a_core_work() -> None:
    """The references the project wrote itself are trained on only where they share
    neither text nor title with a core string: a famous book written again must not
    bring a held-out one into training."""
    core = read_labelled(data_path(ANYSTYLE_FILE))
    raw = read_labelled(data_path(WRITTEN_FILE))
    written = written_examples()
    assert len(written) > 500
    assert not {_title_key(r) for r in written} & ({_title_key(r) for r in core} - {""})
    assert not {_folded(r.text) for r in written} & {_folded(r.text) for r in core}
    assert {r.text for r in written} <= {r.text for r in training_set()}
    assert len(written) < len(raw)  # the filter had work to do
    for reference in written:  # spans tile the text, as read_labelled promises
        assert reference.spans[0].start == 0 and reference.spans[-1].end == len(reference.text)


def test_the_retired_split_is_never_held_out_again() -> None:
    """The first held-out split was looked at while rules were written: its strings are
    training data now, and none of them is in the held-out split."""
    training, held_out = split_anystyle()
    every = _distinct(read_labelled(data_path(ANYSTYLE_FILE)))
    retired = random.Random(RETIRED_HELD_OUT_SEED).sample(range(len(every)), HELD_OUT_SIZE)
    retired_texts = {every[i].text for i in retired}
    assert not {r.text for r in held_out} & retired_texts
    assert retired_texts <= {r.text for r in training}


def test_cross_validation_folds_cover_the_training_split_only() -> None:
    training, held_out = split_anystyle()
    folds = cv_folds(5)
    dev_texts = [r.text for _, dev in folds for r in dev]
    assert sorted(dev_texts) == sorted(r.text for r in training)
    held = {r.text for r in held_out}
    for train_part, dev in folds:
        assert not held & {r.text for r in train_part}
        assert not {r.text for r in dev} & {r.text for r in train_part}
    with pytest.raises(ValueError, match="at least 2 folds"):
        cv_folds(1)


def test_labelled_spans_tile_the_text_and_label_every_token() -> None:
    for labelled in training_set()[:200]:
        assert all(labelled.text[s.start:s.end].strip() for s in labelled.spans)
        assert len(token_labels(labelled)) == len(tokenize(labelled.text))


def test_the_training_data_carries_its_licence() -> None:
    licence = data_path("LICENSE-anystyle.txt").read_text(encoding="utf-8")
    assert "Sylvester Keil" in licence and "Redistribution and use" in licence
    assert data_path("anystyle-core.xml").is_file()
    for name in EXTRA_ANYSTYLE_FILES:
        assert data_path(name).is_file(), name


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param('[12] K. Nakamura and T. Sato, "Sparse coding of natural images," IEEE Trans. '
                 "Image Process., vol. 21, no. 4, pp. 1120–1131, 2012.",
                 {"author": ["Nakamura, K.", "Sato, T."], "title": "Sparse coding of natural "
                  "images", "volume": "21", "pages": "1120–1131", "year": "2012"},
                 id="ieee-article"),
    pytest.param("Okafor, C. N., & Bright, L. (2019). Rainfall and harvest timing in the Sahel. "
                 "Journal of Arid Environments, 162, 45–58.",
                 {"author": ["Okafor, C. N.", "Bright, L."], "journal": "Journal of Arid "
                  "Environments", "volume": "162", "pages": "45–58"}, id="apa-article"),
    pytest.param("Dower, John W. Embracing Defeat: Japan in the Wake of World War II. New York: "
                 "W. W. Norton, 1999.",
                 {"title": "Embracing Defeat: Japan in the Wake of World War II",
                  "publisher": "W. W. Norton", "address": "New York", "year": "1999"},
                 id="chicago-roman-numeral"),
])
def test_styles_the_rules_never_knew(text: str, expected: dict[str, Any]) -> None:
    """Written for this test (not in the training data): the tagger generalises."""
    fields = parse_reference(text).fields
    for key, value in expected.items():
        assert fields[key] == value, key


def test_token_labels_mark_where_each_field_begins() -> None:
    labelled = read_labelled(data_path("sourcecheck-styles.xml"))[0]
    labels = token_labels(labelled)
    assert labels[0].startswith("B-")
    for span in labelled.spans:
        first = next(i for i, t in enumerate(tokenize(labelled.text)) if t.start == span.start)
        assert labels[first] == "B-" + span.label
    assert all(label[:2] in ("B-", "I-") for label in labels)


@pytest.mark.parametrize(("token", "word_class"), [
    ("ed.", "edword"), ("Ed.", "edword"), ("pp.", "pageword"), ("S.", "pageword"),
    ("No.", "volword"), ("VOL.", "volword"), ("IN", "in"), ("AND", "and"),
    ("ED,", None), ("PP", None), ("S", None), ("NO", None),  # a Vancouver name's initials
])
def test_label_words_in_capitals_without_a_period_are_initials(token: str,
                                                               word_class: str | None) -> None:
    from sourcecheck.parsing.features import token_features

    classes = {"edword", "pageword", "volword", "in", "and"} & set(token_features(token))
    assert classes == ({word_class} if word_class else set())


def test_vancouver_authors_are_authors_not_editors() -> None:
    reference = parse_reference(
        "Saad ED, Buyse M. Overall survival: patient outcome, therapeutic objective, clinical "
        "trial end point, or public health measure? Journal of Clinical Oncology. "
        "2012;30(15): 1750-1754.")
    assert [(n.family, n.given) for n in reference.authors] == [("Saad", "ED"), ("Buyse", "M")]
    assert reference.editors == ()
