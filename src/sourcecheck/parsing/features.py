"""Features of each token for the sequence tagger.

Cheap by design (the tagger runs on every distinct entry of a run): the features of a
token's own text are computed once per distinct token text and cached; a token then adds
its position, its neighbours' features and where it stands in the entry's punctuation
(inside parentheses or quotes, after how many sentence breaks).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import groupby

from .fields import PUBLISHER_WORD_RE, YEAR_CORE
from .gazetteer import PLACE_WORDS, PUBLISHER_WORDS, STATE_CODES
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
    **dict.fromkeys(("thesis", "dissertation", "report", "phd", "ph.d", "unpublished",
                     "manuscript", "dvd", "film", "paper", "papers", "series", "reprint",
                     "reprinted", "revised", "expanded", "enlarged", "rev", "repr"), "genre"),
    **dict.fromkeys(("press", "publishing", "publishers", "publisher", "verlag", "house",
                     "books", "university", "chubanshe"), "pubword"),
}


# Classes of label words ("ed.", "pp.", "vol.") that capitals without a period are not.
_LABEL_CLASSES = frozenset({"edword", "pageword", "volword"})

_ASCII_CLASSES = str.maketrans(
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
    "X" * 26 + "x" * 26 + "9" * 10)
_DIGIT = re.compile(r"\d")


def _shape(word: str) -> str:
    """"Westad," -> "Xx,"; "1993–1997" -> "9–9": character classes with runs collapsed."""
    if word.isascii():
        return "".join(kind for kind, _ in groupby(word.translate(_ASCII_CLASSES)))[:8]
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
    capital = core[:1].isupper()
    if capital:
        features.append("cap")
        if core.isupper() and len(core) > 1:
            features.append("caps")
    if not core.isalpha():  # the number tests only where there can be digits
        if core.isdigit():
            features.append("digits")
        if _YEAR.match(core):
            features.append("year")
        elif _RANGE.match(core):
            features.append("range")
        elif _DIGIT.search(core):
            features.append("hasdigit")
    if capital and (is_initial(core + ".") or is_initial(text.rstrip(",;"))):
        features.append("initial")
    if _ROMAN.match(core) and len(core) <= 4:
        features.append("roman")
    if lower in _MONTHS:
        features.append("month")
    # "ED", "PP", "S" in capitals and without a period are a Vancouver name's initials
    # ("Saad ED, Buyse M."), not "ed." or "pp."
    word_class = _WORD_CLASSES.get(lower.rstrip("."))
    if word_class in _LABEL_CLASSES and core.isupper() and len(core) <= 3 and \
            not text.rstrip(",;:").endswith("."):
        word_class = None
    if word_class:
        features.append(word_class)
    if not core.islower() and PUBLISHER_WORD_RE.search(core):  # its words are capitalised
        features.append("pubname")
    if lower in PLACE_WORDS:
        features.append("place")
    elif core in STATE_CODES:
        features.append("state")
    if lower in PUBLISHER_WORDS:
        features.append("pubnm")
    if "http" in lower or lower.startswith(("www", "10.")):
        features.append("url")
    if capital and len(core) > 1 and is_pinyin(core):
        features.append("pinyin")
    return tuple(features)


# Features of a neighbour that are worth copying: its word, shape and classes.
_NEIGHBOUR_KEEP = ("w=", "sh=", "last=", "first=", "year", "initial", "edword", "pageword",
                   "volword", "in", "and", "pubword", "pubname", "cap", "digits", "place",
                   "state", "pubnm")


@lru_cache(maxsize=65536)
def _neighbour_features(text: str) -> tuple[tuple[str, ...], ...]:
    """The features a token lends its neighbours, already prefixed with their offset:
    (as -2, as -1, as +1, as +2)."""
    kept = [f for f in token_features(text) if f.startswith(_NEIGHBOUR_KEEP)]
    return (tuple("-2" + f for f in kept[:2]), tuple("-1" + f for f in kept),
            tuple("+1" + f for f in kept), tuple("+2" + f for f in kept[:2]))


_POSITION = tuple(f"pos={i}" for i in range(10))
_INDEX = tuple(f"idx={i}" for i in range(7))
_BREAKS = tuple(f"brk={i}" for i in range(7))
_COMMAS = tuple(f"com={i}" for i in range(7))
_STYLE = tuple(f"nbrk={i}" for i in range(5))


@lru_cache(maxsize=65536)
def _token_state(text: str) -> tuple[int, bool, bool, bool, bool]:
    """How a token changes the running state: (parenthesis depth change, opens a
    quotation, closes one, ends a block, ends with a comma)."""
    depth = text.count("(") + text.count("[") - text.count(")") - text.count("]")
    closes = "”" in text or (text.rstrip(".,;:)").endswith("\"") and len(text) > 2)
    opens = text[0] in "\"“" and not closes
    breaks = _is_break(text)
    return depth, opens, closes, breaks, not breaks and text[-1] == ","


def sequence_features(tokens: list[Token]) -> list[list[str]]:
    """One feature list per token, for the tagger."""
    count = len(tokens)
    texts = [t.text for t in tokens]
    neighbours = [_neighbour_features(t) for t in texts]
    states = [_token_state(t) for t in texts]
    blocks = _block_features(texts, states)
    # The entry's style: comma lists (World-Library, notes) have few sentence breaks.
    style = _STYLE[min(sum(1 for s in states if s[3]), 4)]
    result: list[list[str]] = []
    name_ends = _inverted_name_ends(texts)
    first_year = next((i for i, t in enumerate(texts) if "year" in token_features(t)), -1)
    after_in = False
    depth = 0
    commas = 0
    quoted = False
    breaks = 0
    last = count - 1
    for index, text in enumerate(texts):
        features = [*token_features(text), _POSITION[index * 10 // count],
                    _INDEX[min(index, 6)], _BREAKS[min(breaks, 6)], _COMMAS[min(commas, 6)],
                    style, *blocks[index]]
        if index == last:
            features.append("end")
            features.append("eos")
        else:
            features.extend(neighbours[index + 1][2])
            if index + 2 < count:
                features.extend(neighbours[index + 2][3])
        if index:
            features.extend(neighbours[index - 1][1])
            if index > 1:
                features.extend(neighbours[index - 2][0])
        else:
            features.append("bos")
        if depth > 0 or text[0] in "([":
            features.append("paren")
        if quoted or text[0] in "\"“‘":
            features.append("quote")
        if first_year < 0:
            features.append("yr0")
        else:
            features.append("yr<" if index < first_year else "yr=" if index == first_year
                            else "yr>")
        if after_in:
            features.append("postin")
        elif text in _IN_WORDS:
            after_in = True
        if index in name_ends:
            features.append("fgm-end")  # "Tanner, Harold M." ends here
        elif index - 1 in name_ends:
            features.append("fgm-next")
        result.append(features)
        # the state after this token
        change, opens, closes, is_break, is_comma = states[index]
        depth = max(0, depth + change)
        if opens:
            quoted = True
        elif closes or (quoted and text.rstrip(".,;:)").endswith("\"")):
            quoted = False
        breaks += is_break
        commas += is_comma
    return result


@lru_cache(maxsize=65536)
def _is_break(text: str) -> bool:
    """A token that ends a sentence-like block ("Press.", "Beijing:"), not an initial."""
    if text[-1] in ":;":
        return True  # "N.Y.:", "Corrigan P:" end a block though an initial precedes
    return text[-1] == "." and not is_initial(text.rstrip(".,;:")) \
        and not is_initial(text[:-1])


def _block_features(texts: list[str], states: list[tuple[int, bool, bool, bool, bool]]
                    ) -> list[tuple[str, ...]]:
    """Where each token stands in its block (the tokens up to a sentence break): the
    block's length, the token's place in it, and how this and the neighbouring blocks
    end — "Chicago:" is a one-token block ending in a colon, a title a long block ending
    in a period."""
    bounds: list[tuple[int, int]] = []
    start = 0
    last = len(texts) - 1
    for index, text in enumerate(texts):
        if states[index][3] or text[-1] == ")" or index == last:
            bounds.append((start, index + 1))
            start = index + 1
    ends = [texts[end - 1][-1] for _, end in bounds]
    contents = [_block_content(texts[start:end]) for start, end in bounds]
    result: list[tuple[str, ...]] = []
    for number, (start, end) in enumerate(bounds):
        length = end - start
        size = "1" if length == 1 else "2" if length == 2 else "3-5" if length <= 5 else "6+"
        before = ends[number - 1] if number else "^"
        after = ends[number + 1] if number + 1 < len(ends) else "$"
        shared = (f"blen={size}", f"bend={ends[number]}", f"pbend={before}",
                  f"nbend={after}", f"bno={min(number, 5)}", *contents[number],
                  *(f"n{c}" for c in (contents[number + 1] if number + 1 < len(bounds)
                                      else ())))
        for index in range(start, end):
            result.append((*shared, _BLOCK_PLACE[min(index - start, 3)],
                           "blast" if index == end - 1 else "bmid"))
    return result


_CONTENT_CLASSES = ("place", "state", "pubword", "pubnm", "edword", "genre", "year", "initial",
                    "pageword", "volword", "url", "in")


def _block_content(texts: list[str]) -> tuple[str, ...]:
    """What a block holds ("bhas=place", "bhas=year"): a place block, a publisher block,
    an edition or report sentence after a title."""
    found: set[str] = set()
    for text in texts:
        found.update(f for f in token_features(text) if f in _CONTENT_CLASSES)
    return tuple(f"bhas={c}" for c in sorted(found))


def _inverted_name_ends(texts: list[str]) -> set[int]:
    """Indexes of initials that end "Family, Given M." before a capitalised word: the
    end of a Chicago author, though an initial's period seldom ends anything."""
    ends = set()
    for index in range(2, min(len(texts) - 1, 12)):
        text = texts[index]
        if text.endswith(".") and len(text) <= 4 and is_initial(text) and \
                texts[index - 2].endswith(",") and texts[index - 1][:1].isupper() and \
                not is_initial(texts[index - 1]) and texts[index + 1][:1].isupper() and \
                not is_initial(texts[index + 1].rstrip(",")):
            ends.add(index)
            break
    return ends


# "In" or "In:" before a container ("In: Smith (ed.), Handbook …"); lower-case "in" is
# usually a word of a title.
_IN_WORDS = frozenset({"In", "In:", "in:", "Dans", "Dans:", "dans:", "Im", "Im:"})
_BLOCK_PLACE = tuple(f"bpos={i}" for i in range(4))
