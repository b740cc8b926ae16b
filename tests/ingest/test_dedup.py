"""Near-duplicate fingerprints: syndicated copies match, different reports do not."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

import numpy as np

from newsevents.ingest.dedup import (
    PRIME,
    _mulmod,
    band_keys,
    shingles,
    signature,
    signature_reference,
    similarity,
)

ORIGINAL = """Delegations from three coastal states agreed on Tuesday to reopen the northern harbour
of Velmar to grain ships, ending a blockade that had lasted six weeks and pushed bread prices up
across the region.

The agreement was signed by the transport ministers after two days of talks at a lakeside hotel,
according to a joint statement released shortly before midnight.

Inspectors from a neutral country will check every vessel before it enters the harbour, the
statement said, and a joint committee will meet every month to hear complaints from shipowners.

The first convoy of four ships is expected to leave the southern port on Friday morning, weather
permitting, a harbour official told reporters. Insurers said they would review their rates once
the convoy had arrived safely.

Farmers' groups welcomed the deal but warned that storage depots were already full and that much
of the summer harvest could be lost if exports did not resume within weeks."""

SYNDICATED = (
    ORIGINAL.replace("Delegations from three", "DELEGATIONS from three")
    + "\n\nThis story was provided by a news agency and has not been edited by our staff. "
    "Additional reporting from our regional desk."
)

SAME_TOPIC = """Grain ships will be able to use the northern harbour of Velmar again after the three
coastal states struck a deal on Tuesday, ending six weeks in which no cargo could leave the port.

Ministers met at a hotel by the lake for two days before signing. Shipowners said they were
cautiously optimistic but would wait for the first convoy before sending more vessels.

Neutral inspectors are to examine all ships. Bread prices, which had climbed sharply during the
blockade, fell slightly on the news, traders in the capital said on Wednesday evening."""


def test_similarity_of_syndicated_copy_is_high() -> None:
    assert similarity(signature(ORIGINAL), signature(SYNDICATED)) >= 0.8


def test_similarity_of_same_topic_report_is_low() -> None:
    assert similarity(signature(ORIGINAL), signature(SAME_TOPIC)) <= 0.3


def test_signature_has_64_values() -> None:
    assert len(signature(ORIGINAL)) == 64


@pytest.mark.parametrize(
    ("text", "count"),
    [("", 0), ("one two three", 1), ("a b c d e", 1), ("a b c d e f", 2), ("A, b! c d E", 1)],
)
def test_shingles_are_word_five_grams(text: str, count: int) -> None:
    assert len(shingles(text)) == count


def test_band_keys_are_16_numbered_keys() -> None:
    keys = band_keys(signature(ORIGINAL))
    assert [key.split(":")[0] for key in keys] == [f"{band:02d}" for band in range(16)]


def test_band_keys_shared_by_syndicated_copy() -> None:
    assert set(band_keys(signature(ORIGINAL))) & set(band_keys(signature(SYNDICATED)))


def test_band_keys_reject_wrong_length() -> None:
    with pytest.raises(ValueError, match="expected 64"):
        band_keys((1, 2, 3))


def test_similarity_rejects_unequal_lengths() -> None:
    with pytest.raises(ValueError, match="differ in length"):
        similarity((1, 2), (1,))


def test_signature_same_in_another_process() -> None:
    code = "from newsevents.ingest.dedup import signature; print(signature('a b c d e f g h'))"
    env_seeded = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "PYTHONHASHSEED": "123"},
    )
    assert env_seeded.stdout.strip() == str(signature("a b c d e f g h"))


@given(st.text())
def test_signature_is_deterministic(text: str) -> None:
    assert signature(text) == signature(text)


@given(st.text(), st.text())
def test_similarity_is_between_zero_and_one(first: str, second: str) -> None:
    assert 0.0 <= similarity(signature(first), signature(second)) <= 1.0


@given(st.lists(st.tuples(st.integers(0, PRIME - 1), st.integers(0, PRIME - 1)), min_size=1,
                max_size=50))
def test_mulmod_is_exact(pairs: list[tuple[int, int]]) -> None:
    """The 64-bit product modulo 2**61 - 1 equals Python's big-integer one, at the edges too."""
    pairs += [(PRIME - 1, PRIME - 1), (PRIME - 1, 1), ((1 << 32) - 1, (1 << 32) - 1),
              ((1 << 60) + (1 << 32) - 1, PRIME - 2), (0, PRIME - 1)]
    a = np.array([p[0] for p in pairs], dtype=np.uint64)
    x = np.array([p[1] for p in pairs], dtype=np.uint64)
    assert [int(v) for v in _mulmod(a, x)] == [(p * q) % PRIME for p, q in pairs]


@given(st.text(alphabet=st.sampled_from(list("abc xyz.\n")), max_size=400))
def test_signature_equals_the_big_integer_definition(text: str) -> None:
    assert signature(text) == signature_reference(text)


def test_signature_of_real_texts_equals_the_definition() -> None:
    for text in (ORIGINAL, SYNDICATED, SAME_TOPIC, "", "one two"):
        assert signature(text) == signature_reference(text)
