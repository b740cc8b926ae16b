"""A small MinHash/LSH stand-in for the store tests.

The real signature and band functions live in ``ingest.dedup``; the store only needs *some*
signature and *some* band keys, so these are the simplest that behave like MinHash/LSH.
"""

from __future__ import annotations

import hashlib

NUM_PERM = 64
ROWS_PER_BAND = 4


def minhash(text: str) -> tuple[int, ...]:
    """MinHash of the word 3-shingles, 64 seeded blake2b hashes."""
    words = text.lower().split()
    shingles = {" ".join(words[i : i + 3]) for i in range(max(1, len(words) - 2))}
    return tuple(
        min(
            int.from_bytes(hashlib.blake2b(f"{seed}|{s}".encode(), digest_size=8).digest(), "big")
            for s in shingles
        )
        for seed in range(NUM_PERM)
    )


def band_keys(signature: tuple[int, ...]) -> list[str]:
    return [
        f"{start}:" + ",".join(map(str, signature[start : start + ROWS_PER_BAND]))
        for start in range(0, len(signature), ROWS_PER_BAND)
    ]
