"""The project's sample documents in references/ give what they were written to show.

01 and 02 carry the bibliographic facts of the seed documents (a World-Library page and a
Wikipedia article) and must give what the seeds give; 03 is a Chicago-style essay; 04 has
no sources; 05 is a draft full of mistakes, at least one for every rule; 06 is a BibTeX
bibliography with a repeated key, a book entered twice and an entry whose braces do not
balance.
"""

from __future__ import annotations

from collections import Counter

import pytest

from sourcecheck.models import CheckedDocument, Qualifier, ResolutionStatus, Severity
from sourcecheck.pipeline import check_files, discover
from sourcecheck.rules import RULES

from .conftest import REFERENCES
from .fake_catalogue import TANNER_RECORD, TAYLOR_RECORD, WESTAD_RECORD, FakeCatalogue


@pytest.fixture(scope="module")
def samples() -> dict[str, CheckedDocument]:
    """Each sample by its number; the plain-text one where a sample has several formats
    (tests/test_readers.py checks that the others say the same)."""
    paths = sorted(REFERENCES.glob("*.txt")) + sorted(REFERENCES.glob("*.bib"))
    checked = check_files(discover(paths))
    return {c.document.path.rsplit("/", 1)[-1][:2]: c for c in checked}


def _codes(checked: CheckedDocument) -> Counter[str]:
    return Counter(f.code for f in checked.findings)


def test_world_library_page(samples: dict[str, CheckedDocument]) -> None:
    checked = samples["01"]
    assert len(checked.references) == 9
    tang = next(r for r in checked.references if r.authors and r.authors[0].family == "Tang")
    assert [i.volume for i in tang.isbns] == ["1", "2", "3", "4", "5"]
    assert tang.volumes == "5" and tang.year == "1993–1997"
    label_findings = [f for f in checked.findings if f.code == "isbn.volume-label"]
    assert len(label_findings) == 1 and "Volum" in label_findings[0].message
    assert label_findings[0].reference == tang.id
    isbns = [i for r in checked.references for i in r.isbns]
    assert len(isbns) == 13 and all(i.isbn13 for i in isbns)
    qualifiers = Counter(i.qualifier for i in isbns if i.qualifier is not Qualifier.VOL)
    assert qualifiers == {Qualifier.SET: 3, Qualifier.PBK: 1, None: 4}
    assert [(r.citation.note, r.status) for r in checked.resolutions] == [
        ("1", ResolutionStatus.UNRESOLVED)]
    codes = _codes(checked)
    assert codes["cite.unresolved"] == 1
    assert codes["ref.uncited"] == 9
    assert codes["isbn.set"] == 3
    assert not [f for f in checked.findings if f.code.startswith(("isbn.checksum", "ref.dup"))]


def test_wikipedia_article(samples: dict[str, CheckedDocument]) -> None:
    checked = samples["02"]
    assert len(checked.references) == 7
    assert all(i.isbn13 for r in checked.references for i in r.isbns)
    assert sum(len(r.isbns) for r in checked.references) == 7
    targets = {r.citation.note: r.reference_id for r in checked.resolutions}
    assert all(r.status is ResolutionStatus.RESOLVED for r in checked.resolutions)
    assert {n for n, t in targets.items() if t == "westad2003decisive"} == {"1", "2", "3", "8"}
    assert {n for n, t in targets.items() if t == "tanner2015where"} == {"4", "5", "6", "7", "9"}
    # Checked with the other samples: the Chicago essay cites Eastman's book (same ISBN)
    # as 1991, the article as 1986.
    assert _codes(checked) == {"ref.uncited": 5, "library.conflict": 1}
    (conflict,) = [f for f in checked.findings if f.code == "library.conflict"]
    assert conflict.reference == "eastman1986nationalist"
    assert "'1991' in references/03-manchuria-chicago.txt" in conflict.message
    note9 = next(n for n in checked.document.notes if n.label == "9")
    assert note9.backlinks == 2
    assert [m.label for m in checked.document.markers].count("9") == 2


