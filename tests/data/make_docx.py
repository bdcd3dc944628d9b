"""Write references/02-liaoshen-wikipedia.docx: the Liaoshen sample as a Word document with
real footnotes. Deterministic: the same bytes on every run.

python-docx cannot create footnotes, so the footnotes part is written here as XML and
related to the document; the second use of note 9 is a NOTEREF cross-reference to a
bookmark around its first reference mark, which is how Word cites one footnote twice.

    python tests/data/make_docx.py [output path]
"""

from __future__ import annotations

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

import docx
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "references" / "02-liaoshen-wikipedia.docx"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FIXED_TIME = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)

NOTES = [
    "Westad 2003, p. 36.", "Westad 2003, p. 175.", "Westad 2003, p. 27.",
    "Tanner 2015, p. 115.", "Tanner 2015, p. 201.", "Tanner 2015, p. 332.",
    "Tanner 2015, p. 267.", "Westad 2003, p. 196.", "Tanner 2015, p. 268.",
]

# Body text: str pieces are text, int pieces are footnote numbers, ("ref", n) a NOTEREF.
BODY: list[tuple[str, list[object]]] = [
    ("Title", ["Liaoshen Campaign (sample article)"]),
    ("Normal", ["From a Wikipedia-style encyclopedia"]),
    ("Normal", ["Liaoshen Campaign"]),
    ("Normal", ["Part of the Chinese Civil War"]),
    ("Normal", ["Date 12 September – 2 November 1948"]),
    ("Normal", ["Location Liaoning, Manchuria"]),
    ("Normal", ["Result Communist victory"]),
    ("Normal", ["The Liaoshen Campaign was the first of the three great campaigns that the "
                "People's Liberation Army fought in the last phase of the Chinese Civil War. It "
                "lasted 52 days in the autumn of 1948 and ended with all of Manchuria in "
                "Communist hands."]),
    ("Heading 2", ["Background"]),
    ("Normal", ["Soviet troops left Manchuria in the spring of 1946, and both sides moved in "
                "behind them.", 1, " By early 1948 the Nationalist armies were shut up in "
                "Changchun, Shenyang and Jinzhou, and the three cities could no longer reach "
                "one another by land.", 2, " The Nationalist command planned to pull back "
                "towards Jinzhou and hold the corridor into North China.", 3]),
    ("Heading 2", ["Opening moves"]),
    ("Normal", ["In mid-September the Communist columns cut the railway south of Jinzhou. "
                "Chiang Kai-shek flew north and ordered relief forces to march on the city from "
                "two directions.", 4]),
    ("Heading 2", ["Fall of Jinzhou"]),
    ("Normal", ["The relief columns were stopped at Tashan, and Jinzhou fell on 15 October with "
                "its garrison of about 80,000.", 5, " Changchun surrendered a week later after a "
                "long blockade.", 6]),
    ("Heading 2", ["Counter-offensive and collapse"]),
    ("Normal", ["Chiang ordered the Ninth Army Group to retake Jinzhou; its commanders argued "
                "for a withdrawal towards Yingkou instead.", 7, " The group was surrounded near "
                "Heishan and destroyed,", 8, 9, " and Shenyang fell on 2 November.", ("ref", 9)]),
    ("Heading 2", ["References"]),
]

# (before the title, the title in italics, after the title)
REFERENCES = [
    ("Eastman, Lloyd E. (1986). ", "The Nationalist Era in China, 1927–1949",
     ". Cambridge: Cambridge University Press. ISBN 0-521-38591-1."),
    ("Koga, Yukiko (2016). ", "Inheritance of Loss: China, Japan, and the Political Economy of "
     "Redemption After Empire", ". Chicago: University of Chicago Press. ISBN 022641213X."),
    ("Lary, Diana (2015). ", "China's Civil War",
     ". Cambridge: Cambridge University Press. ISBN 1107054672."),
    ("Tanner, Harold M. (2015). ", "Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, "
     "1948", ". Bloomington: Indiana University Press. ISBN 0253016991."),
    ("Taylor, Jay (2009). ", "The Generalissimo",
     ". Cambridge: Harvard University Press. ISBN 0-674-03338-8."),
    ("Westad, Odd Arne (2003). ", "Decisive encounters : the Chinese Civil War, 1946–1950",
     ". Stanford: Stanford University Press. ISBN 0-8047-4478-5."),
    ("Worthing, Peter (2017). ", "General He Yingqin: The Rise and Fall of Nationalist China",
     ". Cambridge: Cambridge University Press. ISBN 9781107144637."),
]

