"""Properties that hold for any input: no stage raises, nothing the user wrote is lost."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck import isbn, parse_reference
from sourcecheck.exports.bibtex import read_bibtex_fields, to_bibtex
from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_text

# Lines built from the pieces real documents are made of, so the search reaches the
# reader's and parser's branches rather than only random noise.
PIECES = st.sampled_from([
    "  • ", "* ", "- ", "1. ^ ", "^ a b ", "12. ", "[3]", "References", "Notes", "== Sources ==",
    "Westad, Odd Arne", " (2003). ", "Decisive Encounters", ". ", ", ", "Stanford: ",
    "Stanford University Press", "ISBN ", "0-8047-4478-5", "7800219615 (Volum 2)", " (set)",
    "Ibid., 115.", "Tanner 2015, p. 268.", "op. cit.", "1993 – 1997", "\"", "{", "}", "%",
    "Harold M. Tanner, Where (Bloomington: Indiana University Press, 2015), 112.",
    # Chinese conventions (parsing/cjk.py)
    "黄友岚", "：", "《", "》", "〈", "〉", "，", "。", "北京", "档案出版社", "1992年", "第120页",
    "[M]", "[J]", "//", "（第一卷）", "（全五卷）", "（套）", "同上", "参考文献", "注释", "、",
])
LINE = st.lists(st.one_of(PIECES, st.text(max_size=12)), max_size=8).map("".join)
DOCUMENT = st.lists(LINE, max_size=25).map("\n".join)


@settings(max_examples=300, deadline=None)
@given(DOCUMENT)
def test_any_document_checks_without_raising_and_keeps_every_entry(text: str) -> None:
    document = read_text("fuzz.txt", text)
    checked = check_document(document)
    from_bibliography = [r for r in checked.references if r.section.value != "note"]
    assert [r.raw for r in from_bibliography] == [e.text for e in document.entries]
    assert len({r.id for r in checked.references}) == len(checked.references)
    for finding in checked.findings:
        assert finding.location.line >= 1


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_any_entry_parses_and_exports_back(text: str) -> None:
    reference = parse_reference(text)
    assert reference.raw == text
    written = to_bibtex([replace(reference, id="k")])
    assert list(read_bibtex_fields(written)) == ["k"]


@given(st.text(max_size=20))
def test_isbn_check_never_raises(text: str) -> None:
    facts = isbn.check(text)
    assert facts.valid == (facts.error is None)


CJK_PIECES = st.sampled_from([
    "黄友岚", "解力夫、", "欧阳修", "主编", "：", ":", "《", "》", "〈", "〉", "『", "』", "「",
    "」", "，", "。", ". ", "北京", "档案出版社", "1992年", "1993—1997年", "第120页", "第四卷",
    "（全五卷）", "[M]", "[J]", "//", "55(34)", ": 3219", "ISBN 7-80019-338-1", "（第一卷）",
    "载", "第2版", "2006年第4期", "ノルウェイの森",
])


@settings(max_examples=500, deadline=None)
@given(st.lists(st.one_of(CJK_PIECES, st.text(max_size=4)), max_size=14).map("".join))
def test_any_chinese_entry_parses_and_every_span_points_into_it(text: str) -> None:
    reference = parse_reference(text)
    assert reference.raw == text
    for span in reference.spans:
        assert 0 <= span.start < span.end <= len(text), span
