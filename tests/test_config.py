"""The configuration file: where it is found, what it may say, and who wins over it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.config import ConfigError, find_config, load_config
from sourcecheck.lookup.config import PROVIDERS
from sourcecheck.lookup.service import default_slots
from sourcecheck.models import Severity

runner = CliRunner()

# Taylor's ISBN with a wrong check digit (isbn.checksum, an error) and Lary's book with
# no ISBN (ref.no-identifier, info).
DOCUMENT = """A sample article

A sentence that needs a source.

Bibliography

  • Taylor, Jay (2009). The Generalissimo. Cambridge: Harvard University Press. ISBN 0-674-03338-9.
  • Lary, Diana (2015). China's Civil War. Cambridge: Cambridge University Press.
"""


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with docs/chapter.txt, and the working directory in it."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "chapter.txt").write_text(DOCUMENT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _check(*args: str) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(app, ["check", "docs", "--no-reports", "--format", "json", *args])
    report = json.loads(result.stdout) if result.stdout.startswith("{") else {}
    return result.exit_code, report, result.stderr


def _codes(report: dict[str, object]) -> set[str]:
    return {f["code"] for d in report["documents"] for f in d["findings"]}  # type: ignore[attr-defined, index]


@pytest.mark.parametrize(("files", "expected"), [
    pytest.param({"docs/sourcecheck.toml": ""}, "docs/sourcecheck.toml", id="next-to-documents"),
    pytest.param({"sourcecheck.toml": ""}, "sourcecheck.toml", id="in-a-parent-folder"),
    pytest.param({"pyproject.toml": "[tool.sourcecheck]\n"}, "pyproject.toml", id="pyproject"),
    pytest.param({"sourcecheck.toml": "", "docs/pyproject.toml": "[tool.sourcecheck]\n"},
                 "docs/pyproject.toml", id="nearest-wins"),
    pytest.param({"sourcecheck.toml": "", "docs/pyproject.toml": "[tool.ruff]\n"},
                 "sourcecheck.toml", id="pyproject-without-table-does-not-count"),
    pytest.param({"docs/sourcecheck.toml": "", "docs/pyproject.toml": "[tool.sourcecheck]\n"},
                 "docs/sourcecheck.toml", id="sourcecheck-toml-before-pyproject"),
])
def test_config_is_found_next_to_the_documents(project: Path, files: dict[str, str],
                                               expected: str) -> None:
    for name, text in files.items():
        (project / name).write_text(text, encoding="utf-8")
    assert find_config([project / "docs" / "chapter.txt"]) == project / expected


def test_working_directory_is_the_fallback(tmp_path: Path) -> None:
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "here").mkdir()
    (tmp_path / "here" / "sourcecheck.toml").write_text("", encoding="utf-8")
    found = find_config([tmp_path / "elsewhere"], cwd=tmp_path / "here")
    assert found == tmp_path / "here" / "sourcecheck.toml"


def test_file_selects_and_cli_overrides(project: Path) -> None:
    (project / "sourcecheck.toml").write_text('ignore = ["isbn"]\n', encoding="utf-8")
    status, report, _ = _check()
    assert "isbn.checksum" not in _codes(report) and "ref.no-identifier" in _codes(report)
    assert status == 0  # the only error was ignored
    status, report, _ = _check("--ignore", "ref")  # replaces the file's ignore
    assert "isbn.checksum" in _codes(report) and "ref.no-identifier" not in _codes(report)
    assert status == 1


def test_select_in_file(project: Path) -> None:
    (project / "sourcecheck.toml").write_text('select = ["ref.no-identifier"]\n', encoding="utf-8")
    assert _codes(_check()[1]) == {"ref.no-identifier"}
    assert _codes(_check("--select", "isbn")[1]) == {"isbn.checksum"}


def test_severity_override_changes_findings_and_exit_status(project: Path) -> None:
    status, report, _ = _check()
    assert status == 1
    (project / "sourcecheck.toml").write_text(
        '[severity]\n"isbn.checksum" = "warning"\n"ref" = "error"\n', encoding="utf-8")
    status, report, _ = _check()
    severities = {f["code"]: f["severity"]  # type: ignore[index]
                  for d in report["documents"] for f in d["findings"]}  # type: ignore[attr-defined]
    assert severities["isbn.checksum"] == "warning"
    assert severities["ref.no-identifier"] == "error"  # an area sets every code in it
    assert report["summary"]["findings"]["error"] == 1  # type: ignore[index]
    assert status == 1
    (project / "sourcecheck.toml").write_text(
        '[severity]\n"isbn.checksum" = "warning"\n', encoding="utf-8")
    assert _check()[0] == 0  # no error left: --fail-on error passes


def test_code_beats_its_area_in_severity_table() -> None:
    config = load_config(config_file=_write(
        '[severity]\n"isbn.checksum" = "info"\nisbn = "warning"\n'))
    assert config.severity["isbn.checksum"] is Severity.INFO
    assert config.severity["isbn.length"] is Severity.WARNING


def test_fail_on_in_file_and_on_the_command_line(project: Path) -> None:
    (project / "sourcecheck.toml").write_text('fail_on = "never"\n', encoding="utf-8")
    assert _check()[0] == 0
    assert _check("--fail-on", "error")[0] == 1


@pytest.mark.parametrize("key", ["fail_on", "fail-on"])
def test_keys_may_be_written_with_hyphens(project: Path, key: str) -> None:
    """pyproject.toml tables are often kebab-case (as ruff's): both spellings are one key."""
    (project / "pyproject.toml").write_text(
        f'[tool.sourcecheck]\n{key} = "never"\ncache-found-days = 7\n', encoding="utf-8")
    assert _check()[0] == 0
    config = load_config([project / "docs"])
    assert config.fail_on == "never" and config.lookup.cache_found_days == 7


def test_out_and_formats_relative_to_the_config_file(project: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "sourcecheck.toml").write_text('out = "build/reports"\nformats = ["bib"]\n',
                                              encoding="utf-8")
    monkeypatch.chdir(project / "docs")  # the file's folder, not the cwd, anchors "out"
    result = runner.invoke(app, ["check", "."])
    assert result.exit_code == 1, result.output
    written = sorted(p.name for p in (project / "build" / "reports").iterdir())
    assert written == ["references.bib"]
    other = project / "other"
    runner.invoke(app, ["check", ".", "--out", str(other)])
    assert sorted(p.name for p in other.iterdir()) == ["references.bib"]


def test_lookup_keys_from_file_and_environment(tmp_path: Path) -> None:
    path = _write('openlibrary_url = "http://mirror.test/"\ntimeout = 3\ncache_dir = "cache"\n'
                  'providers = ["loc", "openlibrary"]\ncache_found_days = 7\n', tmp_path)
    config = load_config(config_file=path,
                         environ={"SOURCECHECK_TIMEOUT": "5", "SOURCECHECK_LOC_URL": "http://l.test"})
    lookup = config.lookup
    assert lookup.openlibrary_url == "http://mirror.test"
    assert lookup.timeout == 5.0  # the environment beats the file
    assert lookup.loc_url == "http://l.test"
    assert lookup.cache_dir == tmp_path / "cache"  # relative to the file
    assert lookup.cache_found_days == 7 and lookup.cache_not_found_days == 14
    assert [s.provider.name for s in default_slots(lookup)] == ["loc", "openlibrary"]
    assert load_config(environ={}, cwd=tmp_path / "nowhere").lookup.providers == PROVIDERS


def test_cache_expiry_from_config(project: Path) -> None:
    from sourcecheck.cli import _catalogue
    from sourcecheck.lookup.cache import DAY

    (project / "sourcecheck.toml").write_text(
        "cache_found_days = 2\ncache_not_found_days = 0.5\n", encoding="utf-8")
    with _catalogue(offline=True) as service:
        assert service.cache.found_ttl == 2 * DAY
        assert service.cache.not_found_ttl == 0.5 * DAY


@pytest.mark.parametrize(("text", "message"), [
    pytest.param('selct = ["isbn"]\n',
                 "unknown key 'selct' (did you mean 'select'?)", id="unknown-key"),
    pytest.param('fail-on = "never"\nfail_on = "error"\n',
                 "'fail-on' and 'fail_on' are one key, given twice", id="key-spelt-twice"),
    pytest.param('fail-onn = "never"\n',
                 "unknown key 'fail-onn' (did you mean 'fail_on'?)", id="hyphenated-typo"),
    pytest.param('colour = "red"\n', "unknown key 'colour'", id="unknown-key-no-hint"),
    pytest.param('select = "isbn"\n', "select: must be a list of rule codes or areas, got a "
                 "string", id="string-for-list"),
    pytest.param("formats = [1]\n", 'formats: must be a list of report formats (e.g. ["md"])',
                 id="number-in-list"),
    pytest.param("formats = []\n", "formats: must name at least one of md, json, html, bib, "
                 "library (--no-reports writes none)", id="no-format"),
    pytest.param("providers = []\n", "providers: must name at least one of openlibrary",
                 id="no-provider"),
    pytest.param('ignore = ["isbn", "isbn"]\n', "ignore: names an item twice", id="twice"),
    pytest.param("[lookup]\ntimeout = 3\n", "unknown key 'lookup'", id="unknown-table"),
    pytest.param('ignore = ["isbn.nope"]\n', "ignore: unknown rule code or area: 'isbn.nope'",
                 id="unknown-code"),
    pytest.param('timeout = "soon"\n', "timeout: must be a number (got a string)",
                 id="string-for-number"),
    pytest.param("retries = true\n", "retries: must be an integer (got a boolean)",
                 id="boolean-for-integer"),
    pytest.param("loc_rate = 0\n", "loc_rate: 0.0 must be more than 0", id="zero-rate"),
    pytest.param('openlibrary_url = "openlibrary.org"\n',
                 "openlibrary_url: 'openlibrary.org' must start with http", id="no-scheme"),
    pytest.param('[severity]\n"isbn.checksum" = "fatal"\n',
                 "severity: isbn.checksum: 'fatal' is not one of info, warning, error",
                 id="bad-severity"),
    pytest.param('fail_on = "always"\n', "fail_on: 'always' is not one of", id="bad-fail-on"),
    pytest.param('formats = ["pdf"]\n', "formats: 'pdf' is not one of md, json, html, bib, library",
                 id="bad-format"),
    pytest.param('providers = ["worldcat"]\n', "providers: 'worldcat' is not one of",
                 id="bad-provider"),
    pytest.param("select = [\n", "cannot read", id="broken-toml"),
])
def test_bad_file_is_one_line_naming_file_and_key(project: Path, text: str,
                                                  message: str) -> None:
    (project / "sourcecheck.toml").write_text(text, encoding="utf-8")
    status, _, stderr = _check()
    assert status == 2
    assert stderr.startswith(f"sourcecheck: sourcecheck.toml: {message}"), stderr
    assert stderr.count("\n") == 1 and "Traceback" not in stderr


def test_pyproject_severity_table(project: Path) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "book"\n\n[tool.sourcecheck]\nfail_on = "warning"\n\n'
        '[tool.sourcecheck.severity]\n"isbn.checksum" = "info"\n', encoding="utf-8")
    config = load_config([project / "docs"])
    assert config.path == project / "pyproject.toml" and config.fail_on == "warning"
    assert config.severity["isbn.checksum"] is Severity.INFO
    assert _check()[0] == 0  # the checksum error is info now, and nothing else is a warning


