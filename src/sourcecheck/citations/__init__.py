"""Citations in notes: find them (``find``) and resolve them to references (``resolve``)."""
