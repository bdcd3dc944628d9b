"""Citation keys: stable, readable, unique ("westad2003decisive").

A key is the first author's family name, the first year and the first significant
word of the title, folded to ASCII. Chinese names and titles are written in pinyin first
(pypinyin, as Better BibTeX does): 黄友岚《中国人民解放战争史》1992 -> "huang1992zhongguo";
the first two characters of a Chinese title, or of an institution's name, stand for its
first word (安徽省政协文史资料研究委员会 -> "anhui"). Other scripts are transliterated
(anyascii): Ландау Л. Д. «Теоретическая физика» 1988 -> "landau1988teoreticheskaya",
and so are the Latin letters that do not decompose to ASCII ("Łotman" -> "lotman");
accented letters are folded ("Müller" -> "muller"). The same reference always gets the same key;
collisions in one file get "a", "b", … in order of appearance.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import replace

from anyascii import anyascii

from .models import Reference
from .normalize import fold
from .parsing.cjk import has_han, has_kana, leading_han, to_pinyin
from .parsing.fields import first_year

_SKIP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "and", "to", "for", "from", "at",
                         "la", "le", "les", "der", "die", "das", "el", "los", "il"})


def base_key(reference: Reference, line: int | None = None) -> str:
    """The key before de-duplication; ``line`` names an entry with no author or title
    (default: the reference's own line)."""
    people = reference.authors or reference.editors
    chinese = has_han(reference.raw) and not has_kana(reference.raw)
    who = ""
    if people:
        name = people[0]
        who = name.family or name.literal or name.given or ""
        if chinese and name.literal and leading_han(who, 2):
            who = leading_han(who, 2)  # an institution's first two characters, as a title's
        who = fold(to_pinyin(who, surname=bool(name.family)) if chinese else _latin(who))
        if name.literal:  # a corporate author: its first significant word
            who = next((w for w in who.split() if w not in _SKIP_WORDS), "")
        else:
            who = who.replace(" ", "")
    year = first_year(reference.year)
    title = reference.title or ""
    han = leading_han(title, 2) if chinese else ""
    if han:  # Chinese has no spaces: its first two characters stand for a word
        title = to_pinyin(han)
    words = [w for w in fold(title if chinese else _latin(title)).split()
             if w not in _SKIP_WORDS]
    word = next((w for w in words if not w.isdigit()), "")
    key = f"{who}{year or ''}{word}"
    key = re.sub(r"[^a-z0-9]", "", key)
    if not key or key.isdigit():
        key = f"ref{reference.location.line if line is None else line}"
    return key[:40]


def _latin(text: str) -> str:
    """``text`` with every letter that ``fold`` cannot make ASCII transliterated: other
    scripts ("Бахтин" -> "Bakhtin") and Latin letters that do not decompose ("Ł", "ø",
    "æ"); accented letters stay for ``fold`` ("é" -> "e"). Japanese is left as it is: its
    kanji would come out in Chinese readings (村上 is Murakami, not "cunshang"), so such a
    key falls back to the entry's line."""
    if has_han(text) or has_kana(text):
        return text
    return "".join(
        c if c.isascii() or not c.isalpha() or unicodedata.normalize("NFKD", c)[0].isascii()
        else anyascii(c) for c in text)


def assign_keys(references: Sequence[Reference], taken: Iterable[str] = ()) -> list[Reference]:
    """Give every reference a key unique among ``references`` and ``taken``."""
    keys = unique_keys(references, taken=taken)
    return [replace(reference, id=key) for reference, key in zip(references, keys, strict=True)]


# A key the source gives is kept only when it is a safe id for reports and exports.
_GIVEN_KEY = re.compile(r"[A-Za-z0-9_:-]{1,100}")


def unique_keys(references: Sequence[Reference], lines: Sequence[int] | None = None,
                taken: Iterable[str] = (),
                given: Sequence[str | None] | None = None) -> list[str]:
    """Keys for ``references``, in order, unique among themselves and ``taken``.

    ``given`` holds the keys the source itself names (a BibTeX file's citation keys),
    position by position: the first reference with a usable given key keeps it, and
    generated keys never take it; a repeated given key gets "a", "b", … like a
    generated one.
    """
    used = set(taken)
    kept: dict[int, str] = {}
    for position, key in enumerate(given or ()):
        if key and _GIVEN_KEY.fullmatch(key) and key not in used and position < len(references):
            kept[position] = key
            used.add(key)
    next_suffix: dict[str, int] = {}  # where to go on counting for a base key
    out = []
    for position, reference in enumerate(references):
        if position in kept:
            out.append(kept[position])
            continue
        own = given[position] if given and position < len(given) else None
        if own and _GIVEN_KEY.fullmatch(own):
            key = own
        else:
            key = base_key(reference, lines[position] if lines is not None else None)
        unique = key
        suffix = next_suffix.get(key, 0)
        while unique in used:
            unique = key + _suffix(suffix)
            suffix += 1
        next_suffix[key] = suffix
        used.add(unique)
        out.append(unique)
    return out


def _suffix(n: int) -> str:
    """0 -> "a", 25 -> "z", 26 -> "aa"."""
    letters = ""
    n += 1
    while n:
        n, rest = divmod(n - 1, 26)
        letters = chr(97 + rest) + letters
    return letters
