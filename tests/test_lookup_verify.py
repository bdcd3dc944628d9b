"""Verification: references compared with catalogue records (titles with or without
subtitles, volumes, scripts, authors, years, publishers), the checksum hint, page ranges,
and the verification status of every reference."""

from __future__ import annotations

from dataclasses import replace

import pytest

from sourcecheck.checks.compare import (
    authors_agree,
    publishers_agree,
    strip_volume,
    titles_agree,
    years_agree,
)
from sourcecheck.models import CatalogueRecord, Name, VerificationStatus

from .conftest import check_text, codes
from .fake_catalogue import (
    TANG_VOLUME_2,
    TANNER_RECORD,
    TAYLOR_RECORD,
    WESTAD_RECORD,
    FakeCatalogue,
)
from .test_rule_table import TANG, TAYLOR, WESTAD, document

CHINESE = CatalogueRecord(provider="loc", isbn13="9787800219610",
                          title="中国人民解放军全国解放战争史", authors=("谭一青",))


@pytest.mark.parametrize(("cited", "record", "agree"), [
    pytest.param("Decisive encounters : the Chinese Civil War, 1946–1950", WESTAD_RECORD, True,
                 id="subtitle-joined"),
    pytest.param("Decisive Encounters", WESTAD_RECORD, True, id="main-title-only"),
    pytest.param("DECISIVE ENCOUNTERS — THE CHINESE CIVIL WAR 1946-1950", WESTAD_RECORD, True,
                 id="case-and-punctuation"),
    pytest.param("Décisive encounters", WESTAD_RECORD, True, id="accents"),
    pytest.param("Decisive battles", WESTAD_RECORD, False, id="other-title"),
    pytest.param("History of Chinese People's Liberation Army in Chinese Liberation War",
                 TANG_VOLUME_2, True, id="volume-suffix"),
    pytest.param("The Generalissimo", TAYLOR_RECORD, True, id="record-has-subtitle"),
    pytest.param("The Nationalist Era in China", TAYLOR_RECORD, False, id="another-book"),
])
def test_titles(cited: str, record: CatalogueRecord, agree: bool) -> None:
    assert titles_agree(cited, record) is agree


@pytest.mark.parametrize(("title", "stripped"), [
    ("History, Volume 2", "History"), ("History, vol. 3", "History"), ("History v. 2", "History"),
    ("The Volume Business", "The Volume Business"),
])
def test_strip_volume(title: str, stripped: str) -> None:
    assert strip_volume(title) == stripped


@pytest.mark.parametrize(("cited", "agree"), [
    pytest.param((Name("Westad", "Odd Arne"),), True, id="family-name"),
    pytest.param((Name("Smith", "John"), Name("Westad", "O.")), True, id="one-of-several"),
    pytest.param((Name("Smith", "John"),), False, id="nobody"),
    pytest.param((), True, id="no-cited-author"),
])
def test_authors(cited: tuple[Name, ...], agree: bool) -> None:
    assert authors_agree(cited, WESTAD_RECORD) is agree


@pytest.mark.parametrize(("cited", "agree"), [
    ("2003", True), ("2005", False), ("2001–2004", True), ("2003a", True), (None, True),
    ("2001–04", True), ("2001–02", False), ("n.d.", True),
])
def test_years(cited: str | None, agree: bool) -> None:
    assert years_agree(cited, WESTAD_RECORD) is agree


@pytest.mark.parametrize(("cited", "agree"), [
    ("Stanford University Press", True), ("Stanford UP", True), ("Penguin", False),
    ("Press", True),
])
def test_publishers(cited: str, agree: bool) -> None:
    assert publishers_agree(cited, WESTAD_RECORD) is agree


def test_harvard_imprint_is_the_same_publisher() -> None:
    record = replace(TAYLOR_RECORD, publisher="Belknap Press of Harvard University Press")
    assert publishers_agree("Harvard UP", record)


def test_a_translated_title_is_not_a_mismatch() -> None:
    catalogue = FakeCatalogue([replace(CHINESE, isbn13="9787800219610")])
    checked = check_text(document([TANG.format(v="Volume")]), catalogue=catalogue)
    found = codes(checked)
    assert "lookup.title-mismatch" not in found and "lookup.author-mismatch" not in found


def test_statuses_of_every_reference() -> None:
    catalogue = FakeCatalogue([WESTAD_RECORD, TANNER_RECORD], unavailable=["1107054672"])
    lary = "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press."
    checked = check_text(document([
        WESTAD, WESTAD.replace("(2003)", "(2007)"), TAYLOR.format(isbn="0-674-03338-8"),
        TAYLOR.format(isbn="1107054672"), lary]), catalogue=catalogue)
    statuses = [v.status for v in checked.verifications]
    assert statuses == [VerificationStatus.VERIFIED, VerificationStatus.MISMATCH,
                        VerificationStatus.NOT_FOUND, VerificationStatus.UNAVAILABLE,
                        VerificationStatus.NO_IDENTIFIER]
    assert checked.verifications[0].provider == "openlibrary"
    assert checked.verifications[0].record == WESTAD_RECORD


def test_checksum_hint_names_the_one_candidate_the_catalogue_confirms() -> None:
    catalogue = FakeCatalogue([TAYLOR_RECORD, TANNER_RECORD])
    checked = check_text(document([TAYLOR.format(isbn="0-674-03338-9")]), catalogue=catalogue)
    (checksum,) = [f for f in checked.findings if f.code == "isbn.checksum"]
    assert checksum.hint is not None
    assert "0-674-03338-8" in checksum.hint and "would explain" not in checksum.hint
    assert any("9780674033382" in batch for batch in catalogue.asked)


def test_checksum_hint_keeps_every_candidate_when_none_is_confirmed() -> None:
    checked = check_text(document([TAYLOR.format(isbn="0-674-03338-9")]),
                         catalogue=FakeCatalogue([]))
    (checksum,) = [f for f in checked.findings if f.code == "isbn.checksum"]
    assert checksum.hint is not None and "would explain" in checksum.hint


def test_set_isbn_says_so() -> None:
    zhang = ("Zhang, Ping, History of the Liberation War, 1st Edition, Chinese Youth "
             "Publishing House in Beijing, 1987, ISBN 7-5006-0081-X (set)")
    record = CatalogueRecord(provider="loc", isbn13="9787500600817",
                             title="History of the Liberation War", is_set=True)
    checked = check_text(document([zhang]), catalogue=FakeCatalogue([record]))
    (verification,) = checked.verifications
    assert verification.detail is not None and "set ISBN" in verification.detail


def test_page_range_uses_the_cited_volume() -> None:
    catalogue = FakeCatalogue([TANG_VOLUME_2])
    within = check_text(document([TANG.format(v="Volume")], ["Tang and Bi 1993, vol. 2, p. 500."]),
                        catalogue=catalogue)
    beyond = check_text(document([TANG.format(v="Volume")], ["Tang and Bi 1993, vol. 2, p. 600."]),
                        catalogue=catalogue)
    other_volume = check_text(document([TANG.format(v="Volume")],
                                       ["Tang and Bi 1993, vol. 3, p. 600."]), catalogue=catalogue)
    assert "cite.page-range" not in codes(within)
    assert "cite.page-range" in codes(beyond)
    assert "cite.page-range" not in codes(other_volume)
