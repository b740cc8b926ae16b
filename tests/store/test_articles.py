"""add_articles: new, existing and duplicate articles; the simple readers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from newsevents.models import Article, DateValue, Precision
from newsevents.store import AddReport, Store

from tests.store.minhash_standin import band_keys, minhash

Add = Callable[..., AddReport]
Peek = Callable[[str], list[tuple]]
LONG = " ".join(f"word{i}" for i in range(100))
NEAR = " ".join(f"word{i}" for i in range(97)) + " other0 other1 other2"  # similarity ~0.95


def dated(article_id: str, day: dt.date | None, precision: Precision = Precision.DAY) -> Article:
    published = DateValue(day, precision) if day else None
    return Article(id=article_id, text=f"story {article_id} " + LONG[:40], published=published)


def test_add_articles_reports_new(add: Add, store: Store) -> None:
    report = add(Article("a", "one two three four"), Article("b", "five six seven eight"))
    assert report == AddReport(new=("a", "b"))
    assert store.count_articles() == 2


def test_add_articles_exact_readd_counts_existing(add: Add, store: Store) -> None:
    article = Article("a", "one two three four", title="T")
    add(article)
    before = store.stats()
    report = add(article, article)
    assert report == AddReport(existing=("a", "a"))
    assert store.stats() == before


def test_add_articles_readd_changes_nothing(add: Add, store: Store) -> None:
    add(Article("a", "one two three four", title="first"))
    add(Article("a", "one two three four", title="changed"))
    stored = store.get_article("a")
    assert stored is not None and stored.title == "first"


def test_add_articles_records_near_duplicate(add: Add, store: Store) -> None:
    add(Article("orig", LONG, title="Original"))
    copy = Article("copy", NEAR, title="Copy", url="http://x", path="c.txt")
    report = add(copy)
    assert report.new == () and report.existing == ()
    [(dup_id, original, similarity)] = report.near_duplicates
    assert (dup_id, original) == ("copy", "orig") and 0.8 <= similarity < 1.0
    assert store.get_article("copy") is None
    assert store.stats()["duplicates"] == 1


def test_add_articles_near_duplicate_readd_counts_existing(add: Add) -> None:
    add(Article("orig", LONG))
    add(Article("copy", NEAR))
    assert add(Article("copy", NEAR)) == AddReport(existing=("copy",))


def test_add_articles_same_text_other_id_is_exact_duplicate(add: Add, peek: Peek) -> None:
    add(Article("orig", LONG))
    report = add(Article("other", LONG))
    assert report.near_duplicates == (("other", "orig", 1.0),)
    assert peek("SELECT kind FROM duplicates") == [("exact",)]


def test_add_articles_earlier_in_batch_counts_as_stored(add: Add) -> None:
    report = add(Article("orig", LONG), Article("copy", NEAR))
    assert report.new == ("orig",)
    assert [(d, o) for d, o, _ in report.near_duplicates] == [("copy", "orig")]


def test_add_articles_below_threshold_is_new(add: Add) -> None:
    report = add(Article("orig", LONG), Article("copy", NEAR), threshold=1.0)
    assert report.new == ("orig", "copy")


def test_add_articles_empty_signature_is_never_duplicate(store: Store) -> None:
    batch = [(Article("a", ""), ()), (Article("b", ""), ())]
    report = store.add_articles(batch, band_keys=band_keys)
    assert report.new == ("a", "b")


def test_add_articles_indexes_band_keys(add: Add, peek: Peek) -> None:
    add(Article("a", LONG))
    assert peek("SELECT count(*) FROM article_bands") == [(len(set(band_keys(minhash(LONG)))),)]


def test_get_article_unknown_is_none(store: Store) -> None:
    assert store.get_article("nope") is None


def test_iter_articles_orders_by_published_then_id(add: Add, store: Store) -> None:
    add(
        dated("undated", None),
        dated("c", dt.date(2011, 7, 13)),
        dated("week", dt.date(2011, 7, 11), Precision.WEEK),
        dated("year", dt.date(2011, 1, 1), Precision.YEAR),
        dated("b", dt.date(2011, 7, 13)),
    )
    ids = [article.id for article in store.iter_articles()]
    assert ids == ["year", "week", "b", "c", "undated"]


def test_iter_articles_limit(add: Add, store: Store) -> None:
    add(*(dated(str(i), dt.date(2020, 1, i + 1)) for i in range(5)))
    assert [a.id for a in store.iter_articles(limit=2)] == ["0", "1"]


def test_article_ids_lists_stored_not_duplicates(add: Add, store: Store) -> None:
    add(Article("orig", LONG), Article("copy", NEAR), Article("x", "a b c d"))
    assert store.article_ids() == {"orig", "x"}


def test_add_articles_failure_rolls_back_whole_batch(store: Store) -> None:
    batch = [(Article("a", "one two three"), minhash("one two three")), (Article("b", "x"), (-1,))]
    with pytest.raises(ValueError, match="MinHash"):
        store.add_articles(batch, band_keys=band_keys)
    assert store.count_articles() == 0
    assert store.add_articles(batch[:1], band_keys=band_keys).new == ("a",)
