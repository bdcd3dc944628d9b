"""Finding citations in notes and resolving them to references."""

from __future__ import annotations

from typing import Any

import pytest

from sourcecheck.citations.find import find_citations, parse_locator
from sourcecheck.models import CitationKind, Location, Note, ResolutionStatus

from .conftest import check_text

HERE = Location("n.txt", 1, 1)


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param("Westad 2003, p. 36.",
                 [("short", ("Westad",), "2003", "p. 36", None)], id="author-year"),
    pytest.param("Tanner 2015, pp. 12–14.",
                 [("short", ("Tanner",), "2015", "pp. 12–14", None)], id="page-range"),
    pytest.param("Zhou and Gao 1995, vol. 2, p. 44.",
                 [("short", ("Zhou", "Gao"), "1995", "p. 44", "2")], id="two-authors-volume"),
    pytest.param("Chen 2010a, p. 88.",
                 [("short", ("Chen",), "2010a", "p. 88", None)], id="year-suffix"),
    pytest.param("Tang and Bi 1993, 2:44.",
                 [("short", ("Tang", "Bi"), "1993", "p. 44", "2")], id="volume-colon-page"),
    pytest.param("See Westad 2003, 36; Tanner 2015, 112.",
                 [("short", ("Westad",), "2003", "p. 36", None),
                  ("short", ("Tanner",), "2015", "p. 112", None)], id="two-in-one-note"),
    pytest.param("Ibid.", [("ibid", (), None, None, None)], id="ibid"),
    pytest.param("Ibid., 115.", [("ibid", (), None, "p. 115", None)], id="ibid-page"),
    pytest.param("Tanner, op. cit., 115.",
                 [("op-cit", ("Tanner",), None, "p. 115", None)], id="op-cit"),
    pytest.param("Tanner, Where Chiang Kai-shek Lost China, 241.",
                 [("short-title", ("Tanner",), None, "p. 241", None)], id="short-title"),
    pytest.param("Westad, Decisive Encounters: The Chinese Civil War, 1946–1950, 36.",
                 [("short-title", ("Westad",), None, "p. 36", None)], id="title-ending-in-years"),
    pytest.param("Mao Zedong Military Anthology, Page 480-482",
                 [("short-title", (), None, "pp. 480–482", None)], id="title-only"),
    pytest.param("Harold M. Tanner, Where Chiang Kai-shek Lost China (Bloomington: Indiana "
                 "University Press, 2015), 112.",
                 [("full", ("Tanner",), "2015", "p. 112", None)], id="full"),
    pytest.param("黄友岚：《中国人民解放战争史》，第120页。",
                 [("short-title", ("黄",), None, "p. 120", None)], id="chinese-short-title"),
    pytest.param("黄友岚：《中国人民解放战争史》，北京：档案出版社，1992年，第120—122页。",
                 [("full", ("黄",), "1992", "pp. 120–122", None)], id="chinese-full"),
    pytest.param("同上，第121页。", [("ibid", (), None, "p. 121", None)], id="chinese-ibid"),
    pytest.param("同上。", [("ibid", (), None, None, None)], id="chinese-ibid-bare"),
    pytest.param("黄友岚：《中国人民解放战争史》，第120页；解力夫：《解放战争实录》，第3页。",
                 [("short-title", ("黄",), None, "p. 120", None),
                  ("short-title", ("解",), None, "p. 3", None)], id="chinese-two-in-one-note"),
    pytest.param("This point is disputed among historians.", [], id="comment"),
    pytest.param("In October 1948 the army moved north.", [], id="month-is-no-author"),
])
def test_find_citations(text: str, expected: list[tuple[Any, ...]]) -> None:
    found = [(c.kind.value, c.authors, c.year, c.locator, c.volume)
             for c in find_citations(Note("1", text, HERE))]
    assert found == expected


@pytest.mark.parametrize(("text", "locator", "volume"), [
    pytest.param("p. 36", "p. 36", None, id="page"),
    pytest.param("pp. 12 - 14", "pp. 12–14", None, id="range"),
    pytest.param("115", "p. 115", None, id="bare"),
    pytest.param("vol. 2, p. 44", "p. 44", "2", id="volume"),
    pytest.param("chap. 3", "chap. 3", None, id="chapter"),
])
def test_parse_locator(text: str, locator: str, volume: str | None) -> None:
    parsed = parse_locator(text)
    assert parsed is not None
    assert (parsed.text, parsed.volume) == (locator, volume)


def test_parse_locator_rejects_words() -> None:
    assert parse_locator("the army") is None


def _article(notes: list[str], entries: list[str]) -> str:
    markers = "".join(f" Claim.[{n}]" for n in range(1, len(notes) + 1))
    return "\n".join(["Essay", "", markers, "", "Notes", ""]
                     + [f"{n}. {t}" for n, t in enumerate(notes, 1)]
                     + ["", "Bibliography", ""] + entries + [""])


