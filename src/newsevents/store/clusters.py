"""SQL of cross-article event clusters: which mentions still need a cluster, which stored
mentions a new one could join, and the GDELT-like counts of each cluster."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from urllib.parse import urlsplit

from newsevents.models import Event
from newsevents.store.queries import EVENT_ORDER, with_participants

SOURCE_SQL = "coalesce(a.source, a.url, a.id)"


def _source_name(value: str) -> str:
    """An outlet name, or the host of a URL, so that two pages of one site count once."""
    host = urlsplit(value).hostname if "://" in value else None
    return (host or value).removeprefix("www.")


def _events_with_sources(conn: sqlite3.Connection, where: str, params: tuple) -> Iterator[
    tuple[Event, str]
]:
    sql = (f"SELECT e.*, {SOURCE_SQL} AS source_name FROM events AS e "
           f"JOIN articles AS a ON a.id = e.article_id WHERE {where} {EVENT_ORDER}")
    rows = conn.execute(sql, params).fetchall()
    sources = {row["event_id"]: _source_name(row["source_name"]) for row in rows}
    for event in with_participants(conn, rows):
        yield event, sources[event.event_id]


def unclustered(conn: sqlite3.Connection) -> list[tuple[Event, str]]:
    """Mentions not yet given a cluster, by date, with their article's outlet."""
    return list(_events_with_sources(conn, "e.cluster_id IS NULL", ()))


def clustered_near(conn: sqlite3.Connection, event_type: str, first_day: str,
                   last_day: str) -> list[tuple[Event, str]]:
    """Clustered factual mentions of a type whose date falls in [first_day, last_day]."""
    where = ("e.cluster_id IS NOT NULL AND e.type = ? AND e.negated = 0 AND e.hypothetical = 0"
             " AND e.date_day BETWEEN ? AND ?")
    return list(_events_with_sources(conn, where, (event_type, first_day, last_day)))


def set_clusters(conn: sqlite3.Connection, assignments: Mapping[str, str]) -> None:
    """Record each mention's cluster and refresh the counts of every touched cluster."""
    conn.executemany(  # the cluster rows first: events.cluster_id references them
        "INSERT OR IGNORE INTO event_clusters (cluster_id, type)"
        " SELECT ?, type FROM events WHERE event_id = ?",
        [(cluster, cluster) for cluster in set(assignments.values())],
    )
    conn.executemany("UPDATE events SET cluster_id = ? WHERE event_id = ?",
                     [(cluster, event) for event, cluster in assignments.items()])
    refresh_clusters(conn, set(assignments.values()))


def refresh_clusters(conn: sqlite3.Connection, cluster_ids: Iterable[str]) -> None:
    """Recount each cluster from the mentions it has now; drop one that has none left."""
    for cluster_id in cluster_ids:
        _refresh(conn, cluster_id)


def _refresh(conn: sqlite3.Connection, cluster_id: str) -> None:
    rows = conn.execute(
        f"SELECT e.*, {SOURCE_SQL} AS source_name FROM events AS e JOIN articles AS a"
        f" ON a.id = e.article_id WHERE e.cluster_id = ? {EVENT_ORDER}", (cluster_id,)).fetchall()
    if not rows:
        conn.execute("DELETE FROM event_clusters WHERE cluster_id = ?", (cluster_id,))
        return
    first = rows[0]
    codes = conn.execute(
        "SELECT role, code FROM event_actors WHERE code IS NOT NULL AND event_id IN"
        " (SELECT event_id FROM events WHERE cluster_id = ?) GROUP BY role, code", (cluster_id,))
    by_role: dict[str, list[str]] = {"actor": [], "recipient": []}
    for row in codes:
        by_role[row["role"]].append(row["code"])
    record = {
        "cluster_id": cluster_id, "type": first["type"], "date": first["date"],
        "date_precision": first["date_precision"], "date_day": first["date_day"],
        "actor_codes": json.dumps(sorted(by_role["actor"])),
        "recipient_codes": json.dumps(sorted(by_role["recipient"])),
        "num_mentions": len(rows),
        "num_sources": len({_source_name(r["source_name"]) for r in rows}),
        "num_articles": len({r["article_id"] for r in rows}),
        "first_seen": min(r["date_day"] or "" for r in rows) or None,
        "last_seen": max(r["date_day"] or "" for r in rows) or None,
    }
    columns = ", ".join(record)
    marks = ", ".join("?" * len(record))
    updates = ", ".join(f"{c} = excluded.{c}" for c in record if c != "cluster_id")
    # an upsert, not INSERT OR REPLACE: replacing deletes the row, and events.cluster_id
    # (ON DELETE SET NULL) would lose its link
    conn.execute(f"INSERT INTO event_clusters ({columns}) VALUES ({marks})"
                 f" ON CONFLICT (cluster_id) DO UPDATE SET {updates}", tuple(record.values()))


def cluster_counts(conn: sqlite3.Connection, cluster_ids: list[str]) -> dict[str, tuple[int, int, int]]:
    """cluster_id -> (num_mentions, num_sources, num_articles)."""
    if not cluster_ids:
        return {}
    marks = ", ".join("?" * len(cluster_ids))
    rows = conn.execute(
        "SELECT cluster_id, num_mentions, num_sources, num_articles FROM event_clusters"
        f" WHERE cluster_id IN ({marks})", tuple(cluster_ids))
    return {r["cluster_id"]: (r["num_mentions"], r["num_sources"], r["num_articles"]) for r in rows}
