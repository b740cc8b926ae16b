"""Writing and reading the ``actors`` table: learned actors merged sighting by sighting, directly
(``upsert_actors``) or staged with their article first (``stage_sightings``, ``merge_staged``)."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable, Sequence

from newsevents.store.learned import (
    LearnedLike,
    Sighting,
    StoredActor,
    actor_key,
    check_sighting,
    merge_sighting,
    merge_sightings,
)
from newsevents.store.rows import (
    insert_sql,
    sighting_from_row,
    sighting_to_row,
    stored_actor_from_row,
    stored_actor_to_row,
)

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
    _write(conn, merged.values())


def stage_sightings(conn: sqlite3.Connection, article_id: str, actors: Sequence[LearnedLike],
                    seen: dt.date | None) -> None:
    """Make these the article's staged sightings, replacing any it had (caller holds the
    transaction: the one that stores the article's events)."""
    for actor in actors:
        check_sighting(actor, "learned")
    conn.execute("DELETE FROM learned_sightings WHERE article_id = ?", (article_id,))
    rows = [sighting_to_row(article_id, position, actor, seen)
            for position, actor in enumerate(actors)]
    if rows:
        conn.executemany(insert_sql("learned_sightings", rows[0]), rows)


def merge_staged(conn: sqlite3.Connection) -> int:
    """Merge every staged sighting into ``actors`` and clear the staging table (caller holds the
    transaction); returns how many actors were touched."""
    by_key: dict[str, list[Sighting]] = {}
    for row in conn.execute("SELECT * FROM learned_sightings"):
        sighting = sighting_from_row(row)
        by_key.setdefault(sighting.key, []).append(sighting)
    stored = _stored(conn, by_key)
    merged = [merge_sightings(stored.get(key), sightings) for key, sightings in by_key.items()]
    _write(conn, [actor for actor in merged if actor is not None])
    conn.execute("DELETE FROM learned_sightings")
    return len(merged)


def staged_count(conn: sqlite3.Connection) -> int:
    return int(conn.execute("SELECT count(*) FROM learned_sightings").fetchone()[0])


def _write(conn: sqlite3.Connection, actors: Iterable[StoredActor]) -> None:
    rows = [stored_actor_to_row(actor) for actor in actors]
    if rows:
        conn.executemany(insert_sql("actors", rows[0]) + UPSERT_TAIL, rows)


def known_actors(conn: sqlite3.Connection) -> list[StoredActor]:
    """Every merged actor, by key (staged sightings are not known yet)."""
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
