"""The Markdown, wikitext, HTML and Word readers: the same sample in every format gives
what the plain-text one gives; golden dumps per reader; bad input; formats by content."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sourcecheck.models import CheckedDocument, Document, DocumentFormat, NoticeKind
from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_document
from sourcecheck.reading.html import read_html
from sourcecheck.reading.markdown import read_markdown
from sourcecheck.reading.wikitext import read_wikitext
from sourcecheck.reading.word import read_docx

from .conftest import REFERENCES

SAMPLE = "02-liaoshen-wikipedia"
FORMATS = ["md", "wiki", "html", "docx"]


def _checked(suffix: str) -> CheckedDocument:
    return check_document(read_document(REFERENCES / f"{SAMPLE}.{suffix}"))


def _references(checked: CheckedDocument) -> list[tuple[object, ...]]:
    return [(r.id, r.kind, r.section, r.authors, r.editors, r.title, r.year, r.edition,
             r.publisher, r.address, r.volumes, tuple((i.raw, i.isbn13) for i in r.isbns))
            for r in checked.references]


def _source_lines(suffix: str, checked: CheckedDocument) -> list[str]:
    """The source lines (a Word paragraph) each reference is written on."""
    path = REFERENCES / f"{SAMPLE}.{suffix}"
    if suffix == "docx":
        lines = checked.document.text.split("\n")
    else:
        lines = path.read_text(encoding="utf-8").split("\n")
    return ["\n".join(lines[r.location.line - 1: r.location.line + r.raw.count("\n")])
            for r in checked.references]


@pytest.fixture(scope="module")
def plain() -> CheckedDocument:
    return _checked("txt")


@pytest.mark.parametrize("suffix", FORMATS)
def test_every_format_says_what_the_plain_text_says(suffix: str, plain: CheckedDocument) -> None:
    checked = _checked(suffix)
    assert checked.document.format is not DocumentFormat.TEXT
    assert _references(checked) == _references(plain)
    assert [(r.citation.note, r.citation.kind, r.citation.locator, r.status, r.reference_id)
            for r in checked.resolutions] == [
        (r.citation.note, r.citation.kind, r.citation.locator, r.status, r.reference_id)
        for r in plain.resolutions]
    assert [(f.code, f.severity, f.message, f.reference, f.note) for f in checked.findings] == [
        (f.code, f.severity, f.message, f.reference, f.note) for f in plain.findings]
    assert [(n.label, n.text, n.backlinks) for n in checked.document.notes] == [
        (n.label, n.text, n.backlinks) for n in plain.document.notes]
    assert [m.label for m in checked.document.markers] == [m.label for m in plain.document.markers]


@pytest.mark.parametrize("suffix", FORMATS)
def test_locations_point_into_each_source(suffix: str) -> None:
    """Lines modulo format: every reference's line holds its author in that format, and
    every finding is located where its reference is."""
    checked = _checked(suffix)
    for reference, line in zip(checked.references, _source_lines(suffix, checked), strict=True):
        assert reference.authors[0].family in line
    where = {r.id: r.location for r in checked.references}
    for finding in checked.findings:
        assert finding.reference is not None and finding.location == where[finding.reference]


def _dump(document: Document) -> str:
    data = {
        "format": document.format.value,
        "entries": [{"line": e.location.line, "column": e.location.column, "section": e.section,
                     "kind": e.kind, "text": e.text, "fields": [list(f) for f in e.fields]}
                    for e in document.entries],
        "notes": [{"label": n.label, "line": n.location.line, "column": n.location.column,
                   "backlinks": n.backlinks, "text": n.text} for n in document.notes],
        "markers": [[m.label, m.location.line, m.location.column] for m in document.markers],
        "notices": [[n.kind, n.message, n.location.line] for n in document.notices],
    }
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


@pytest.mark.parametrize("suffix", FORMATS)
def test_golden_reader_output(suffix: str, golden: Callable[[str, str], None]) -> None:
    document = read_document(REFERENCES / f"{SAMPLE}.{suffix}", f"{SAMPLE}.{suffix}")
    golden(f"readers/{SAMPLE}.{suffix}.json", _dump(document))


# --- details of each reader -------------------------------------------------------------

MARKDOWN = """# Draft

Text with a note.[^a] And another.[^2] And a *third*.[^a]

## Bibliography

* Westad, Odd Arne (2003). *Decisive Encounters*. Stanford: Stanford University Press.
+ Lary, Diana (2015). _China's Civil War_. Cambridge: Cambridge University Press.

```
[^9]: not a note, code
```

[^a]: Westad 2003,
p. 36.

    Second paragraph of the note.
