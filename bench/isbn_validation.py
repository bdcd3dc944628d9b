"""ISBN validation speed, side by side with python-stdnum and isbnlib, in one run.

Two tasks on the same 20,000 written ISBNs (seeded: valid ISBN-10s and -13s of real
registration groups, with and without hyphens, and a fifth of them broken by one wrong
digit, a swap, a cut or a stray letter):

- validate: is this a valid ISBN?  sourcecheck ``isbn.is_valid`` (checksum, prefix and
  registration group), stdnum ``isbn.is_valid`` (checksum and prefix), isbnlib
  ``notisbn`` (checksum).
- full check: everything a report needs. sourcecheck ``isbn.check`` (error code, ISBN-13,
  hyphenation from the ranges, agency, misplaced hyphens; its per-run cache bypassed),
  stdnum ``validate`` + ``format`` + ``to_isbn13``, isbnlib ``notisbn`` + ``mask`` +
  ``to_isbn13``.

With --vectors FILE (the 268 public test vectors in ../shared/data/isbn_vectors, used
when present), it also prints how often each tool's verdict agrees with the vectors'.

    python bench/isbn_validation.py [--count 20000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import timeit
from collections.abc import Callable
from pathlib import Path

import isbnlib
from stdnum import isbn as stdnum_isbn
from stdnum.exceptions import ValidationError

from sourcecheck import isbn

DEFAULT_VECTORS = (Path(__file__).resolve().parents[2]
                   / "shared/data/isbn_vectors/isbn_vectors.jsonl")
GROUP_PREFIXES = ["9780", "9781", "9787", "9782", "9783", "97884", "978988", "97910", "979111"]


def make_isbns(count: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        prefix = rng.choice(GROUP_PREFIXES)
        body = prefix + "".join(rng.choice("0123456789") for _ in range(12 - len(prefix)))
        isbn13 = body + isbn._isbn13_check_digit(body)
        number = isbn13
        if prefix.startswith("978") and rng.random() < 0.4:
            number = isbn.to_isbn10(isbn13) or isbn13
        hyphenated = isbn.hyphenate(number)
        if hyphenated and rng.random() < 0.5:
            number = hyphenated
        if rng.random() < 0.2:
            number = _break(rng, number)
        out.append(number)
    return out


def _break(rng: random.Random, number: str) -> str:
    digits = [i for i, c in enumerate(number) if c.isdigit()]
    i = rng.choice(digits[:-1])
    kind = rng.randrange(4)
    if kind == 0:
        return number[:i] + str((int(number[i]) + 1) % 10) + number[i + 1:]
    if kind == 1 and number[i + 1].isdigit():
        return number[:i] + number[i + 1] + number[i] + number[i + 2:]
    if kind == 2:
        return number[:-2]
    return number[:i] + "O" + number[i + 1:]


def stdnum_valid(number: str) -> bool:
    return bool(stdnum_isbn.is_valid(number))


def stdnum_full(number: str) -> object:
    try:
        compact = stdnum_isbn.validate(number)
    except ValidationError as exc:
        return exc
    return stdnum_isbn.format(compact), stdnum_isbn.to_isbn13(compact)


def isbnlib_valid(number: str) -> bool:
    return not isbnlib.notisbn(number)


def isbnlib_full(number: str) -> object:
    if isbnlib.notisbn(number):
        return None
    return isbnlib.mask(number), isbnlib.to_isbn13(number)


def sourcecheck_full(number: str) -> object:
    return isbn.check.__wrapped__(number)  # type: ignore[attr-defined]  # no cache


TOOLS: list[tuple[str, str, Callable[[str], object]]] = [
    ("validate", "sourcecheck isbn.is_valid", isbn.is_valid),
    ("validate", "python-stdnum isbn.is_valid", stdnum_valid),
    ("validate", "isbnlib notisbn", isbnlib_valid),
    ("full check", "sourcecheck isbn.check", sourcecheck_full),
    ("full check", "python-stdnum validate+format+to_isbn13", stdnum_full),
    ("full check", "isbnlib notisbn+mask+to_isbn13", isbnlib_full),
]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=20000)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--vectors", type=Path, default=DEFAULT_VECTORS)
    args = parser.parse_args()
    numbers = make_isbns(args.count)
    for _task, _name, function in TOOLS:  # warm up: range tables, regex caches
        for number in numbers[:200]:
            function(number)
    print(f"{args.count} ISBNs, best of {args.repeat} runs\n")
    print("| task | tool | µs per ISBN | ISBNs/s |")
    print("|---|---|---:|---:|")
    best: dict[str, float] = {}
    for task, name, function in TOOLS:
        def run(function: Callable[[str], object] = function) -> None:
            for number in numbers:
                function(number)
        seconds = min(timeit.repeat(run, number=1, repeat=args.repeat))
        best[name] = seconds
        print(f"| {task} | {name} | {seconds / args.count * 1e6:.2f} | "
              f"{args.count / seconds:,.0f} |")
    ratio = best["python-stdnum isbn.is_valid"] / best["sourcecheck isbn.is_valid"]
    print(f"\nsourcecheck validates {ratio:.2f}x as fast as python-stdnum "
          "(while also checking the registration group).")
    if args.vectors.exists():
        _agreement(args.vectors)
    return 0 if ratio >= 1.0 else 1


def _agreement(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    print(f"\nAgreement with the {len(rows)} public test vectors ({path.name}):\n")
    print("| tool | verdicts that agree |")
    print("|---|---:|")
    for name, function in (("sourcecheck", isbn.is_valid), ("python-stdnum", stdnum_valid),
                           ("isbnlib", isbnlib_valid)):
        agree = sum(1 for row in rows if bool(function(row["input"])) == row["valid"])
        print(f"| {name} | {agree}/{len(rows)} |")


if __name__ == "__main__":
    sys.exit(main())
