"""Features of each token for the sequence tagger.

Cheap by design (the tagger runs on every distinct entry of a run): the features of a
token's own text are computed once per distinct token text and cached; a token then adds
its position, its neighbours' features and where it stands in the entry's punctuation
(inside parentheses or quotes, after how many sentence breaks).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .fields import PUBLISHER_WORD_RE, YEAR_CORE
from .names import is_initial, is_pinyin
from .tokens import Token

_EDGE_PUNCT = "\"'“”‘’«»()[]{}.,;:!?"
_YEAR = re.compile(rf"^{YEAR_CORE}[a-z]?$")
_RANGE = re.compile(r"^\d+[–—-]+\d+$")
_ROMAN = re.compile(r"^[ivxlcdm]+$", re.I)
_MONTHS = frozenset("""january february march april may june july august september october
november december jan feb mar apr jun jul aug sep sept oct nov dec""".split())
_WORD_CLASSES: dict[str, str] = {
    **dict.fromkeys(("ed", "eds", "edn", "edition", "editor", "editors", "hrsg", "hg", "dir",
                     "comp", "éd", "edited"), "edword"),
    **dict.fromkeys(("p", "pp", "pages", "page", "s"), "pageword"),
    **dict.fromkeys(("vol", "vols", "volume", "volumes", "no", "nr", "issue", "bd", "tome",
                     "part"), "volword"),
    **dict.fromkeys(("in", "dans", "im"), "in"),
    **dict.fromkeys(("and", "&", "und", "et", "y"), "and"),
    **dict.fromkeys(("isbn", "issn"), "isbn"),
    **dict.fromkeys(("trans", "translated", "tr"), "transword"),
    **dict.fromkeys(("retrieved", "accessed", "available", "online", "doi"), "webword"),
    **dict.fromkeys(("press", "publishing", "publishers", "publisher", "verlag", "house",
                     "books", "university", "chubanshe"), "pubword"),
}


def _shape(word: str) -> str:
    """"Westad," -> "Xx,"; "1993–1997" -> "9–9": character classes with runs collapsed."""
    out: list[str] = []
    for char in word:
        if char.isupper():
            kind = "X"
        elif char.isalpha():
            kind = "x"
        elif char.isdigit():
            kind = "9"
        else:
            kind = char
        if not out or out[-1] != kind:
            out.append(kind)
    return "".join(out[:8])


@lru_cache(maxsize=65536)
def token_features(text: str) -> tuple[str, ...]:
    """Features of a token's own text (no context)."""
    core = text.strip(_EDGE_PUNCT)
    lower = core.lower()
    features = [f"w={lower[:24]}", f"sh={_shape(text)}", f"len={min(len(core), 8)}"]
    if text[:1] in _EDGE_PUNCT:
        features.append(f"first={text[0]}")
    if text[-1:] in _EDGE_PUNCT:
        features.append(f"last={text[-1]}")
        if len(text) > 1 and text[-2] in _EDGE_PUNCT:
            features.append(f"last2={text[-2:]}")
    if len(lower) > 3:
        features.append(f"suf={lower[-3:]}")
        features.append(f"pre={lower[:3]}")
    if core[:1].isupper():
        features.append("cap")
        if core.isupper() and len(core) > 1:
            features.append("caps")
    if core.isdigit():
        features.append("digits")
    if _YEAR.match(core):
        features.append("year")
    elif _RANGE.match(core):
        features.append("range")
    elif any(c.isdigit() for c in core):
        features.append("hasdigit")
    if is_initial(core + ".") or is_initial(text.rstrip(",;")):
        features.append("initial")
    if _ROMAN.match(core) and len(core) <= 4:
        features.append("roman")
    if lower in _MONTHS:
        features.append("month")
    word_class = _WORD_CLASSES.get(lower.rstrip("."))
    if word_class:
        features.append(word_class)
    if PUBLISHER_WORD_RE.search(core):
        features.append("pubname")
    if "http" in lower or lower.startswith("www") or lower.startswith("10."):
        features.append("url")
    if core[:1].isupper() and len(core) > 1 and is_pinyin(core):
        features.append("pinyin")
    return tuple(features)


# Features of a neighbour that are worth copying: its word, shape and classes.
_NEIGHBOUR_KEEP = ("w=", "sh=", "last=", "first=", "year", "initial", "edword", "pageword",
                   "volword", "in", "and", "pubword", "pubname", "cap", "digits")


@lru_cache(maxsize=65536)
def _neighbour_features(text: str) -> tuple[str, ...]:
    return tuple(f for f in token_features(text) if f.startswith(_NEIGHBOUR_KEEP))


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """One feature list per token, for the tagger."""
    count = len(tokens)
    neighbours = [_neighbour_features(t.text) for t in tokens]
    result: list[list[str]] = []
    # The entry's style: comma lists (World-Library, notes) have few sentence breaks.
    style = f"nbrk={min(sum(1 for t in tokens if _is_break(t.text)), 4)}"
    depth = 0
    commas = 0
    quoted = False
    breaks = 0
    for index, token in enumerate(tokens):
        text = token.text
        features = list(token_features(text))
        features.append(f"pos={index * 10 // count}")
        features.append(f"idx={min(index, 6)}")
        if index == count - 1:
            features.append("end")
        features.append(f"brk={min(breaks, 6)}")
        features.append(f"com={min(commas, 6)}")
        features.append(style)
        if depth > 0 or text.startswith(("(", "[")):
            features.append("paren")
        if quoted or text.startswith(("\"", "“", "‘")):
            features.append("quote")
        if index > 0:
            features.extend("-1" + f for f in neighbours[index - 1])
        else:
            features.append("bos")
        if index > 1:
            features.extend("-2" + f for f in neighbours[index - 2][:2])
        if index + 1 < count:
            features.extend("+1" + f for f in neighbours[index + 1])
        else:
            features.append("eos")
        if index + 2 < count:
            features.extend("+2" + f for f in neighbours[index + 2][:2])
        result.append(features)
        # state after this token
        depth = max(0, depth + text.count("(") + text.count("[") - text.count(")")
                    - text.count("]"))
        closes = "”" in text or text.rstrip(".,;:)").endswith("\"") and (quoted or
                                                                        len(text) > 2)
        if text[0] in "\"“" and not closes:
            quoted = True
        elif closes:
            quoted = False
        if _is_break(text):
            breaks += 1
        elif text[-1] == ",":
            commas += 1
    return result


@lru_cache(maxsize=65536)
def _is_break(text: str) -> bool:
    """A token that ends a sentence-like block ("Press.", "Beijing:"), not an initial."""
    return text[-1] in ".:;" and not is_initial(text.rstrip(".,;:")) \
        and not is_initial(text[:-1])
