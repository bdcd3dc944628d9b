"""ISBN arithmetic: validation order, conversion, hyphenation, ranges, candidates."""

from __future__ import annotations

import pytest

from sourcecheck import isbn


@pytest.mark.parametrize(("raw", "compact"), [
    pytest.param("7-80021-719-1", "7800217191", id="isbn10-hyphens"),
    pytest.param("022641213X", "022641213X", id="isbn10-x"),
    pytest.param("022641213x", "022641213X", id="isbn10-lower-x"),
    pytest.param("978 0 8047 4478 2", "9780804744782", id="isbn13-spaces"),
    pytest.param("978–0–8047–4478–2", "9780804744782", id="isbn13-en-dashes"),
    pytest.param("9781107144637", "9781107144637", id="isbn13-bare"),
])
def test_validate_accepts(raw: str, compact: str) -> None:
    assert isbn.validate(raw) == compact
    assert isbn.is_valid(raw)


@pytest.mark.parametrize(("raw", "error"), [
    pytest.param("0-8047-4478-6", isbn.InvalidChecksum, id="checksum-10"),
    pytest.param("978-0-8047-4478-3", isbn.InvalidChecksum, id="checksum-13"),
    pytest.param("7-80019-338", isbn.InvalidLength, id="length-9"),
    pytest.param("97808047447821", isbn.InvalidLength, id="length-14"),
    pytest.param("", isbn.InvalidLength, id="empty"),
    pytest.param("7-8O199-029-3", isbn.InvalidCharacter, id="letter-o"),
    pytest.param("978-90245382²0", isbn.InvalidCharacter, id="superscript-digit"),
    pytest.param("7-5006-008X-1", isbn.MisplacedX, id="x-inside"),
    pytest.param("978035642615X", isbn.MisplacedX, id="x-in-isbn13"),
    pytest.param("977-1-107-14463-7", isbn.InvalidPrefix, id="prefix-977"),
    pytest.param("979-0-3217-6543-6", isbn.IsmnNotIsbn, id="ismn"),
    pytest.param("978-610-01234-5-0", isbn.UnknownGroup, id="no-group"),
    pytest.param("0-00-000000-0", isbn.Placeholder, id="placeholder"),
])
def test_validate_rejects(raw: str, error: type[isbn.IsbnError]) -> None:
    with pytest.raises(error):
        isbn.validate(raw)
    assert not isbn.is_valid(raw)
    assert isbn.check(raw).error == error.code


def test_checksum_error_names_expected_digit() -> None:
    with pytest.raises(isbn.InvalidChecksum) as info:
        isbn.validate("0-8047-4478-6")
    assert info.value.expected == "5"


@pytest.mark.parametrize(("raw", "isbn13"), [
    pytest.param("7-80021-719-1", "9787800217197", id="china"),
    pytest.param("0-8047-4478-5", "9780804744782", id="english"),
    pytest.param("022641213X", "9780226412139", id="x-check-digit"),
    pytest.param("9781107144637", "9781107144637", id="already-13"),
])
def test_to_isbn13(raw: str, isbn13: str) -> None:
    assert isbn.to_isbn13(raw) == isbn13


def test_to_isbn10_round_trip_and_979() -> None:
    assert isbn.to_isbn10("9780804744782") == "0804744785"
    assert isbn.to_isbn10("979-10-90636-07-1") is None


@pytest.mark.parametrize(("raw", "hyphenated"), [
    pytest.param("7800219615", "7-80021-961-5", id="china-5-digit-registrant"),
    pytest.param("7202007339", "7-202-00733-9", id="china-3-digit-registrant"),
    pytest.param("9780804744782", "978-0-8047-4478-2", id="english-13"),
    pytest.param("1107054672", "1-107-05467-2", id="group-1"),
    pytest.param("022641213X", "0-226-41213-X", id="x"),
])
def test_hyphenate(raw: str, hyphenated: str) -> None:
    assert isbn.hyphenate(raw) == hyphenated


def test_agency() -> None:
    assert isbn.agency("7-80021-719-1") == "China, People's Republic"
    assert isbn.agency("0-8047-4478-5") == "English language"
    assert isbn.agency("12") is None


@pytest.mark.parametrize(("raw", "warnings"), [
    pytest.param("1060012340", ("isbn.range",), id="unassigned-registrant"),
    pytest.param("0-6740-3338-8", ("isbn.hyphens",), id="hyphen-misplaced"),
    pytest.param("0-674-03338-8", (), id="hyphens-right"),
    pytest.param("0674033388", (), id="no-hyphens"),
    pytest.param("978-0674033382", (), id="some-right-hyphens"),
])
def test_check_warnings(raw: str, warnings: tuple[str, ...]) -> None:
    facts = isbn.check(raw)
    assert facts.valid
    assert facts.warnings == warnings


def test_checksum_candidates_put_the_check_digit_fix_first() -> None:
    candidates = isbn.checksum_candidates("0-8047-4478-6")
    assert candidates[0] == "0804744785"
    assert all(isbn.is_valid(c) and isbn.registrant_assigned(c) for c in candidates)
    assert "0804744786" not in candidates


def test_checksum_candidates_include_a_swap_of_neighbours() -> None:
    # 0-8047-4478-5 with its 7th and 8th digits swapped: 0-8047-4487-5
    swapped = "0804744875"
    assert not isbn.is_valid(swapped)
    assert "0804744785" in isbn.checksum_candidates(swapped)


def test_candidates_of_a_malformed_number_are_empty() -> None:
    assert isbn.checksum_candidates("12-34") == []