[^2]: Lary 2015, p. 12.
"""


def test_markdown_footnotes_multiline_and_emphasis() -> None:
    document = read_markdown("d.md", MARKDOWN)
    assert [(n.label, n.location.line, n.location.column, n.backlinks) for n in document.notes] == [
        ("a", 14, 7, 2), ("2", 18, 7, 1)]
    assert document.notes[0].text == "Westad 2003, p. 36. Second paragraph of the note."
    assert [(m.label, m.location.line, m.location.column) for m in document.markers] == [
        ("a", 3, 18), ("2", 3, 35), ("a", 3, 54)]
    assert [e.text for e in document.entries] == [
        "Westad, Odd Arne (2003). Decisive Encounters. Stanford: Stanford University Press.",
        "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press."]
    checked = check_document(document)
    # "Stanford" after the stripped "*": the reference's raw offset maps to its source column
    assert [r.status.value for r in checked.resolutions] == ["resolved", "resolved"]


WIKI = """Text.{{sfn|Zhou|Gao|1995|p=44}} More.{{sfn|Zhou|Gao|1995|p=44}} Again.<ref name="m">{{harvnb|Mao Anthology|1993|pp=480–482}}</ref>
Once more.<ref name="m" /> Full.<ref>{{cite book |last=Tanner |first=Harold M. |title=Where Chiang Kai-shek Lost China |location=Bloomington |publisher=Indiana University Press |year=2015 |isbn=0253016991 |page=112}}</ref>

