"""The report writer: a run's files written by forked workers are the files one process
writes, byte for byte; a worker's failed write is the caller's OSError; and a process
that runs other threads never forks."""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

import pytest
from typer.testing import CliRunner

from sourcecheck.cli import app
from sourcecheck.models import CheckedDocument
from sourcecheck.reports import writer
from sourcecheck.reports.writer import ReportWriter

from .conftest import REFERENCES, check_text

ENTRY = ("• Westad, Odd Arne. Decisive Encounters: The Chinese Civil War, 1946–1950. "
         "Stanford: Stanford University Press, {year}. ISBN 0-8047-4478-5\n")


def _documents() -> list[CheckedDocument]:
    # The same ISBN with different years: the run-level library.conflict finding too.
    return [check_text(f"References\n\n{ENTRY.format(year=2003 + n % 2)}\nNotes\n\n"
                       f"1. ^ Westad {2003 + n % 2}, p. {n + 1}.\n", path=f"doc{n}.txt")
            for n in range(7)]


# Where the spy below records the process that wrote each chunk (set by the test).
_PIDS_FILE: Path | None = None
_REAL_WORKER = writer._write_in_worker


def _spy_worker(indices: range) -> list[str | None]:
    """The worker, recording its process id (module level: the pool sends it by name)."""
    assert _PIDS_FILE is not None
    with _PIDS_FILE.open("a", encoding="utf-8") as pids:
        pids.write(f"{os.getpid()}\n")
    return _REAL_WORKER(indices)


def _write(out: Path, jobs: int, documents: list[CheckedDocument]) -> dict[str, bytes]:
    report_writer = ReportWriter(out, jobs=jobs)
    for n, checked in enumerate(documents):
        report_writer.add(f"{n:02d}-{checked.document.path}", checked)
    report_writer.finish()
    return {path.name: path.read_bytes() for path in sorted(out.iterdir())}


@pytest.fixture
def spied(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Path]:
    """Forks from two documents on, and records the workers' process ids."""
    global _PIDS_FILE
    _PIDS_FILE = tmp_path / "pids.txt"
    monkeypatch.setattr(writer, "MIN_DOCUMENTS_PER_JOB", 2)
    monkeypatch.setattr(writer, "_write_in_worker", _spy_worker)
    yield _PIDS_FILE
    _PIDS_FILE = None


def test_forked_workers_write_the_files_one_process_writes(spied: Path, tmp_path: Path
                                                           ) -> None:
    assert writer._can_fork(), "this test runs on Linux, without other threads"
    documents = _documents()
    alone = _write(tmp_path / "one", 1, documents)
    assert not spied.exists()  # one job: no worker
    gc.unfreeze()  # as a library caller finds it (the command line's test freezes it)
    together = _write(tmp_path / "three", 3, documents)
    assert gc.get_freeze_count() == 0  # the collector is as it was
    workers = set(spied.read_text(encoding="utf-8").split())
    assert len(workers) >= 2 and str(os.getpid()) not in workers
    assert together.keys() == alone.keys()
    assert len([name for name in alone if name.endswith(".html")]) == 7 + 2  # index, library
    for name, content in alone.items():
        assert together[name] == content, name
    # the run report holds every document once, in the order they were added
    run_report = together["report.json"].decode("utf-8")
    assert [run_report.index(f'"doc{n}.txt"') for n in range(7)] == sorted(
        run_report.index(f'"doc{n}.txt"') for n in range(7))


def test_a_workers_failed_write_is_an_oserror(spied: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    (out / "05-doc5.txt.md").mkdir(parents=True)  # a folder where a report must go
    with pytest.raises(IsADirectoryError):
        _write(out, 2, _documents())
    assert spied.exists()  # it was a worker's write


def _dying_worker(indices: range) -> list[str | None]:
    os._exit(3)  # as a worker the kernel kills for memory ends


def test_a_worker_that_dies_fails_the_run_instead_of_hanging_it(
        monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(writer, "MIN_DOCUMENTS_PER_JOB", 2)
    monkeypatch.setattr(writer, "_write_in_worker", _dying_worker)
    with pytest.raises(BrokenProcessPool):
        _write(tmp_path / "reports", 2, _documents())


def test_no_fork_while_another_thread_runs(spied: Path, tmp_path: Path) -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert not writer._can_fork()
        files = _write(tmp_path / "reports", 2, _documents())
    finally:
        release.set()
        other.join()
    assert not spied.exists() and "06-doc6.txt.html" in files


def test_check_jobs_option(tmp_path: Path) -> None:
    runner = CliRunner()
    one = runner.invoke(app, ["check", str(REFERENCES), "--out", str(tmp_path / "a"),
                              "--offline", "--fail-on", "never", "-j", "1"])
    assert one.exit_code == 0, one.output
    several = runner.invoke(app, ["check", str(REFERENCES), "--out", str(tmp_path / "b"),
                                  "--offline", "--fail-on", "never", "--jobs", "4"])
    assert several.exit_code == 0, several.output
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == sorted(
        p.name for p in (tmp_path / "b").iterdir())
    zero = runner.invoke(app, ["check", str(REFERENCES), "--jobs", "0"])
    assert zero.exit_code == 2
