"""Incremental story clustering on articles written for these tests."""

from __future__ import annotations

import datetime as dt

from newsevents.models import Article, DateValue
from newsevents.stories.clustering import article_terms, cluster, label, similarity


def article(article_id: str, title: str, text: str, day: dt.date | None = None) -> Article:
    return Article(id=article_id, title=title, text=text, published=DateValue(day) if day else None)


KARABAKH = [
    article("k1", "Armenia and Azerbaijan sign Karabakh truce",
            "Armenia and Azerbaijan signed a truce over Nagorno-Karabakh brokered by Moscow.",
            dt.date(2020, 11, 10)),
    article("k2", "Karabakh truce brokered by Moscow holds",
            "The Moscow-brokered truce between Armenia and Azerbaijan over Nagorno-Karabakh held.",
            dt.date(2020, 11, 11)),
]
IRAN = article("i1", "Iran nuclear talks open in Geneva",
               "Iran and six world powers opened nuclear talks in Geneva over enrichment.",
               dt.date(2020, 11, 11))


def test_articles_on_one_story_join():
    stories = cluster(KARABAKH)
    assert [s.article_ids for s in stories] == [("k1", "k2")]


def test_unrelated_article_starts_its_own_story():
    assert len(cluster([*KARABAKH, IRAN])) == 2


def test_clustering_is_incremental():
    first = cluster(KARABAKH[:1])
    later = cluster(KARABAKH[1:], first)
    assert [s.article_ids for s in later] == [("k1", "k2")]


def test_story_far_away_in_time_is_not_joined():
    late = article("k3", KARABAKH[0].title, KARABAKH[0].text, dt.date(2021, 6, 1))
    assert len(cluster([*KARABAKH, late])) == 2


def test_label_names_the_heaviest_terms():
    assert "Karabakh" in label(cluster(KARABAKH)[0])


def test_terms_are_unit_length():
    terms = article_terms(IRAN)
    assert abs(similarity(terms, terms) - 1.0) < 1e-9
