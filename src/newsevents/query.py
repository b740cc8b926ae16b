"""The read side shared by the CLI and the web app: questions asked of the store."""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.models import Article, Event, EventFilter
from newsevents.store import Store


def articles(store: Store, *, search: str | None = None, limit: int | None = None) -> Iterator[Article]:
    """Stored articles, oldest first; ``search`` is a full-text query over titles and texts."""
    return store.iter_articles(search=search, limit=limit)


def stats(store: Store) -> dict[str, int]:
    return store.stats()


def events(store: Store, flt: EventFilter) -> Iterator[Event]:
    """Stored events matching the filter, by date."""
    return store.query_events(flt)


def events_with_articles(store: Store, flt: EventFilter) -> Iterator[tuple[Event, Article | None]]:
    """Events with the article each came from (read once per article)."""
    cache: dict[str, Article | None] = {}
    for event in store.query_events(flt):
        if event.article_id not in cache:
            cache[event.article_id] = store.get_article(event.article_id)
        yield event, cache[event.article_id]


def event_record(event: Event, article: Article | None) -> dict:
    """The JSON line of ``newsevents events``: the EVENT record plus where it came from."""
    record = event.to_json()
    record["article_id"] = event.article_id
    record["article_title"] = article.title if article else None
    record["published"] = article.published.iso() if article and article.published else None
    return record
