"""The SARIF 2.1.0 log of a run, for code-review tools (GitHub code scanning and others).

One run; ``tool.driver.rules`` is the whole rule table (``rules.RULES``) with each rule's
default level; every finding is a result pointing at its document, line and column.
Findings a comment in the document suppressed are results too, with an ``inSource``
suppression, so tools can show them as suppressed instead of losing them.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__
from ..models import CheckedDocument, Finding, Severity
from ..rules import RULES

SARIF_VERSION = "2.1.0"
SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://github.com/sourcecheck/sourcecheck"
SOURCE_ROOT = "SRCROOT"  # the uriBaseId of paths relative to the working directory
LEVELS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def sarif_log(documents: Sequence[CheckedDocument], root: Path | None = None
              ) -> dict[str, Any]:
    """The SARIF log of checked documents. A document path that is relative (reports
    name documents relative to the working directory) becomes a URI relative to
    ``SRCROOT``; with ``root`` (the working directory) the log says where that is."""
    index = {code: number for number, code in enumerate(RULES)}
    results = [_result(checked.document.path, finding, index, suppressed)
               for checked in documents
               for suppressed, findings in ((False, checked.findings),
                                            (True, checked.suppressed))
               for finding in findings]
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "sourcecheck",
            "version": __version__,
            "semanticVersion": __version__,
            "informationUri": INFORMATION_URI,
            "rules": [_rule(code) for code in RULES],
        }},
        "columnKind": "unicodeCodePoints",  # columns count characters, as Python does
        "results": results,
    }
    if root is not None:
        run["originalUriBaseIds"] = {SOURCE_ROOT: {"uri": root.resolve().as_uri() + "/"}}
    return {"$schema": SARIF_SCHEMA, "version": SARIF_VERSION, "runs": [run]}


def _rule(code: str) -> dict[str, Any]:
    rule = RULES[code]
    return {
        "id": code,
        "shortDescription": {"text": rule.summary},
        "help": {"text": f"{rule.summary}. Example: {rule.example}"},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
    }


def _result(path: str, finding: Finding, index: dict[str, int],
            suppressed: bool) -> dict[str, Any]:
    location = finding.location
    region: dict[str, int] = {"startLine": max(1, location.line),
                              "startColumn": max(1, location.column)}
    if location.end_line is not None:
        region["endLine"] = location.end_line
        if location.end_column is not None:
            region["endColumn"] = location.end_column
    text = finding.message + (f" (hint: {finding.hint})" if finding.hint else "")
    result: dict[str, Any] = {
        "ruleId": finding.code,
        "ruleIndex": index[finding.code],
        "level": LEVELS[finding.severity],
        "message": {"text": text},
        "locations": [{"physicalLocation": {"artifactLocation": artifact_location(path),
                                            "region": region}}],
    }
    if suppressed:
        result["suppressions"] = [{"kind": "inSource"}]
    return result


def artifact_location(path: str) -> dict[str, str]:
    """A document path as a SARIF artifactLocation: a relative URI under SRCROOT, or a
    file: URI for an absolute path."""
    if os.path.isabs(path):
        return {"uri": Path(path).as_uri()}
    return {"uri": quote(Path(path).as_posix()), "uriBaseId": SOURCE_ROOT}
