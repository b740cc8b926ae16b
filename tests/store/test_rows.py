"""Round trips model -> row -> model, in memory and through the database."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import (
    Actor,
    Article,
    DateSource,
    DateValue,
    Event,
    Location,
    Precision,
    Quote,
)
from newsevents.store import Store
from newsevents.store.rows import (
    article_from_row,
    article_to_row,
    pack_signature,
    unpack_signature,
)

from tests.store.minhash_standin import band_keys, minhash

maybe_text = st.none() | st.text()
date_values = st.builds(
    DateValue, st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)), st.sampled_from(Precision)
)
articles = st.builds(
    Article,
    id=st.text(min_size=1),
    text=st.text(),
    title=maybe_text,
    url=maybe_text,
    source=maybe_text,
    published=st.none() | date_values,
    published_source=st.sampled_from(DateSource),
    path=maybe_text,
    language=st.text(max_size=5),
)
actors = st.builds(Actor, text=st.text(), code=maybe_text, sector=maybe_text, name=maybe_text,
                  resolved_from=maybe_text)
# a quotation's speaker is the phrase that names them: never found by coreference
speakers = st.builds(Actor, text=st.text(), code=maybe_text, sector=maybe_text, name=maybe_text)
numbers = st.floats(allow_nan=False, allow_infinity=False)
small = st.integers(-(2**31), 2**31)


def events_of(article_id: str) -> st.SearchStrategy[Event]:
    return st.builds(
        Event,
        event_id=st.text(min_size=1),
        article_id=st.just(article_id),
        type=st.text(),
        mode=maybe_text,
        cameo=st.text(),
        quad_class=small,
        intensity=numbers,
        actors=st.tuples(actors) | st.lists(actors, max_size=3).map(tuple),
        recipients=st.lists(actors, max_size=3).map(tuple),
        trigger=st.text(),
        sentence=st.text(),
        sentence_index=small,
        char_start=small,
        char_end=small,
        negated=st.booleans(),
        hypothetical=st.booleans(),
        date=st.none() | date_values,
        date_evidence=maybe_text,
        location=st.none() | st.builds(Location, st.text(), maybe_text),
        confidence=numbers,
        contexts=st.lists(st.text(), max_size=3).map(tuple),
    )


@given(articles)
def test_article_row_round_trip(article: Article) -> None:
    assert article_from_row(article_to_row(article, (), "2024-01-01T00:00:00Z")) == article


@given(st.lists(st.integers(0, 2**64 - 1), max_size=128))
def test_signature_pack_round_trip(values: list[int]) -> None:
    assert unpack_signature(pack_signature(values)) == tuple(values)


@settings(max_examples=50, deadline=None)
@given(articles)
def test_article_store_round_trip(article: Article) -> None:
    with Store(":memory:") as store:
        store.add_articles([(article, minhash(article.text))], band_keys=band_keys)
        assert store.get_article(article.id) == article
        assert store.check_integrity() == []


@settings(max_examples=50, deadline=None)
@given(st.data())
def test_extraction_store_round_trip(data: st.DataObject) -> None:
    article = Article(id="a1", text="text")
    events = data.draw(st.lists(events_of("a1"), max_size=4, unique_by=lambda e: e.event_id))
    quotes = data.draw(
        st.lists(
            st.builds(Quote, st.just("a1"), speakers, st.text(), small, st.booleans()), max_size=3
        )
    )
    with Store(":memory:") as store:
        store.add_articles([(article, minhash(article.text))], band_keys=band_keys)
        store.replace_extraction("a1", events, quotes, coder_version="test")
        by_date = sorted(events, key=lambda e: (e.date is None, e.date.day if e.date else 0))
        assert list(store.iter_events(article_id="a1")) == by_date
        assert list(store.iter_quotes("a1")) == quotes
        assert store.check_integrity() == []
