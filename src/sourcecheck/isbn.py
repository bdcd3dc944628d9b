"""ISBN arithmetic: pure functions, no I/O beyond reading python-stdnum's range file once.

The verbs follow python-stdnum: ``compact``, ``validate`` (raises a typed error),
``is_valid``, ``to_isbn13``, ``hyphenate``. Registration groups, registrant ranges and
hyphenation come from python-stdnum's copy of the International ISBN Agency's range
file, indexed here into dictionaries so a full check costs a few dictionary look-ups.

>>> validate("0-8047-4478-5")
'0804744785'
>>> to_isbn13("0804744785")
'9780804744782'
>>> hyphenate("9780804744782")
'978-0-8047-4478-2'
>>> agency("7-80021-719-1")
"China, People's Republic"
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cache, lru_cache

__all__ = [
    "CheckFacts",
    "InvalidCharacter",
    "InvalidChecksum",
    "InvalidLength",
    "InvalidPrefix",
    "IsbnError",
    "IsmnNotIsbn",
    "MisplacedX",
    "Placeholder",
    "UnknownGroup",
    "agency",
    "check",
    "checksum_candidates",
    "compact",
    "hyphenate",
    "is_valid",
    "misplaced_hyphens",
    "registrant_assigned",
    "to_isbn10",
    "to_isbn13",
    "validate",
]


class IsbnError(ValueError):
    """Base of the typed ISBN errors; ``code`` is the sourcecheck rule code."""

    code = "isbn"


class InvalidCharacter(IsbnError):
    code = "isbn.character"


class MisplacedX(IsbnError):
    code = "isbn.x-position"


class InvalidLength(IsbnError):
    code = "isbn.length"


class InvalidPrefix(IsbnError):
    code = "isbn.prefix"


class IsmnNotIsbn(IsbnError):
    code = "isbn.ismn"


class InvalidChecksum(IsbnError):
    """The check digit is wrong; ``expected`` is the check digit the rest implies."""

    code = "isbn.checksum"

    def __init__(self, message: str, expected: str) -> None:
        super().__init__(message)
        self.expected = expected


class UnknownGroup(IsbnError):
    code = "isbn.group"


class Placeholder(IsbnError):
    code = "isbn.placeholder"


# Separators people write inside ISBNs: spaces, ASCII and Unicode hyphens and dashes.
_SEPARATORS = " -\u2010\u2011\u2012\u2013\u2014\u00a0"
_STRIP_SEPARATORS = str.maketrans("", "", _SEPARATORS)
_ASCII_DIGITS = frozenset("0123456789")


def compact(number: str) -> str:
    """Strip separators and surrounding space; upper-case a final x.

    >>> compact(" 978-0 8047–4478-2 ")
    '9780804744782'
    """
    return number.translate(_STRIP_SEPARATORS).upper()


def _isbn10_check_digit(first9: str) -> str:
    total = sum((i + 1) * int(d) for i, d in enumerate(first9)) % 11
    return "X" if total == 10 else str(total)


def _isbn13_check_digit(first12: str) -> str:
    total = sum(map(int, first12[0::2])) + 3 * sum(map(int, first12[1::2]))
    return str(-total % 10)


def validate(number: str) -> str:
    """Return the compact ISBN (10 or 13 characters) or raise the first problem found.

    Checked in this order: characters, position of X, length, prefix (978/979, ISMN),
    placeholder (all zeros), check digit, registration group. An unassigned registrant
    is not an error here: see ``registrant_assigned``.
    """
    digits = compact(number)
    _validate_compact(digits)
    return digits


_Parts = tuple[str, str, str | None, str, str]


def _validate_compact(digits: str) -> _Parts:
    """Validate a compact number; return its split (prefix, group, registrant, item, check)."""
    length = len(digits)
    if not (digits.isascii() and digits.isdigit()):
        _raise_format(digits)
    if length != 10 and length != 13:
        raise InvalidLength(f"{length} digits; an ISBN has 10 or 13" if length else "no digits")
    if length == 13:
        if digits.startswith("9790"):
            raise IsmnNotIsbn("979-0 is the prefix of music numbers (ISMN), not of books")
        if not digits.startswith(("978", "979")):
            raise InvalidPrefix(f"prefix {digits[:3]}; an ISBN-13 starts with 978 or 979")
        if digits[3:12] == "000000000":
            raise Placeholder("all zeros: a placeholder, not a real ISBN")
        expected = _isbn13_check_digit(digits[:12])
        isbn13 = digits
    else:
        if digits[:9] == "000000000":
            raise Placeholder("all zeros: a placeholder, not a real ISBN")
        expected = _isbn10_check_digit(digits[:9])
        isbn13 = ""
    if expected != digits[-1]:
        raise InvalidChecksum(
            f"check digit {digits[-1]} is wrong; the other digits give {expected}", expected
        )
    parts = _split(isbn13 or _as13_unchecked(digits))
    if parts is None:
        raise UnknownGroup("no registration group with this number")
    return parts


def _raise_format(digits: str) -> None:
    """Raise the error for a number holding something other than ASCII digits; return
    when the only such character is an ISBN-10's final X (a check digit of 10)."""
    if not digits:
        raise InvalidLength("no digits")
    if not all(c in _ASCII_DIGITS or c == "X" for c in digits):
        bad = "".join(sorted({c for c in digits if c not in _ASCII_DIGITS and c != "X"}))
        raise InvalidCharacter(f"characters other than digits: {bad!r}")
    if len(digits) == 13 or digits.index("X") != len(digits) - 1:
        where = "in an ISBN-13" if len(digits) == 13 else "before the last place"
        raise MisplacedX(f"X {where}: only an ISBN-10's check digit may be X")


