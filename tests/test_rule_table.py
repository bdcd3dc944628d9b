"""For every rule code: a document that triggers it, and a near miss that must not.

Each case is a small document given inline; the near miss differs from the trigger in
the one detail the rule is about.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from sourcecheck.models import CheckedDocument
from sourcecheck.pipeline import add_run_findings, check_document
from sourcecheck.reading import read_document
from sourcecheck.rules import RULES

from .conftest import check_text, codes
from .fake_catalogue import TAYLOR_RECORD, WESTAD_RECORD, FakeCatalogue

TANNER = ("Tanner, Harold M. (2015). Where Chiang Kai-shek Lost China: The Liao-Shen Campaign, "
          "1948. Bloomington: Indiana University Press. ISBN 0253016991.")
WESTAD = ("Westad, Odd Arne (2003). Decisive encounters : the Chinese Civil War, 1946–1950. "
          "Stanford: Stanford University Press. ISBN 0-8047-4478-5.")
LARY = "Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press. ISBN {isbn}."
TAYLOR = "Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press. ISBN {isbn}."
TANG = ("Tang, Yilu and Bi, Jianzhong, History of Chinese People's Liberation Army in Chinese "
        "Liberation War, 1st Edition, Military Scientific Publishing House in Beijing, 1993 – 1997, "
        "ISBN 7-80021-719-1 ({v} 1), 7800219615 ({v} 2), 7800219631 ({v} 3)")
ZHANG = ("Zhang, Ping, History of the Liberation War, 1st Edition, Chinese Youth Publishing House "
         "in Beijing, 1987, ISBN {isbn}")
MITTER_1 = ("Mitter, Rana (2013). Forgotten Ally: China's World War II, 1937–1945. Boston: "
            "Houghton Mifflin Harcourt. ISBN 978-0-547-84056-7.")
MITTER_2 = ("Mitter, Rana (2013). China's War with Japan, 1937–1945: The Struggle for Survival. "
            "London: Allen Lane. ISBN 978-1-84614-010-5.")


def document(entries: Sequence[str], notes: Sequence[str] = (),
             markers: Sequence[str] | None = None) -> str:
    """A small article: body text with markers, numbered notes, a bulleted bibliography."""
    if markers is None:
        markers = [str(n) for n in range(1, len(notes) + 1)]
    body = " ".join(f"A sentence that needs a source.[{m}]" for m in markers) or "A sentence."
    lines = ["A sample article", "", body, ""]
    if notes:
        lines += ["Notes", ""] + [f"{n}. {text}" for n, text in enumerate(notes, 1)] + [""]
    if entries:
        lines += ["Bibliography", ""] + [f"  • {entry}" for entry in entries] + [""]
    return "\n".join(lines)


def taylor(isbn: str) -> list[str]:
    return [TAYLOR.format(isbn=isbn)]


CASES: dict[str, tuple[str, str]] = {
    "isbn.checksum": (document(taylor("0-674-03338-9")), document(taylor("0-674-03338-8"))),
    "isbn.length": (document(taylor("0-674-03338")), document(taylor("0-674-03338-8"))),
    "isbn.character": (document(taylor("0-674-O3338-8")), document(taylor("0-674-03338-8"))),
    "isbn.x-position": (document([ZHANG.format(isbn="7-5006-008X-1")]),
                        document([ZHANG.format(isbn="7-5006-0081-X")])),
    "isbn.prefix": (document(taylor("977-0-674-03338-2")), document(taylor("978-0-674-03338-2"))),
    "isbn.ismn": (document(taylor("979-0-3217-6543-6")), document(taylor("979-10-90636-07-1"))),
    "isbn.group": (document(taylor("978-610-01234-5-0")), document(taylor("978-0-674-03338-2"))),
    "isbn.placeholder": (document(taylor("0-00-000000-0")), document(taylor("0-00-723236-5"))),
    "isbn.range": (document(taylor("1060012340")), document(taylor("1107054672"))),
    "isbn.hyphens": (document(taylor("0-6740-3338-8")), document(taylor("0-674-03338-8"))),
    "isbn.set": (document([ZHANG.format(isbn="7-5006-0081-X (set)")]),
                 document([ZHANG.format(isbn="7-5006-0081-X (pbk.)")])),
    "isbn.volume-label": (document([TANG.format(v="Volum")]), document([TANG.format(v="Volume")])),
    "ref.unparsed": (document([TANNER, "1987, 245 pp."]), document([TANNER, "Lary 1987."])),
    "ref.incomplete": (
        document(["Lary, Diana (2015). China's Civil War. Cambridge University Press. "
                  "ISBN 1107054672."]),
        document([LARY.format(isbn="1107054672")])),
    "ref.no-identifier": (
        document(["Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press."]),
        document([LARY.format(isbn="1107054672")])),
    "ref.duplicate": (
        document([WESTAD, WESTAD.replace("ISBN 0-8047-4478-5", "ISBN 978-0-8047-4478-2")]),
        document([WESTAD, TANNER])),
    "ref.isbn-conflict": (document([TANNER, LARY.format(isbn="0253016991")]),
                          document([TANNER, LARY.format(isbn="1107054672")])),
    "ref.uncited": (document([TANNER, WESTAD], ["Tanner 2015, p. 12."]),
                    document([TANNER, WESTAD], ["Tanner 2015, p. 12.", "Westad 2003, p. 3."])),
    "cite.unresolved": (document([WESTAD], ["Westad 2004, p. 36."]),
                        document([WESTAD], ["Westad 2003, p. 36."])),
    "cite.ambiguous": (document([MITTER_1, MITTER_2], ["Mitter 2013, p. 120."]),
                       document([MITTER_1, TANNER], ["Mitter 2013, p. 120."])),
    "cite.missing-note": (document([WESTAD], ["Westad 2003, p. 36."], markers=["1", "2"]),
                          document([WESTAD], ["Westad 2003, p. 36."], markers=["1", "1"])),
    "cite.unused-note": (
        document([WESTAD], ["Westad 2003, p. 36.", "Westad 2003, p. 40."], markers=["1"]),
        document([WESTAD], ["Westad 2003, p. 36.", "Westad 2003, p. 40."], markers=["1", "2"])),
    "cite.volume-missing": (
        document([TANG.format(v="Volume")], ["Tang and Bi 1993, p. 44."]),
        document([TANG.format(v="Volume")], ["Tang and Bi 1993, vol. 2, p. 44."])),
    "doc.unsourced": ("A sample article\n\nA sentence with no source at all.\n",
                      document([WESTAD])),
    "doc.unknown-ignore": (document([TAYLOR.format(isbn="0-674-03338-9")
                                     + "  # sourcecheck: ignore[isbn.cheksum]"]),
                           document([TAYLOR.format(isbn="0-674-03338-9")
                                     + "  # sourcecheck: ignore[isbn.checksum]"])),
    "doc.malformed-ignore": (document([TAYLOR.format(isbn="0-674-03338-9")
                                       + "  # SourceCheck: ignore [isbn.checksum]"]),
                             document([TAYLOR.format(isbn="0-674-03338-9")
                                       + "  # sourcecheck: ignore[isbn.checksum]"])),
}

# Rules that need a catalogue's answer, checked against an in-memory catalogue that
# knows Westad's book and cannot be reached for Lary's.
CATALOGUE = FakeCatalogue([WESTAD_RECORD, TAYLOR_RECORD], unavailable=["1107054672"])
LOOKUP_CASES: dict[str, tuple[str, str]] = {
    "lookup.not-found": (document(taylor("0-674-03337-X")), document(taylor("0-674-03338-8"))),
    "lookup.unavailable": (document([LARY.format(isbn="1107054672")]), document([WESTAD])),
    "lookup.title-mismatch": (
        document([WESTAD.replace("Decisive encounters : the", "Decisive battles of the")]),
        document([WESTAD.replace("Decisive encounters : the Chinese Civil War, 1946–1950",
                                 "Decisive Encounters")])),
    "lookup.author-mismatch": (document([WESTAD.replace("Westad, Odd Arne", "Smith, John")]),
                               document([WESTAD.replace("Westad, Odd Arne", "Westad, O. A.")])),
    "lookup.year-mismatch": (document([WESTAD.replace("(2003)", "(2005)")]), document([WESTAD])),
    "lookup.publisher-mismatch": (
        document([WESTAD.replace("Stanford: Stanford University Press", "London: Penguin")]),
        document([WESTAD.replace("Stanford: Stanford University Press", "Stanford: Stanford UP")])),
    "cite.page-range": (document([WESTAD], ["Westad 2003, pp. 412–15."]),
                        document([WESTAD], ["Westad 2003, pp. 410–13."])),
}

# Rules of the run stage, which compares documents: each case is a run of documents.
RUN_CASES: dict[str, tuple[Sequence[str], Sequence[str]]] = {
    # The same ISBNs cited for 1993–1997 and for 1999 (a conflict) or 1995 (inside).
    "library.conflict": (
        (document([TANG.format(v="Volume")]),
         document([TANG.format(v="Volume").replace("1993 – 1997", "1999")])),
        (document([TANG.format(v="Volume")]),
         document([TANG.format(v="Volume").replace("1993 – 1997", "1995")]))),
}

FILE_CASES: dict[str, tuple[bytes, bytes]] = {
    "doc.empty": (b"", b"A sentence.\n"),
    "doc.unreadable": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"A sentence.\n"),
    "doc.encoding": (b"Caf\xe9 society, a sentence.\n", "Café society, a sentence.\n".encode()),
    # Bibliography files, found by their content although the case files are named .txt.
    "bib.duplicate-key": (b"@book{lary2015, title={China's Civil War}}\n"
                          b"@book{lary2015, title={The Chinese People at War}}\n",
                          b"@book{lary2015, title={China's Civil War}}\n"
                          b"@book{lary1991, title={The Chinese People at War}}\n"),
    "bib.syntax": (b"@book{lary2015, title={China's Civil War}\n\n"
                   b"@book{lary1991, title={The Chinese People at War}}\n",
                   b"@book{lary2015, title={China's Civil War}}\n\n"
                   b"@book{lary1991, title={The Chinese People at War}}\n"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_rule_triggers_and_near_miss_does_not(code: str) -> None:
    trigger, near_miss = CASES[code]
    assert code in codes(check_text(trigger)), f"{code} not raised by its case"
    assert code not in codes(check_text(near_miss)), f"{code} raised by its near miss"


@pytest.mark.parametrize("code", sorted(LOOKUP_CASES))
def test_lookup_rule_triggers_and_near_miss_does_not(code: str) -> None:
    trigger, near_miss = LOOKUP_CASES[code]
    found = check_text(trigger, catalogue=CATALOGUE)
    assert code in codes(found), f"{code} not raised by its case"
    assert code not in codes(check_text(near_miss, catalogue=CATALOGUE)), \
        f"{code} raised by its near miss"
    assert all(f.severity is RULES[f.code].severity for f in found.findings)


def check_run(texts: Sequence[str]) -> list[CheckedDocument]:
    """Check texts as one run of documents (doc1.txt, doc2.txt, …), the run stage included."""
    return add_run_findings([check_text(text, f"doc{n}.txt") for n, text in enumerate(texts, 1)])


@pytest.mark.parametrize("code", sorted(RUN_CASES))
def test_run_rule_triggers_and_near_miss_does_not(code: str) -> None:
    trigger, near_miss = RUN_CASES[code]
    assert all(code in codes(checked) for checked in check_run(trigger))
    assert not any(code in codes(checked) for checked in check_run(near_miss))


@pytest.mark.parametrize("code", sorted(FILE_CASES))
def test_file_rule_triggers_and_near_miss_does_not(code: str, tmp_path: Path) -> None:
    trigger, near_miss = FILE_CASES[code]
    (tmp_path / "trigger.txt").write_bytes(trigger)
    (tmp_path / "near.txt").write_bytes(near_miss)
    assert code in codes(check_document(read_document(tmp_path / "trigger.txt")))
    assert code not in codes(check_document(read_document(tmp_path / "near.txt")))


def test_every_registered_rule_has_a_case() -> None:
    assert set(RULES) == set(CASES) | set(FILE_CASES) | set(LOOKUP_CASES) | set(RUN_CASES)


@pytest.mark.parametrize("code", sorted(CASES))
def test_findings_carry_registered_severity_and_a_line(code: str) -> None:
    trigger, _ = CASES[code]
    for finding in check_text(trigger).findings:
        assert finding.severity is RULES[finding.code].severity
        assert finding.location.line >= 1 and finding.location.column >= 1
