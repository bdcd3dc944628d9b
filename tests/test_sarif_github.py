"""--format sarif (a SARIF 2.1.0 log) and --format github (workflow commands)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from typer.testing import CliRunner

from sourcecheck import __version__
from sourcecheck.cli import app
from sourcecheck.models import (
    CheckedDocument,
    Document,
    DocumentFormat,
    Finding,
    Location,
    Severity,
)
from sourcecheck.reports.github import annotation, escape_data, escape_property, render_annotations
from sourcecheck.reports.sarif import artifact_location, sarif_log
from sourcecheck.rules import RULES

from .conftest import ROOT

runner = CliRunner()
LEVELS = {"error", "warning", "note"}


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def _sarif(*args: str) -> tuple[int, dict[str, Any]]:
    result = runner.invoke(app, ["check", "references", "--no-reports", "--format", "sarif",
                                 *args])
    return result.exit_code, json.loads(result.stdout)


def test_sarif_log_has_the_required_structure() -> None:
    status, log = _sarif()
    assert status == 1  # the samples hold errors; the format does not change the status
    assert log["version"] == "2.1.0" and "sarif-2.1.0" in log["$schema"]
    assert len(log["runs"]) == 1
    run = log["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "sourcecheck" and driver["version"] == __version__
    assert driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert [r["id"] for r in rules] == list(RULES)
    for rule in rules:
        assert rule["shortDescription"]["text"] == RULES[rule["id"]].summary
        assert rule["defaultConfiguration"]["level"] in LEVELS
    assert run["originalUriBaseIds"]["SRCROOT"]["uri"] == ROOT.as_uri() + "/"
    assert run["results"], "the samples have findings"
    for result in run["results"]:
        assert set(result) >= {"ruleId", "ruleIndex", "level", "message", "locations"}
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] in LEVELS and result["message"]["text"]
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("references/") and location["artifactLocation"]["uriBaseId"] == "SRCROOT"
        assert (ROOT / uri).is_file()
        assert location["region"]["startLine"] >= 1 and location["region"]["startColumn"] >= 1


def test_sarif_levels_match_the_json_report() -> None:
    _, log = _sarif()
    report = json.loads(runner.invoke(app, ["check", "references", "--no-reports",
                                            "--format", "json"]).stdout)
    expected = [(d["path"], f["code"], f["line"], f["column"],
                 {"info": "note"}.get(f["severity"], f["severity"]))
                for d in report["documents"] for f in d["findings"]]
    got = [(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["ruleId"],
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"], r["level"])
           for r in log["runs"][0]["results"]]
    assert got == expected
    assert {"error", "warning", "note"} <= {r["level"] for r in log["runs"][0]["results"]}


def _checked(path: str, *findings: Finding, suppressed: tuple[Finding, ...] = ()
             ) -> CheckedDocument:
    return CheckedDocument(Document(path, DocumentFormat.TEXT, ""), (), (), findings,
                           suppressed=suppressed)


def _finding(code: str, message: str, path: str = "doc.txt", line: int = 3, column: int = 7,
             severity: Severity | None = None, hint: str | None = None) -> Finding:
    return Finding(code, severity or RULES[code].severity, message, Location(path, line, column),
                   hint=hint)


def test_sarif_keeps_suppressed_findings_as_suppressed_results() -> None:
    log = sarif_log([_checked("doc.txt", _finding("ref.uncited", "a"),
                              suppressed=(_finding("isbn.checksum", "b"),))])
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["ref.uncited", "isbn.checksum"]
    assert "suppressions" not in results[0]
    assert results[1]["suppressions"] == [{"kind": "inSource"}]
    assert "originalUriBaseIds" not in log["runs"][0]  # no root given


def test_sarif_level_follows_a_severity_override() -> None:
    overridden = _finding("isbn.checksum", "m", severity=Severity.INFO)
    result = sarif_log([_checked("doc.txt", overridden)])["runs"][0]["results"][0]
    assert result["level"] == "note"
    rules = sarif_log([])["runs"][0]["tool"]["driver"]["rules"]
    assert rules[result["ruleIndex"]]["defaultConfiguration"]["level"] == "error"


@pytest.mark.parametrize(("path", "expected"), [
    ("references/a b.txt", {"uri": "references/a%20b.txt", "uriBaseId": "SRCROOT"}),
    ("/tmp/x/ü.txt", {"uri": "file:///tmp/x/%C3%BC.txt"}),
], ids=["relative-with-space", "absolute"])
def test_artifact_locations_are_uris(path: str, expected: dict[str, str]) -> None:
    assert artifact_location(path) == expected


# -- GitHub workflow commands ---------------------------------------------------------

COMMAND = re.compile(r"^::(error|warning|notice) file=([^,:]*),line=(\d+),col=(\d+),"
                     r"title=([^,:]*)::([^\r\n]*)$")


def test_github_annotations_one_per_finding() -> None:
    result = runner.invoke(app, ["check", "references", "--no-reports", "--format", "github"])
    assert result.exit_code == 1
    report = json.loads(runner.invoke(app, ["check", "references", "--no-reports",
                                            "--format", "json"]).stdout)
    findings = [(d["path"], f) for d in report["documents"] for f in d["findings"]]
    lines = result.stdout.splitlines()
    assert len(lines) == len(findings)
    commands = {"error": "error", "warning": "warning", "info": "notice"}
    for line, (path, finding) in zip(lines, findings, strict=True):
        match = COMMAND.match(line)
        assert match, line
        assert match.groups()[:5] == (commands[finding["severity"]], path,
                                      str(finding["line"]), str(finding["column"]),
                                      finding["code"])


def test_github_clean_run_prints_nothing(tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    Path("doc.txt").write_text("A sentence.[1]\n\nNotes\n\n1. Lary 2015.\n", encoding="utf-8")
    result = runner.invoke(app, ["check", "doc.txt", "--no-reports", "--format", "github",
                                 "--select", "isbn"])
    assert result.exit_code == 0 and result.stdout == ""


@pytest.mark.parametrize(("message", "escaped"), [
    ("100% sure", "100%25 sure"),
    ("line\r\nbreak", "line%0D%0Abreak"),
    ("::error::injected", "::error::injected"),  # harmless once no newline precedes it
    ("%0A already escaped", "%250A already escaped"),
], ids=["percent", "crlf", "command-text", "escape-sequence"])
def test_github_message_escaping(message: str, escaped: str) -> None:
    assert escape_data(message) == escaped


def test_hostile_message_and_path_stay_one_command() -> None:
    hostile = _finding("cite.unresolved", 'note 1: "x\n::error file=evil.py,line=1::pwned%0A"',
                       hint="a,b:c\r\nd")
    line = annotation("dir,with:odd\nname.txt", hostile)
    assert "\n" not in line and "\r" not in line
    match = COMMAND.match(line)
    assert match, line
    assert match.group(2) == "dir%2Cwith%3Aodd%0Aname.txt"
    assert match.group(6) == ('note 1: "x%0A::error file=evil.py,line=1::pwned%250A"'
                              "%0Ahint: a,b:c%0D%0Ad")
    assert escape_property("a,b:c%") == "a%2Cb%3Ac%25"


def test_github_levels() -> None:
    text = render_annotations([_checked("d.txt", _finding("isbn.checksum", "e"),
                                        _finding("isbn.range", "w"),
                                        _finding("ref.uncited", "i"))])
    assert [line.split(" ", 1)[0] for line in text.splitlines()] == [
        "::error", "::warning", "::notice"]


SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text())


def test_sarif_output_is_valid_against_the_official_schema() -> None:
    validator = jsonschema.Draft4Validator(SARIF_SCHEMA)
    _status, log = _sarif()
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]
    assert errors == []
    suppressed = sarif_log([_checked("doc.txt", _finding("ref.uncited", "a"),
                                     suppressed=(_finding("isbn.checksum", "b"),))])
    assert list(validator.iter_errors(suppressed)) == []
    # the schema does reject what GitHub would: a level SARIF does not have
    log["runs"][0]["results"][0]["level"] = "fatal"
    assert not validator.is_valid(log)
