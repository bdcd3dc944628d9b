"""Bibliography files in (BibTeX, RIS, CSL-JSON readers) and out (the three exports).

Readers and exports are checked against golden files; every export is written, read
back with the reader of its format and compared field by field; every reader meets the
bad-input rules (a broken record is kept and reported, the next one is still read).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcecheck import parse_reference
from sourcecheck.citekeys import assign_keys
from sourcecheck.cli import app
from sourcecheck.exports.bibtex import to_bibtex
from sourcecheck.exports.csl_json import to_csl_json
from sourcecheck.exports.ris import to_ris
from sourcecheck.fieldmap import reference_fields
from sourcecheck.models import CheckedDocument, Document, Reference
from sourcecheck.pipeline import check_document, check_files, discover
from sourcecheck.reading import read_document
from sourcecheck.reading.bibtex import blank_comments, read_bibtex
from sourcecheck.reading.csl_json import read_csl_json
from sourcecheck.reading.ris import read_ris

from .conftest import REFERENCES, ROOT, codes

DATA = Path(__file__).resolve().parent / "data"
Reader = Callable[[str, str], Document]
Writer = Callable[[list[Reference]], str]
FORMATS: dict[str, tuple[Writer, Reader, str]] = {
    "bibtex": (to_bibtex, read_bibtex, "bib"),
    "csl-json": (to_csl_json, read_csl_json, "json"),
    "ris": (to_ris, read_ris, "ris"),
}

# References that break careless writers: corporate and family-first names, a
# multi-volume work with per-volume and set ISBNs, an invalid ISBN, BibTeX specials,
# quotes, percent signs and unicode in titles.
TRICKY = [
    "World Bank (2004). Development Report: {Braces}, \"quotes\" and 100% of $ & # _ ~ ^. "
    "Washington: World Bank Publications. ISBN 0-8213-5680-8.",
    "Liu Wusheng, From Yan'an to Beijing, 1st Edition, Central Literary Publishing House in "
    "Beijing, 1993, ISBN 7-5073-0074-9",
    "Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in Chinese "
    "Liberation War, 1st Edition, Military Scientific Publishing House in Beijing, 1993 – 1997, "
    "ISBN 7-80021-719-1 (Volume 1), 7800219615 (Volume 2), 7-202-00733-9 (set)",
    "Taylor, Jay (2009). The Generalissimo — Chiang Kai-shek 蒋介石 and the C:\\path -- of "
    "Modern China. Cambridge: Harvard University Press. ISBN 0-674-03338-9.",
    "Zhu, Zongzhen (2000). \"The Liaoshen Campaign.\" In Liberation War History, edited by "
    "Wang Chaoguang, 112–160. Beijing: Social Scientific Literary Publishing House.",
    "1987, 245 pp.",
]


def _fields(reference: Reference) -> dict[str, object]:
    """The fields a round trip must keep; ISBNs as a sorted list (a format's ISBN field
    comes before the invalid ones its note names)."""
    fields = dict(reference_fields(reference))
    fields["isbn"] = sorted(fields["isbn"] or [])  # type: ignore[type-var]
    return fields


def _volumes(reference: Reference) -> list[tuple[str | None, str | None, str | None]]:
    return sorted((i.isbn13, i.volume, i.qualifier) for i in reference.isbns)  # type: ignore[type-var]


def _round_trip(references: list[Reference], fmt: str) -> CheckedDocument:
    write, read, suffix = FORMATS[fmt]
    return check_document(read(f"back.{suffix}", write(references)))


def _sample_references() -> list[list[Reference]]:
    return [list(c.references) for c in check_files(discover([REFERENCES]))]


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_round_trip_of_every_sample_reference(fmt: str) -> None:
    for references in _sample_references():
        back = _round_trip(references, fmt).references
        assert len(back) == len(references)
        for original, read in zip(references, back, strict=True):
            assert read.id == original.id
            if not original.is_parsed:
                assert read.title == original.raw
                continue
            assert _fields(read) == _fields(original), original.id
            assert read.kind == original.kind
            assert _volumes(read) == _volumes(original)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("text", TRICKY, ids=["corporate-specials", "chinese-family-first",
                                              "volumes-and-set", "unicode-invalid-isbn",
                                              "chapter", "unparsed"])
def test_round_trip_of_tricky_references(fmt: str, text: str) -> None:
    [reference] = assign_keys([parse_reference(text)])
    [read] = _round_trip([reference], fmt).references
    if not reference.is_parsed:
        assert read.title == reference.raw
        return
    assert _fields(read) == _fields(reference)
    assert _volumes(read) == _volumes(reference)
    assert read.authors == reference.authors


def test_tricky_references_parse_as_intended() -> None:
    """The round trip above means something only if the cases hold what they claim."""
    refs = [parse_reference(t) for t in TRICKY]
    assert refs[0].authors[0].literal == "World Bank"
    assert (refs[1].authors[0].family, refs[1].authors[0].given) == ("Liu", "Wusheng")
    assert [(i.volume, i.qualifier) for i in refs[2].isbns][-1][1] == "set"
    assert refs[3].isbns[0].isbn13 is None
    assert not refs[5].is_parsed


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_golden_export(fmt: str, golden) -> None:  # type: ignore[no-untyped-def]
    result = CliRunner().invoke(app, ["export", str(REFERENCES), "--to", fmt])
    assert result.exit_code == 0
    text = result.stdout.replace(str(ROOT) + "/", "")
    golden(f"references.{FORMATS[fmt][2]}" if fmt != "bibtex" else "references.bib", text)


def _dump(checked: CheckedDocument) -> str:
    """The reader's records and the references made of them, as JSON."""
    entries = [{"line": e.location.line, "key": e.key, "kind": e.kind,
                "fields": [f"{name} = {value}" for name, value in e.fields]}
               for e in checked.document.entries]
    references = [{"id": r.id, "kind": r.kind.value,
                   "fields": {k: v for k, v in reference_fields(r).items() if v},
                   "isbns": [f"{i.raw} -> {i.isbn13} vol={i.volume} {i.qualifier or ''}".strip()
                             for i in r.isbns]}
                  for r in checked.references]
    findings = [f"{f.location.line}: {f.code} {f.message}" for f in checked.findings]
    return json.dumps({"format": checked.document.format.value, "entries": entries,
                       "references": references, "findings": findings},
                      ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("name", ["sample.ris", "sample.json", "06-bibliography.bib"])
def test_golden_reader(name: str, golden) -> None:  # type: ignore[no-untyped-def]
    path = DATA / name if (DATA / name).exists() else REFERENCES / name
    golden(f"read-{name}.json", _dump(check_document(read_document(path, name))))


# --- bad input ----------------------------------------------------------------------


def test_bibtex_unbalanced_brace_does_not_swallow_the_next_entry() -> None:
    text = ("@book{a, title = {Open { brace}, year = {2001}}\n\n"
            "@book{b, author = {Tanner, Harold M.}, title = {Where Chiang Kai-shek Lost China}}\n")
    checked = check_document(read_bibtex("x.bib", text))
    assert [e.key for e in checked.document.entries] == ["a", "b"]  # the first one salvaged
    assert checked.references[0].title == "Open brace"
    assert checked.references[1].title == "Where Chiang Kai-shek Lost China"
    syntax = [f for f in checked.findings if f.code == "bib.syntax"]
    assert [f.location.line for f in syntax] == [1]
    assert "not closed" in syntax[0].message


def test_bibtex_duplicate_key_keeps_both_entries_and_ids_stay_unique() -> None:
    text = "@book{k, title = {One}}\n@book{k, title = {Two}, author = {{World Bank}}}\n"
    checked = check_document(read_bibtex("x.bib", text))
    assert [r.id for r in checked.references] == ["k", "ka"]
    assert checked.references[1].authors[0].literal == "World Bank"
    assert codes(checked).count("bib.duplicate-key") == 1


def test_ris_truncated_and_typeless_records_are_kept() -> None:
    text = "AU  - Doe, Jane\nTI  - No type\nER  - \n\nTY  - BOOK\nTI  - Cut off here\nPY  - 20"
    checked = check_document(read_ris("x.ris", text))
    assert [e.kind for e in checked.document.entries] == [None, "BOOK"]
    assert [r.title for r in checked.references] == ["No type", "Cut off here"]
    assert codes(checked).count("bib.syntax") == 1


def test_ris_line_numbers_count_only_newlines() -> None:
    """A form feed or a line separator (U+2028) inside a value is not a line of the file."""
    text = "TY  - BOOK\nTI  - One\u2028two\x0cthree\nER  - \n\nTY  - BOOK\nTI  - Second\nER  - \n"
    document = read_ris("x.ris", text)
    assert [e.location.line for e in document.entries] == [1, 5]
    assert document.entries[0].text == "TY  - BOOK\nTI  - One\u2028two\x0cthree\nER  -"


@pytest.mark.parametrize(("text", "titles", "broken"), [
    ('[\n  {"type": "book", "title": "A"\n   "x": 1},\n  {"type": "book", "title": "B"}\n]',
     ["A", "B"], 1),
    ('[{"type": "book", "title": 7, "author": "Westad"}, 3, null]', ["7", None, None], 2),
    ('[\n  {"type": "book", "title": "A"},\n  {"type": "book", "title": "B"', ["A", "B"], 1),
    ('[\n  {"type": "book", "title": "A"}\n  {"type": "book", "title": "B"}\n]',
     ["A", "B"], 0),
    ('{"name": "sourcecheck", "version": "0.1.0"}', [None], 1),
    ('[\n  {"type": "book", "title": "A", "x": ' + "[" * 5000 + "]" * 5000
     + '},\n  {"type": "book", "title": "B"}\n]', ["A", "B"], 1),
], ids=["syntax-error-then-item", "wrong-types", "truncated", "missing-comma-between-items",
        "json-that-is-no-csl", "nested-too-deeply"])
def test_csl_json_bad_items_are_kept_and_the_rest_read(text: str, titles: list[str | None],
                                                       broken: int) -> None:
    """A broken item is salvaged from its "name": value pairs and reported; an item that
    is not an object is kept as text only (None here)."""
    checked = check_document(read_csl_json("x.json", text))
    assert len(checked.document.entries) == len(titles)
    read = [r.title if e.fields else None
            for e, r in zip(checked.document.entries, checked.references, strict=True)]
    assert read == titles
    assert codes(checked).count("bib.syntax") == broken


@pytest.mark.parametrize("text", ['"just a string"', "42", "not json at all {"])
def test_csl_json_that_is_no_list_of_items_is_unreadable(text: str, tmp_path: Path) -> None:
    path = tmp_path / "refs.json"
    path.write_text(text, encoding="utf-8")
    checked = check_document(read_document(path))
    assert codes(checked) == ["doc.unreadable"]
    assert "list of items" in checked.findings[0].message


def test_bibliography_file_reports_no_uncited_entries() -> None:
    checked = check_document(read_document(REFERENCES / "06-bibliography.bib"))
    assert checked.document.format.value == "bibtex"
    assert "ref.uncited" not in codes(checked)


def test_sample_bibliography_shows_the_bib_checks() -> None:
    checked = check_document(read_document(REFERENCES / "06-bibliography.bib"))
    found = codes(checked)
    assert {"bib.duplicate-key", "bib.syntax", "ref.duplicate", "isbn.set"} <= set(found)
    tang = next(r for r in checked.references if r.id == "tang1993")
    assert [i.volume for i in tang.isbns] == ["1", "2", "3", "4", "5"]
    assert tang.volumes == "5" and tang.year == "1993–1997"


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_every_reference_parsed_or_not(fmt: str, tmp_path: Path) -> None:
    out = tmp_path / f"refs.{FORMATS[fmt][2]}"
    result = CliRunner().invoke(app, ["export", "references/06-bibliography.bib",
                                      "--to", fmt, "-o", str(out)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    written = out.read_text(encoding="utf-8")
    back = check_document(FORMATS[fmt][1](out.name, written))
    assert len(back.references) == 7
    assert "tanner2015a" in written and "ISBN 978-7-80149-207-4 (set)" in written


def test_ris_keeps_every_isbn_on_one_sn_line() -> None:
    [reference] = assign_keys([parse_reference(TRICKY[2])])
    lines = [line for line in to_ris([reference]).splitlines() if line.startswith("SN  - ")]
    assert lines == ["SN  - 978-7-80021-719-7 978-7-80021-961-0 978-7-202-00733-4"]


def test_bibtex_values_are_braced_never_quoted() -> None:
    [reference] = assign_keys([parse_reference(TRICKY[0])])
    written = to_bibtex([replace(reference, id="k")])
    assert '= "' not in written
    assert "\\%" in written and "\\{{Braces}\\}" in written  # escaped, and its capital braced
    assert "title = {Development {Report}: " in written  # a first word keeps its capital


# --- any input ----------------------------------------------------------------------

PIECES = {
    "bibtex": ["@book{", "@article(", "k1", "k1", ", ", "author = ", "title = ", "isbn = ",
               "{", "}", '"', "Westad, Odd Arne and {World Bank}", " and ", "0-8047-4484-X",
               "\\%", "\\\"o", "--", "~", "@string{s = {x}}", "% comment", "\n", "=", "#"],
    "ris": ["TY  - BOOK", "TY  - CHAP", "AU  - Westad, Odd Arne", "AU  - World Bank",
            "TI  - Title", "SN  - 0-8047-4484-X 7800219615", "SP  - 12", "EP  - 14",
            "N1  - vol. 2: ISBN 978-7-80021-961-0", "ER  - ", "ID  - k", "PY  - 1993–1997",
            "continued", "\n", "\n", " - ", "XX  -"],
    "csl-json": ["[", "]", "{", "}", ",", '"type": "book"', '"title": "T"', '"id": "k"',
                 '"author": [{"family": "Westad", "given": "Odd"}]', '"author": 3',
                 '"issued": {"date-parts": [[2003]]}', '"issued": [1]', '"ISBN": "0-8047-4484-X"',
                 "null", "\n  ", '"', ":"],
}


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_any_input_is_read_checked_and_exported_without_raising(fmt: str) -> None:
    from hypothesis import given, settings
    from hypothesis import strategies as st

    pieces = st.lists(st.one_of(st.sampled_from(PIECES[fmt]), st.text(max_size=6)),
                      max_size=30).map("".join)
    write, read, suffix = FORMATS[fmt]

    @settings(max_examples=150, deadline=None)
    @given(pieces)
    def run(text: str) -> None:
        checked = check_document(read(f"fuzz.{suffix}", text))
        assert [r.raw for r in checked.references] == [e.text for e in checked.document.entries]
        assert len({r.id for r in checked.references}) == len(checked.references)
        back = check_document(read(f"back.{suffix}", write(list(checked.references))))
        assert len(back.references) == len(checked.references)

    run()


# --- the pieces ---------------------------------------------------------------------


@pytest.mark.parametrize(("latex", "text"), [
    (r"{\"u}ber {\'E}tudes \c{c}a \v{S}koda", "über Études ça Škoda"),
    (r"Stra{\ss}e \o{} {\AE}", "Straße ø Æ"),
    (r"100\% \& \$ \# \_ \{x\}", "100% & $ # _ {x}"),
    (r"\textbackslash{} \textasciitilde{} \textasciicircum{}", "\\ ~ ^"),
    (r"1946--1950 --- a~tie", "1946–1950 — a tie"),
    (r"\emph{Decisive} {PLA}", "Decisive PLA"),
    (r"C:\path kept", "C:\\path kept"),
], ids=["accents", "letters", "escapes", "symbols", "dashes-tie", "emph-braces", "unknown"])
def test_latex_decoding(latex: str, text: str) -> None:
    from sourcecheck.reading.bibtex import decode

    assert decode(latex) == text


@pytest.mark.parametrize(("names", "people"), [
    ("Westad, Odd Arne and Harold M. Tanner", ["Westad, Odd Arne", "Tanner, Harold M."]),
    ("{World Bank} and {Committee on {PLA} History}",
     ["{World Bank}", "{Committee on PLA History}"]),
    ("van der Berg, Jr, Hans", ["van der Berg, Jr, Hans"]),  # read back as a suffix
    ("Liu Wusheng", ["Wusheng, Liu"]),  # BibTeX's rule, as Zotero reads it: a comma is needed
], ids=["inverted-and-natural", "corporate", "von-jr", "chinese-without-comma"])
def test_bibtex_names(names: str, people: list[str]) -> None:
    from sourcecheck.reading.bibtex import split_names

    assert split_names(names) == people


def test_a_given_key_is_kept_and_never_taken_by_a_generated_one() -> None:
    text = ("TY  - BOOK\nAU  - Tanner, Harold M.\nTI  - Where Chiang Kai-shek Lost China\n"
            "PY  - 2015\nER  - \n"
            "TY  - BOOK\nID  - tanner2015where\nAU  - Tanner, Harold M.\nTI  - Another book\n"
            "PY  - 2015\nER  - \n"
            "TY  - BOOK\nID  - not a key!\nAU  - Lary, Diana\nTI  - China's Civil War\nER  - \n")
    checked = check_document(read_ris("x.ris", text))
    assert [r.id for r in checked.references] == ["tanner2015wherea", "tanner2015where",
                                                  "larychinas"]


def test_a_percent_comment_between_bibtex_fields_loses_no_field() -> None:
    """bibtexparser reads "% …" between fields as part of the next field's name; the
    reader blanks such comments first (as Biber reads them), keeping lines and columns,
    and a % inside a value."""
    text = ("@book{westad2003,\n  author = {Westad, Odd Arne}, % the hardback\n"
            "  title = {Decisive Encounters},\n  url = {https://example.org/a%20b},\n"
            "  year = {2003}\n}\n")
    [entry] = read_bibtex("w.bib", text).entries
    fields = dict(entry.fields)
    assert fields["title"] == "Decisive Encounters"
    assert fields["url"] == "https://example.org/a%20b"
    assert fields["author"] == "Westad, Odd Arne"
    assert blank_comments(text).split("\n")[1] == "  author = {Westad, Odd Arne}," + " " * 15
