"""Full-text search over titles and texts, safe for any user input."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import Article
from newsevents.store import AddReport, Store
from newsevents.store.articles import fts_query

Add = Callable[..., AddReport]
CORPUS = (
    Article("veto", "Russia's veto blocked the resolution on Syria.", title="Council deadlock"),
    Article("talks", "Ministers held talks in Geneva about sanctions.", title="Geneva talks"),
    Article("protest", "Thousands protested in Cairo (again) on Friday.", title="Cairo protests"),
)


@pytest.fixture
def corpus(add: Add) -> None:
    add(*CORPUS)


def ids(store: Store, search: str | None) -> set[str]:
    return {article.id for article in store.iter_articles(search)}


@pytest.mark.parametrize(
    ("search", "expected"),
    [
        ("veto", {"veto"}),
        ("geneva", {"talks"}),
        ("deadlock", {"veto"}),  # title only
        ("sanction", {"talks"}),  # porter stemming
        ("Russia's", {"veto"}),
        ("cairo friday", {"protest"}),  # every word required
        ("cairo geneva", set()),
        ("Génèva", {"talks"}),  # diacritics folded
    ],
)
def test_iter_articles_search_finds(store: Store, corpus: None, search: str, expected: set) -> None:
    assert ids(store, search) == expected


@pytest.mark.parametrize(
    "search",
    ['Russia\'s "veto', "AND OR (", "NOT", "NEAR(a b)", "title:x", "*", "^veto", '"', "\x00", "-x"],
)
def test_iter_articles_hostile_search_never_raises(store: Store, corpus: None, search: str) -> None:
    list(store.iter_articles(search))


def test_iter_articles_hostile_search_still_matches_words(store: Store, corpus: None) -> None:
    assert ids(store, 'Russia\'s "veto') == {"veto"}
    assert ids(store, "(again)") == {"protest"}


@pytest.mark.parametrize("search", [None, "", "   "])
def test_iter_articles_blank_search_returns_all(
    store: Store, corpus: None, search: str | None
) -> None:
    assert ids(store, search) == {"veto", "talks", "protest"}


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_fts_query_any_text_is_valid(search: str) -> None:
    with Store(":memory:") as store:
        store.add_articles([(CORPUS[0], ())], band_keys=lambda _: [])
        list(store.iter_articles(search))


def test_fts_query_quotes_each_word() -> None:
    assert fts_query('a "b" OR') == '"a" """b""" "OR"'
