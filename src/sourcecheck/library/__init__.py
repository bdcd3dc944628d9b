"""The source library: every work cited across the documents of a run, once, with
every document and note that cites it, merged fields and the conflicts between them.
"""

from .build import build_library
from .model import Citing, FieldConflict, Library, Work

__all__ = ["Citing", "FieldConflict", "Library", "Work", "build_library"]
