"""Article ids: stable content hashes of the canonical URL, else of the text."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.ingest import article_id, canonical_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("HTTPS://News.Example.ORG/world/talks/", "https://news.example.org/world/talks"),
        ("https://example.org/a#comments", "https://example.org/a"),
        ("https://example.org/a?utm_source=tw&utm_medium=social", "https://example.org/a"),
        ("https://example.org/a?fbclid=XYZ&page=2", "https://example.org/a?page=2"),
        ("https://example.org/a?b=2&a=1", "https://example.org/a?a=1&b=2"),
        ("https://example.org:443/a", "https://example.org/a"),
        ("http://example.org:8080/a", "http://example.org:8080/a"),
        ("http://[::1", "http://[::1"),
    ],
)
def test_canonical_url_normalises(url: str, expected: str) -> None:
    assert canonical_url(url) == expected


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("https://example.org/a/?utm_campaign=x#top", "one"), ("HTTPS://EXAMPLE.org/a", "two")),
        ((None, "Talks  resumed\n\nin Geneva."), (None, "talks resumed in geneva.")),
        (("", "Talks resumed."), (None, "TALKS RESUMED.")),
    ],
)
def test_article_id_equal_for_same_article(
    first: tuple[str | None, str], second: tuple[str | None, str]
) -> None:
    assert article_id(*first) == article_id(*second)


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (("https://example.org/a", "same"), ("https://example.org/b", "same")),
        ((None, "Talks resumed."), (None, "Talks collapsed.")),
        (("https://example.org/a", "x"), (None, "https://example.org/a")),
    ],
)
def test_article_id_differs_for_other_article(
    first: tuple[str | None, str], second: tuple[str | None, str]
) -> None:
    assert article_id(*first) != article_id(*second)


def test_article_id_is_16_hex_chars() -> None:
    assert re.fullmatch(r"[0-9a-f]{16}", article_id(None, "Talks resumed."))


@given(st.text(alphabet=st.sampled_from(list("ab ßﬁ\t\n\u00a0\u2028\u3000\x1c\u0085İ")), max_size=80),
       st.integers(1, 30))
def test_normalised_pieces_join_to_the_normalised_text(text: str, size: int) -> None:
    """A long page is hashed piece by piece; the pieces must give exactly the old key."""
    from newsevents.ingest.identity import digest, normalised_pieces, normalised_text

    assert "".join(normalised_pieces(text, size)) == normalised_text(text)
    assert article_id(None, text) == digest("text:" + normalised_text(text))
