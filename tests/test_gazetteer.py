"""The tagger's word lists: places and publishers, without the common words that would
mislead it."""

from __future__ import annotations

import pytest

from sourcecheck.parsing.features import token_features
from sourcecheck.parsing.gazetteer import PLACE_WORDS, PUBLISHER_WORDS


@pytest.mark.parametrize("word", ["la", "il", "west", "grand", "new", "san", "city", "reading",
                                  "lincoln", "austin", "virginia", "paul", "winter", "vita",
                                  "no", "mit", "nice", "st", "darwin", "essen",
                                  # countries that are also words or first names
                                  "chad", "jordan", "turkey", "georgia", "israel", "guinea",
                                  "niger", "mali"])
def test_common_words_and_first_names_are_no_places_or_publishers(word: str) -> None:
    """A French or Italian article, a compass point or a first name in a title must not
    read as a place or a publisher."""
    assert word not in PLACE_WORDS and word not in PUBLISHER_WORDS


@pytest.mark.parametrize(("token", "feature"), [
    ("Boulder,", "place"), ("Leuven:", "place"), ("Hangzhou:", "place"),
    ("Westview,", "pubnm"), ("Eerdmans.", "pubnm"), ("Belknap", "pubnm"),
    ("Slovenia.", "place"), ("Nigeria:", "place"), ("Peru,", "place"),
])
def test_publishing_places_and_publishers_are_marked(token: str, feature: str) -> None:
    assert feature in token_features(token)
