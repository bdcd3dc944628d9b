"""Shared fixtures. Golden files are refreshed only on purpose: pytest --update-goldens."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from sourcecheck.models import CheckedDocument
from sourcecheck.pipeline import check_document
from sourcecheck.reading import read_text

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "references"
GOLDEN = Path(__file__).resolve().parent / "golden"


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


def check_text(text: str, path: str = "doc.txt") -> CheckedDocument:
    """Run the whole pipeline on a text given inline."""
    return check_document(read_text(path, text))


def codes(checked: CheckedDocument) -> list[str]:
    return [f.code for f in checked.findings]
