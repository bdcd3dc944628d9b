"""Citation keys: stable, readable, unique ("westad2003decisive").

A key is the first author's family name, the first year and the first significant
word of the title, folded to ASCII. The same reference always gets the same key;
collisions in one file get "a", "b", … in order of appearance.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from .models import Reference
from .normalize import fold
from .parsing.fields import first_year

_SKIP_WORDS = frozenset({"a", "an", "the", "on", "of", "in", "and", "to", "for", "from", "at",
                         "la", "le", "les", "der", "die", "das", "el", "los", "il"})


def base_key(reference: Reference, line: int | None = None) -> str:
    """The key before de-duplication; ``line`` names an entry with no author or title
    (default: the reference's own line)."""
    people = reference.authors or reference.editors
    who = ""
    if people:
        name = people[0]
        who = fold(name.family or name.literal or name.given or "")
        if name.literal:  # a corporate author: its first significant word
            who = next((w for w in who.split() if w not in _SKIP_WORDS), "")
        else:
            who = who.replace(" ", "")
    year = first_year(reference.year)
    words = [w for w in fold(reference.title or "").split() if w not in _SKIP_WORDS]
    word = next((w for w in words if not w.isdigit()), "")
    key = f"{who}{year or ''}{word}"
    key = re.sub(r"[^a-z0-9]", "", key)
    if not key or key.isdigit():
        key = f"ref{reference.location.line if line is None else line}"
    return key[:40]


def assign_keys(references: Sequence[Reference], taken: Iterable[str] = ()) -> list[Reference]:
    """Give every reference a key unique among ``references`` and ``taken``."""
    keys = unique_keys(references, taken=taken)
    return [replace(reference, id=key) for reference, key in zip(references, keys, strict=True)]


def unique_keys(references: Sequence[Reference], lines: Sequence[int] | None = None,
                taken: Iterable[str] = ()) -> list[str]:
    """Keys for ``references``, in order, unique among themselves and ``taken``."""
    used = set(taken)
    next_suffix: dict[str, int] = {}  # where to go on counting for a base key
    out = []
    for position, reference in enumerate(references):
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
