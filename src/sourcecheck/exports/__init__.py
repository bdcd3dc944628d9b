"""Exports: the checked bibliography as BibTeX (CSL-JSON and RIS to come)."""
