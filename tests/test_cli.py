"""The command line: exit codes, options, the JSON contract, and golden outputs."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.rules import RULES

from .conftest import ROOT

runner = CliRunner()


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reports name documents relative to the working directory: run from the repo root."""
    monkeypatch.chdir(ROOT)


def _schema() -> dict[str, object]:
    text = resources.files("sourcecheck").joinpath("schema/report.schema.json").read_text()
    return json.loads(text)  # type: ignore[no-any-return]


def test_json_report_validates_against_the_schema(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "references", "--format", "json", "--out",
                                 str(tmp_path), "--fail-on", "never"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    jsonschema.validate(report, _schema())
    assert report["summary"]["documents"] == 11
    for written in tmp_path.glob("*.json"):
        if written.name == "library.json":  # CSL-JSON, not a report: test_library.py
            continue
        jsonschema.validate(json.loads(written.read_text(encoding="utf-8")), _schema())


def test_schema_rejects_a_broken_report() -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"schema": "sourcecheck.report/1", "documents": [{"path": 3}],
                             "summary": {}}, _schema())


def test_check_writes_reports_index_and_bibtex(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "references", "--out", str(tmp_path)])
    names = sorted(p.name for p in tmp_path.iterdir())
    assert "index.md" in names and "references.bib" in names and "report.json" in names
    assert "02-liaoshen-wikipedia.txt.md" in names
    assert "02-liaoshen-wikipedia.txt.json" in names
    assert "11 documents" in result.stdout


@pytest.mark.parametrize(("args", "status"), [
    pytest.param(["references/02-liaoshen-wikipedia.txt"], 0, id="info-only-passes"),
    pytest.param(["references/02-liaoshen-wikipedia.txt", "--fail-on", "info"], 1,
                 id="fail-on-info"),
    pytest.param(["references/04-handan-unsourced.txt"], 0, id="warning-under-error"),
    pytest.param(["references/04-handan-unsourced.txt", "--fail-on", "warning"], 1,
                 id="fail-on-warning"),
    pytest.param(["references/05-draft-chapter-with-problems.txt"], 1, id="errors"),
    pytest.param(["references/05-draft-chapter-with-problems.txt", "--fail-on", "never"], 0,
                 id="never"),
    pytest.param(["references/05-draft-chapter-with-problems.txt", "--ignore", "isbn,ref,cite"],
                 0, id="ignore-areas"),
    pytest.param(["no/such/file.txt"], 2, id="missing-path"),
    pytest.param(["references", "--select", "nonsense.code"], 2, id="unknown-code"),
    pytest.param(["references", "--fail-on", "sometimes"], 2, id="bad-option"),
])
def test_exit_status(args: list[str], status: int, tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", *args, "--out", str(tmp_path)])
    assert result.exit_code == status, result.output


def test_select_keeps_only_the_chosen_codes(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "references", "--format", "json", "--no-reports",
                                 "--select", "isbn.checksum,cite"])
    report = json.loads(result.stdout)
    found = {f["code"] for d in report["documents"] for f in d["findings"]}
    assert found and all(c == "isbn.checksum" or c.startswith("cite.") for c in found)
    assert not list(tmp_path.iterdir())


def test_usage_error_message_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["check", "nowhere", "--out", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or folder: nowhere" in result.output
    assert "Traceback" not in result.output


def test_isbn_command() -> None:
    result = runner.invoke(app, ["isbn", "7800219615", "0-8047-4478-6", "--format", "json"])
    assert result.exit_code == 1
    good, bad = json.loads(result.stdout)
    assert good["hyphenated13"] == "978-7-80021-961-0"
    assert good["agency"] == "China, People's Republic"
    assert bad["error"] == "isbn.checksum"
    assert bad["candidates"][0] == "0-8047-4478-5"


def test_isbn_command_text_and_clean_exit() -> None:
    result = runner.invoke(app, ["isbn", "978-0-8047-4478-2"])
    assert result.exit_code == 0
    assert "valid ISBN, 978-0-8047-4478-2" in result.stdout
    assert "ISBN-10: 0-8047-4478-5" in result.stdout


def test_rules_command_lists_every_code() -> None:
    result = runner.invoke(app, ["rules", "--format", "json"])
    listed = json.loads(result.stdout)
    assert [r["code"] for r in listed] == list(RULES)
    assert all(r["severity"] in ("error", "warning", "info") and r["summary"] for r in listed)


@pytest.mark.parametrize("code", sorted(c for c in RULES if c.startswith("isbn.")
                                        and c not in ("isbn.set", "isbn.volume-label")))
def test_isbn_rule_examples_show_their_rule(code: str) -> None:
    """The example `sourcecheck rules` prints for an ISBN rule really triggers that rule."""
    number = RULES[code].example.removeprefix("ISBN ").split(" (")[0]
    result = runner.invoke(app, ["isbn", number, "--format", "json"])
    [facts] = json.loads(result.stdout)
    assert code in [facts["error"], *facts["warnings"]]


def test_export_bibtex_to_file(tmp_path: Path) -> None:
    out = tmp_path / "refs.bib"
    result = runner.invoke(app, ["export", "references/02-liaoshen-wikipedia.txt", "--to",
                                 "bibtex", "-o", str(out)])
    assert result.exit_code == 0
    assert out.read_text(encoding="utf-8").count("@book{") == 7


# --- golden files -----------------------------------------------------------------


def test_golden_markdown_report(tmp_path: Path, golden) -> None:  # type: ignore[no-untyped-def]
    runner.invoke(app, ["check", "references", "--out", str(tmp_path)])
    golden("05-draft-chapter-with-problems.txt.md",
           (tmp_path / "05-draft-chapter-with-problems.txt.md").read_text(encoding="utf-8"))
    golden("index.md", (tmp_path / "index.md").read_text(encoding="utf-8"))


def test_golden_json_report(golden) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["check", "references", "--format", "json", "--no-reports"])
    golden("report.json", result.stdout)


def test_golden_bibtex_export(golden) -> None:  # type: ignore[no-untyped-def]
    result = runner.invoke(app, ["export", "references"])
    golden("references.bib", result.stdout)


def test_export_says_why_a_file_gave_nothing(tmp_path: Path) -> None:
    binary = tmp_path / "scan.txt"
    binary.write_bytes(b"%PDF-1.4\n\x00\x01")
    result = runner.invoke(app, ["export", str(binary)])
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "binary file: a PDF file" in result.stderr


def test_unwritable_report_folder_is_a_usage_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = runner.invoke(app, ["check", "references/04-handan-unsourced.txt", "--out",
                                 str(blocker / "reports")])
    assert result.exit_code == 2
    assert "cannot write reports" in result.stderr


def test_internal_error_exits_2_with_one_line(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    from sourcecheck import cli

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("a bug, not the user's mistake")

    monkeypatch.setattr(cli, "iter_checked", broken)
    monkeypatch.setattr("sys.argv", ["sourcecheck", "check", "references", "--no-reports"])
    monkeypatch.delenv("SOURCECHECK_DEBUG", raising=False)
    with pytest.raises(SystemExit) as info:
        cli.main()
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert "internal error: RuntimeError: a bug" in err
    assert "Traceback" not in err
