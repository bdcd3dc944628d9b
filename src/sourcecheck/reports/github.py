"""GitHub Actions workflow commands: one annotation per finding, shown on the file and
line in a pull request and the job log.

``::error file=PATH,line=N,col=M,title=CODE::MESSAGE``; a warning is ``::warning``, an
info finding ``::notice``. Text from documents is escaped as the runner expects, so a
message can never end the command early or start another one.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import CheckedDocument, Finding, Severity

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """A command's message: %, CR and LF escaped.

    >>> escape_data("50% off\\nnext")
    '50%25 off%0Anext'
    """
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A command's property value: also ":" and "," (they separate properties).

    >>> escape_property("a,b:c")
    'a%2Cb%3Ac'
    """
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(path: str, finding: Finding) -> str:
    """The workflow command for one finding of the document at ``path``."""
    where = finding.location
    properties = ",".join([f"file={escape_property(path)}", f"line={where.line}",
                           f"col={where.column}", f"title={escape_property(finding.code)}"])
    message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    return f"::{COMMANDS[finding.severity]} {properties}::{escape_data(message)}"


def render_annotations(documents: Sequence[CheckedDocument]) -> str:
    """One line per finding of every document, in report order; "" when there are none."""
    return "\n".join(annotation(checked.document.path, finding)
                     for checked in documents for finding in checked.findings)
