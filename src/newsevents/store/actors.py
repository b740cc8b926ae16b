"""Writing and reading the ``actors`` table: learned actors merged sighting by sighting."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from newsevents.store.learned import (
    LearnedLike,
    StoredActor,
    actor_key,
    check_sighting,
    merge_sighting,
)
from newsevents.store.rows import insert_sql, stored_actor_from_row, stored_actor_to_row

PAGE_SIZE = 500  # keys per look-up query
UPSERT_TAIL = (
    " ON CONFLICT (actor_key) DO UPDATE SET name = excluded.name, code = excluded.code,"
    " sector = excluded.sector, aliases = excluded.aliases, first_seen = excluded.first_seen,"
    " last_seen = excluded.last_seen, mentions = excluded.mentions, origin = excluded.origin"
)


def upsert_actors(
    conn: sqlite3.Connection,
    actors: Sequence[LearnedLike],
    seen: dt.date | None,
    origin: str,
) -> None:
    """Merge each sighting into its stored row, inserting new ones (caller holds the transaction).

    The same actor twice in ``actors`` counts as two mentions.
    """
    for actor in actors:
        check_sighting(actor, origin)
    merged = _stored(conn, {actor_key(actor.name) for actor in actors})
    for actor in actors:
        key = actor_key(actor.name)
        merged[key] = merge_sighting(merged.get(key), actor, seen, origin)
    rows = [stored_actor_to_row(actor) for actor in merged.values()]
    if rows:
        conn.executemany(insert_sql("actors", rows[0]) + UPSERT_TAIL, rows)


def known_actors(conn: sqlite3.Connection) -> list[StoredActor]:
    """Every stored actor, by key."""
    rows = conn.execute("SELECT * FROM actors ORDER BY actor_key")
    return [stored_actor_from_row(row) for row in rows]


def _stored(conn: sqlite3.Connection, keys: Iterable[str]) -> dict[str, StoredActor]:
    """The stored rows for these keys, a page of keys per query."""
    ordered = sorted(keys)
    found: dict[str, StoredActor] = {}
    for start in range(0, len(ordered), PAGE_SIZE):
        page = ordered[start : start + PAGE_SIZE]
        marks = ", ".join("?" * len(page))
        rows = conn.execute(f"SELECT * FROM actors WHERE actor_key IN ({marks})", page)
        found.update((row["actor_key"], stored_actor_from_row(row)) for row in rows)
    return found


def participants(conn: sqlite3.Connection) -> list[tuple[str | None, str | None, str | None]]:
    """Every distinct (code, sector, name) among the actors and recipients of stored events."""
    rows = conn.execute("SELECT DISTINCT code, sector, name FROM event_actors")
    return [(row[0], row[1], row[2]) for row in rows]
