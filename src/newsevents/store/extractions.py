"""Writing what the coder extracted from an article (events, their actors, quotes, the actors it
learned); reading quotes.

An article's extraction is replaced as a whole (delete, insert, record), so re-running the coder
never duplicates events; ``extractions`` says which coder version produced the current rows.
The events' full-text index follows by trigger (migration 2); events are read in ``queries``.
The clusters its old events belonged to are refreshed (dropped when no mention is left).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Sequence

from newsevents.models import Article, DateValue, Event, Quote
from newsevents.store.actors import stage_sightings
from newsevents.store.clusters import refresh_clusters
from newsevents.store.learned import LearnedLike
from newsevents.store.rows import (
    article_from_row,
    date_columns,
    event_actor_rows,
    event_to_row,
    insert_sql,
    quote_from_row,
    quote_to_row,
    window_columns,
)


def replace_extraction(
    conn: sqlite3.Connection,
    article_id: str,
    events: Sequence[Event],
    quotes: Sequence[Quote],
    *,
    coder_version: str,
    now: str,
    inferred_published: DateValue | None = None,
    published_window: tuple[dt.date, dt.date] | None = None,
    learned: Sequence[LearnedLike] = (),
    seen: dt.date | None = None,
) -> None:
    """Swap the article's events and quotes for these (caller holds the transaction).

    ``inferred_published`` dates an article that had no date of its own (source 'inferred');
    a date the input gave is never overwritten. ``learned`` (sighted on ``seen``) replace the
    article's staged sightings (``actors.stage_sightings``).
    """
    _check_article_ids(article_id, events, quotes)
    if inferred_published is not None:
        iso, precision, day = date_columns(inferred_published)
        conn.execute(
            "UPDATE articles SET published = ?, published_precision = ?, published_day = ?,"
            " published_source = 'inferred' WHERE id = ? AND published IS NULL",
            (iso, precision, day, article_id),
        )
    if published_window is not None:
        conn.execute(
            "UPDATE articles SET published_window_start = ?, published_window_end = ?"
            " WHERE id = ? AND published IS NULL",
            (*window_columns(published_window), article_id),
        )
    clusters = [row[0] for row in conn.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE article_id = ? AND cluster_id IS NOT NULL",
        (article_id,))]
    conn.execute("DELETE FROM events WHERE article_id = ?", (article_id,))
    conn.execute("DELETE FROM quotes WHERE article_id = ?", (article_id,))
    refresh_clusters(conn, clusters)
    stage_sightings(conn, article_id, learned, seen)
    for position, event in enumerate(events):
        row = event_to_row(event, position)
        conn.execute(insert_sql("events", row), row)
        actors = event_actor_rows(event)
        if actors:
            conn.executemany(insert_sql("event_actors", actors[0]), actors)
    quote_rows = [quote_to_row(quote, position) for position, quote in enumerate(quotes)]
    if quote_rows:
        conn.executemany(insert_sql("quotes", quote_rows[0]), quote_rows)
    record = {
        "article_id": article_id,
        "coder_version": coder_version,
        "extracted_at": now,
        "num_events": len(events),
        "num_quotes": len(quotes),
        "error": None,
    }
    conn.execute(insert_sql("extractions", record, verb="INSERT OR REPLACE"), record)


def record_failure(conn: sqlite3.Connection, article_id: str, *, coder_version: str,
                   error: str, now: str) -> None:
    """Record that this coder version failed on the article (caller holds the transaction).
    Events an earlier version stored stay; the article is not pending again until the coder
    changes."""
    conn.execute(
        "INSERT INTO extractions (article_id, coder_version, extracted_at, num_events,"
        " num_quotes, error) VALUES (?, ?, ?, 0, 0, ?) ON CONFLICT (article_id) DO UPDATE SET"
        " coder_version = excluded.coder_version, extracted_at = excluded.extracted_at,"
        " error = excluded.error",
        (article_id, coder_version, now, error),
    )


def failures(conn: sqlite3.Connection) -> list[tuple[str, str, str]]:
    """(article id, coder version, error) of every article the coder failed on."""
    rows = conn.execute("SELECT article_id, coder_version, error FROM extractions"
                        " WHERE error IS NOT NULL ORDER BY article_id")
    return [(row[0], row[1], row[2]) for row in rows]


def _check_article_ids(article_id: str, events: Sequence[Event], quotes: Sequence[Quote]) -> None:
    """Rows of another article would survive that article's next replacement: refuse them."""
    for item in (*events, *quotes):
        if item.article_id != article_id:
            raise ValueError(
                f"extraction for article {article_id!r} holds an item of {item.article_id!r}"
            )


def extraction_version(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The coder version of the article's current extraction; None if never extracted."""
    row = conn.execute(
        "SELECT coder_version FROM extractions WHERE article_id = ?", (article_id,)
    ).fetchone()
    return row[0] if row is not None else None


def iter_quotes(conn: sqlite3.Connection, article_id: str | None = None) -> Iterator[Quote]:
    """Quotes in article order; all articles when ``article_id`` is None."""
    if article_id is None:
        rows = conn.execute("SELECT * FROM quotes ORDER BY article_id, position")
    else:
        rows = conn.execute(
            "SELECT * FROM quotes WHERE article_id = ? ORDER BY position", (article_id,)
        )
    for row in rows:
        yield quote_from_row(row)


def pending_articles(conn: sqlite3.Connection, coder_version: str) -> Iterator[Article]:
    """Articles never extracted, or extracted by another coder version, in storage order."""
    rows = conn.execute(
        "SELECT a.* FROM articles AS a LEFT JOIN extractions AS x ON x.article_id = a.id"
        " WHERE x.article_id IS NULL OR x.coder_version != ? ORDER BY a.seq",
        (coder_version,),
    )
    for row in rows:
        yield article_from_row(row)
