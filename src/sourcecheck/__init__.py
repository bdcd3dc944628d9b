"""sourcecheck: check the sources of a document.

Finds the bibliography and the notes, parses every entry, validates every ISBN, links
each note to the work it cites, and reports problems with stable rule codes.
"""

from __future__ import annotations

from .models import Reference
from .parsing.reference import parse_reference_text

__version__ = "0.1.0"

__all__ = ["Reference", "__version__", "parse_reference"]


def parse_reference(text: str) -> Reference:
    """Parse one reference string into a ``Reference`` (fields, names, ISBNs).

    A trained tagger shipped in the package splits the string into fields; rules read
    ISBNs, years and volume lists. ``Reference.fields`` gives the BibTeX field names, as
    the JSON report does; ``Reference.spans`` says where each field was read. Each
    distinct string is parsed once per process.

    >>> reference = parse_reference("Westad, Odd Arne (2003). Decisive encounters. Stanford: "
    ...                             "Stanford University Press. ISBN 0-8047-4478-5.")
    >>> reference.fields["author"], reference.fields["publisher"], reference.fields["year"]
    (['Westad, Odd Arne'], 'Stanford University Press', '2003')
    """
    return parse_reference_text(text)
