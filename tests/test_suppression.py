"""Suppression comments in documents: ``sourcecheck: ignore[code]`` on an entry's lines."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.exports.bibtex import to_bibtex
from sourcecheck.models import CheckedDocument
from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_document
from sourcecheck.reports.json_report import run_report
from sourcecheck.reports.terminal import render_summary
from sourcecheck.suppression import blank_markers, find_near_misses, find_suppressions

from .conftest import check_text, codes

TAYLOR = ("Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press. "
          "ISBN 0-674-03338-9.")  # the check digit should be 8
LARY = "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press."

# One document per format: Taylor's entry carries the comment (MARK is replaced by the
# codes), Lary's entry has a finding of its own (ref.no-identifier) that must stay.
FORMATS = {
    "text": ("doc.txt", "A sentence.\n\nBibliography\n\n"
                        f"  • {TAYLOR}  # sourcecheck: ignore[MARK]\n  • {LARY}\n"),
    "markdown": ("doc.md", "A sentence.\n\n## Bibliography\n\n"
                           f"- {TAYLOR} <!-- sourcecheck: ignore[MARK] -->\n- {LARY}\n"),
    "wikitext": ("doc.wiki", "A sentence.\n\n== Bibliography ==\n"
                             f"* {TAYLOR} <!-- sourcecheck: ignore[MARK] -->\n\n* {LARY}\n"),
    "wikitext-template": (
        "doc.wiki", "A sentence.\n\n== Bibliography ==\n"
                    "* {{cite book |last=Taylor |first=Jay |title=The Generalissimo "
                    "|publisher=Harvard University Press |location=Cambridge |year=2009 "
                    "|isbn=0-674-03338-9}} <!-- sourcecheck: ignore[MARK] -->\n\n"
                    f"* {LARY}\n"),
    "bibtex": ("doc.bib", "@book{taylor2009,\n  author = {Taylor, Jay},  % sourcecheck: ignore[MARK]\n"
                          "  title = {The Generalissimo},\n  publisher = {Harvard University Press},\n"
                          "  address = {Cambridge},\n  year = {2009},\n  isbn = {0-674-03338-9}\n}\n"
                          "@book{lary2015,\n  author = {Lary, Diana},\n  title = {China's Civil War},\n"
                          "  publisher = {Cambridge University Press},\n  address = {Cambridge},\n"
                          "  year = {2015}\n}\n"),
    "html": ("doc.html", "<html><body><p>A sentence.</p><h2>Bibliography</h2><ul>\n"
                         f"<li>{TAYLOR} <!-- sourcecheck: ignore[MARK] --></li>\n"
                         f"<li>{LARY}</li>\n</ul></body></html>\n"),
}


def _check(tmp_path: Path, kind: str, mark: str) -> CheckedDocument:
    name, text = FORMATS[kind]
    path = tmp_path / name
    path.write_text(text.replace("MARK", mark), encoding="utf-8")
    return check_document(read_document(path, name))


@pytest.mark.parametrize("kind", sorted(FORMATS))
@pytest.mark.parametrize("mark", ["isbn.checksum", "isbn", "ref.no-identifier, isbn.checksum"],
                         ids=["code", "area", "list"])
def test_comment_suppresses_the_entrys_finding(tmp_path: Path, kind: str, mark: str) -> None:
    checked = _check(tmp_path, kind, mark)
    assert "isbn.checksum" not in codes(checked)
    assert [f.code for f in checked.suppressed] == ["isbn.checksum"]
    lary = [f for f in checked.findings if f.code == "ref.no-identifier"]
    assert len(lary) == 1, "another entry's finding is not suppressed"
    assert lary[0].reference is not None and lary[0].reference.startswith("lary")


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_comment_for_another_code_suppresses_nothing(tmp_path: Path, kind: str) -> None:
    checked = _check(tmp_path, kind, "ref.duplicate")
    assert "isbn.checksum" in codes(checked)
    assert checked.suppressed == ()


@pytest.mark.parametrize("kind", sorted(FORMATS))
def test_comment_stays_out_of_the_entry_and_the_export(tmp_path: Path, kind: str) -> None:
    checked = _check(tmp_path, kind, "isbn.checksum")
    taylor = next(r for r in checked.references if r.id.startswith("taylor"))
    assert "sourcecheck" not in taylor.raw and "<!--" not in taylor.raw
    assert taylor.title == "The Generalissimo"
    assert taylor.publisher == "Harvard University Press"
    assert "sourcecheck" not in to_bibtex(checked.references)


def test_comment_on_a_continuation_line_covers_the_whole_entry() -> None:
    text = ("A sentence.\n\nBibliography\n\n"
            "  • Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press.\n"
            "    ISBN 0-674-03338-9.\n"
            "    Paperback. # sourcecheck: ignore[isbn.checksum]\n")
    checked = check_text(text)
    assert "isbn.checksum" not in codes(checked)
    assert [f.location.line for f in checked.suppressed] == [6]  # the finding's own line


def test_comment_in_a_note_suppresses_the_notes_finding() -> None:
    text = ("A sentence.[1]\n\nNotes\n\n1. Westad 2004, p. 36. # sourcecheck: "
            "ignore[cite.unresolved]\n\nBibliography\n\n"
            "  • Westad, Odd Arne (2003). Decisive Encounters. Stanford: Stanford University "
            "Press. ISBN 0-8047-4478-5.\n")
    checked = check_text(text)
    assert "cite.unresolved" not in codes(checked)
    assert [f.code for f in checked.suppressed] == ["cite.unresolved"]
    assert checked.document.notes[0].text == "Westad 2004, p. 36."


def test_comment_on_its_own_line_for_a_finding_without_entry() -> None:
    marked = "A sentence.[2] # sourcecheck: ignore[cite.missing-note]\n\nNotes\n\n1. Lary 2015.\n"
    assert "cite.missing-note" in codes(check_text(marked.replace("cite.missing-note", "isbn")))
    checked = check_text(marked)
    assert "cite.missing-note" not in codes(checked)
    assert [f.code for f in checked.suppressed] == ["cite.missing-note"]


def test_unknown_code_is_a_warning_and_the_known_ones_still_work() -> None:
    text = f"A sentence.\n\nBibliography\n\n  • {TAYLOR}  # sourcecheck: ignore[isbn.cheksum, ref]\n"
    checked = check_text(text)
    unknown = [f for f in checked.findings if f.code == "doc.unknown-ignore"]
    assert len(unknown) == 1 and "'isbn.cheksum'" in unknown[0].message
    assert unknown[0].location.line == 5
    assert "isbn.checksum" in codes(checked)  # the misspelt code silenced nothing


def test_all_is_refused() -> None:
    checked = check_text(f"A sentence.\n\nBibliography\n\n  • {TAYLOR}  # sourcecheck: ignore[ALL]\n")
    assert "isbn.checksum" in codes(checked) and "doc.unknown-ignore" in codes(checked)


def test_an_ignored_code_is_not_counted_as_suppressed(tmp_path: Path) -> None:
    path = tmp_path / "doc.txt"
    path.write_text(FORMATS["text"][1].replace("MARK", "isbn.checksum"), encoding="utf-8")
    checked = check_document(read_document(path), enabled={"ref.no-identifier"})
    assert codes(checked) == ["ref.no-identifier"] and checked.suppressed == ()


def test_suppressed_findings_are_counted_in_reports(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("doc.txt").write_text(FORMATS["text"][1].replace("MARK", "isbn.checksum"),
                               encoding="utf-8")
    result = CliRunner().invoke(app, ["check", "doc.txt", "--format", "json", "--no-reports"])
    assert result.exit_code == 0, result.output  # the only error is suppressed
    report = json.loads(result.stdout)
    assert report["summary"]["suppressed"] == 1
    assert report["documents"][0]["suppressed"] == 1
    assert report["summary"]["findings"]["error"] == 0
    checked = check_document(read_document(Path("doc.txt")))
    assert render_summary([checked]).endswith(" · 1 suppressed")
    assert run_report([checked])["summary"]["suppressed"] == 1
    written = CliRunner().invoke(app, ["check", "doc.txt", "--out", "out"])
    assert "1 suppressed" in written.stdout
    assert json.loads(Path("out/report.json").read_text(encoding="utf-8"))[
        "summary"]["suppressed"] == 1


def test_blanking_a_comment_over_several_lines_keeps_the_line_breaks() -> None:
    text = "a\n<!--\nsourcecheck: ignore[isbn]\n-->\nb\n<!--sourcecheck:\tignore[isbn]\r\n-->\n"
    blanked = blank_markers(text)
    assert len(blanked) == len(text)
    assert [i for i, c in enumerate(blanked) if c == "\n"] == \
        [i for i, c in enumerate(text) if c == "\n"]
    assert "sourcecheck" not in blanked


def test_a_comment_over_several_lines_does_not_shift_later_lines(tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("# A\n\n<!--\nsourcecheck: ignore[ref.uncited]\n-->\n\n## Bibliography\n\n"
                    f"- {TAYLOR}\n", encoding="utf-8")
    checked = check_document(read_document(path, "doc.md"))
    assert [(f.code, f.location.line) for f in checked.findings
            if f.code == "isbn.checksum"] == [("isbn.checksum", 9)]


@pytest.mark.parametrize("lookalike", ["mysourcecheck: ignore[isbn.checksum]",
                                       "not-sourcecheck: ignore[isbn.checksum]",
                                       "# nosourcecheck:ignore[isbn]"])
def test_a_longer_word_ending_in_sourcecheck_is_not_a_comment(lookalike: str) -> None:
    checked = check_text(f"A sentence.\n\nBibliography\n\n  • {TAYLOR} {lookalike}\n")
    assert "isbn.checksum" in codes(checked) and checked.suppressed == ()
    assert lookalike in checked.references[0].raw  # what the user wrote is not blanked


NOTE_FORMATS = {
    "markdown": ("doc.md", "A sentence.[^1]\n\n[^1]: Westad 2004, p. 36. MARK\n"
                           "    Second paragraph. MARK\n\n## Bibliography\n\n- WESTAD\n"),
    "wikitext": ("doc.wiki", "A sentence.<ref>Westad 2004, p. 36. MARK</ref>\n\n"
                             "== Notes ==\n<references />\n\n== Bibliography ==\n* WESTAD\n"),
    "html": ("doc.html", "<html><body><p>A sentence.<sup><a href='#n1'>1</a></sup></p>"
                         "<h2>Notes</h2><ol><li id='n1'>Westad 2004, p. 36. MARK</li></ol>"
                         "<h2>Bibliography</h2><ul>\n<li>WESTAD</li></ul></body></html>\n"),
}


@pytest.mark.parametrize("kind", sorted(NOTE_FORMATS))
def test_comment_in_a_note_stays_out_of_the_note_text(tmp_path: Path, kind: str) -> None:
    name, text = NOTE_FORMATS[kind]
    westad = ("Westad, Odd Arne (2003). Decisive Encounters. Stanford: Stanford University "
              "Press. ISBN 0-8047-4478-5.")
    path = tmp_path / name
    path.write_text(text.replace("MARK", "<!-- sourcecheck: ignore[cite.unresolved] -->")
                    .replace("WESTAD", westad), encoding="utf-8")
    checked = check_document(read_document(path, name))
    assert [f.code for f in checked.suppressed] == ["cite.unresolved"]
    assert "sourcecheck" not in checked.document.notes[0].text
    assert checked.document.notes[0].text.startswith("Westad 2004, p. 36.")


ONE_LINE = {  # two notes on one line, the comment inside the second (Smith's) only, at its
    # end or at its start (then nearer to its text than to the end of the note before)
    "wikitext": ("doc.wiki", "A claim.<ref>Westad 2004, p. 36.</ref> Another.<ref>Smith 1888, "
                             "p. 2. <!-- sourcecheck: ignore[cite.unresolved] --></ref>\n\n"
                             "== Notes ==\n<references />\n\n== Bibliography ==\n* WESTAD\n"),
    "html": ("doc.html", "<html><body><p>A claim.<sup><a href='#n1'>1</a></sup> Another.<sup>"
                         "<a href='#n2'>2</a></sup></p><h2>Notes</h2><ol><li id='n1'>Westad "
                         "2004, p. 36.</li><li id='n2'>Smith 1888, p. 2. <!-- sourcecheck: "
                         "ignore[cite.unresolved] --></li></ol><h2>Bibliography</h2><ul><li>"
                         "WESTAD</li></ul></body></html>\n"),
    "wikitext-comment-first": (
        "doc.wiki", "A claim.<ref>Westad 2004, p. 36.</ref> Another.<ref><!-- sourcecheck: "
                    "ignore[cite.unresolved] -->Smith 1888, p. 2.</ref>\n\n== Notes ==\n"
                    "<references />\n\n== Bibliography ==\n* WESTAD\n"),
    "html-comment-first": (
        "doc.html", "<html><body><p>A claim.<sup><a href='#n1'>1</a></sup> Another.<sup>"
                    "<a href='#n2'>2</a></sup></p><h2>Notes</h2><ol><li id='n1'>Westad 2004, "
                    "p. 36.</li><li id='n2'><!-- sourcecheck: ignore[cite.unresolved] -->Smith "
                    "1888, p. 2.</li></ol><h2>Bibliography</h2><ul><li>WESTAD</li></ul>"
                    "</body></html>\n"),
}


@pytest.mark.parametrize("kind", sorted(ONE_LINE))
def test_comment_inside_one_of_several_notes_on_a_line_silences_only_that_note(
        tmp_path: Path, kind: str) -> None:
    name, text = ONE_LINE[kind]
    path = tmp_path / name
    path.write_text(text.replace("WESTAD", "Westad, Odd Arne (2003). Decisive Encounters. "
                                 "Stanford: Stanford University Press. ISBN 0-8047-4478-5."),
                    encoding="utf-8")
    checked = check_document(read_document(path, name))
    assert [(f.code, f.note) for f in checked.suppressed] == [("cite.unresolved", "2")]
    assert [(f.code, f.note) for f in checked.findings if f.code == "cite.unresolved"] == \
        [("cite.unresolved", "1")]


def test_comment_inside_one_of_several_entries_on_a_line_silences_only_that_entry(
        tmp_path: Path) -> None:
    path = tmp_path / "doc.html"  # a page written on one line, as minified pages are
    path.write_text(f"<html><body><p>A sentence.</p><h2>Bibliography</h2><ul><li>{TAYLOR}</li>"
                    f"<li>{TAYLOR.replace('Taylor', 'Tailor').replace('Generalissimo', 'Chief')}"
                    " <!-- sourcecheck: ignore[isbn.checksum] --></li></ul></body></html>\n",
                    encoding="utf-8")
    checked = check_document(read_document(path, "doc.html"))
    assert len(checked.references) == 2
    kept = [f.reference for f in checked.findings if f.code == "isbn.checksum"]
    dropped = [f.reference for f in checked.suppressed if f.code == "isbn.checksum"]
    assert kept == [checked.references[0].id] and dropped == [checked.references[1].id]


def test_the_marker_typed_into_a_word_paragraph_works_as_in_plain_text(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("A sentence.")
    word.add_paragraph("Bibliography")
    word.add_paragraph(f"{TAYLOR} # sourcecheck: ignore[isbn.checksum]")
    word.add_paragraph(LARY)
    word.save(str(tmp_path / "doc.docx"))
    checked = check_document(read_document(tmp_path / "doc.docx", "doc.docx"))
    assert [f.code for f in checked.suppressed] == ["isbn.checksum"]
    assert "sourcecheck" not in checked.references[0].raw
    assert "ref.no-identifier" in codes(checked)  # Lary's own finding stays


def test_a_word_comment_on_an_entry_suppresses_without_touching_the_text(
        tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("A sentence.")
    word.add_paragraph("Bibliography")
    taylor = word.add_paragraph(TAYLOR)
    word.add_comment(taylor.runs, text="Checked by hand. sourcecheck: ignore[isbn.checksum]",
                     author="Editor", initials="E")
    lary = word.add_paragraph(LARY)
    word.add_comment(lary.runs, text="A reviewer's remark, no marker", author="Editor")
    word.save(str(tmp_path / "doc.docx"))
    document = read_document(tmp_path / "doc.docx", "doc.docx")
    assert [(c.location.line, c.location.column) for c in document.comments] == [(3, 1), (4, 1)]
    checked = check_document(document)
    assert [(f.code, f.reference) for f in checked.suppressed] == [
        ("isbn.checksum", checked.references[0].id)]
    assert checked.references[0].raw == TAYLOR  # the manuscript's text is untouched
    assert "ref.no-identifier" in codes(checked)  # Lary's own finding stays


def test_a_word_comment_with_an_unknown_or_malformed_marker_is_reported(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_paragraph("Bibliography")
    taylor = word.add_paragraph(TAYLOR)
    word.add_comment(taylor.runs, text="sourcecheck: ignore[isbn.cheksum]", author="E")
    lary = word.add_paragraph(LARY)
    word.add_comment(lary.runs, text="SourceCheck: ignore [ref]", author="E")
    word.save(str(tmp_path / "doc.docx"))
    checked = check_document(read_document(tmp_path / "doc.docx", "doc.docx"))
    found = {(f.code, f.location.line) for f in checked.findings
             if f.code in ("doc.unknown-ignore", "doc.malformed-ignore")}
    assert found == {("doc.unknown-ignore", 2), ("doc.malformed-ignore", 3)}
    assert "isbn.checksum" in codes(checked)  # a misspelt code suppresses nothing


def test_comment_alone_on_a_footnotes_continuation_line_covers_the_footnote(
        tmp_path: Path) -> None:
    path = tmp_path / "doc.md"
    path.write_text("A sentence.[^1] More.[^2]\n\n[^1]: Westad 2004, p. 36.\n"
                    "    <!-- sourcecheck: ignore[cite.unresolved] -->\n[^2]: Smith 1888.\n\n"
                    "## Bibliography\n\n- Westad, Odd Arne (2003). Decisive Encounters. "
                    "Stanford: Stanford University Press.\n", encoding="utf-8")
    checked = check_document(read_document(path, "doc.md"))
    assert [(f.code, f.note) for f in checked.suppressed] == [("cite.unresolved", "1")]
    assert [(f.code, f.note) for f in checked.findings if f.code == "cite.unresolved"] == \
        [("cite.unresolved", "2")]
    assert checked.document.notes[0].text == "Westad 2004, p. 36."


def test_comment_alone_on_the_line_below_an_entry_covers_the_entry() -> None:
    text = ("A sentence.\n\nBibliography\n\n"
            "  • Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press.\n"
            "    ISBN 0-674-03338-9.\n"
            "    # sourcecheck: ignore[isbn.checksum]\n"
            f"  • {LARY}\n  • {TAYLOR.replace('Taylor', 'Tailor')}\n\n"
            "# sourcecheck: ignore[isbn.checksum]\n")  # after a blank line: no entry's
    checked = check_text(text)
    assert [(f.code, f.location.line) for f in checked.suppressed] == [("isbn.checksum", 6)]
    assert [(f.code, f.location.line) for f in checked.findings if f.code == "isbn.checksum"] \
        == [("isbn.checksum", 9)]


@pytest.mark.parametrize(("line", "column", "shown"), [
    pytest.param("ISBN 1  # SourceCheck: ignore[isbn]", 11, "SourceCheck: ignore[isbn]",
                 id="capitals"),
    pytest.param("ISBN 1  # sourcecheck ignore[isbn]", 11, "sourcecheck ignore[isbn]",
                 id="no-colon"),
    pytest.param("ISBN 1  # sourcecheck: ignore [isbn]", 11, "sourcecheck: ignore [isbn]",
                 id="space-before-bracket"),
    pytest.param("<!-- source-check: ignore(isbn) -->", 6, "source-check: ignore(", id="round"),
])
def test_near_miss_markers_are_found(line: str, column: int, shown: str) -> None:
    assert find_near_misses(f"Title\n{line}\n") == [(2, column, shown)]
    assert find_suppressions(line) == []  # and they suppress nothing


@pytest.mark.parametrize("text", [
    "ISBN 1  # sourcecheck: ignore[isbn]",  # the real marker
    "Run sourcecheck --ignore isbn to silence the area.",  # prose about the tool
    "The opensourcecheck: ignore[isbn] project",  # another word
])
def test_near_miss_leaves_real_markers_and_prose_alone(text: str) -> None:
    assert find_near_misses(text) == []


def test_a_word_comment_in_a_footnote_suppresses_that_notes_findings(tmp_path: Path) -> None:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE as RT
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part

    from .data.make_docx import W, note_reference

    word = docx.Document()
    claim = word.add_paragraph("Westad's account.")
    note_reference(claim, "footnote", 1)
    claim.add_run(" Another claim.")
    note_reference(claim, "footnote", 2)
    word.add_paragraph("Bibliography")
    word.add_paragraph("Westad, Odd Arne (2003). Decisive Encounters. Stanford: Stanford "
                       "University Press.")
    # the comment is created on a scratch paragraph, then anchored in footnote 1 only
    scratch = word.add_paragraph("scratch")
    comment = word.add_comment(scratch.runs, text="sourcecheck: ignore[cite.unresolved]",
                               author="Editor")
    scratch._p.getparent().remove(scratch._p)
    footnote = ('<w:footnote w:id="{id}"><w:p>{start}<w:r><w:t xml:space="preserve">{text}'
                '</w:t></w:r></w:p></w:footnote>')
    notes = "".join([
        footnote.format(id=1, text="Westad 2004, p. 36.",
                        start=f'<w:commentRangeStart w:id="{comment.comment_id}"/>'),
        footnote.format(id=2, text="Smith 1888, p. 2.", start="")])
    part = Part(PackURI("/word/footnotes.xml"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
                f'<w:footnotes xmlns:w="{W}">{notes}</w:footnotes>'.encode(), word.part.package)
    word.part.relate_to(part, RT.FOOTNOTES)
    word.save(str(tmp_path / "doc.docx"))
    checked = check_document(read_document(tmp_path / "doc.docx", "doc.docx"))
    assert [(f.code, f.note) for f in checked.suppressed] == [("cite.unresolved", "1")]
    assert [(f.code, f.note) for f in checked.findings if f.code == "cite.unresolved"] == [
        ("cite.unresolved", "2")]
