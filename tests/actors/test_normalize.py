"""normalize_name: the one normal form behind every lookup."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.actors import normalize_name


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States", "united states"),
        ("the U.S.", "us"),
        ("US", "us"),
        ("Côte d'Ivoire", "cote divoire"),
        ("Cote d’Ivoire", "cote divoire"),
        ("Ki-moon", "ki moon"),
        ("Ki moon", "ki moon"),
        ("MAZAR_I_SHARIF_", "mazar i sharif"),
        ("Libya's", "libya"),
        ("Khalifa Haftar’s", "khalifa haftar"),
        ("the rebels'", "rebels"),
        ("Türkiye", "turkiye"),
        ("Çavuşoğlu", "cavusoglu"),
        ("Yıldırım", "yildirim"),
        ("St. Petersburg", "st petersburg"),
        ("  Security   Council ", "security council"),
        ("Theresa May", "theresa may"),
        ("Other", "other"),
    ],
)
def test_normalize_name_folds_variants(text: str, expected: str) -> None:
    assert normalize_name(text) == expected


@given(st.text(max_size=40))
def test_normalize_name_is_idempotent(text: str) -> None:
    once = normalize_name(text)
    assert normalize_name(once) == once


@given(st.text(max_size=40))
def test_normalize_name_yields_lowercase_words_single_spaced(text: str) -> None:
    folded = normalize_name(text)
    assert folded == folded.strip()
    assert "  " not in folded
    assert all(ch.isalnum() or ch == " " for ch in folded)


def test_normalize_name_strips_every_leading_article() -> None:
    once = normalize_name("the the Hague")
    assert once == normalize_name(once) == "hague"
