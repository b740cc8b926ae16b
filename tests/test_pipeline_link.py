"""Linking stored events across articles: one cluster, counted like GDELT, idempotent."""

from __future__ import annotations

import datetime as dt

from newsevents import pipeline
from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import Actor, Article, DateSource, DateValue, Event
from newsevents.store import Store


def _article(article_id: str, source: str, text: str) -> Article:
    return Article(id=article_id, text=text, source=source,
                   published=DateValue(dt.date(2020, 6, 14)), published_source=DateSource.METADATA)


def _rejection(event_id: str, article_id: str, trigger: str) -> Event:
    return Event(event_id=event_id, article_id=article_id, type="REJECT", mode="meet", cameo="125",
                 quad_class=3, intensity=-2.0, actors=(Actor("Russia", "RUS", "GOV"),),
                 recipients=(Actor("Turkey", "TUR", "GOV"),), trigger=trigger,
                 sentence=f"Russia {trigger} the talks with Turkey.", sentence_index=0,
                 char_start=0, char_end=5, date=DateValue(dt.date(2020, 6, 14)))


def _store_two_reports(store: Store) -> None:
    texts = {"a1": "Russia postponed the talks with Turkey on Sunday, officials said.",
             "a2": "Moscow put off Sunday's planned meeting with Ankara, diplomats told reporters."}
    for (article_id, text), source in zip(texts.items(), ("Wire", "Post"), strict=True):
        article = _article(article_id, source, text)
        store.add_articles([(article, signature(text))], band_keys=band_keys)
    store.replace_extraction("a1", [_rejection("e1", "a1", "postponed")], [], "test")
    store.replace_extraction("a2", [_rejection("e2", "a2", "put off")], [], "test")


def test_link_events_merges_two_reports_into_one_cluster(tmp_path):
    with Store(tmp_path / "x.db") as store:
        _store_two_reports(store)
        assert pipeline.link_events(store) == 1
        events = list(store.iter_events())
        assert events[0].cluster_id == events[1].cluster_id
        assert store.cluster_counts([events[0].cluster_id]) == {events[0].cluster_id: (2, 2, 2)}


def test_link_events_again_changes_nothing(tmp_path):
    with Store(tmp_path / "x.db") as store:
        _store_two_reports(store)
        pipeline.link_events(store)
        assert pipeline.link_events(store) == 0
        assert store.check_integrity() == []