def is_valid(number: str) -> bool:
    """True when ``validate`` would return without raising."""
    try:
        validate(number)
    except IsbnError:
        return False
    return True


def _as13_unchecked(digits: str) -> str:
    """The 13-digit form of a compact ISBN without checking it (check digit recomputed)."""
    if len(digits) == 13:
        return digits
    body = "978" + digits[:9]
    return body + _isbn13_check_digit(body)


def to_isbn13(number: str) -> str:
    """The compact ISBN-13 of a valid ISBN-10 or -13 (raises ``IsbnError`` otherwise)."""
    return _as13_unchecked(validate(number))


def to_isbn10(number: str) -> str | None:
    """The compact ISBN-10 of a valid ISBN, or None for a 979 ISBN (it has none)."""
    digits = validate(number)
    if len(digits) == 10:
        return digits
    if not digits.startswith("978"):
        return None
    return digits[3:12] + _isbn10_check_digit(digits[3:12])


# --- ranges -----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Group:
    agency: str
    # registrant ranges by length: length -> (sorted lows, highs in the same order)
    ranges: dict[int, tuple[list[str], list[str]]]


@cache
def _groups() -> dict[str, _Group]:
    """Index python-stdnum's range file: key "978" + group digits -> group."""
    from stdnum import numdb

    groups: dict[str, _Group] = {}
    for _length, low, _high, _props, children in numdb.get("isbn").prefixes:
        for _glen, glow, ghigh, gprops, granges in children:
            if "agency" not in gprops or glow != ghigh:
                continue  # rows without an agency only declare group lengths
            by_length: dict[int, list[tuple[str, str]]] = {}
            for rlen, rlow, rhigh, _rprops, _rchildren in granges:
                by_length.setdefault(rlen, []).append((rlow, rhigh))
            ranges = {}
            for rlen, pairs in by_length.items():
                pairs.sort()
                ranges[rlen] = ([p[0] for p in pairs], [p[1] for p in pairs])
            groups[low + glow] = _Group(gprops["agency"], ranges)
    return groups


def _split(isbn13: str) -> tuple[str, str, str | None, str, str] | None:
    """Split a 13-digit ISBN into prefix, group, registrant, item, check digit.

    Returns None when the group does not exist; registrant is None when the number
    falls in no assigned registrant range.
    """
    groups = _groups()
    for glen in range(1, 6):
        group = groups.get(isbn13[: 3 + glen])
        if group is None:
            continue
        rest = isbn13[3 + glen : 12]
        for rlen, (lows, highs) in group.ranges.items():
            head = rest[:rlen]
            i = bisect_right(lows, head) - 1
            if i >= 0 and head <= highs[i] and len(head) == rlen:
                return isbn13[:3], isbn13[3 : 3 + glen], head, rest[rlen:], isbn13[12]
        return isbn13[:3], isbn13[3 : 3 + glen], None, rest, isbn13[12]
    return None


def registrant_assigned(number: str) -> bool:
    """True when a valid ISBN's registrant lies in a range the agency has assigned."""
    parts = _split(to_isbn13(number))
    return parts is not None and parts[2] is not None


