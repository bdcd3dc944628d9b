"""Shared fixtures. Golden files are refreshed only on purpose: pytest --update-goldens."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from sourcecheck.models import CheckedDocument
from sourcecheck.pipeline import Catalogue, check_document
from sourcecheck.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "references"
GOLDEN = Path(__file__).resolve().parent / "golden"


@pytest.fixture(scope="session")
def closed_port() -> Iterator[int]:
    """A loopback port bound but not listening: connections to it are refused at once."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _no_network(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory,
                closed_port: int) -> None:
    """No test touches the network or the user's cache: every catalogue points at a
    refused loopback port, and the look-up cache is a fresh folder."""
    for provider in ("OPENLIBRARY", "GOOGLEBOOKS", "LOC"):
        monkeypatch.setenv(f"SOURCECHECK_{provider}_URL", f"http://127.0.0.1:{closed_port}")
    monkeypatch.setenv("SOURCECHECK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("SOURCECHECK_GOOGLEBOOKS_KEY", raising=False)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-goldens", action="store_true",
                     help="rewrite tests/golden/* from the current output")


@pytest.fixture
def golden(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """Compare text with tests/golden/<name>, or rewrite it with --update-goldens."""
    update = request.config.getoption("--update-goldens")

    def compare(name: str, text: str) -> None:
        path = GOLDEN / name
        if update:
            path.write_text(text, encoding="utf-8")
            return
        assert path.exists(), f"missing golden file {path}; run pytest --update-goldens"
        assert text == path.read_text(encoding="utf-8"), f"output differs from {path}"

    return compare


def check_text(text: str, path: str = "doc.txt",
               catalogue: Catalogue | None = None) -> CheckedDocument:
    """Run the whole pipeline on a text given inline (with look-ups in ``catalogue``)."""
    return check_document(read_text(path, text), catalogue=catalogue)


def codes(checked: CheckedDocument) -> list[str]:
    return [f.code for f in checked.findings]
