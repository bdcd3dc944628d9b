"""Reports: JSON (a versioned public contract), Markdown, and the terminal summary.
They read finished results and change nothing."""

#: report files ``check`` can write into its output folder: per-document Markdown
#: (``md``), JSON (``json``) and HTML (``html``) reports with their index, and the
#: exported bibliography (``bib``: references.bib), and the source library across the
#: documents (``library``: library.bib and library.json)
REPORT_FORMATS = ("md", "json", "html", "bib", "library")
