"""The source library: one entry per work across documents, merged fields, stable keys,
library.conflict across documents, the library command and its two files."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.exports.bibtex import read_bibtex_fields
from sourcecheck.library import Library, build_library
from sourcecheck.models import CheckedDocument
from sourcecheck.pipeline import add_run_findings, check_document
from sourcecheck.reading import read_document
from sourcecheck.reading.csl_json import read_csl_json

from .conftest import ROOT, check_text, codes
from .test_rule_table import TANG, WESTAD, document

runner = CliRunner()
SAMPLE = ROOT / "tests" / "data" / "library" / "westad-bare-isbn.txt"
WESTAD_ISBN13 = "9780804744782"


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports name documents relative to the working directory: run from the repo root."""
    monkeypatch.chdir(ROOT)


def run(texts: Sequence[str]) -> list[CheckedDocument]:
    """Texts checked as one run: doc1.txt, doc2.txt, …, the run stage included."""
    return add_run_findings([check_text(text, f"doc{n}.txt") for n, text in enumerate(texts, 1)])


def library_of(entries_per_document: Sequence[Sequence[str]]) -> Library:
    return build_library(run([document(entries) for entries in entries_per_document]))


# --- the project's samples: Westad once, whatever the ISBN form --------------------------

def test_check_writes_one_westad_entry_listing_every_citing_document(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "references", str(SAMPLE), "--out", str(tmp_path),
                                 "--offline", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    entries = read_bibtex_fields((tmp_path / "library.bib").read_text(encoding="utf-8"))
    westad = [(key, fields) for key, (_, fields) in entries.items()
              if "Decisive encounters" in fields.get("title", "")]
    assert len(westad) == 1
    key, fields = westad[0]
    assert key == "westad2003decisive"
    assert "978-0-8047-4478-2" in fields["isbn"]
    # Every document with an entry for the book is listed: by its ISBN in any form, or
    # (06-bibliography.bib, which gives the paperback's ISBN) by author, title and year.
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    citing = {d["path"] for d in report["documents"]
              if any(WESTAD_ISBN13 in r["fields"]["isbn"]
                     or (r["fields"]["author"] == ["Westad, Odd Arne"]
                         and "ecisive" in (r["fields"]["title"] or ""))
                     for r in d["references"])}
    assert len(citing) == 9  # five formats of 02, 03, 05, 06 and the bare-ISBN sample
    assert {line.split(", line")[0].removeprefix("cited in ")
            for line in fields["annote"].splitlines() if line.startswith("cited in")} == citing
    forms = {r["isbns"][0]["raw"] for d in report["documents"] for r in d["references"]
             if r["isbns"] and r["isbns"][0]["isbn13"] == WESTAD_ISBN13}
    assert {"0-8047-4478-5", "978-0-8047-4478-2", "9780804744782"} <= forms


# --- what is one work -------------------------------------------------------------------

@pytest.mark.parametrize("form", ["0-8047-4478-5", "0804744785", "9780804744782",
                                  "978-0-8047-4478-2", "978 0 8047 4478 2"],
                         ids=["isbn10-hyphens", "isbn10-bare", "isbn13-bare", "isbn13-hyphens",
                              "isbn13-spaces"])
def test_isbn_forms_are_one_work(form: str) -> None:
    other = WESTAD.replace("ISBN 0-8047-4478-5", f"ISBN {form}").replace(
        "Decisive encounters : the", "Decisive Encounters: The")
    library = library_of([[WESTAD], [other]])
    assert [(w.key, len(w.citing)) for w in library.works] == [("westad2003decisive", 2)]


def test_a_set_isbn_shared_by_two_entries_makes_them_one_work() -> None:
    volume = ("Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in "
              "Chinese Liberation War, Volume 2, Military Scientific Publishing House in "
              "Beijing, 1995, ISBN 7800219615")
    library = library_of([[TANG.format(v="Volume")], [volume]])
    assert len(library.works) == 1 and len(library.works[0].citing) == 2


def test_two_volumes_of_one_work_stay_apart() -> None:
    def volume(number: int, isbn: str) -> str:
        return (f"Fairbank, John K., ed. The Cambridge History of China. Vol. {number}. "
                f"Cambridge: Cambridge University Press, 1986. ISBN {isbn}")
    first, second = volume(12, "0-521-23541-3"), volume(13, "0-521-24338-6")
    documents = run([document([first]), document([second])])
    assert [r.volume for d in documents for r in d.references] == ["12", "13"]
    library = build_library(documents)
    # one entry with volume = 1 would say volume 2 was never cited
    assert sorted(w.reference.volume or "" for w in library.works) == ["12", "13"]
    assert all(len(w.citing) == 1 and not w.conflicts for w in library.works)
    # and a volume cited beside the whole set is still the set's work
    tang_2 = ("Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in "
              "Chinese Liberation War, Volume 2, Military Scientific Publishing House in "
              "Beijing, 1995, ISBN 7800219615")
    assert len(library_of([[TANG.format(v="Volume")], [tang_2]]).works) == 1


def test_volumes_of_different_years_sharing_a_set_isbn_are_no_conflict() -> None:
    def volume(number: int, year: int, isbn: str) -> str:
        return ("Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in "
                f"Chinese Liberation War, Volume {number}, Military Scientific Publishing "
                f"House in Beijing, {year}, ISBN {isbn} (Volume {number}), 7800219615 (set)")
    documents = run([document([volume(1, 1993, "7-80021-719-1")]),
                     document([volume(3, 1997, "7800219631")])])
    assert not any("library.conflict" in codes(d) for d in documents)
    assert [(w.reference.volume, len(w.citing)) for w in build_library(documents).works] == \
        [("1", 1), ("3", 1)]


def test_same_authors_title_and_year_are_one_work_without_isbn() -> None:
    plain = ("Westad, Odd Arne (2003). Decisive encounters : the Chinese Civil War, 1946–1950. "
             "Stanford: Stanford University Press.")
    spelled = ("Westad, Odd Arne (2003). DECISIVE ENCOUNTERS. Stanford: Stanford University "
               "Press.")
    documents = run([document([plain]), document([spelled])])
    library = build_library(documents)
    assert len(library.works) == 1
    # One reference each: a tie on count goes to the longer title.
    assert library.works[0].reference.title == documents[0].references[0].title
    # The library lists the other title (the conflict findings ignore a subtitle).
    assert [c.field for c in library.works[0].conflicts] == ["title"]
    assert not any("library.conflict" in codes(d) for d in documents)


def test_different_editions_stay_apart() -> None:
    second = WESTAD.replace("(2003)", "(2012)").replace("ISBN 0-8047-4478-5",
                                                        "ISBN 978-0-8047-4484-3")
    library = library_of([[WESTAD], [second]])
    assert [w.key for w in library.works] == ["westad2003decisive", "westad2012decisive"]


def test_one_isbn_on_two_different_works_does_not_join_them() -> None:
    tanner = ("Tanner, Harold M. (2015). Where Chiang Kai-shek Lost China. Bloomington: "
              "Indiana University Press. ISBN 0253016991.")
    lary = ("Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press. "
            "ISBN 0253016991.")
    documents = run([document([tanner]), document([lary])])
    assert [w.key for w in build_library(documents).works] == ["lary2015chinas",
                                                               "tanner2015where"]
    assert not any("library.conflict" in codes(d) for d in documents)


# --- merged fields -------------------------------------------------------------------------

def test_the_most_frequent_value_wins_and_conflicts_are_listed() -> None:
    def westad(place: str) -> str:
        return WESTAD.replace("Stanford: Stanford", f"{place}: Stanford")

    library = library_of([[westad("Stanford, Calif.")], [westad("Stanford")],
                          [westad("STANFORD")], [westad("Palo Alto")]])
    (work,) = library.works
    assert work.reference.address == "STANFORD"  # 2 of 4 fold alike; longest spelling, A<a
    (conflict,) = work.conflicts
    assert conflict.field == "address"
    assert conflict.values == (("STANFORD", ("doc2.txt", "doc3.txt")),
                               ("Stanford, Calif", ("doc1.txt",)),
                               ("Palo Alto", ("doc4.txt",)))


def test_a_chinese_title_and_its_translation_are_no_conflict() -> None:
    english = ("Huang, Youlan. History of the Chinese People's Liberation War. Beijing: "
               "Archives Publishing House, 1992. ISBN 7-80019-338-1.")
    chinese = "黄友岚：《中国人民解放战争史》，北京：档案出版社，1992年。ISBN 7-80019-338-1。"
    (work,) = library_of([[english], [english], [chinese]]).works
    assert work.conflicts == ()
    assert work.reference.title == "History of the Chinese People's Liberation War"
    # two values in one script still disagree, and every value is listed
    other = english.replace("Archives Publishing House", "Archive Press")
    (work,) = library_of([[english], [other], [chinese]]).works
    (conflict,) = work.conflicts
    assert conflict.field == "publisher"
    assert [value for value, _ in conflict.values] == [
        "Archives Publishing House", "Archive Press", "档案出版社"]


def test_merged_fields_do_not_depend_on_document_order() -> None:
    texts = [document([WESTAD.replace("Stanford: ", "Stanford, CA: ")]), document([WESTAD])]
    forward = build_library([check_text(t, f"doc{n}.txt") for n, t in enumerate(texts)])
    backward = build_library([check_text(t, f"doc{n}.txt")
                              for n, t in reversed(list(enumerate(texts)))])
    assert forward == backward
    assert forward.works[0].reference.address == "Stanford, CA"  # a tie: the longer


def test_citing_lists_document_reference_line_and_notes() -> None:
    documents = run([document([WESTAD], ["Westad 2003, p. 36.", "Westad 2003, p. 40."]),
                     document(["Other, Author (1999). Unrelated. Place: Pub.", WESTAD])])
    (work,) = [w for w in build_library(documents).works if w.key == "westad2003decisive"]
    assert [(c.document, c.reference_id, c.notes) for c in work.citing] == [
        ("doc1.txt", "westad2003decisive", ("1", "2")),
        ("doc2.txt", "westad2003decisive", ())]
    assert [c.line for c in work.citing] == [
        documents[0].references[0].location.line, documents[1].references[1].location.line]


# --- stable keys ----------------------------------------------------------------------------

BATTLES = ("Westad, Odd Arne (2003). Decisive battles of the Cold War. London: Penguin. "
           "ISBN 978-0-14-303907-7.")


def _keys(texts: Sequence[str]) -> dict[str, str]:
    """Key of each work by its title."""
    library = build_library([check_text(t, f"doc{n}.txt") for n, t in enumerate(texts)])
    return {w.reference.title or "": w.key for w in library.works}


def test_keys_do_not_depend_on_document_order() -> None:
    texts = [document([WESTAD]), document([BATTLES]), document([TANG.format(v="Volume")])]
    assert _keys(texts) == _keys(list(reversed(texts)))
    assert sorted(_keys(texts).values()) == ["tang1993history", "westad2003decisive",
                                             "westad2003decisivea"]


def test_keys_do_not_change_when_an_unrelated_work_is_added() -> None:
    texts = [document([WESTAD]), document([BATTLES])]
    more = [*texts, document(["Lary, Diana (2015). China's Civil War. Cambridge: Cambridge "
                              "University Press. ISBN 1107054672."])]
    before, after = _keys(texts), _keys(more)
    assert {t: k for t, k in after.items() if t in before} == before
    assert len(after) == 3


# --- library.conflict -------------------------------------------------------------------------

def _conflicts(first: str, second: str) -> list[str]:
    return [f.message for d in run([document([first]), document([second])])
            for f in d.findings if f.code == "library.conflict"]


@pytest.mark.parametrize(("second", "conflicts"), [
    (WESTAD.replace("(2003)", "(2005)"), True),
    (WESTAD.replace("Decisive encounters : the Chinese", "Decisive battles of the Chinese"),
     True),
    (WESTAD.replace("Decisive encounters : the", "DECISIVE ENCOUNTERS -- THE"), False),
    (WESTAD.replace(" : the Chinese Civil War, 1946–1950", ""), False),
    (WESTAD.replace("1946–1950.", "1946–1950, Volume 2."), False),
    (WESTAD.replace("Decisive encounters : the Chinese Civil War, 1946–1950",
                    "决定性的遭遇：中国内战"), False),
    (WESTAD.replace("ISBN 0-8047-4478-5", "ISBN 978-0-8047-4484-3").replace("2003", "2012"),
     False),
], ids=["year", "title", "case-punctuation", "subtitle", "volume-suffix", "other-script",
        "other-isbn"])
def test_conflict_needs_another_year_or_title_under_one_isbn(second: str,
                                                             conflicts: bool) -> None:
    found = _conflicts(WESTAD, second)
    assert (len(found) == 2) is conflicts, found  # one in each document, or none


def test_conflict_finding_names_field_values_and_other_document() -> None:
    documents = run([document([WESTAD]), document([WESTAD.replace("(2003)", "(2005)")])])
    finding = next(f for f in documents[0].findings if f.code == "library.conflict")
    assert finding.location.line == documents[0].references[0].location.line
    assert finding.reference == "westad2003decisive"
    assert "year '2005' in doc2.txt" in finding.message and "here year '2003'" in finding.message


def test_one_document_has_no_run_findings() -> None:
    checked = check_document(check_text(document([WESTAD, WESTAD.replace("(2003)", "(2005)")]))
                             .document)
    assert "library.conflict" not in codes(checked)


# --- the library command and its files ----------------------------------------------------------

def test_library_command_writes_bibtex_and_csl_json(tmp_path: Path) -> None:
    result = runner.invoke(app, ["library", "references", "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "westad2003decisive: address differs" in result.output
    bib = read_bibtex_fields((tmp_path / "library.bib").read_text(encoding="utf-8"))
    items = json.loads((tmp_path / "library.json").read_text(encoding="utf-8"))
    assert [item["id"] for item in items] == list(bib)
    assert f"{len(bib)} works from 83 references in 11 documents" in result.output
    assert all("cited in references/" in fields["annote"] for _, fields in bib.values())
    assert all("cited in references/" in item["note"] for item in items)
    # CSL-JSON as the project reads it: every item read back, none malformed.
    checked = check_document(read_csl_json("library.json", json.dumps(items)))
    assert len(checked.references) == len(items)
    assert not [f for f in checked.findings if f.code in ("bib.syntax", "doc.unreadable")]
    assert [r.title for r in checked.references] == [item["title"] for item in items]


def test_library_command_json_output(tmp_path: Path) -> None:
    result = runner.invoke(app, ["library", "references/03-manchuria-chicago.txt", "--out",
                                 str(tmp_path), "--format", "json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["schema"] == "sourcecheck.library/1"
    westad = next(w for w in data["works"] if w["key"] == "westad2003decisive")
    assert westad["citing"] == [{"document": "references/03-manchuria-chicago.txt",
                                 "reference": "westad2003decisive", "line": 30,
                                 "notes": ["3", "5"]}]


@pytest.mark.parametrize(("arguments", "message"), [
    (["no-such-folder"], "no such file or folder: no-such-folder"),
    (["references", "--format", "xml"], "Invalid value"),
], ids=["bad-path", "bad-format"])
def test_library_command_bad_input_exits_2(arguments: list[str], message: str,
                                           tmp_path: Path) -> None:
    result = runner.invoke(app, ["library", *arguments, "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert message in result.output
    assert not (tmp_path / "library.bib").exists()


def test_library_command_unwritable_out_exits_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    result = runner.invoke(app, ["library", "references", "--out", str(blocker)])
    assert result.exit_code == 2
    assert "cannot write the library to" in result.output


def test_a_chapter_gives_no_book_title_or_pages_to_a_work_cited_as_a_book(
        tmp_path: Path) -> None:
    book = ("Zhu, Zongzhen and Wang, Chaoguang, Liberation War History, 1st Edition, Social "
            "Scientific Literary Publishing House in Beijing, 2000, ISBN 7-80149-207-2 (set)")
    chapter = ("@incollection{zhu2000, title = {The Liaoshen Campaign}, booktitle = {Liberation "
               "War History}, editor = {Zhu, Zongzhen and Wang, Chaoguang}, year = {2000}, "
               "pages = {112--160}, isbn = {7-80149-207-2 (set)}}\n")
    (tmp_path / "c.bib").write_text(chapter, encoding="utf-8")
    documents = [check_text(document([book]), "a.txt"), check_text(document([book]), "b.txt"),
                 check_document(read_document(tmp_path / "c.bib", "c.bib"))]
    assert documents[2].references[0].booktitle == "Liberation War History"
    (work,) = build_library(documents).works
    assert work.reference.kind.value == "book"
    assert (work.reference.booktitle, work.reference.pages) == (None, None)
    assert work.reference.title == "Liberation War History"


def test_library_command_counts_in_the_singular(tmp_path: Path) -> None:
    source = tmp_path / "one.txt"
    source.write_text("Bibliography\n\n• Lary, Diana. China's Civil War. Cambridge: "
                      "Cambridge University Press, 2015.\n", encoding="utf-8")
    result = runner.invoke(app, ["library", str(source), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("1 work from 1 reference in 1 document\n")