BIB = [
    "Tanner, Harold M. Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948. "
    "Bloomington: Indiana University Press, 2015.",
    "Westad, Odd Arne. Decisive Encounters: The Chinese Civil War, 1946–1950. Stanford: "
    "Stanford University Press, 2003.",
    "Chen, Jian. Mao's China and the Cold War. Chapel Hill: University of North Carolina "
    "Press, 2010a.",
    "Chen, Jian. China's Road to the Korean War. New York: Columbia University Press, 2010b.",
]


@pytest.mark.parametrize(("note", "status", "target"), [
    pytest.param("Tanner 2015, p. 12.", "resolved", "tanner2015where", id="author-year"),
    pytest.param("Tanner, Where Chiang Kai-shek Lost China, 241.", "resolved", "tanner2015where",
                 id="short-title"),
    pytest.param("Westad, Decisive Encounters, 196.", "resolved", "westad2003decisive",
                 id="short-title-main-title"),
    pytest.param("Chen 2010a, p. 88.", "resolved", "chen2010maos", id="suffix-picks-one"),
    pytest.param("Chen 2010, p. 88.", "ambiguous", None, id="suffix-missing"),
    pytest.param("Westad 2004, p. 36.", "unresolved", None, id="wrong-year"),
    pytest.param("Westadt 2003, p. 36.", "unresolved", None, id="misspelt"),
])
def test_resolution(note: str, status: str, target: str | None) -> None:
    checked = check_text(_article([note], BIB))
    [resolution] = checked.resolutions
    assert resolution.status.value == status
    assert resolution.reference_id == target


def test_ambiguous_lists_candidates() -> None:
    [resolution] = check_text(_article(["Chen 2010, p. 88."], BIB)).resolutions
    assert resolution.candidates == ("chen2010maos", "chen2010chinas")


@pytest.mark.parametrize(("note", "hint"), [
    pytest.param("Westad 2004, p. 36.", "nearest entry: Westad 2003", id="same-author"),
    pytest.param("Westadt 2003, p. 36.", "nearest entry: Westad 2003", id="near-spelling"),
    pytest.param("Smith 1999, p. 4.", "no entry by Smith", id="unknown-author"),
])
def test_unresolved_hints_at_the_nearest_entry(note: str, hint: str) -> None:
    [resolution] = check_text(_article([note], BIB)).resolutions
    assert resolution.hint == hint


def test_ibid_follows_the_previous_citation_and_inherits_nothing_else() -> None:
    checked = check_text(_article(["Tanner 2015, p. 12.", "Ibid., 14.", "Westad 2003, 3.",
                                   "Ibid."], BIB))
    assert [(r.citation.kind, r.reference_id) for r in checked.resolutions] == [
        (CitationKind.SHORT, "tanner2015where"), (CitationKind.IBID, "tanner2015where"),
        (CitationKind.SHORT, "westad2003decisive"), (CitationKind.IBID, "westad2003decisive")]


def test_ibid_first_is_unresolved() -> None:
    [resolution] = check_text(_article(["Ibid., 4."], BIB)).resolutions
    assert resolution.status is ResolutionStatus.UNRESOLVED


def test_ibid_after_a_note_with_two_works_is_ambiguous() -> None:
    checked = check_text(_article(["Tanner 2015, 12; Westad 2003, 4.", "Ibid."], BIB))
    assert checked.resolutions[-1].status is ResolutionStatus.AMBIGUOUS


def test_op_cit_takes_the_authors_last_work() -> None:
    checked = check_text(_article(["Westad 2003, 3.", "Tanner 2015, 5.", "Westad, op. cit., 7."],
                                  BIB))
    assert checked.resolutions[-1].reference_id == "westad2003decisive"


def test_full_note_without_bibliography_becomes_a_note_reference() -> None:
    text = ("Essay\n\nClaim.[1] Claim.[2]\n\nNotes\n\n"
            "1. Odd Arne Westad, Decisive Encounters (Stanford: Stanford University Press, "
            "2003), 36.\n2. Westad, Decisive Encounters, 40.\n")
    checked = check_text(text)
    [reference] = checked.references
    assert reference.section.value == "note"
    assert [r.reference_id for r in checked.resolutions] == [reference.id, reference.id]
    assert "ref.uncited" not in [f.code for f in checked.findings]


def test_full_note_matching_the_bibliography_resolves_to_the_entry() -> None:
    note = ("Harold M. Tanner, Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, 1948 "
            "(Bloomington: Indiana University Press, 2015), 112.")
    checked = check_text(_article([note], BIB))
    assert len(checked.references) == len(BIB)
    assert checked.resolutions[0].reference_id == "tanner2015where"