def test_chicago_essay(samples: dict[str, CheckedDocument]) -> None:
    checked = samples["03"]
    kinds = [(r.citation.note, r.citation.kind.value, r.reference_id) for r in checked.resolutions]
    assert kinds == [
        ("1", "full", "tanner2015where"), ("2", "ibid", "tanner2015where"),
        ("3", "full", "westad2003decisive"), ("4", "short-title", "tanner2015where"),
        ("5", "short-title", "westad2003decisive"), ("6", "full", "eastman1991nationalist"),
        ("7", "ibid", "eastman1991nationalist"), ("8", "short", "tang1993history"),
        ("9", "op-cit", "tanner2015where"), ("10", "short", "taylor2009generalissimo")]
    locators = [r.citation.locator for r in checked.resolutions]
    assert locators[:3] == ["p. 112", "p. 115", "pp. 192–94"]
    # Its only finding compares it with the other samples: they cite Eastman as 1986.
    assert [(f.code, f.reference) for f in checked.findings] == [
        ("library.conflict", "eastman1991nationalist")]
    assert "'1986' in references/02-liaoshen-wikipedia.txt" in checked.findings[0].message


def test_unsourced_article(samples: dict[str, CheckedDocument]) -> None:
    checked = samples["04"]
    assert [f.code for f in checked.findings] == ["doc.unsourced"]


# Rules that need a catalogue's answer: the samples are checked without look-ups here
# (the rule table covers them with an in-memory catalogue; test_draft_against_a_catalogue
# below checks the draft against one).
NEEDS_CATALOGUE = {code for code in RULES if code.startswith("lookup.")} | {"cite.page-range"}


def test_draft_with_problems_shows_every_rule(samples: dict[str, CheckedDocument]) -> None:
    codes = _codes(samples["05"])
    expected = {code for code in RULES if code.split(".")[0] in ("isbn", "ref", "cite")
                and code not in NEEDS_CATALOGUE}
    assert expected <= set(codes), sorted(expected - set(codes))
    assert any(f.severity is Severity.ERROR for f in samples["05"].findings)


def test_bibtex_bibliography(samples: dict[str, CheckedDocument]) -> None:
    checked = samples["06"]
    assert len(checked.references) == 7
    assert [r.id for r in checked.references][:4] == [
        "westad2003", "tanner2015", "tang1993", "tanner2015a"]
    assert _codes(checked) == {"bib.duplicate-key": 1, "bib.syntax": 1, "ref.duplicate": 1,
                               "isbn.set": 1, "ref.no-identifier": 1}
    eastman = checked.references[4]  # unbalanced braces: salvaged, and the next one read
    assert (eastman.id, eastman.title, eastman.year) == (
        "eastman1991", "The Nationalist Era in China, 1927–1949", "1991")


def test_samples_cover_every_rule_of_the_design(samples: dict[str, CheckedDocument]) -> None:
    """Every isbn.*, ref.*, cite.* and doc.* rule of design.md appears in some sample; the
    file-level rules (empty, unreadable, encoding) are covered by the rule table instead."""
    seen = {f.code for checked in samples.values() for f in checked.findings}
    # file-level rules, and doc.unknown-ignore and doc.malformed-ignore (the samples carry
    # no suppression comment; test_suppression covers them): the rule table has cases
    file_level = {"doc.empty", "doc.unreadable", "doc.encoding", "doc.unknown-ignore",
                  "doc.malformed-ignore"}
    assert set(RULES) - file_level - NEEDS_CATALOGUE <= seen


def test_draft_against_a_catalogue() -> None:
    """The draft's wrong ISBN for Lary (Tanner's book) shows as mismatches, its mistyped
    Taylor ISBN gets the one candidate the catalogue confirms, and an ISBN no catalogue
    knows is not-found."""
    catalogue = FakeCatalogue([WESTAD_RECORD, TANNER_RECORD, TAYLOR_RECORD])
    (draft,) = check_files(discover([REFERENCES / "05-draft-chapter-with-problems.txt"]),
                           catalogue=catalogue)
    lary = next(r for r in draft.references if r.authors and r.authors[0].family == "Lary")
    lary_codes = {f.code for f in draft.findings if f.reference == lary.id}
    assert {"lookup.title-mismatch", "lookup.author-mismatch",
            "lookup.publisher-mismatch"} <= lary_codes
    checksum = next(f for f in draft.findings if f.code == "isbn.checksum")
    assert checksum.hint is not None and "0-674-03338-8" in checksum.hint
    not_found = [f.message for f in draft.findings if f.code == "lookup.not-found"]
    assert any("1060012340" in m for m in not_found)
    statuses = {v.reference_id: v.status.value for v in draft.verifications}
    assert statuses[lary.id] == "mismatch"
    assert len(catalogue.asked) == 1  # one look-up for the whole run
