"""The HTML report: every text from a document escaped, counts and links right, source
lines mapped per format, and the pages opened in headless Chromium (never skipped)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import lxml.html
import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.library import build_library
from sourcecheck.models import (
    CatalogueRecord,
    CheckedDocument,
    Citation,
    CitationKind,
    Document,
    DocumentFormat,
    Finding,
    Identifier,
    Location,
    Name,
    Note,
    Reference,
    ReferenceKind,
    Resolution,
    ResolutionStatus,
    Section,
    Severity,
    Verification,
    VerificationStatus,
    count_by_severity,
)
from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_document
from sourcecheck.reports.html_report import (
    Link,
    finding_source_lines,
    render_document_html,
    render_index_html,
    render_library_html,
    report_href,
    source_lines,
)

from .conftest import REFERENCES, check_text

HOSTILE = [
    pytest.param("<script>document.body.setAttribute('data-pwned','script')</script>",
                 id="script-tag"),
    pytest.param("<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">",
                 id="img-onerror"),
    pytest.param("\"><svg onload=alert(1)>", id="attribute-breakout"),
    pytest.param("</script><script>alert(1)</script>", id="script-close"),
    pytest.param("javascript:alert(1)", id="javascript-url"),
]

PATH = "doc.txt"
WHERE = Location(PATH, 3, 1)


def _checked(**change: Any) -> CheckedDocument:
    """A small checked document with every field filled; ``change`` puts a value into
    one field (``title=...``, ``note_text=...``, …)."""
    text = change.get("text", "Intro [1].\n\n• Smith, J. A Book. Beijing: Press, 1999.\n"
                              "\n1. Smith 1999, p. 4.")
    path = change.get("path", PATH)
    identifier = Identifier("isbn", change.get("isbn_raw", "7-80021-961-5"), "9787800219610",
                            volume=change.get("volume", "2"), label=change.get("label", "Volume 2"))
    reference = Reference(
        id=change.get("reference_id", "smith1999book"), kind=ReferenceKind.BOOK,
        raw=change.get("raw", "Smith, J. A Book. Beijing: Press, 1999."),
        location=Location(path, 3, 3), section=Section.BIBLIOGRAPHY,
        authors=(Name(family=change.get("author", "Smith"), given="J."),),
        title=change.get("title", "A Book"), year="1999",
        publisher=change.get("publisher", "Press"), address=change.get("address", "Beijing"),
        identifiers=(identifier,))
    note = Note(change.get("label", "1"), change.get("note_text", "Smith 1999, p. 4."),
                Location(path, 5, 1))
    citation = Citation(CitationKind.SHORT, change.get("citation_text", "Smith 1999, p. 4"),
                        Location(path, 5, 4), note.label, ("Smith",), "1999",
                        locator=change.get("locator", "p. 4"))
    record = CatalogueRecord("openlibrary", "9787800219610",
                             title=change.get("record_title", "A Book"),
                             authors=(change.get("record_author", "John Smith"),),
                             url=change.get("url", "https://openlibrary.org/books/X"))
    finding = Finding("cite.unresolved", Severity.WARNING, change.get("message", "no entry"),
                      WHERE, reference.id, note.label, hint=change.get("hint", "nearest: Smith"))
    return CheckedDocument(
        Document(path, DocumentFormat.TEXT, text, notes=(note,)),
        (reference,),
        (Resolution(citation, ResolutionStatus.RESOLVED, reference.id,
                    hint=change.get("resolution_hint")),),
        (finding,),
        (Verification(reference.id, VerificationStatus.VERIFIED, record,
                      change.get("detail", "matched")),))


def _dom(html: str) -> Any:
    return lxml.html.document_fromstring(html)


def _assert_inert(html: str) -> None:
    """Nothing in the page but the package's own script can run."""
    dom = _dom(html)
    scripts = dom.xpath("//script")
    assert len(scripts) == 1 and "data-ready" in (scripts[0].text or "")
    assert not dom.xpath("//img | //svg | //iframe | //object | //embed")
    handlers = [(e.tag, a) for e in dom.iter() if isinstance(e.tag, str)
                for a in e.attrib if a.lower().startswith("on")]
    assert handlers == []
    links = [a.get("href", "") for a in dom.xpath("//a")]
    assert not [h for h in links if h.strip().lower().startswith(("javascript:", "data:"))]


