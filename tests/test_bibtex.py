"""BibTeX export: every reference, unique keys, escaping, and the round trip."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcecheck import parse_reference
from sourcecheck.citekeys import assign_keys
from sourcecheck.exports.bibtex import escape, read_bibtex_fields, to_bibtex, unescape
from sourcecheck.fieldmap import reference_fields
from sourcecheck.models import Reference
from sourcecheck.pipeline import check_document, check_files, discover

from .conftest import REFERENCES

NASTY = [
    "Brace, Open (2001). A title with { an unbalanced brace. London: Press & Sons.",
    "Percent, Per (2002). 100% of the \"quoted\" story_with_underscores. Paris: Éditions $.",
    "Back, Slash (2003). C:\\path\\to\\nowhere ~ and ^ # signs. Berlin: Verlag}.",
    "McGraw, Hill (2004). The PLA and McCarthy in the USSR. New York: McGraw-Hill.",
]


def _expected(reference: Reference) -> dict[str, str]:
    """The fields as the exporter should write them, in reading form."""
    fields = reference_fields(reference)
    out: dict[str, str] = {}
    for key, value in fields.items():
        if key in ("author", "editor") and value:
            out[key] = " and ".join(value)  # type: ignore[arg-type]
        elif isinstance(value, str) and value:
            out[key] = value
    return out


def test_round_trip_of_every_sample_reference() -> None:
    """Each document's export parses back to the fields of each of its references."""
    for checked in check_files(discover([REFERENCES])):
        back = read_bibtex_fields(to_bibtex(checked.references))
        assert len(back) == len(checked.references)
        for reference in checked.references:
            entry_type, fields = back[reference.id]
            if not reference.is_parsed:
                assert (entry_type, fields["title"]) == ("misc", reference.raw)
                continue
            expected = _expected(reference)
            expected.pop("isbn", None)  # written hyphenated, checked below
            assert {k: fields[k] for k in expected} == expected, reference.id
            valid = [i.isbn13 for i in reference.isbns if i.isbn13]
            assert fields.get("isbn", "").replace("-", "").split() == valid


@pytest.mark.parametrize("text", NASTY, ids=["brace", "percent-quote", "backslash", "capitals"])
def test_special_characters_survive_the_round_trip(text: str) -> None:
    [reference] = assign_keys([parse_reference(text)])
    written = to_bibtex([reference])
    [(entry_type, fields)] = read_bibtex_fields(written).values()
    assert entry_type == "book"
    assert fields["title"] == reference.title
    assert fields["publisher"] == reference.publisher
    assert written.count("{") - written.count("\\{") == written.count("}") - written.count("\\}")


def test_capitals_are_protected() -> None:
    [reference] = assign_keys([parse_reference(NASTY[3])])
    assert "{PLA}" in to_bibtex([reference]) and "{McCarthy}" in to_bibtex([reference])


def test_every_reference_appears_parsed_or_not_with_unique_keys() -> None:
    references = assign_keys([parse_reference(t) for t in
                              [NASTY[0], NASTY[0].replace("2001", "2009"), "1987, 245 pp.", ""]])
    back = read_bibtex_fields(to_bibtex(references))
    assert len(back) == 4
    assert len(set(back)) == 4
    unparsed = [v for v in back.values() if v[0] == "misc"]
    assert next(f["title"] for _, f in unparsed) == "1987, 245 pp."


def test_the_same_reference_twice_is_written_once() -> None:
    [a] = assign_keys([parse_reference(NASTY[1])])
    assert to_bibtex([a, a]).count("@book{") == 1


def test_multi_volume_isbns_go_where_zotero_keeps_them() -> None:
    text = ("Tang, Yilu and Bi, Jianzhong, History of the Liberation War, 1st Edition, Military "
            "Scientific Publishing House in Beijing, 1993 – 1997, ISBN 7-80021-719-1 (Volume 1), "
            "7800219615 (Volume 2)")
    [reference] = assign_keys([parse_reference(text)])
    [(_, fields)] = read_bibtex_fields(to_bibtex([reference])).values()
    assert fields["isbn"] == "978-7-80021-719-7 978-7-80021-961-0"
    assert "vol. 2: ISBN 978-7-80021-961-0" in fields["note"]
    assert fields["volumes"] == "2"


@pytest.mark.parametrize("text", ["a{b}c", "\\}{", "%&$#_~^", "plain"])
def test_escape_unescape(text: str) -> None:
    assert unescape(escape(text)) == text


def test_a_name_suffix_is_written_where_each_format_expects_it(tmp_path: Path) -> None:
    from sourcecheck.exports.csl_json import csl_item
    from sourcecheck.exports.ris import ris_record
    from sourcecheck.reading import read_document

    reference = parse_reference(
        "King, Martin Luther, Jr. Why We Can't Wait. New York: Harper & Row, 1964.")
    [king] = reference.authors
    assert (king.family, king.given, king.suffix) == ("King", "Martin Luther", "Jr.")
    [keyed] = assign_keys([reference])
    bib = to_bibtex([keyed])
    assert "author = {King, Jr., Martin Luther}" in bib  # BibTeX: "von Last, Jr, First"
    assert csl_item("k", keyed)["author"] == [
        {"family": "King", "given": "Martin Luther", "suffix": "Jr."}]
    assert ("AU", "King, Martin Luther, Jr.") in ris_record("k", keyed)
    # the BibTeX we write reads back as the same person
    path = tmp_path / "out.bib"
    path.write_text(bib, encoding="utf-8")
    [again] = check_document(read_document(path, "out.bib")).references
    assert again.authors == reference.authors


def test_a_name_suffix_survives_csl_json_and_ris(tmp_path: Path) -> None:
    from sourcecheck.exports.csl_json import to_csl_json
    from sourcecheck.exports.ris import to_ris
    from sourcecheck.reading import read_document

    [keyed] = assign_keys([parse_reference(
        "King, Martin Luther, Jr. Why We Can't Wait. New York: Harper & Row, 1964.")])
    for name, text in (("out.json", to_csl_json([keyed])), ("out.ris", to_ris([keyed]))):
        path = tmp_path / name
        path.write_text(text, encoding="utf-8")
        [again] = check_document(read_document(path, name)).references
        assert again.authors == keyed.authors, name
