"""Near-duplicate fingerprints: MinHash over word 5-shingles, banded for lookup (LSH).

Wire copies of one story are republished with another headline and a trailer of the outlet's
own; their shingle sets overlap almost entirely, while two reports of the same event written
separately share few five-word runs. Every hash is blake2b or integer arithmetic, so a signature
is the same in every process and on every machine (Python's ``hash()`` is salted per process).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import cache

NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE_WORDS = 5
PRIME = (1 << 61) - 1  # Mersenne prime: the universal-hash modulus
EMPTY = PRIME  # signature value of a text without words; no real value reaches it
_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """Case-folded word tokens; punctuation and spacing do not matter."""
    return _WORD.findall(text.casefold())


def shingles(text: str) -> set[str]:
    """Word 5-shingles; a text shorter than that is one shingle."""
    tokens = words(text)
    if len(tokens) <= SHINGLE_WORDS:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + SHINGLE_WORDS]) for i in range(len(tokens) - SHINGLE_WORDS + 1)}


def stable_hash(value: str, salt: bytes = b"") -> int:
    digest = hashlib.blake2b(value.encode("utf-8"), digest_size=8, salt=salt).digest()
    return int.from_bytes(digest, "big")


@cache
def permutations() -> tuple[tuple[int, int], ...]:
    """(a, b) of the 64 hash functions h(x) = (a·x + b) mod p, derived from fixed seeds."""
    return tuple(
        (
            stable_hash(f"a{i}", b"minhash") % (PRIME - 1) + 1,
            stable_hash(f"b{i}", b"minhash") % PRIME,
        )
        for i in range(NUM_HASHES)
    )


def signature(text: str) -> tuple[int, ...]:
    """64 MinHash values of the text's shingle set."""
    hashes = [stable_hash(shingle) % PRIME for shingle in shingles(text)]
    if not hashes:
        return (EMPTY,) * NUM_HASHES
    return tuple(min((a * x + b) % PRIME for x in hashes) for a, b in permutations())


def band_keys(sig: Sequence[int]) -> list[str]:
    """16 keys of 4 rows each; two texts sharing any key are candidate duplicates."""
    if len(sig) != NUM_HASHES:
        raise ValueError(f"signature has {len(sig)} values, expected {NUM_HASHES}")
    keys = []
    for band in range(BANDS):
        rows = ",".join(str(value) for value in sig[band * ROWS : (band + 1) * ROWS])
        keys.append(f"{band:02d}:{stable_hash(rows):016x}")
    return keys


def similarity(a: Sequence[int], b: Sequence[int]) -> float:
    """Share of equal positions: an estimate of the Jaccard similarity of the shingle sets."""
    if len(a) != len(b):
        raise ValueError(f"signatures differ in length: {len(a)} and {len(b)}")
    if not a:
        return 0.0
    return sum(x == y for x, y in zip(a, b, strict=True)) / len(a)
