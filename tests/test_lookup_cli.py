"""`sourcecheck lookup`, `sourcecheck cache`, and `check` with look-ups, through the CLI."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sourcecheck import cli
from sourcecheck.cli import app

from .catalogue_server import Book, CatalogueServer
from .conftest import ROOT

runner = CliRunner()
WESTAD = "9780804744782"
TANNER = "9780253016997"
BOOKS = {WESTAD: Book("Decisive encounters", ("Odd Arne Westad",), "the Chinese Civil War",
                      "Stanford University Press", "2003", 413)}


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[CatalogueServer]:
    with CatalogueServer(dict(BOOKS)) as running:
        for provider in ("OPENLIBRARY", "GOOGLEBOOKS", "LOC"):
            monkeypatch.setenv(f"SOURCECHECK_{provider}_URL", running.url)
            monkeypatch.setenv(f"SOURCECHECK_{provider}_RATE", "1000")
        yield running


def test_lookup_json_keeps_input_order(server: CatalogueServer) -> None:
    result = runner.invoke(app, ["lookup", "0253016991", "0-8047-4478-5", "0-8047-4478-6",
                                 "--format", "json"])
    assert result.exit_code == 1  # not everything was found
    rows = json.loads(result.stdout)
    assert [(r["input"], r["isbn13"], r["status"], r["provider"]) for r in rows] == [
        ("0253016991", TANNER, "not-found", None),
        ("0-8047-4478-5", WESTAD, "found", "openlibrary"),
        ("0-8047-4478-6", None, "invalid", None)]
    assert rows[1]["record"]["pages"] == 413
    assert server.requests["/api/books"] == 1


def test_lookup_reads_standard_input_and_prints_records(server: CatalogueServer) -> None:
    result = runner.invoke(app, ["lookup", "-"], input="0-8047-4478-5\n\n")
    assert result.exit_code == 0, result.output
    assert "Decisive encounters: the Chinese Civil War" in result.stdout
    assert "Stanford University Press, 2003" in result.stdout


def test_lookup_with_catalogues_unreachable_says_unavailable() -> None:
    result = runner.invoke(app, ["lookup", "0-8047-4478-5", "--format", "json"])
    assert json.loads(result.stdout)[0]["status"] == "unavailable"
    text = runner.invoke(app, ["lookup", "0-8047-4478-5"])
    assert "could not be reached" in text.stdout


def test_cache_info_and_clear(server: CatalogueServer) -> None:
    runner.invoke(app, ["lookup", "0-8047-4478-5", "0253016991"])
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0
    assert "found: 1" in info.stdout and "not found: 3" in info.stdout  # 3 providers said no
    offline = runner.invoke(app, ["lookup", "0-8047-4478-5", "--offline", "--format", "json"])
    assert json.loads(offline.stdout)[0]["status"] == "found"
    assert "cleared 4" in runner.invoke(app, ["cache", "clear"]).stdout
    offline = runner.invoke(app, ["lookup", "0-8047-4478-5", "--offline", "--format", "json"])
    assert json.loads(offline.stdout)[0]["status"] == "unavailable"


def test_a_damaged_cache_file_is_reported_and_cleared(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path))
    damaged = tmp_path / "lookups.sqlite3"
    damaged.write_bytes(b"this is not a database" * 100)
    info = runner.invoke(app, ["cache", "info"])
    assert info.exit_code == 0
    assert "cache unusable" in info.stdout and "not a database" in info.stdout
    assert runner.invoke(app, ["cache", "clear"]).exit_code == 0
    assert not damaged.exists()
    info = runner.invoke(app, ["cache", "info"])
    assert "unusable" not in info.stdout and str(damaged) in info.stdout


def test_check_verifies_references_and_a_second_run_sends_nothing(
        server: CatalogueServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    args = ["check", "references/02-liaoshen-wikipedia.txt", "--format", "json",
            "--no-reports", "--fail-on", "never"]
    first = json.loads(runner.invoke(app, args).stdout)
    sent = server.total_requests
    second = json.loads(runner.invoke(app, args).stdout)
    assert server.total_requests == sent
    assert first == second
    verifications = {r["id"]: r["verification"] for r in first["documents"][0]["references"]}
    westad = verifications["westad2003decisive"]
    assert westad["status"] == "verified" and westad["provider"] == "openlibrary"
    assert westad["record"]["isbn13"] == WESTAD
    schema = resources.files("sourcecheck").joinpath("schema/report.schema.json").read_text()
    jsonschema.validate(first, json.loads(schema))


def test_bad_setting_is_a_usage_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_OPENLIBRARY_URL", "openlibrary.org")
    result = runner.invoke(app, ["lookup", "0-8047-4478-5"])
    assert result.exit_code == 2
    assert "must start with http" in result.stderr


class _Terminal(io.StringIO):
    """Standard error as a terminal, so the progress bar thinks someone is watching."""

    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(("delay", "shown"), [(0.0, True), (60.0, False)],
                         ids=["slow-lookup-shows-bar", "quick-lookup-shows-nothing"])
def test_progress_bar_only_for_lookups_that_take_a_moment(
        monkeypatch: pytest.MonkeyPatch, delay: float, shown: bool) -> None:
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    bar = cli._ProgressBar(delay=delay)
    bar("openlibrary", 40, 100)
    bar.stop()
    assert ("looking up (openlibrary)" in terminal.getvalue()) is shown


def test_progress_bar_never_on_a_pipe(monkeypatch: pytest.MonkeyPatch) -> None:
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    bar = cli._ProgressBar(delay=0.0)
    bar("openlibrary", 40, 100)
    bar.stop()
    assert pipe.getvalue() == ""
