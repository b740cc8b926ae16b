"""stats(): row counts of the main tables."""

from __future__ import annotations

from collections.abc import Callable

from newsevents.models import Actor, Article, Quote
from newsevents.store import AddReport, Store

LONG = " ".join(f"word{i}" for i in range(50))


def test_stats_empty_store_is_all_zero(store: Store) -> None:
    stats = store.stats()
    assert set(stats) >= {"articles", "duplicates", "events", "quotes", "actors", "stories"}
    assert set(stats.values()) == {0}


def test_stats_counts_articles_duplicates_quotes(
    store: Store, add: Callable[..., AddReport]
) -> None:
    add(Article("a", LONG), Article("copy", LONG), Article("b", "x y z w"))
    store.replace_extraction("a", [], [Quote("a", Actor("he", None), "no", 0)], "coder-1")
    stats = store.stats()
    assert (stats["articles"], stats["duplicates"], stats["quotes"]) == (2, 1, 1)
    assert stats["extractions"] == 1
