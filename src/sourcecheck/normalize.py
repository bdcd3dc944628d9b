"""Comparison keys for names and titles: case, accents and punctuation folded away.

Used wherever two spellings of the same thing must compare equal: resolving citations,
finding duplicate references.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .models import Name, Reference

_NON_WORD = re.compile(r"[\W_]+")
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ")
_SUBTITLE_SPLIT = re.compile(r"\s*[:.?!]\s+|\s+[-–—]\s+")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip accents and apostrophes, turn punctuation into single spaces.

    >>> fold("Decisive encounters : the Chinese Civil War, 1946–1950")
    'decisive encounters the chinese civil war 1946 1950'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("'", "").replace("’", "")
    return _NON_WORD.sub(" ", stripped.casefold()).strip()


def family_key(name: Name) -> str:
    """The folded family name (or the corporate literal) of a name."""
    return fold(name.sort_name)


def title_key(title: str | None) -> str:
    """The folded title, leading article dropped."""
    key = fold(title or "")
    return _LEADING_ARTICLE.sub("", key)


def main_title_key(title: str | None) -> str:
    """The folded title before any subtitle.

    >>> main_title_key("Decisive encounters : the Chinese Civil War")
    'decisive encounters'
    """
    main = _SUBTITLE_SPLIT.split(title or "", maxsplit=1)[0]
    return title_key(main)


def work_key(reference: Reference) -> tuple[str, str, str] | None:
    """Authors, title and year folded: two references with one key cite the same work."""
    if not reference.title:
        return None
    return _authors_key(reference), title_key(reference.title), reference.year or ""


def main_work_key(reference: Reference) -> tuple[str, str, str] | None:
    """``work_key`` with the title before any subtitle: "Decisive Encounters" and
    "Decisive Encounters: The Chinese Civil War" by one author in one year are one work."""
    if not reference.title:
        return None
    return _authors_key(reference), main_title_key(reference.title), reference.year or ""


def _authors_key(reference: Reference) -> str:
    people = reference.authors or reference.editors
    return " ".join(sorted(family_key(n) for n in people))