== Bibliography ==
* {{cite book |last1=Zhou |first1=Enlai |last2=Gao |first2=Gang |title=Campaign History |edition=2nd |volume=2 |publisher=People's Press |location=Beijing |date=May 1995 |isbn=7-80021-719-1}}
* {{citation |title=Mao Zedong Military Anthology |publisher=Military Science Press |location=Beijing |year=1993 |ref={{sfnref|Mao Anthology|1993}}}}
"""


def test_wikitext_refs_sfn_and_citeref() -> None:
    document = read_wikitext("a.wiki", WIKI)
    assert [(n.label, n.backlinks) for n in document.notes] == [("1", 2), ("2", 2), ("3", 1)]
    assert [m.label for m in document.markers] == ["1", "1", "2", "2", "3"]
    assert document.notes[0].text == "Zhou & Gao 1995, p. 44."
    # the CITEREF anchor {{sfnref|Mao Anthology|1993}} names the template: its title is cited
    assert document.notes[1].text == "Mao Zedong Military Anthology, pp. 480–482"
    assert document.notes[2].text.startswith("Tanner, Harold M. (2015). Where Chiang")
    zhou = document.entries[0]
    assert (zhou.kind, zhou.location.line, zhou.location.column) == ("book", 5, 3)
    assert ("author", "Gao, Gang") in zhou.fields and ("edition", "2nd") in zhou.fields
    checked = check_document(document)
    statuses = {r.citation.note: (r.status.value, r.reference_id) for r in checked.resolutions}
    assert statuses["1"][0] == "resolved" and statuses["1"][1].startswith("zhou1995")
    assert statuses["2"][0] == "resolved"
    assert statuses["3"][0] == "resolved"
    zhou_ref = checked.references[0]
    assert (zhou_ref.year, zhou_ref.edition, zhou_ref.volume) == ("1995", "2nd", "2")


def test_wikitext_citation_keeps_every_numbered_author_and_editor() -> None:
    """CS1 numbers names without limit; none after the ninth or after a gap is lost."""
    authors = "".join(f" |last{n}=Author{n} |first{n}=A." for n in (*range(1, 13), 15))
    text = ("== References ==\n* {{cite book" + authors
            + " |editor1-last=Ed |editor2-last=Itor |editor4-last=Four |title=T |year=2001}}\n")
    [entry] = read_wikitext("a.wiki", text).entries
    assert [v for k, v in entry.fields if k == "author"] == [
        f"Author{n}, A." for n in (*range(1, 13), 15)]
    assert [v for k, v in entry.fields if k == "editor"] == ["Ed", "Itor", "Four"]


HTML_GENERIC = """<html><body><p>Claim.<a href="#fn1" class="footnote-ref"><sup>1</sup></a>
Other claim.<a href="#fn2" class="footnote-ref"><sup>2</sup></a></p>
<h2>Works cited</h2>
<ul><li>Lary, Diana (2015). <i>China's Civil War</i>. Cambridge: Cambridge University Press. ISBN 1107054672.</li></ul>
<section class="footnotes"><ol>
<li id="fn1"><p>Lary 2015, p. 3.<a href="#fnref1" class="footnote-back">↩︎</a></p></li>
<li id="fn2"><p>Lary 2015, p. 9.<a href="#fnref2" class="footnote-back">↩︎</a></p></li>
</ol></section>
<script>var x = "[7] Smith, John (1999). Not. Press.";</script>
"""


def test_generic_html_footnotes_and_headed_list() -> None:
    document = read_html("p.html", HTML_GENERIC)
    assert [(n.label, n.text, n.location.line) for n in document.notes] == [
        ("1", "Lary 2015, p. 3.", 6), ("2", "Lary 2015, p. 9.", 7)]
    assert [(m.label, m.location.line) for m in document.markers] == [("1", 1), ("2", 2)]
    assert [(e.location.line, e.text[:11]) for e in document.entries] == [(4, "Lary, Diana")]
    checked = check_document(document)
    assert all(r.status.value == "resolved" for r in checked.resolutions)


# --- bad input --------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    return (REFERENCES / f"{SAMPLE}.docx").read_bytes()


def _without(name: str) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.namelist():
            if item != name:
                target.writestr(item, source.read(item))
    return out.getvalue()


def _replaced(name: str, data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_docx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.namelist():
            target.writestr(item, data if item == name else source.read(item))
    return out.getvalue()


@pytest.mark.parametrize(("make", "reason"), [
    pytest.param(lambda: _docx_bytes()[:2000], "not a complete ZIP", id="truncated-zip"),
    pytest.param(lambda: _without("word/document.xml"), "missing", id="no-document-xml"),
    pytest.param(lambda: _replaced("word/document.xml", b"<w:document"), "XML", id="broken-xml"),
    pytest.param(lambda: b"PK\x03\x04" + b"\x00" * 40, "not a complete ZIP", id="zip-header-only"),
])
def test_corrupt_docx_is_a_notice_not_a_crash(tmp_path: Path, make: Callable[[], bytes],
                                              reason: str) -> None:
    path = tmp_path / "chapter.docx"
    path.write_bytes(make())
    document = read_document(path)
    [notice] = document.notices
    assert notice.kind is NoticeKind.UNREADABLE and reason in notice.message
    codes = [f.code for f in check_document(document).findings]
    assert codes == ["doc.unreadable"]


def test_docx_with_a_missing_part_names_the_problem() -> None:
    document = read_docx("x.docx", _without("word/footnotes.xml"))
    [notice] = document.notices
    assert notice.kind is NoticeKind.UNREADABLE and "missing" in notice.message


def test_truncated_html_still_gives_what_it_holds() -> None:
    text = (REFERENCES / f"{SAMPLE}.html").read_text(encoding="utf-8")
    cut = text[: text.index("CITEREFTaylor2009")]
    document = read_html("cut.html", cut)
    assert len(document.notes) == 9 and len(document.entries) == 4
    assert document.entries[-1].text.startswith("Tanner, Harold M.")
    check_document(document)


@pytest.mark.parametrize("text", [
    pytest.param("Text.{{sfn|Westad|2003\n\n== References ==\n* {{cite book |last=Westad |title=Decisive Encounters |year=2003",
                 id="unclosed-templates"),
    pytest.param("Text.<ref>Westad 2003, p. 36.\n\nMore text.\n== Notes ==\n{{reflist}}", id="unclosed-ref"),
    pytest.param("}}}} {{{{ <ref name=x /> </ref> [[ ]] ''' {{cite book}}", id="debris"),
])
def test_unbalanced_wikitext_reads_without_raising(text: str) -> None:
    document = read_wikitext("bad.wiki", text)
    check_document(document)
    if "unclosed-ref" in text or "<ref>Westad" in text:
        assert [n.text for n in document.notes] == ["Westad 2003, p. 36."]


def test_unclosed_cite_template_keeps_the_entry_as_written() -> None:
    text = "== References ==\n* {{cite book |last=Westad |title=Decisive Encounters |year=2003\n"
    document = read_wikitext("bad.wiki", text)
    assert [e.text for e in document.entries] == [
        "{{cite book |last=Westad |title=Decisive Encounters |year=2003"]


# --- formats by content -----------------------------------------------------------------


@pytest.mark.parametrize(("source", "name", "expected"), [
    pytest.param("html", "saved-page.txt", DocumentFormat.HTML, id="html-as-txt"),
    pytest.param("wiki", "article.txt", DocumentFormat.WIKITEXT, id="wikitext-as-txt"),
    pytest.param("md", "notes.txt", DocumentFormat.MARKDOWN, id="markdown-footnotes-as-txt"),
    pytest.param("html", "saved-page", DocumentFormat.HTML, id="html-without-suffix"),
    pytest.param("docx", "chapter.txt", DocumentFormat.DOCX, id="docx-as-txt"),
    pytest.param("docx", "chapter", DocumentFormat.DOCX, id="docx-without-suffix"),
    pytest.param("txt", "chapter.docx", DocumentFormat.TEXT, id="text-as-docx"),
])
def test_suffix_that_lies(tmp_path: Path, source: str, name: str,
                          expected: DocumentFormat) -> None:
    path = tmp_path / name
    path.write_bytes((REFERENCES / f"{SAMPLE}.{source}").read_bytes())
    document = read_document(path)
    assert document.format is expected
    assert len(document.entries) == 7


# --- properties -------------------------------------------------------------------------

PIECES = st.sampled_from([
    "[^1]", "[^1]: ", "*", "_", "`", "```", "## References\n", "- ", "\n", "    ",
    "<ref>", "</ref>", '<ref name="a" />', "{{sfn|Westad|2003|p=36}}", "{{cite book |last=X",
    "}}", "{{", "|", "== Notes ==\n", "{{reflist}}", "<li id=\"n1\">", "<a href=\"#n1\">[1]</a>",
    "<ol>", "</ol>", "<sup>", "<cite class=\"citation\">", "<script>", "&amp;", "<",
    "Westad, Odd Arne (2003). Decisive. Stanford: Stanford University Press. ISBN 0-8047-4478-5",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(TEXTS)
@pytest.mark.parametrize("reader", [read_markdown, read_wikitext, read_html],
                         ids=["markdown", "wikitext", "html"])
def test_text_readers_never_raise(reader: Callable[[str, str], Document], text: str) -> None:
    document = reader("fuzz", text)
    checked = check_document(document)
    assert all(f.location.line >= 1 for f in checked.findings)
    assert all(e.location.line >= 1 for e in document.entries)


@settings(max_examples=50, deadline=None)
@given(st.binary(max_size=300))
def test_word_reader_never_raises(data: bytes) -> None:
    document = read_docx("fuzz.docx", b"PK\x03\x04" + data)
    assert document.notices or document.entries or document.notes or not document.text


def test_word_numbers_notes_as_word_shows_them() -> None:
    """Footnotes are numbered by the order of their marks, not their ids; endnotes are
    i, ii … by default; a custom mark keeps its text; a footnote no mark shows is kept."""
    import docx

    from .data.make_docx import add_notes_part, note_reference

    word = docx.Document()
    paragraph = word.add_paragraph("First claim.")
    note_reference(paragraph, "footnote", 5)
    paragraph.add_run(" Second claim.")
    note_reference(paragraph, "footnote", 2)
    paragraph.add_run(" Third.")
    note_reference(paragraph, "endnote", 1)
    paragraph.add_run(" Fourth.")
    note_reference(paragraph, "footnote", 7, custom_mark="*")
    add_notes_part(word, "footnote", {2: "Lary 2015, p. 2.", 5: "Westad 2003, p. 5.",
                                      7: "Tanner 2015, p. 7.", 9: "Orphan note."})
    add_notes_part(word, "endnote", {1: "Koga 2016, p. 1."})
    buffer = io.BytesIO()
    word.save(buffer)
    document = read_docx("n.docx", buffer.getvalue())
    assert [(m.label, m.location.line, m.location.column) for m in document.markers] == [
        ("1", 1, 13), ("2", 1, 27), ("i", 1, 34), ("*", 1, 42)]
    assert document.text == "First claim. Second claim. Third. Fourth."
    # notes stand where their marks are; one without a mark at the start
    assert [(n.label, n.text, n.location.column) for n in document.notes] == [
        ("footnote id 9", "Orphan note.", 1), ("1", "Westad 2003, p. 5.", 13),
        ("2", "Lary 2015, p. 2.", 27), ("i", "Koga 2016, p. 1.", 34),
        ("*", "Tanner 2015, p. 7.", 42)]
    codes = [(f.code, f.note) for f in check_document(document).findings
             if f.code.startswith("cite.unused")]
    assert codes == [("cite.unused-note", "footnote id 9")]


LIST_DEFINED = """Claim.<ref name="lary" /> Aside.<ref group="note">See below.</ref> As {{harv|Lary|2015|p=10}} says.

== References ==
{{reflist|refs=
<ref name="lary">Lary 2015, p. 3.</ref>
}}
* {{cite book |last=Lary |first=Diana |year=2015 |title=China's Civil War |publisher=Cambridge University Press |location=Cambridge}}
"""


def test_wikitext_list_defined_refs_groups_and_in_text_harv() -> None:
    document = read_wikitext("l.wiki", LIST_DEFINED)
    # a list-defined note is located where its text is written
    assert [(n.label, n.text, n.location.line) for n in document.notes] == [
        ("note 1", "See below.", 1), ("1", "Lary 2015, p. 3.", 5)]
    assert [(m.label, m.location.line, m.location.column) for m in document.markers] == [
        ("1", 1, 7), ("note 1", 1, 33)]
    # an in-text {{harv}} is prose, not a note: its words stay in the text
    assert len(document.entries) == 1 and document.entries[0].kind == "book"
    checked = check_document(document)
    assert [(r.citation.note, r.status.value) for r in checked.resolutions] == [("1", "resolved")]


def test_html_bare_superscripts_are_markers_only_with_notes() -> None:
    page = ("<p>Claim.<sup>1</sup> Area 5 m<sup>2</sup>.</p>\n<h2>Notes</h2>\n"
            "<ol><li>Lary 2015, p. 3.</li><li>Lary 2015, p. 4.</li></ol>")
    document = read_html("s.html", page)
    assert [(n.label, n.text) for n in document.notes] == [
        ("1", "Lary 2015, p. 3."), ("2", "Lary 2015, p. 4.")]
    assert [m.label for m in document.markers] == ["1", "2"]
    no_notes = read_html("m.html", "<p>Area 5 m<sup>2</sup>.</p>")
    assert not no_notes.markers


def test_wikitext_refs_inside_other_templates_are_notes() -> None:
    text = ("{{Infobox military conflict\n| date = 1948<ref>Tanner 2015, p. 1.</ref>\n"
            "| place = Liaoning{{sfn|Tanner|2015|p=2}}\n}}\nProse.<ref>Tanner 2015, p. 3.</ref>\n")
    document = read_wikitext("i.wiki", text)
    assert [(n.label, n.text, n.location.line) for n in document.notes] == [
        ("1", "Tanner 2015, p. 1.", 2), ("2", "Tanner 2015, p. 2.", 3),
        ("3", "Tanner 2015, p. 3.", 5)]
    assert [(m.location.line, m.location.column) for m in document.markers] == [
        (2, 14), (3, 19), (5, 7)]


def test_markdown_reference_links_are_not_notes() -> None:
    text = "See [the archive][1] and [this][2].\n\n[1]: https://example.org\n [2]: https://x.org\n"
    document = read_markdown("l.md", text)
    assert not document.markers and not document.notes


def test_docx_that_unpacks_too_large_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    from sourcecheck.reading import word

    monkeypatch.setattr(word, "_MAX_UNPACKED", 1000)
    [notice] = word.read_docx("big.docx", _docx_bytes()).notices
    assert notice.kind is NoticeKind.UNREADABLE and "too large when unpacked" in notice.message


def test_empty_word_document_is_reported_empty() -> None:
    import docx

    buffer = io.BytesIO()
    docx.Document().save(buffer)
    document = read_docx("empty.docx", buffer.getvalue())
    assert [n.kind for n in document.notices] == [NoticeKind.EMPTY]
    assert [f.code for f in check_document(document).findings] == ["doc.empty"]


def test_wikitext_free_text_entry_before_a_template_bullet_keeps_its_own_line() -> None:
    """The bullet of a {{cite book}} line is not glued to the free-text entry above it
    (it was: a stray "*" ended the entry and its lines ran into the next line)."""
    text = ("== References ==\n"
            "* Westad, Odd Arne. ''Decisive Encounters''. Stanford: Stanford University "
            "Press, 2003.\n"
            "* {{cite book |last=Tanner |first=Harold |title=Where Chiang Kai-shek Lost China"
            " |year=2015}}\n"
            "* Lary, Diana. ''China's Civil War''. Cambridge: Cambridge University Press, 2015.\n")
    westad, tanner, lary = read_wikitext("t.wiki", text).entries
    assert westad.text.endswith("Stanford University Press, 2003.")
    assert {start.line for start in westad.lines} == {2}
    assert tanner.location.line == 3 and tanner.fields
    assert lary.location.line == 4


def test_markdown_bullets_inside_a_blockquote_keep_their_columns() -> None:
    from sourcecheck.reading.markdown import strip_line

    rendered = strip_line("> + Lary, Diana (2015). *China's Civil War*.", 7)
    assert rendered.text == "- Lary, Diana (2015). China's Civil War."
    # text from index 1 (the space after the bullet) is the source from column 4: "> + "
    assert rendered.points[1] == (1, 7, 4)
