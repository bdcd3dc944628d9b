"""The README documents the public interfaces as they are."""

from __future__ import annotations

import re

from sourcecheck.rules import RULES

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_lists_every_rule_with_its_severity() -> None:
    rows = dict(re.findall(r"^\| `([a-z]+\.[a-z-]+)` \| (error|warning|info) \|", README, re.M))
    assert rows == {code: rule.severity.value for code, rule in RULES.items()}


def test_readme_test_command_is_what_ci_runs() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    command = ("bash tests/install-browser.sh && "
               ".venv/bin/ruff check src tests bench && .venv/bin/mypy && .venv/bin/pytest -q")
    assert command in README
    assert command in ci
    # The README's command 2 is that line exactly, and CI runs it as its last line.
    [readme_line] = re.findall(r"^# 2\. .*\n(.*)$", README, re.M)
    assert readme_line == command
    assert ci.rstrip().splitlines()[-1] == command