def agency(number: str) -> str | None:
    """The registration group's agency ("English language", "China, People's Republic")."""
    digits = compact(number)
    if len(digits) not in (10, 13) or not digits[:-1].isdigit():
        return None
    isbn13 = _as13_unchecked(digits)
    for glen in range(1, 6):
        group = _groups().get(isbn13[: 3 + glen])
        if group is not None:
            return group.agency
    return None


@lru_cache(maxsize=16384)
def hyphenate(number: str) -> str | None:
    """The hyphenated form, in the same length as given (10 stays 10), or None.

    None when the number is not a valid ISBN or its registrant range is unassigned,
    because then nobody knows where the hyphens go.
    """
    digits = compact(number)
    try:
        parts = _validate_compact(digits)
    except IsbnError:
        return None
    return _join_parts(parts, digits)


def _join_parts(parts: _Parts, digits: str) -> str | None:
    prefix, group, registrant, item, _check = parts
    if registrant is None:
        return None
    pieces = [group, registrant, item, digits[-1]]
    return "-".join(pieces if len(digits) == 10 else [prefix, *pieces])


def misplaced_hyphens(number: str) -> bool:
    """True when the separators written in a valid ISBN stand where no hyphen belongs.

    Numbers written without separators, or with only some of the right ones, pass.
    """
    correct = hyphenate(number)
    return correct is not None and _misplaced(number, correct)


def _misplaced(written: str, correct: str) -> bool:
    written = written.strip()
    if not any(c in _SEPARATORS for c in written):
        return False
    return not _separator_positions(written) <= _separator_positions(correct)


def _separator_positions(text: str) -> set[int]:
    """Digit counts before each separator: "0-8047-4478-5" -> {1, 5, 9}."""
    positions: set[int] = set()
    seen = 0
    for char in text:
        if char in _SEPARATORS:
            positions.add(seen)
        else:
            seen += 1
    return positions


def checksum_candidates(number: str) -> list[str]:
    """ISBNs that one wrong digit or one swap of neighbouring digits would explain.

    Only candidates that are valid and fall in an assigned registrant range are kept,
    in the form (10 or 13 digits) the number was written in. The candidate with only
    the check digit changed comes first.
    """
    digits = compact(number)
    length = len(digits)
    if length not in (10, 13) or not digits[:-1].isdigit():
        return []
    seen: dict[str, None] = {}
    last_choices = "0123456789X" if length == 10 else "0123456789"
    for position in range(length - 1, -1, -1):
        choices = last_choices if position == length - 1 else "0123456789"
        for char in choices:
            if char != digits[position]:
                seen.setdefault(digits[:position] + char + digits[position + 1 :])
    for position in range(length - 1):
        a, b = digits[position], digits[position + 1]
        if a != b:
            seen.setdefault(digits[:position] + b + a + digits[position + 2 :])
    out = []
    for candidate in seen:
        try:
            validate(candidate)
        except IsbnError:
            continue
        if registrant_assigned(candidate):
            out.append(candidate)
    return out


@dataclass(frozen=True, slots=True)
class CheckFacts:
    """Everything ``check`` learnt about one written ISBN.

    ``error`` is the rule code of the first error (None when valid); ``warnings`` lists
    warning rule codes (isbn.range, isbn.hyphens).
    """

    raw: str
    compact: str
    valid: bool
    isbn13: str | None
    hyphenated: str | None
    agency: str | None
    error: str | None
    message: str | None
    expected_check_digit: str | None
    warnings: tuple[str, ...]


@lru_cache(maxsize=16384)
def check(number: str) -> CheckFacts:
    """Validate one written ISBN and gather what a report needs about it (cached: a run
    meets the same ISBNs again and again)."""
    digits = compact(number)
    try:
        parts = _validate_compact(digits)
    except InvalidChecksum as exc:
        return CheckFacts(number, digits, False, None, None, agency(digits), exc.code, str(exc),
                          exc.expected, ())
    except IsbnError as exc:
        return CheckFacts(number, digits, False, None, None, None, exc.code, str(exc), None, ())
    isbn13 = _as13_unchecked(digits)
    warnings = []
    hyphenated = _join_parts(parts, digits)
    if hyphenated is None:
        warnings.append("isbn.range")
    elif _misplaced(number, hyphenated):
        warnings.append("isbn.hyphens")
    group_agency = _groups()[parts[0] + parts[1]].agency
    return CheckFacts(number, digits, True, isbn13, hyphenated, group_agency, None, None, None,
                      tuple(warnings))
