"""Label the tokens of a reference with the trained CRF model shipped in the package.

The model (``parsing/data/tagger.crfsuite``) is built by ``python -m
sourcecheck.parsing.train``. When it is missing, ``tag_reference`` raises
``ModelMissingError`` with that command in its message; the parser then falls back to
its rules.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycrfsuite

from .features import sequence_features
from .tokens import tokenize
from .training_data import MODEL_FILE, data_path


class ModelMissingError(RuntimeError):
    """The tagger's model file is not where the package expects it."""


@dataclass(frozen=True, slots=True)
class TaggedSpan:
    """A run of tokens with one label: ``text[start:end]`` of the tagged entry."""

    label: str
    start: int
    end: int


@cache
def model_path() -> Path:
    """The model file inside the installed package."""
    return data_path(MODEL_FILE)


@cache
def _tagger(path: Path) -> pycrfsuite.Tagger:
    if not path.is_file():
        raise ModelMissingError(
            f"the reference tagger's model {path} is missing; "
            "rebuild it with: python -m sourcecheck.parsing.train")
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def tag_reference(text: str, path: Path | None = None) -> list[TaggedSpan]:
    """Label runs of tokens of ``text``; spans are in order and do not overlap."""
    tokens = tokenize(text)
    if not tokens:
        return []
    labels = _tagger(path or model_path()).tag(sequence_features(tokens))
    spans: list[TaggedSpan] = []
    for token, tag in zip(tokens, labels, strict=True):
        # "B-title"/"I-title" -> "title": the BIO prefixes only teach the CRF boundaries;
        # neighbouring spans of one label are read as one, as before
        label = tag[2:] if tag[1:2] == "-" else tag
        if spans and spans[-1].label == label:
            spans[-1] = TaggedSpan(label, spans[-1].start, token.end)
        else:
            spans.append(TaggedSpan(label, token.start, token.end))
    return spans
