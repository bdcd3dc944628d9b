"""Reports: JSON (a versioned public contract), Markdown, and the terminal summary.
They read finished results and change nothing."""
