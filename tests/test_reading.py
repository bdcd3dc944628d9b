"""The plain-text reader: sections by heading and by shape, notes, markers, locations,
and bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from sourcecheck.models import NoticeKind, Section
from sourcecheck.pipeline import check_files, discover
from sourcecheck.reading import read_document, read_text
from sourcecheck.reading.shapes import HeadingKind, heading_kind, reference_score

WORLD_LIBRARY = """Battle page

Some prose about the battle, which needs a source. [1]

  • Huang, Youlan, History of the Chinese People's Liberation War, 1st Edition, Archives Publishing House in Beijing, 1992, ISBN 7-80019-338-1
  • Zhang, Ping, History of the Liberation War, 1st Edition, Chinese Youth Publishing House in Beijing, 1987, ISBN 7-5006-0081-X (pbk.)


  1. ^ Mao Zedong Military Anthology, vol. 5, pp. 480–482

See also
"""

INFOBOX = """= Pingjin campaign =

Infobox
- Conflict: Pingjin campaign
- Date: 29 November 1948 – 31 January 1949, ()
- Place: Hebei province, China
- Commander1: Fu Zuoyi, Chen Changjie
- Strength1: 600,000

==See also==
- Outline of the Chinese Civil War
"""


@pytest.mark.parametrize(("line", "kind"), [
    pytest.param("References", HeadingKind.REFERENCES, id="references"),
    pytest.param("== Bibliography ==", HeadingKind.BIBLIOGRAPHY, id="wiki-bibliography"),
    pytest.param("## Further reading", HeadingKind.FURTHER_READING, id="markdown-further"),
    pytest.param("NOTES", HeadingKind.NOTES, id="upper-notes"),
    pytest.param("5. Works cited:", HeadingKind.BIBLIOGRAPHY, id="numbered-colon"),
    pytest.param("See also", HeadingKind.OTHER, id="see-also"),
    pytest.param("References to the war are many in this text.", None, id="sentence"),
    pytest.param("Background", None, id="other-heading"),
    # the other large Wikipedias' headings
    pytest.param("== Einzelnachweise ==", HeadingKind.REFERENCES, id="de-references"),
    pytest.param("Literatur", HeadingKind.BIBLIOGRAPHY, id="de-literature"),
    pytest.param("Weblinks", HeadingKind.OTHER, id="de-links"),
    pytest.param("Notes et références", HeadingKind.REFERENCES, id="fr-references"),
    pytest.param("Bibliografía", HeadingKind.BIBLIOGRAPHY, id="es-bibliography"),
    pytest.param("Примечания", HeadingKind.NOTES, id="ru-notes"),
    pytest.param("Список литературы", HeadingKind.BIBLIOGRAPHY, id="ru-literature"),
    pytest.param("См. также", HeadingKind.OTHER, id="ru-see-also"),
])
def test_heading_kind(line: str, kind: HeadingKind | None) -> None:
    assert heading_kind(line) == kind


def test_headingless_bullets_and_caret_notes_are_found_by_shape() -> None:
    document = read_text("wl.txt", WORLD_LIBRARY)
    assert [e.location.line for e in document.entries] == [5, 6]
    assert all(e.section is Section.BIBLIOGRAPHY for e in document.entries)
    assert document.entries[0].text.startswith("Huang, Youlan")
    assert document.entries[0].location.column == 5  # after "  • "
    assert [(n.label, n.location.line) for n in document.notes] == [("1", 9)]
    assert document.notes[0].text == "Mao Zedong Military Anthology, vol. 5, pp. 480–482"
    assert [(m.label, m.location.line, m.location.column) for m in document.markers] == [
        ("1", 3, 52)]


def test_infobox_bullets_are_not_a_bibliography() -> None:
    document = read_text("infobox.txt", INFOBOX)
    assert document.entries == ()
    assert document.notes == ()


def test_wikipedia_backlinks_count_markers() -> None:
    text = "Text.[1] More.[1]\n\n  1. ^ a b Tanner 2015, p. 268.\n  2. ^ Westad 2003, p. 3.\n"
    notes = read_text("w.txt", text).notes
    assert [(n.label, n.backlinks, n.text) for n in notes] == [
        ("1", 2, "Tanner 2015, p. 268."), ("2", 1, "Westad 2003, p. 3.")]


def test_headed_sections_split_notes_and_further_reading() -> None:
    text = "\n".join([
        "Essay", "", "Body.[1]", "", "Notes", "", "1. Tanner 2015, 12.", "2. Ibid., 14.", "",
        "Further reading", "",
        "Lary, Diana. China's Civil War. Cambridge: Cambridge University Press, 2015.", "",
        "External links", "", "Some site, www.example.org, visited 2020.",
    ])
    document = read_text("e.txt", text)
    assert [n.label for n in document.notes] == ["1", "2"]
    assert [(e.section, e.location.line) for e in document.entries] == [
        (Section.FURTHER_READING, 12)]


def test_wrapped_entry_keeps_the_line_of_each_part() -> None:
    text = ("Bibliography\n\nTanner, Harold M. Where Chiang Kai-shek Lost China.\n"
            "    Bloomington: Indiana University Press, 2015. ISBN 0253016991.\n")
    [entry] = read_text("b.txt", text).entries
    assert entry.text.endswith("ISBN 0253016991.")
    assert [(s.line, s.column) for s in entry.lines] == [(3, 1), (4, 5)]


def test_numbered_prose_lines_are_not_notes() -> None:
    text = "Chapter\n\n1. We went to the market.\n2. Then we came home again.\n"
    document = read_text("p.txt", text)
    assert document.notes == ()


def test_plain_run_of_reference_lines_without_heading() -> None:
    text = ("Essay text.\n\n"
            "Eastman, Lloyd E. (1986). The Nationalist Era in China. Cambridge: Cambridge "
            "University Press. ISBN 0-521-38591-1.\n"
            "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press. "
            "ISBN 1107054672.\n")
    assert len(read_text("r.txt", text).entries) == 2


def test_reference_score_separates_entries_from_infobox_lines() -> None:
    assert reference_score("Lary, Diana (2015). China's Civil War. Cambridge: Cambridge "
                           "University Press. ISBN 1107054672.") >= 4
    assert reference_score("Date: 29 November 1948 – 31 January 1949, ()") < 2


# --- bad input --------------------------------------------------------------------


def test_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    document = read_document(path)
    assert [n.kind for n in document.notices] == [NoticeKind.EMPTY]


@pytest.mark.parametrize(("data", "reason"), [
    pytest.param(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3", "binary", id="pdf"),
    # a ZIP is taken for a Word file whatever its suffix; this one is cut short
    pytest.param(b"PK\x03\x04\x14\x00\x06\x00", "not a complete ZIP", id="zip"),
    pytest.param(bytes(range(256)) * 4, "binary", id="random-bytes"),
])
def test_binary_file_is_unreadable_with_a_reason(tmp_path: Path, data: bytes,
                                                 reason: str) -> None:
    path = tmp_path / "chapter.txt"
    path.write_bytes(data)
    [notice] = read_document(path).notices
    assert notice.kind is NoticeKind.UNREADABLE
    assert reason in notice.message


def test_invalid_utf8_is_replaced_and_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(b"First line.\nSecond line, caf" + b"\xe9.\n")
    document = read_document(path)
    [notice] = document.notices
    assert notice.kind is NoticeKind.ENCODING_REPLACED
    assert notice.location.line == 2
    assert "\ufffd" in document.text


def test_utf16_with_bom_is_read(tmp_path: Path) -> None:
    path = tmp_path / "utf16.txt"
    path.write_bytes("Text.[1]\n\n1. ^ Westad 2003, p. 36.\n".encode("utf-16"))
    document = read_document(path)
    assert document.notices == ()
    assert [n.label for n in document.notes] == ["1"]


def test_unreadable_path_gives_a_notice_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    [notice] = read_document(folder).notices
    assert notice.kind is NoticeKind.UNREADABLE


def test_large_file_is_read_in_linear_time(tmp_path: Path) -> None:
    """A 20 MB document is checked, not refused, and every entry in it is found."""
    entry = ("  • Westad, Odd Arne (2003). Decisive encounters. Stanford: Stanford "
             "University Press. ISBN 0-8047-4478-5.\n")
    prose = ("The campaign lasted fifty-two days and ended in November. " * 20 + "\n\n") * 4
    block = prose + entry + "\n"
    repeats = 20_000_000 // len(block.encode()) + 1
    path = tmp_path / "big.txt"
    path.write_text(block * repeats, encoding="utf-8")
    assert path.stat().st_size > 20_000_000
    [checked] = check_files(discover([path]))
    assert len(checked.references) == repeats
    assert not [f for f in checked.findings if f.code.startswith("doc.")]


def test_mixed_folder_goes_on_past_bad_files(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Text.[1]\n\n1. ^ Westad 2003, p. 36.\n", encoding="utf-8")
    (tmp_path / "b.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF")
    (tmp_path / "c.txt").write_bytes(b"")
    (tmp_path / ".hidden").write_text("skipped", encoding="utf-8")
    checked = check_files(discover([tmp_path]))
    by_name = {Path(c.document.path).name: [f.code for f in c.findings] for c in checked}
    assert set(by_name) == {"a.txt", "b.jpg", "c.txt"}
    assert by_name["b.jpg"] == ["doc.unreadable"]
    assert by_name["c.txt"] == ["doc.empty"]
    assert "cite.unresolved" in by_name["a.txt"]


def test_numbered_bibliography_entries_lose_their_numbers() -> None:
    text = ("Bibliography\n\n1. Lary, Diana. China's Civil War. Cambridge: Cambridge University "
            "Press, 2015.\n[2] Westad, Odd Arne. Decisive Encounters. Stanford: Stanford "
            "University Press, 2003.\n")
    entries = read_text("n.txt", text).entries
    assert [e.text.split(",")[0] for e in entries] == ["Lary", "Westad"]
    assert [e.location.column for e in entries] == [4, 5]


def test_note_numbers_past_9999_start_new_notes() -> None:
    text = "Notes\n\n" + "\n".join(f"{n}. Tanner 2015, p. {n % 300}." for n in range(9998, 10003))
    assert [n.label for n in read_text("n.txt", text).notes] == [
        "9998", "9999", "10000", "10001", "10002"]