def test_many_notes_against_many_entries_resolve_each_to_its_own() -> None:
    """The author index must give the same answers as comparing with every entry."""
    entries = [f"Author{i}, Given. Title number {i}. London: Some Press, {1900 + i % 90}."
               for i in range(300)]
    notes = [f"Author{i} {1900 + i % 90}, p. {i}." for i in range(300)]
    checked = check_text(_article(notes, entries))
    assert [r.reference_id for r in checked.resolutions] == [
        f"author{i}{1900 + i % 90}title" for i in range(300)]


_CHINESE = """辽沈战役

辽沈战役是解放战争中的一次战役。[1] 锦州之战决定了战役的走向。[2][3]

注释

1. 黄友岚：《中国人民解放战争史》，第120页。
2. 同上，第121页。
3. 解力夫：《解放战争实录：两种命运的决战》，第45页。

参考文献

• 黄友岚：《中国人民解放战争史》，北京：档案出版社，1992年，ISBN 7-80019-338-1。
• 解力夫：《解放战争实录：两种命运的决战》，石家庄：河北人民出版社，1990年，ISBN 7-202-00733-9（套）。
"""


def test_chinese_notes_resolve_to_chinese_entries() -> None:
    checked = check_text(_CHINESE)
    titles = {r.id: r.title for r in checked.references}
    assert [(r.citation.kind, titles.get(r.reference_id or ""), r.citation.locator)
            for r in checked.resolutions] == [
        (CitationKind.SHORT_TITLE, "中国人民解放战争史", "p. 120"),
        (CitationKind.IBID, "中国人民解放战争史", "p. 121"),
        (CitationKind.SHORT_TITLE, "解放战争实录：两种命运的决战", "p. 45"),
    ]
    assert all(r.status is ResolutionStatus.RESOLVED for r in checked.resolutions)
    assert "isbn.set" in [f.code for f in checked.findings]


_DITTO = """Notes

1. Westad 2005, p. 12.

Bibliography

Westad, Odd Arne. Decisive Encounters: The Chinese Civil War, 1946–1950. Stanford: Stanford University Press, 2003.
———. The Global Cold War. Cambridge: Cambridge University Press, 2005.
"""


def test_a_ditto_dash_takes_the_authors_of_the_entry_above() -> None:
    checked = check_text(_DITTO)
    first, second = checked.references[:2]
    assert second.authors == first.authors
    assert second.authors[0].family == "Westad"
    assert second.title == "The Global Cold War"
    assert second.raw.startswith("———.")  # what the user wrote is kept
    [resolution] = checked.resolutions
    assert resolution.status is ResolutionStatus.RESOLVED
    assert resolution.reference_id == second.id
    assert second.id.startswith("westad2005")


_RUSSIAN = """Статья

Примечания

1. Ландау 1988, с. 36.
2. Там же, с. 37.
3. Ландау и Лифшиц 1988, с. 40.
4. Бахтин 1975, с. 12.

Литература

Ландау Л. Д., Лифшиц Е. М. Теоретическая физика. Т. 6. Гидродинамика. М.: Наука, 1988.
Бахтин М. М. Вопросы литературы и эстетики. М.: Художественная литература, 1975.
"""


def test_a_russian_article_s_notes_resolve_to_its_literature() -> None:
    checked = check_text(_RUSSIAN)
    by_id = {r.id: r for r in checked.references}
    assert set(by_id) == {"landau1988teoreticheskaya", "bakhtin1975voprosy"}
    assert [(r.citation.kind, r.status, r.reference_id) for r in checked.resolutions] == [
        (CitationKind.SHORT, ResolutionStatus.RESOLVED, "landau1988teoreticheskaya"),
        (CitationKind.IBID, ResolutionStatus.RESOLVED, "landau1988teoreticheskaya"),
        (CitationKind.SHORT, ResolutionStatus.RESOLVED, "landau1988teoreticheskaya"),
        (CitationKind.SHORT, ResolutionStatus.RESOLVED, "bakhtin1975voprosy"),
    ]
    assert checked.resolutions[0].citation.locator == "p. 36"
    # the last initial keeps its period at the end of the author span
    assert [(n.family, n.given) for n in by_id["landau1988teoreticheskaya"].authors] == [
        ("Ландау", "Л. Д."), ("Лифшиц", "Е. М.")]
    assert [(n.family, n.given) for n in by_id["bakhtin1975voprosy"].authors] == [
        ("Бахтин", "М. М.")]


@pytest.mark.parametrize("text", ["Ebd., S. 12.", "Ebenda, S. 12.", "Ibídem, p. 12.",
                                  "Там же, с. 12."])
def test_ibid_in_other_languages(text: str) -> None:
    [citation] = find_citations(Note("1", text, Location("doc.txt", 1, 1)))
    assert citation.kind is CitationKind.IBID
    assert citation.locator == "p. 12"
