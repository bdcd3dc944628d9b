"""Which format a file is in: by its suffix, and by its content when the suffix lies.

A ``.txt`` file that is really HTML, or a ``.docx`` that is plain text, is read as what
it is; the reader registry in ``reading/__init__`` maps each format to its reader.
"""

from __future__ import annotations

import re

from ..models import DocumentFormat

SUFFIXES: dict[str, DocumentFormat] = {
    ".txt": DocumentFormat.TEXT, ".text": DocumentFormat.TEXT,
    ".md": DocumentFormat.MARKDOWN, ".markdown": DocumentFormat.MARKDOWN,
    ".wiki": DocumentFormat.WIKITEXT, ".mediawiki": DocumentFormat.WIKITEXT,
    ".wikitext": DocumentFormat.WIKITEXT,
    ".html": DocumentFormat.HTML, ".htm": DocumentFormat.HTML, ".xhtml": DocumentFormat.HTML,
    ".docx": DocumentFormat.DOCX,
    ".bib": DocumentFormat.BIBTEX, ".bibtex": DocumentFormat.BIBTEX,
    ".ris": DocumentFormat.RIS,
    ".json": DocumentFormat.CSL_JSON, ".csl.json": DocumentFormat.CSL_JSON,
}

_ZIP = b"PK\x03\x04"
_HTML = re.compile(r"\A\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])", re.I)
_BIBTEX = re.compile(r"^\s*@[A-Za-z]+\s*[{(]", re.M)
_RIS = re.compile(r"\A\s*TY  - ")
_CSL_JSON = re.compile(r'\A\s*[\[{]\s*(?:\{\s*)?"(?:id|type|title|author)"\s*:')
_WIKITEXT = re.compile(r"<ref[\s>/]|\{\{\s*(?:cite|citation|sfn|harv|reflist)", re.I)
_MARKDOWN_FOOTNOTE = re.compile(r"^ {0,3}\[\^[^\]\s]+\]:[ \t]", re.M)


def format_by_suffix(name: str) -> DocumentFormat | None:
    lowered = name.lower()
    for suffix in sorted(SUFFIXES, key=len, reverse=True):
        if lowered.endswith(suffix):
            return SUFFIXES[suffix]
    return None


def format_by_content(head: bytes) -> DocumentFormat | None:
    """The format the first bytes of a file show, or None when they show nothing sure.

    Only unmistakable signs count: a ZIP header (Word), an HTML root tag, a BibTeX
    ``@type{``, an RIS ``TY  -`` first line, a CSL-JSON object, wikitext ``<ref>`` or
    citation templates, a pandoc footnote definition (``[^1]: …``) for Markdown.
    """
    if head.startswith(_ZIP):
        return DocumentFormat.DOCX
    text = head[:65536].decode("utf-8", errors="replace").lstrip("\ufeff")
    if _HTML.match(text):
        return DocumentFormat.HTML
    if _RIS.match(text):
        return DocumentFormat.RIS
    if _CSL_JSON.match(text):
        return DocumentFormat.CSL_JSON
    if _BIBTEX.search(text) and text.lstrip().startswith(("@", "%")):
        return DocumentFormat.BIBTEX
    if _WIKITEXT.search(text):
        return DocumentFormat.WIKITEXT
    if _MARKDOWN_FOOTNOTE.search(text):
        return DocumentFormat.MARKDOWN
    return None


def detect_format(name: str, head: bytes) -> DocumentFormat:
    """The suffix's format unless the content clearly says otherwise; text by default.

    Content wins over the suffix only when the suffix is missing, generic (``.txt``) or
    contradicted by a binary container (a ``.docx`` that is not a ZIP is read as text).
    """
    by_suffix = format_by_suffix(name)
    by_content = format_by_content(head)
    if by_suffix is DocumentFormat.DOCX:
        return DocumentFormat.DOCX if head.startswith(_ZIP) else by_content or DocumentFormat.TEXT
    if by_suffix in (None, DocumentFormat.TEXT):
        return by_content or DocumentFormat.TEXT
    if by_content is DocumentFormat.DOCX:
        return DocumentFormat.DOCX
    return by_suffix
