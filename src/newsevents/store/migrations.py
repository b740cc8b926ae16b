"""Ordered, transactional schema migrations recorded in ``schema_migrations``.

Policy (docs/schema.md): migrations are append-only. A released migration is never edited; a
change to the schema is a new migration with the next version number. Each one runs in its own
transaction together with the row that records it, so a crash leaves the database at the previous
version, never half-way.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

from newsevents.errors import StoreError
from newsevents.store.connection import transaction, utc_now
from newsevents.store.schema import (
    BOOTSTRAP,
    EVENT_SEARCH,
    INITIAL,
    ARTICLE_CUT,
    EXTRACTION_ERRORS,
    LEARNED_SIGHTINGS,
    PUBLISHED_WINDOW,
    RESOLVED_FROM,
)


@dataclass(frozen=True, slots=True)
class Migration:
    version: int
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema", INITIAL),
    Migration(2, "event search and actor look-ups", EVENT_SEARCH),
    Migration(3, "publication-date window of undated articles", PUBLISHED_WINDOW),
    Migration(4, "antecedents of participants found by coreference", RESOLVED_FROM),
    Migration(5, "what ingest cut from each page", ARTICLE_CUT),
    Migration(6, "why the coder failed on an article", EXTRACTION_ERRORS),
    Migration(7, "learned actors staged until their coding pass ends", LEARNED_SIGHTINGS),
)
LATEST_VERSION = MIGRATIONS[-1].version


def current_version(conn: sqlite3.Connection) -> int:
    """The highest applied version; 0 for a database without ``schema_migrations``."""
    if not _has_table(conn, "schema_migrations"):
        return 0
    row = conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
    return int(row[0] or 0)


def migrate(conn: sqlite3.Connection, path: str) -> int:
    """Bring the database to :data:`LATEST_VERSION`; returns how many migrations were applied.

    Safe when two processes open a fresh file at once: the version is read again under the
    write lock, so each migration is applied exactly once.
    """
    try:
        conn.execute("BEGIN")  # one snapshot: another process may be migrating the file now
        try:
            version = current_version(conn)
            foreign = version == 0 and bool(_user_tables(conn))
        finally:
            conn.execute("COMMIT")
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"not a usable SQLite database: {exc}") from exc
    _check_version(path, version, foreign)
    applied = 0
    for migration in MIGRATIONS:
        if migration.version > version:
            applied += _apply(conn, path, migration)
    return applied


def check_current(conn: sqlite3.Connection, path: str) -> None:
    """For a read-only connection, which cannot migrate: refuse a file that is not a newsevents
    database at :data:`LATEST_VERSION`, saying how to bring an older one up to date."""
    try:
        version = current_version(conn)
        tables = _user_tables(conn)
    except sqlite3.DatabaseError as exc:
        raise StoreError(path, f"not a usable SQLite database: {exc}") from exc
    if version == 0 and not tables:
        raise StoreError(path, "an empty file, not a newsevents database (create one with "
                         f"`newsevents run ARTICLES --db {path}`)")
    _check_version(path, version, version == 0)
    if version < LATEST_VERSION:
        raise StoreError(
            path,
            f"database schema version {version} is older than this newsevents ({LATEST_VERSION})"
            " and a read-only opening cannot migrate it: run any command that opens it for "
            f"writing once, e.g. `newsevents stats --db {path}`, then try again",
        )


def _check_version(path: str, version: int, foreign: bool) -> None:
    if version > LATEST_VERSION:
        raise StoreError(
            path,
            f"database schema version {version} is newer than this newsevents knows "
            f"({LATEST_VERSION}); upgrade newsevents to open it",
        )
    if foreign:
        raise StoreError(
            path, "a SQLite database not created by newsevents (no schema_migrations table)"
        )


def _apply(conn: sqlite3.Connection, path: str, migration: Migration) -> int:
    with transaction(conn, path):
        conn.execute(BOOTSTRAP)
        if current_version(conn) >= migration.version:
            return 0
        for statement in migration.statements:
            conn.execute(statement)
        conn.execute(
            "INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)",
            (migration.version, migration.name, utc_now()),
        )
    return 1


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (name,)
    ).fetchone()
    return row is not None


def _user_tables(conn: sqlite3.Connection) -> list[str]:
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
    ).fetchall()
    return [row[0] for row in rows]
