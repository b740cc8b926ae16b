"""Centrality: TF-IDF vectors and the most central, non-redundant sentences."""

from __future__ import annotations

import pytest

from newsevents.stories.centrality import content_words, cosine, fit_weights, most_central

DAY = [
    "NATO warplanes struck Tripoli overnight .",
    "NATO warplanes struck targets in Tripoli .",
    "The weather in Benghazi was mild .",
    "Warplanes from NATO struck Tripoli again .",
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The rebels said they took Brega -LRB- again -RRB- .", ["rebels", "brega"]),
        ("Resolution 1973 was adopted .", ["resolution", "1973", "adopted"]),
    ],
)
def test_content_words_drop_stop_words_and_brackets(text: str, expected: list[str]) -> None:
    assert content_words(text) == expected


def test_weights_vector_is_unit_length() -> None:
    vector = fit_weights(DAY).vector(DAY[0])
    assert cosine(vector, vector) == pytest.approx(1.0)


def test_most_central_puts_the_typical_sentence_first() -> None:
    weights = fit_weights(DAY)
    chosen = most_central([weights.vector(t) for t in DAY], 1, max_similarity=1.0)
    assert DAY[chosen[0]] != DAY[2]


def test_most_central_skips_near_duplicates() -> None:
    weights = fit_weights(DAY)
    chosen = most_central([weights.vector(t) for t in DAY], 2, max_similarity=0.5)
    assert 2 in chosen


def test_most_central_skips_what_is_taken() -> None:
    weights = fit_weights(DAY)
    vectors = [weights.vector(t) for t in DAY]
    chosen = most_central(vectors, 1, max_similarity=0.5, taken=[vectors[0]])
    assert chosen == [2]
