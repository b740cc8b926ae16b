"""The read side shared by the CLI and the web app: questions asked of the store."""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.models import Article
from newsevents.store import Store


def articles(store: Store, *, search: str | None = None, limit: int | None = None) -> Iterator[Article]:
    """Stored articles, oldest first; ``search`` is a full-text query over titles and texts."""
    return store.iter_articles(search=search, limit=limit)


def stats(store: Store) -> dict[str, int]:
    return store.stats()