TRAILER = [
    ("Heading 2", ["External links"]),
    ("Normal", ["Text of this sample is written for the sourcecheck project; the bibliographic "
                "facts are those of the books listed."]),
]


def _superscript_run(child: OxmlElement) -> OxmlElement:
    run = OxmlElement("w:r")
    properties = OxmlElement("w:rPr")
    align = OxmlElement("w:vertAlign")
    align.set(qn("w:val"), "superscript")
    properties.append(align)
    run.append(properties)
    run.append(child)
    return run


def _footnote_reference(paragraph: Paragraph, number: int) -> None:
    bookmark = OxmlElement("w:bookmarkStart")
    bookmark.set(qn("w:id"), str(number))
    bookmark.set(qn("w:name"), f"_RefNote{number}")
    paragraph._p.append(bookmark)
    note_reference(paragraph, "footnote", number)
    end = OxmlElement("w:bookmarkEnd")
    end.set(qn("w:id"), str(number))
    paragraph._p.append(end)


def _note_cross_reference(paragraph: Paragraph, number: int) -> None:
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), f" NOTEREF _RefNote{number} \\f \\h ")
    text = OxmlElement("w:t")
    text.text = str(number)
    field.append(_superscript_run(text))
    paragraph._p.append(field)


def notes_xml(kind: str, notes: dict[int, str]) -> bytes:
    """A footnotes or endnotes part (``kind`` "footnote" or "endnote") with Word's two
    separator notes and one paragraph per note."""
    items = [
        f'<w:{kind} w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p>'
        f"</w:{kind}>",
        f'<w:{kind} w:type="continuationSeparator" w:id="0"><w:p><w:r>'
        f"<w:continuationSeparator/></w:r></w:p></w:{kind}>",
    ]
    for number, text in notes.items():
        items.append(
            f'<w:{kind} w:id="{number}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/>'
            f'</w:rPr><w:{kind}Ref/></w:r><w:r><w:t xml:space="preserve"> {escape(text)}'
            f"</w:t></w:r></w:p></w:{kind}>")
    return (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<w:{kind}s xmlns:w="{W}">{"".join(items)}</w:{kind}s>').encode()


def add_notes_part(document: docx.document.Document, kind: str, notes: dict[int, str]) -> None:
    """Relate a footnotes or endnotes part to a python-docx document before saving."""
    content_type = (f"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    f"{kind}s+xml")
    part = Part(PackURI(f"/word/{kind}s.xml"), content_type, notes_xml(kind, notes),
                document.part.package)
    document.part.relate_to(part, RT.FOOTNOTES if kind == "footnote" else RT.ENDNOTES)


def note_reference(paragraph: Paragraph, kind: str, note_id: int, custom_mark: str = "") -> None:
    """A reference mark to footnote or endnote ``note_id``; a custom mark is its own text."""
    reference = OxmlElement(f"w:{kind}Reference")
    reference.set(qn("w:id"), str(note_id))
    if custom_mark:
        reference.set(qn("w:customMarkFollows"), "1")
    paragraph._p.append(_superscript_run(reference))
    if custom_mark:
        paragraph.add_run(custom_mark)


def build() -> bytes:
    document = docx.Document()
    core = document.core_properties
    core.created = core.modified = core.last_printed = FIXED_TIME
    core.author = core.last_modified_by = "sourcecheck"
    core.title = "Liaoshen Campaign (sample article)"
    core.revision = 1
    for style, pieces in BODY:
        paragraph = document.add_paragraph(style=style)
        for piece in pieces:
            if isinstance(piece, str):
                paragraph.add_run(piece)
            elif isinstance(piece, int):
                _footnote_reference(paragraph, piece)
            elif isinstance(piece, tuple):
                _note_cross_reference(paragraph, piece[1])
    for before, title, after in REFERENCES:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(before)
        paragraph.add_run(title).italic = True
        paragraph.add_run(after)
    for style, pieces in TRAILER:
        document.add_paragraph("".join(str(p) for p in pieces), style=style)
    add_notes_part(document, "footnote", dict(enumerate(NOTES, start=1)))
    buffer = io.BytesIO()
    document.save(buffer)
    return _fixed_zip(buffer.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and order, so the output is reproducible."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name in sorted(source.namelist(), key=lambda n: (n != "[Content_Types].xml", n)):
            info = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, source.read(name))
    return out.getvalue()


if __name__ == "__main__":
    path = Path(sys.argv[1]) if len(sys.argv) > 1 else OUTPUT
    path.write_bytes(build())
    print(f"wrote {path}")
