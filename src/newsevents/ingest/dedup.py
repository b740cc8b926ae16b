"""Near-duplicate fingerprints: MinHash over word 5-shingles, banded for lookup (LSH).

Wire copies of one story are republished with another headline and a trailer of the outlet's
own; their shingle sets overlap almost entirely, while two reports of the same event written
separately share few five-word runs. Every hash is blake2b or integer arithmetic, so a signature
is the same in every process and on every machine (Python's ``hash()`` is salted per process).

The 64 hash functions run over all of a text's shingles at once in 64-bit numpy arithmetic
(:func:`_mulmod` multiplies modulo the Mersenne prime exactly): the same values as the
arithmetic on Python integers (:func:`signature_reference`, which the tests compare it to) in a
quarter of the time (0.6 s against 2.4 s for 146 CNN pages, most of it now the shingle hashes).
"""

from __future__ import annotations

import hashlib
import re
from collections import deque
from collections.abc import Iterator, Sequence
from functools import cache
from itertools import islice

import numpy as np

NUM_HASHES = 64
BANDS = 16
ROWS = NUM_HASHES // BANDS
SHINGLE_WORDS = 5
PRIME = (1 << 61) - 1  # Mersenne prime: the universal-hash modulus
EMPTY = PRIME  # signature value of a text without words; no real value reaches it
_WORD = re.compile(r"\w+")
BLOCK = 4096  # shingle hashes folded into the signature at a time (64 x 4096 x 8 bytes)


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


def _shingle_hashes(text: str) -> Iterator[int]:
    """The hash of each word 5-shingle of ``text`` in order (a shingle that recurs, again), or
    of the one shingle of a text of five words or fewer; nothing for a text without words.
    Streamed: a page of 50 MB holds millions of shingles."""
    window: deque[str] = deque(maxlen=SHINGLE_WORDS)
    for match in _WORD.finditer(text.casefold()):
        window.append(match.group())
        if len(window) == SHINGLE_WORDS:
            yield stable_hash(" ".join(window)) % PRIME
    if 0 < len(window) < SHINGLE_WORDS:
        yield stable_hash(" ".join(window)) % PRIME


def signature(text: str) -> tuple[int, ...]:
    """64 MinHash values of the text's shingle set: for each hash function (a, b), the least
    (a·x + b) mod p over the shingles' hashes x (a shingle that recurs changes no least
    value, so the hashes are folded in blocks as they come)."""
    a, b = _coefficients()
    least = np.full(NUM_HASHES, EMPTY, dtype=np.uint64)
    hashes = _shingle_hashes(text)
    while block := list(islice(hashes, BLOCK)):
        values = _mod(_mulmod(a[:, None], np.array(block, dtype=np.uint64)[None, :]) + b[:, None])
        np.minimum(least, values.min(axis=1), out=least)
    return tuple(int(value) for value in least)


def signature_reference(text: str) -> tuple[int, ...]:
    """:func:`signature` in Python integer arithmetic: the definition, slower."""
    hashes = [stable_hash(shingle) % PRIME for shingle in shingles(text)]
    if not hashes:
        return (EMPTY,) * NUM_HASHES
    return tuple(min((a * x + b) % PRIME for x in hashes) for a, b in permutations())


@cache
def _coefficients() -> tuple[np.ndarray, np.ndarray]:
    a, b = zip(*permutations(), strict=True)
    return np.array(a, dtype=np.uint64), np.array(b, dtype=np.uint64)


_P = np.uint64(PRIME)
_LOW29, _LOW32 = np.uint64((1 << 29) - 1), np.uint64((1 << 32) - 1)
_29, _32, _61 = np.uint64(29), np.uint64(32), np.uint64(61)


def _mod(value: np.ndarray) -> np.ndarray:
    """``value`` mod p for values below 2**63 (2**61 ≡ 1: fold the high bits onto the low)."""
    value = (value & _P) + (value >> _61)  # below 2**61 + 4
    return np.where(value >= _P, value - _P, value)


def _mulmod(a: np.ndarray, x: np.ndarray) -> np.ndarray:
    """a·x mod p, exactly, for a and x below p, without overflowing 64 bits: with
    a = a1·2**32 + a0 and x = x1·2**32 + x0 (a1, x1 < 2**29),
    a·x = a1·x1·2**64 + (a1·x0 + a0·x1)·2**32 + a0·x0, where 2**64 ≡ 8 and, writing the middle
    sum as m1·2**29 + m0, m·2**32 ≡ m1 + m0·2**32."""
    a1, a0 = a >> _32, a & _LOW32
    x1, x0 = x >> _32, x & _LOW32
    high = _mod((a1 * x1) << np.uint64(3))  # a1·x1 < 2**58
    middle = a1 * x0 + a0 * x1  # < 2**62
    middle = _mod((middle >> _29) + ((middle & _LOW29) << _32))
    low = a0 * x0  # < 2**64
    low = _mod((low & _P) + (low >> _61))
    return _mod(high + middle + low)


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
