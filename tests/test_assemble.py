"""Rules that move the tagger's span boundaries where a rule is exact (model-independent:
the spans are written by hand, as a tagger could have labelled them)."""

from __future__ import annotations

from sourcecheck.parsing.assemble import read_tagged
from sourcecheck.parsing.tagger import TaggedSpan


def _spans(raw: str, *parts: tuple[str, str]) -> list[TaggedSpan]:
    """Spans from (label, text) pairs that follow each other in ``raw``."""
    spans = []
    offset = 0
    for label, text in parts:
        start = raw.index(text, offset)
        spans.append(TaggedSpan(label, start, start + len(text)))
        offset = start + len(text)
    return spans


def test_a_sentence_like_comma_part_of_an_author_span_is_the_title() -> None:
    raw = "Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation War, 1993"
    fields = read_tagged(raw, _spans(
        raw, ("author", "Tang, Yilu and Bi, Jianzhong, History of Chinese People's"),
        ("title", "Liberation War,"), ("date", "1993")))
    assert [(n.family, n.given) for n in fields.authors] == [("Tang", "Yilu"),
                                                             ("Bi", "Jianzhong")]
    assert fields.title == "History of Chinese People's Liberation War"


def test_an_author_span_with_particles_stays_whole() -> None:
    raw = "Ven, Hans van de, Warfare in Chinese history, 2000"
    fields = read_tagged(raw, _spans(raw, ("author", "Ven, Hans van de,"),
                                     ("title", "Warfare in Chinese history,"), ("date", "2000")))
    assert fields.title == "Warfare in Chinese history"


def test_an_author_span_past_a_sentence_end_stops_at_the_period() -> None:
    raw = "Lakoff, George, and Mark Johnson. Metaphors We Live By. With a new afterword. 2003."
    fields = read_tagged(raw, _spans(
        raw, ("author", "Lakoff, George, and Mark Johnson. Metaphors We Live By."),
        ("title", "With a new afterword."), ("date", "2003.")))
    assert {n.family for n in fields.authors} == {"Lakoff", "Johnson"}
    assert fields.title == "Metaphors We Live By. With a new afterword"


def test_a_place_span_past_its_colon_gives_the_rest_to_the_publisher() -> None:
    raw = "Title. Washington, DC: U.S. Department of Justice."
    fields = read_tagged(raw, _spans(raw, ("title", "Title."),
                                     ("address", "Washington, DC: U.S."),
                                     ("publisher", "Department of Justice.")))
    assert fields.address == "Washington, DC"
    assert fields.publisher == "U.S. Department of Justice"


def test_a_publisher_does_not_end_in_of() -> None:
    raw = "Freshwater Fishes. Fisheries Research Board of Canada, Ottawa."
    fields = read_tagged(raw, _spans(raw, ("title", "Freshwater Fishes."),
                                     ("publisher", "Fisheries Research Board of"),
                                     ("address", "Canada, Ottawa.")))
    assert fields.publisher == "Fisheries Research Board of Canada"
    assert fields.address == "Ottawa"


def test_a_name_ending_a_title_before_the_editors_is_an_editor() -> None:
    raw = "Wordsworth, William, The Prelude, Jonathan Wordsworth, M. H. Abrams (eds.)"
    fields = read_tagged(raw, _spans(raw, ("author", "Wordsworth, William,"),
                                     ("title", "The Prelude, Jonathan Wordsworth,"),
                                     ("editor", "M. H. Abrams (eds.)")))
    assert fields.title == "The Prelude"
    editor = next(s for s in fields.spans if s.field == "editor")
    assert raw[editor.start:editor.end].startswith("Jonathan Wordsworth")


def test_a_title_ends_before_translated_by() -> None:
    raw = "Kapr, A. (1995). Johann Gutenberg (translated by Douglas Martin). New York: Scholar."
    fields = read_tagged(raw, _spans(raw, ("author", "Kapr, A."), ("date", "(1995)."),
                                     ("title", "Johann Gutenberg (translated by Douglas Martin)."),
                                     ("address", "New York:"), ("publisher", "Scholar.")))
    assert fields.title == "Johann Gutenberg"