FIELDS = ["text", "path", "raw", "title", "author", "publisher", "address", "note_text",
          "citation_text", "label", "isbn_raw", "volume", "message", "hint", "record_title",
          "record_author", "detail", "reference_id", "locator", "resolution_hint"]


@pytest.mark.parametrize("payload", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_document_text_is_escaped_in_every_field(field: str, payload: str) -> None:
    value = f"first\nsecond\nx {payload} x" if field == "text" else payload
    html = render_document_html(_checked(**{field: value}))
    _assert_inert(html)
    # Shown as text, whole: the reader sees what the document says.
    assert payload in _dom(html).text_content()


def test_document_text_shown_in_source_lines_is_escaped() -> None:
    payload = "<script>alert(1)</script>"
    html = render_document_html(_checked(text=f"a\nb\n{payload} third line\n"))
    _assert_inert(html)
    [source] = _dom(html).xpath("//pre[@class='source']")
    assert payload in source.text_content()


@pytest.mark.parametrize("payload", HOSTILE)
def test_hostile_document_through_the_pipeline(payload: str) -> None:
    text = (f"Essay [1] [2].\n\nReferences\n\n• {payload}, {payload}. {payload}. Beijing: "
            f"{payload} Press, 1999. ISBN 7-80021-961-X\n"
            "• Tang, Yilu. History. Beijing: Military Press, 1993. ISBN 7-80021-719-1 "
            f"(Volum 1)\n\nNotes\n\n1. {payload} 1999, p. 4.\n2. Tang 1993, p. 7 {payload}.\n")
    checked = check_text(text, path=f"{payload}.txt")
    html = render_document_html(checked)
    _assert_inert(html)
    assert payload in _dom(html).text_content()
    index = render_index_html([checked], [f"{payload}.txt"])
    _assert_inert(index)


def test_a_javascript_catalogue_url_is_no_link() -> None:
    html = render_document_html(_checked(url="javascript:alert(1)"))
    _assert_inert(html)
    ok = render_document_html(_checked(url="https://openlibrary.org/books/OL1M"))
    assert _dom(ok).xpath("//a[@href='https://openlibrary.org/books/OL1M']")


def test_csp_allows_exactly_the_pages_own_script_and_style() -> None:
    dom = _dom(render_document_html(_checked()))
    [csp] = dom.xpath("//meta[@http-equiv='Content-Security-Policy']/@content")
    assert "unsafe-inline" not in csp and "default-src 'none'" in csp

    def digest(text: str) -> str:
        return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode()

    [script] = dom.xpath("//script")
    [style] = dom.xpath("//style")
    assert re.search(r"script-src 'sha256-([^']+)'", csp).group(1) == digest(script.text)  # type: ignore[union-attr]
    assert re.search(r"style-src 'sha256-([^']+)'", csp).group(1) == digest(style.text)  # type: ignore[union-attr]


def test_summary_bar_counts_and_tables() -> None:
    text = (REFERENCES / "05-draft-chapter-with-problems.txt").read_text(encoding="utf-8")
    checked = check_text(text, path="draft.txt")
    dom = _dom(render_document_html(checked))
    counts = count_by_severity(checked.findings)
    for severity, n in counts.items():
        [shown] = dom.xpath(f"//p[@class='summary']/span[@data-severity='{severity.value}']/b")
        assert int(shown.text) == n
    rows = dom.xpath("//table[@id='findings']/tbody/tr")
    in_document_order = sorted(checked.findings, key=lambda f: (f.location.line, f.location.column))
    assert [r.get("data-code") for r in rows] == [f.code for f in in_document_order]
    assert [r.xpath("td[1]")[0].text for r in rows] == [
        f"{f.location.line}:{f.location.column}" for f in in_document_order]
    assert {o.get("value") for o in dom.xpath("//select[@id='filter-code']/option")} == {
        "", *(f.code for f in checked.findings)}
    assert len(dom.xpath("//article[@class='reference']")) == len(checked.references)
    assert len(dom.xpath("//table[@class='notes']/tbody/tr")) == len(checked.document.notes)


def test_summary_bar_says_one_note_not_one_notes() -> None:
    dom = _dom(render_document_html(_checked()))  # one reference, one note, no marker
    counts = [" ".join(span.text_content().split())
              for span in dom.xpath("//p[@class='summary']/span[not(@data-severity)]")]
    assert counts == ["1 reference", "1 note", "0 note markers"]


def test_notes_say_where_each_citation_resolves() -> None:
    ambiguous = _checked()
    citation = ambiguous.resolutions[0].citation
    other = replace(ambiguous.references[0], id="smith1999other")
    checked = replace(ambiguous, references=(*ambiguous.references, other), resolutions=(
        Resolution(citation, ResolutionStatus.AMBIGUOUS, None, ("smith1999book", "smith1999other")),
        Resolution(replace(citation, text="Jones 2001"), ResolutionStatus.UNRESOLVED,
                   hint="nearest entry: Smith 1999")))
    dom = _dom(render_document_html(checked))
    [cell] = dom.xpath("//tr[@id='note-1']/td[4]")
    assert [a.get("href") for a in cell.xpath(".//a")] == ["#ref-1", "#ref-2"]
    statuses = [s.text for s in cell.xpath(".//span[contains(@class,'status')]")]
    assert statuses == ["ambiguous", "unresolved"]
    assert "nearest entry: Smith 1999" in cell.text_content()


def test_reference_shows_isbns_and_the_record_beside_the_cited_fields() -> None:
    dom = _dom(render_document_html(_checked(record_title="Another Book")))
    [article] = dom.xpath("//article[@id='ref-1']")
    [title_row] = article.xpath(".//table[@class='fields']//tr[th='title']")
    assert [td.text for td in title_row.xpath("td")] == ["A Book", "Another Book"]
    [isbn] = article.xpath(".//table[@class='isbns']/tbody/tr")
    assert [td.text_content() for td in isbn.xpath("td")] == [
        "7-80021-961-5", "978-7-80021-961-0", "yes", "2", "—", "Volume 2", "3"]
    assert "verified" in article.xpath(".//h3")[0].text_content()


def test_index_counts_totals_links_and_extra_pages() -> None:
    first, second = _checked(), check_text("Nothing cited here.\n", path="b.txt")
    names = ["a.txt", "javascript:alert(1).txt"]
    html = render_index_html([first, second], names, [Link("Library", "library.html")])
    _assert_inert(html)
    dom = _dom(html)
    rows = dom.xpath("//table[@id='documents']/tbody/tr")
    assert [r.xpath("td[1]/a/@href")[0] for r in rows] == [
        "a.txt.html", "javascript%3Aalert%281%29.txt.html"]
    assert [int(r.xpath("td[6]")[0].text) for r in rows] == [
        count_by_severity(d.findings)[Severity.WARNING] for d in (first, second)]
    total_warnings = sum(count_by_severity(d.findings)[Severity.WARNING] for d in (first, second))
    assert int(dom.xpath("//tfoot/tr/th[6]")[0].text) == total_warnings
    assert dom.xpath("//nav/a/@href") == ["index.html", "library.html"]
    assert report_href("a b#c?.txt") == "a%20b%23c%3F.txt.html"


# --- source lines, per format ---------------------------------------------------------


def test_source_lines_name_the_line_or_nothing() -> None:
    document = Document("d.txt", DocumentFormat.TEXT, "one\ntwo\nthree")
    assert [s.text for s in source_lines(document, Location("d.txt", 2, 1))] == ["two"]
    assert [s.number for s in source_lines(document, Location("d.txt", 2, 1, end_line=3))] == [2, 3]
    assert source_lines(document, Location("d.txt", 4, 1)) == ()
    assert source_lines(document, Location("d.txt", 0, 1)) == ()
    long = Document("d.txt", DocumentFormat.HTML, "x" * 1000 + "HERE" + "y" * 1000)
    [window] = source_lines(long, Location("d.txt", 1, 1001))
    assert "HERE" in window.text and window.cut_before and window.cut_after
    assert len(window.text) < 300


@pytest.mark.parametrize(("name", "template"), [
    pytest.param("02-liaoshen-wikipedia.txt", None, id="text"),
    pytest.param("01-jinzhou-world-library.txt", None, id="world-library"),
    pytest.param("02-liaoshen-wikipedia.md", None, id="markdown"),
    pytest.param("02-liaoshen-wikipedia.html", None, id="html"),
    pytest.param("02-liaoshen-wikipedia.docx", None, id="docx-paragraphs"),
    pytest.param("02-liaoshen-wikipedia.wiki", "{{cite", id="wikitext"),
    pytest.param("06-bibliography.bib", "@", id="bibtex"),
])
def test_a_references_source_lines_are_where_it_stands(name: str, template: str | None) -> None:
    """The lines (or Word paragraphs) shown for a finding on a reference are the ones the
    reference stands on: they hold its first author's name, or open its template or
    record and then hold the name within the record's lines."""
    checked = check_document(read_document(REFERENCES / name))
    references = {r.id: r for r in checked.references}
    lines = checked.document.text.split("\n")
    located = 0
    for reference in checked.references:
        if not reference.authors or reference.section is Section.NOTE:
            continue
        family = (reference.authors[0].family or reference.authors[0].literal or "").split()[0]
        finding = Finding("ref.uncited", Severity.INFO, "m", reference.location, reference.id)
        shown = finding_source_lines(checked.document, finding, lines, references)
        assert shown and shown[0].number == reference.location.line
        if template:
            assert template in shown[0].text, (reference.id, shown[0])
        if template != "{{cite":  # a template's name fields may lie beyond its first line
            assert family in " ".join(s.text for s in shown), (reference.id, shown)
        located += 1
    assert located >= 3


# --- the writer and the command ---------------------------------------------------------


def test_check_writes_an_html_page_per_document_and_an_index(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(REFERENCES), "--out", str(tmp_path),
                                      "--offline", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    pages = sorted(p.name for p in tmp_path.glob("*.html"))
    assert "index.html" in pages and "02-liaoshen-wikipedia.docx.html" in pages
    # one per document, plus the index (index.md) and the library page (no Markdown)
    assert len(pages) == len(list(tmp_path.glob("*.md"))) + 1
    index = _dom((tmp_path / "index.html").read_text(encoding="utf-8"))
    linked = sorted(index.xpath("//table[@id='documents']/tbody/tr/td[1]/a/@href"))
    assert linked == sorted(p for p in pages if p not in RUN_PAGES)
    assert index.xpath("//nav/a/@href") == ["index.html", "library.html"]


def test_the_library_page_links_every_citing_reference_to_its_report(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(REFERENCES), "--out", str(tmp_path),
                                      "--offline", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    library = _dom((tmp_path / "library.html").read_text(encoding="utf-8"))
    _assert_inert(lxml.html.tostring(library, encoding="unicode"))
    [westad] = [row for row in library.xpath("//table[@id='library']/tbody/tr")
                if "Decisive encounters" in row.text_content()]
    links = westad.xpath("td[4]//a/@href")
    assert len(links) >= 7  # the five forms of sample 02, 03 and 05
    for href in links:  # each link lands on the citing reference of that document's page
        page, anchor = href.split("#")
        target = _dom((tmp_path / page).read_text(encoding="utf-8"))
        [article] = target.xpath(f"//article[@id='{anchor}']")
        raw = article.xpath("blockquote[@class='raw']")[0].text_content()
        assert "Westad" in raw and "decisive encounters" in raw.lower()
    assert library.xpath("//span[@class='badge warning']/text()")  # the Eastman year conflict


@pytest.mark.parametrize("payload", HOSTILE)
def test_library_page_escapes_what_documents_say(payload: str) -> None:
    entry = f"• Smith, John. {payload} Book. Beijing: {payload} Press, {{}}. ISBN 0-8047-4478-5\n"
    first = check_text(f"References\n\n{entry.format(1999)}", path=f"{payload}-a.txt")
    second = check_text(f"References\n\n{entry.format(2001)}", path="b.txt")
    documents = [first, second]
    library = build_library(documents)
    assert len(library.works) == 1 and library.works[0].conflicts  # one work, years differ
    html = render_library_html(library, documents, [f"{payload}-a.txt", "b.txt"])
    _assert_inert(html)
    text = _dom(html).text_content()
    assert payload in text and "1999" in text and "2001" in text


# --- in a real browser ------------------------------------------------------------------

RUN_PAGES = ("index.html", "library.html")
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MARK = "document.body.setAttribute('data-pwned','{}')"
BROWSER_PAYLOADS = [
    f"<script>{MARK.format('script')};document.title='pwned'</script>",
    f"<img src=x onerror=\"{MARK.format('img')}\">",
    f"<svg/onload={MARK.format('svg')}>",
    f"<a href=\"javascript:{MARK.format('js')}\">click</a>",
    f"javascript:{MARK.format('url')}",
]


def _hostile_document() -> str:
    """References and notes carrying the payloads, with findings of every severity."""
    entries = "\n".join(
        f"• Author{n}, A. {payload} Title {n}. Press {n}, 199{n}."
        for n, payload in enumerate(BROWSER_PAYLOADS))
    notes = "\n".join(f"{n + 1}. Author{n} 199{n}, p. {n + 1}. {payload}"
                      for n, payload in enumerate(BROWSER_PAYLOADS))
    markers = " ".join(f"[{n + 1}]" for n in range(len(BROWSER_PAYLOADS)))
    return (f"An essay {markers} [9].\n\nReferences\n\n{entries}\n"
            "• Tang, Yilu. History. Beijing: Military Press, 1993. ISBN 7-80021-719-1 "
            "(Volum 1), 7-80021-961-X (Volum 2)\n\nNotes\n\n" + notes
            + "\n6. Nobody 2005, p. 3.\n")


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Headless Chromium through Selenium; fails (never skips) when it is missing."""
    missing = [str(p) for p in (CHROMIUM, CHROMEDRIVER) if not p.exists()]
    if missing:
        pytest.fail(f"headless browser missing: {', '.join(missing)}; run "
                    "`bash tests/install-browser.sh` (apt-get install chromium chromium-driver)",
                    pytrace=False)
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu",
                 "--disable-background-networking", "--disable-dev-shm-usage",
                 "--window-size=1200,1600"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)),
                              options=options)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture(scope="module")
def hostile_reports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    source = folder / "docs" / f"<img src=x onerror=\"{MARK.format('name')}\">.txt"
    source.parent.mkdir()
    source.write_text(_hostile_document(), encoding="utf-8")
    out = folder / "reports"
    result = CliRunner().invoke(app, ["check", str(source.parent), "--out", str(out),
                                      "--offline", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    return out


def _visible_rows(driver: Any) -> list[Any]:
    from selenium.webdriver.common.by import By

    return [row for row in driver.find_elements(By.CSS_SELECTOR, "#findings tbody tr")
            if row.is_displayed()]


def test_browser_runs_only_the_pages_own_script(browser: Any, hostile_reports: Path,
                                                tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    [page] = [p for p in hostile_reports.glob("*.html") if p.name not in RUN_PAGES]
    browser.get(page.as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    assert body.get_attribute("data-ready") == "true", "the page's own script did not run"
    assert body.get_attribute("data-pwned") is None, "a script from the document ran"
    assert browser.title != "pwned"
    assert browser.execute_script("return document.querySelectorAll('img, svg').length") == 0
    text = body.text
    assert "<script>" in text and "onerror=" in text  # shown as text, not run

    rows = _visible_rows(browser)

    def codes() -> list[str]:
        return [r.get_attribute("data-code") for r in _visible_rows(browser)]

    Select(browser.find_element(By.ID, "filter-severity")).select_by_value("warning")
    warnings = _visible_rows(browser)
    assert warnings and len(warnings) < len(rows)
    assert {r.get_attribute("data-severity") for r in warnings} == {"warning"}
    assert browser.find_element(By.ID, "findings-shown").text == str(len(warnings))
    Select(browser.find_element(By.ID, "filter-severity")).select_by_value("")
    Select(browser.find_element(By.ID, "filter-code")).select_by_value("ref.uncited")
    assert set(codes()) == {"ref.uncited"}
    Select(browser.find_element(By.ID, "filter-code")).select_by_value("")
    assert len(_visible_rows(browser)) == len(rows)

    browser.find_element(By.CSS_SELECTOR, "th[data-sort='code'] button").click()
    assert codes() == sorted(codes()) and codes() != [r.get_attribute("data-code") for r in rows]
    browser.find_element(By.CSS_SELECTOR, "th[data-sort='code'] button").click()
    assert codes() == sorted(codes(), reverse=True)
    header = browser.find_element(By.CSS_SELECTOR, "th[data-sort='code']")
    assert header.get_attribute("aria-sort") == "descending"
    browser.find_element(By.CSS_SELECTOR, "th[data-sort='order'] button").click()
    assert codes() == [r.get_attribute("data-code") for r in rows]  # document order again

    shot = tmp_path / "report.png"
    assert browser.save_screenshot(str(shot))
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000

    browser.get((hostile_reports / "index.html").as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    assert body.get_attribute("data-ready") == "true"
    assert body.get_attribute("data-pwned") is None
    browser.find_element(By.CSS_SELECTOR, "#documents tbody a").click()
    assert browser.current_url == page.as_uri()
    assert browser.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "true"

    browser.get((hostile_reports / "library.html").as_uri())  # the titles are hostile too
    body = browser.find_element(By.TAG_NAME, "body")
    assert body.get_attribute("data-ready") == "true"
    assert body.get_attribute("data-pwned") is None and browser.title != "pwned"
    assert "<script>" in body.text



def test_browser_csp_stops_a_missed_escape(browser: Any, hostile_reports: Path,
                                           tmp_path: Path) -> None:
    """Defence in depth: markup slipped into a page unescaped still runs nothing, while
    the page's own script does."""
    from selenium.webdriver.common.by import By

    [page] = [p for p in hostile_reports.glob("*.html") if p.name not in RUN_PAGES]
    html = page.read_text(encoding="utf-8").replace(
        "<main>", "<main>" + "".join(BROWSER_PAYLOADS[:3]), 1)
    injected = tmp_path / "injected.html"
    injected.write_text(html, encoding="utf-8")
    browser.get(injected.as_uri())
    body = browser.find_element(By.TAG_NAME, "body")
    assert browser.execute_script("return document.querySelectorAll('main > img').length") == 1
    assert body.get_attribute("data-ready") == "true", "the page's own script did not run"
    assert body.get_attribute("data-pwned") is None, "the CSP let an injected script run"
    assert browser.title != "pwned"


def test_a_newline_inside_a_word_run_keeps_paragraphs_on_their_lines() -> None:
    """A Word paragraph is one line of the document's text, even when a run's text holds
    a newline (Word writes <w:br/>, other tools may not), so later paragraphs stay put."""
    import io

    import docx
    from docx.oxml.ns import qn

    from sourcecheck.reading.word import read_docx

    word = docx.Document()
    first = word.add_paragraph("placeholder")
    word.add_paragraph("Second paragraph")
    first.runs[0]._r.find(qn("w:t")).text = "line one\nline two"
    data = io.BytesIO()
    word.save(data)
    document = read_docx("w.docx", data.getvalue())
    assert document.text.split("\n")[:2] == ["line one line two", "Second paragraph"]
    [shown] = source_lines(document, Location("w.docx", 2, 1))
    assert shown.text == "Second paragraph"


def test_the_index_links_only_the_reports_the_run_writes(tmp_path: Path) -> None:
    (tmp_path / "sourcecheck.toml").write_text('formats = ["html"]\n', encoding="utf-8")
    source = tmp_path / "doc.txt"
    source.write_text("An essay.\n\nBibliography\n\n• Lary, Diana. China's Civil War. "
                      "Cambridge: Cambridge University Press, 2015.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["check", str(source), "--out", str(out), "--offline"])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["doc.txt.html", "index.html"]
    index = _dom((out / "index.html").read_text(encoding="utf-8"))
    hrefs = index.xpath("//a/@href")
    assert "doc.txt.html" in hrefs
    assert [h for h in hrefs if not (out / h).exists()] == []  # no dangling link


def test_documents_named_like_the_runs_files_keep_their_own_reports(tmp_path: Path) -> None:
    documents = tmp_path / "docs"
    documents.mkdir()
    stems = ("index", "library", "report")  # in the order the index lists them
    for stem in stems:  # files without an extension are read as plain text
        (documents / stem).write_text(f"{stem} page\n\nBibliography\n\nLary, Diana (2015). "
                                      f"The Civil War {stem}. Cambridge: Cambridge "
                                      "University Press.\n", encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["check", str(documents), "--out", str(out),
                                      "--offline", "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    index = _dom((out / "index.html").read_text(encoding="utf-8"))
    linked = index.xpath("//table[@id='documents']/tbody/tr/td[1]/a/@href")
    assert len(linked) == 3 and not set(linked) & set(RUN_PAGES), linked
    for page, stem in zip(linked, stems, strict=True):  # each its own document's page
        assert f"The Civil War {stem}" in (out / page).read_text(encoding="utf-8")
    assert '"documents":[{' in (out / "report.json").read_text(encoding="utf-8")
    assert (out / "report.json").read_text(encoding="utf-8").count('"path":') == 3


@pytest.mark.parametrize("command", ["check", "library"])
def test_a_second_run_does_not_read_the_first_runs_reports(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch,
                                                           command: str) -> None:
    (tmp_path / "a.txt").write_text("A page\n\nBibliography\n\nLary, Diana (2015). The Civil "
                                    "War. Cambridge: Cambridge University Press.\n",
                                    encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    options = ["--offline", "--fail-on", "never"] if command == "check" else []
    for _ in range(2):  # "check ." writes reports/ below "." the first time
        result = CliRunner().invoke(app, [command, ".", *options])
        assert result.exit_code == 0, result.output
        assert ("\n1 document, 1 reference, 0 notes" in result.stdout if command == "check"
                else result.stdout.startswith("1 work from 1 reference in 1 document")), \
            result.stdout
    assert sorted(p.name for p in (tmp_path / "reports").iterdir() if p.name.startswith("a"))\
        == (["a.txt.html", "a.txt.json", "a.txt.md"] if command == "check" else [])


def test_pages_count_the_findings_a_comment_suppressed() -> None:
    text = ("A sentence.\n\nBibliography\n\n  • Taylor, Jay (2009). The Generalissimo. "
            "Cambridge: Harvard University Press. ISBN 0-674-03338-9.  # sourcecheck: "
            "ignore[isbn.checksum]\n")
    checked = check_text(text, path="doc.txt")
    assert len(checked.suppressed) == 1

    def suppressed_count(html: str) -> list[str]:
        return [span.text_content().strip() for span in
                _dom(html).xpath("//p[@class='summary']/span[@class='count']")
                if "suppressed" in span.text_content()]

    assert suppressed_count(render_document_html(checked)) == ["1 suppressed"]
    assert suppressed_count(render_index_html([checked], ["doc.txt"])) == ["1 suppressed"]
    clean = check_text(text.replace("  # sourcecheck: ignore[isbn.checksum]", ""))
    assert suppressed_count(render_document_html(clean)) == []  # no "0 suppressed" clutter