def test_pyproject_error_names_the_table(project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.sourcecheck]\nselct = []\n',
                                            encoding="utf-8")
    status, _, stderr = _check()
    assert status == 2
    assert stderr.startswith("sourcecheck: pyproject.toml [tool.sourcecheck]: unknown key "
                             "'selct'"), stderr


@pytest.mark.parametrize("text", ['tool = "sourcecheck"\n', "[tool]\nsourcecheck = 3\n"])
def test_pyproject_tool_that_is_not_a_table_is_one_line(project: Path, text: str) -> None:
    (project / "pyproject.toml").write_text(text, encoding="utf-8")
    status, _, stderr = _check()
    assert status == 2
    assert stderr.startswith("sourcecheck: pyproject.toml: [tool") and "must be a table" in stderr
    assert stderr.count("\n") == 1 and "internal error" not in stderr, stderr


def test_bad_environment_variable_is_an_error(project: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCECHECK_RETRIES", "many")
    with pytest.raises(ConfigError, match=r"^SOURCECHECK_RETRIES: 'many' is not an integer"):
        load_config()


def _write(text: str, folder: Path | None = None) -> Path:
    import tempfile

    folder = folder or Path(tempfile.mkdtemp())
    path = folder / "sourcecheck.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_library_writes_into_the_configurations_out(project: Path) -> None:
    (project / "sourcecheck.toml").write_text('out = "build/reports"\n', encoding="utf-8")
    result = runner.invoke(app, ["library", "docs"])
    assert result.exit_code == 0, result.output
    assert (project / "build" / "reports" / "library.bib").is_file()
    assert not (project / "reports").exists()
    result = runner.invoke(app, ["library", "docs", "--out", "elsewhere"])  # the option wins
    assert result.exit_code == 0 and (project / "elsewhere" / "library.json").is_file()


def test_library_reports_a_bad_configuration(project: Path) -> None:
    (project / "sourcecheck.toml").write_text('selct = ["isbn"]\n', encoding="utf-8")
    result = runner.invoke(app, ["library", "docs"])
    assert result.exit_code == 2
    assert result.stderr.startswith("sourcecheck: sourcecheck.toml: unknown key 'selct'")


def test_a_byte_order_mark_is_read_past(project: Path) -> None:
    # Notepad and other Windows editors start UTF-8 files with one
    (project / "sourcecheck.toml").write_bytes('\ufefffail_on = "never"\r\n'.encode())
    assert load_config([project / "docs"]).fail_on == "never"
    assert _check()[0] == 0


def test_a_home_folder_in_out_and_cache_dir_is_expanded(project: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HOME", str(project / "home"))
    (project / "sourcecheck.toml").write_text('out = "~/reports"\ncache_dir = "~/.cache/sc"\n',
                                              encoding="utf-8")
    config = load_config([project / "docs"], environ={})  # the tests' own cache aside
    assert config.out == project / "home" / "reports"  # not a folder called "~"
    assert config.lookup.cache_dir == project / "home" / ".cache" / "sc"
