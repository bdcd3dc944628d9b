"""Split reference text into whitespace tokens that keep their character offsets.

The tagger labels whole tokens, and every field it finds points back to the characters
of the entry through the offsets of its first and last token.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_TOKEN = re.compile(r"\S+")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text == entry[start:end]``."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """Whitespace tokens with their offsets; punctuation stays attached to its word
    (the tagger reads it as a feature: "Press." ends a block, "Beijing:" precedes a
    publisher).

    >>> [(t.text, t.start, t.end) for t in tokenize("Westad, Odd  Arne")]
    [('Westad,', 0, 7), ('Odd', 8, 11), ('Arne', 13, 17)]
    """
    return [Token(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(text)]
