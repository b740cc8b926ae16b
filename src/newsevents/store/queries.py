"""Reading events by :class:`~newsevents.models.EventFilter`: SQL built from the filter's fields.

User values only ever travel as parameters; the SQL text is assembled from the fixed fragments
below. Participants are loaded for a page of events at a time (one query per page, not per
event).
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterator, Sequence

from newsevents.models import Event, EventFilter
from newsevents.store.articles import fts_query
from newsevents.store.rows import event_from_row

Condition = tuple[str, tuple[object, ...]]

EVENT_ORDER = "ORDER BY e.date_day IS NULL, e.date_day, e.article_id, e.position"
PAGE_SIZE = 500  # events per participant query; far below SQLite's bound-parameter limit
# A participant matches a value by code, code+sector ("RUSGOV"), canonical name or span; ASCII
# case is folded (SQLite's NOCASE), and each test has its own index (migration 2).
PARTICIPANT = (
    "e.event_id IN (SELECT p.event_id FROM event_actors AS p WHERE p.role = ? AND ("
    "p.code = ? COLLATE NOCASE OR (p.code || p.sector) = ? COLLATE NOCASE "
    "OR p.name = ? COLLATE NOCASE OR p.text = ? COLLATE NOCASE))"
)
SEARCH = (
    "e.event_id IN (SELECT k.event_id FROM event_search_keys AS k WHERE k.seq IN "
    "(SELECT rowid FROM events_fts WHERE events_fts MATCH ?))"
)


def query_events(conn: sqlite3.Connection, flt: EventFilter) -> Iterator[Event]:
    """Matching events by date (undated last), then article id, then order in the article.

    The query runs (and a bad limit raises) at the call, not at the first ``next``.
    """
    where, params = where_clause(flt)
    sql = f"SELECT e.* FROM events AS e{where} {EVENT_ORDER}"
    if flt.limit is not None or flt.offset:
        sql += " LIMIT ? OFFSET ?"  # SQLite: a negative LIMIT is no limit
        limit = _checked_limit(flt.limit) if flt.limit is not None else -1
        params += (limit, _checked_limit(flt.offset, "offset"))
    return with_participants(conn, conn.execute(sql, params))


def with_participants(
    conn: sqlite3.Connection, rows: sqlite3.Cursor | Sequence[sqlite3.Row]
) -> Iterator[Event]:
    """Events of the rows (a cursor, or rows already fetched), participants loaded per page."""
    for page in _pages(rows):
        participants = _participants(conn, [row["event_id"] for row in page])
        for row in page:
            yield event_from_row(row, participants.get(row["event_id"], ()))


def _pages(rows: sqlite3.Cursor | Sequence[sqlite3.Row]) -> Iterator[Sequence[sqlite3.Row]]:
    if isinstance(rows, sqlite3.Cursor):
        while page := rows.fetchmany(PAGE_SIZE):
            yield page
    else:
        for start in range(0, len(rows), PAGE_SIZE):
            yield rows[start:start + PAGE_SIZE]


def count_events(conn: sqlite3.Connection, flt: EventFilter) -> int:
    """How many events match, ignoring ``flt.limit`` and ``flt.offset``."""
    where, params = where_clause(flt)
    row = conn.execute(f"SELECT count(*) FROM events AS e{where}", params).fetchone()
    return int(row[0])


def count_by_type(conn: sqlite3.Connection, flt: EventFilter) -> list[tuple[str, int]]:
    """(type, events) of the matching events, most frequent first (ignoring limit and offset)."""
    where, params = where_clause(flt)
    rows = conn.execute(f"SELECT e.type, count(*) AS n FROM events AS e{where} "
                        "GROUP BY e.type ORDER BY n DESC, e.type", params)
    return [(row[0], int(row[1])) for row in rows]


def where_clause(flt: EventFilter) -> tuple[str, tuple[object, ...]]:
    """`` WHERE …`` (with its leading space) and its parameters; empty when nothing narrows."""
    conditions = [*_event_conditions(flt), *_participant_conditions(flt)]
    if not conditions:
        return "", ()
    sql = " WHERE " + " AND ".join(text for text, _ in conditions)
    return sql, tuple(value for _, values in conditions for value in values)


def _event_conditions(flt: EventFilter) -> list[Condition]:
    conditions: list[Condition] = []
    if flt.article_id is not None:
        conditions.append(("e.article_id = ?", (flt.article_id,)))
    if flt.types:
        marks = ", ".join("?" * len(flt.types))
        conditions.append((f"e.type IN ({marks})", tuple(flt.types)))
    if flt.modes:
        marks = ", ".join("?" * len(flt.modes))
        conditions.append((f"e.mode IN ({marks})", tuple(flt.modes)))
    if flt.quad_classes:
        marks = ", ".join("?" * len(flt.quad_classes))
        conditions.append((f"e.quad_class IN ({marks})", tuple(flt.quad_classes)))
    if flt.since is not None:
        conditions.append(("e.date_day >= ?", (flt.since.isoformat(),)))
    if flt.until is not None:
        conditions.append(("e.date_day <= ?", (flt.until.isoformat(),)))
    if not flt.include_negated:
        conditions.append(("e.negated = 0", ()))
    if not flt.include_hypothetical:
        conditions.append(("e.hypothetical = 0", ()))
    query = fts_query(flt.search) if flt.search is not None else ""
    if query:
        conditions.append((SEARCH, (query,)))
    return conditions


def _participant_conditions(flt: EventFilter) -> list[Condition]:
    conditions: list[Condition] = []
    if flt.actor is not None:
        conditions.append(_participant("actor", flt.actor))
    if flt.recipient is not None:
        conditions.append(_participant("recipient", flt.recipient))
    if flt.dyad is not None:
        conditions.append(_dyad(*flt.dyad))
    return conditions


def _participant(role: str, value: str) -> Condition:
    return PARTICIPANT, (role, value, value, value, value)


def _dyad(first: str, second: str) -> Condition:
    """``first`` acts on ``second`` or ``second`` on ``first``."""
    forward = [_participant("actor", first), _participant("recipient", second)]
    backward = [_participant("actor", second), _participant("recipient", first)]
    sql = f"(({forward[0][0]} AND {forward[1][0]}) OR ({backward[0][0]} AND {backward[1][0]}))"
    params = tuple(value for _, values in (*forward, *backward) for value in values)
    return sql, params


def _participants(
    conn: sqlite3.Connection, event_ids: Sequence[str]
) -> dict[str, list[sqlite3.Row]]:
    """Participant rows of these events, grouped by event, in role and position order."""
    marks = ", ".join("?" * len(event_ids))
    rows = conn.execute(
        f"SELECT * FROM event_actors WHERE event_id IN ({marks}) "
        "ORDER BY event_id, role, position",
        tuple(event_ids),
    )
    grouped: dict[str, list[sqlite3.Row]] = defaultdict(list)
    for row in rows:
        grouped[row["event_id"]].append(row)
    return grouped


SQLITE_MAX_INT = 2**63 - 1


def _checked_limit(limit: int, name: str = "limit") -> int:
    if not 0 <= limit <= SQLITE_MAX_INT:
        raise ValueError(f"{name} must be 0 or more (and fit in 64 bits), not {limit}")
    return limit


# --- single events and id look-ups (``newsevents show``) ----------------------------------------

PREFIX_END = "\U0010ffff"  # sorts after every character an id can continue with


def get_event(conn: sqlite3.Connection, event_id: str) -> Event | None:
    """One stored event by its exact id, with its participants."""
    rows = conn.execute("SELECT e.* FROM events AS e WHERE e.event_id = ?", (event_id,)).fetchall()
    return next(with_participants(conn, rows), None)


def cluster_events(conn: sqlite3.Connection, cluster_id: str) -> list[Event]:
    """Every mention of one cluster (negated and hypothetical ones too), in event order."""
    rows = conn.execute(f"SELECT e.* FROM events AS e WHERE e.cluster_id = ? {EVENT_ORDER}",
                        (cluster_id,)).fetchall()
    return list(with_participants(conn, rows))


def event_ids_starting(conn: sqlite3.Connection, prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` event ids that begin with ``prefix``, sorted (a range over the key)."""
    rows = conn.execute(
        "SELECT event_id FROM events WHERE event_id >= ? AND event_id < ? ORDER BY event_id "
        "LIMIT ?", (prefix, prefix + PREFIX_END, _checked_limit(limit)))
    return [row[0] for row in rows]


def article_ids_starting(conn: sqlite3.Connection, prefix: str, limit: int) -> list[str]:
    """Up to ``limit`` article ids that begin with ``prefix``, sorted."""
    rows = conn.execute(
        "SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT ?",
        (prefix, prefix + PREFIX_END, _checked_limit(limit)))
    return [row[0] for row in rows]
