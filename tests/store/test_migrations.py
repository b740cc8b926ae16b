"""Opening a database: migrations, pragmas and the files we refuse."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.models import Actor, Article, Event, EventFilter
from newsevents.store import LATEST_VERSION, Store
from newsevents.store.rows import article_to_row, event_actor_rows, event_to_row, insert_sql
from newsevents.store.schema import BOOTSTRAP, INITIAL


def migration_rows(path: Path) -> list[tuple[int, str]]:
    with sqlite3.connect(path) as conn:
        return conn.execute("SELECT version, name FROM schema_migrations").fetchall()


def test_store_creates_file_at_latest_version(db_path: Path) -> None:
    with Store(db_path) as store:
        assert store.schema_version == LATEST_VERSION
    assert db_path.is_file()


def test_migrations_idempotent_when_opened_twice(db_path: Path) -> None:
    Store(db_path).close()
    first = migration_rows(db_path)
    Store(db_path).close()
    assert migration_rows(db_path) == first
    assert [version for version, _ in first] == list(range(1, LATEST_VERSION + 1))


def test_store_sets_wal_and_foreign_keys(store: Store, db_path: Path) -> None:
    conn = store._conn
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] > 0


def test_store_refuses_newer_schema_version(db_path: Path) -> None:
    Store(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO schema_migrations VALUES (?, 'from the future', '2099-01-01T00:00:00Z')",
            (LATEST_VERSION + 1,),
        )
    with pytest.raises(StoreError, match="newer than this newsevents knows") as caught:
        Store(db_path)
    assert caught.value.db_path == str(db_path)


@pytest.mark.parametrize(
    "content", [b"id,title\n1,hello\n", b"\x00" * 200, b"SQLite format 2\x00" + b"x" * 100]
)
def test_store_refuses_non_sqlite_file_naming_path(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(content)
    with pytest.raises(StoreError, match="not a SQLite database") as caught:
        Store(path)
    assert str(path) in str(caught.value)
    assert path.read_bytes() == content


def test_store_refuses_foreign_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE articles (x)")
    with pytest.raises(StoreError, match="not created by newsevents"):
        Store(path)


def test_store_refuses_directory_naming_path(tmp_path: Path) -> None:
    with pytest.raises(StoreError) as caught:
        Store(tmp_path)
    assert str(tmp_path) in str(caught.value)


def test_store_accepts_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.db"
    path.touch()
    with Store(path) as store:
        assert store.schema_version == LATEST_VERSION


def test_store_concurrent_first_opens_migrate_once(db_path: Path) -> None:
    def open_and_close(_: int) -> int:
        with Store(db_path) as store:
            return store.schema_version

    with ThreadPoolExecutor(max_workers=6) as pool:
        versions = list(pool.map(open_and_close, range(12)))
    assert versions == [LATEST_VERSION] * 12
    assert len(migration_rows(db_path)) == LATEST_VERSION


def make_version_1(path: Path) -> None:
    """A database as the version-1 code left it, holding one article with one extracted event."""
    veto = Event(
        event_id="e1",
        article_id="a1",
        type="REJECT",
        mode=None,
        cameo="120",
        quad_class=3,
        intensity=-2.0,
        actors=(Actor("Russia", "RUS", "GOV", "Russia"),),
        recipients=(),
        trigger="vetoed",
        sentence="Russia vetoed the draft.",
        sentence_index=0,
        char_start=7,
        char_end=13,
    )
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("BEGIN")
        for statement in (BOOTSTRAP, *INITIAL):
            conn.execute(statement)
        conn.execute("INSERT INTO schema_migrations VALUES (1, 'initial schema', 'then')")
        rows = [
            ("articles", {k: v for k, v in  # columns that version 1 did not have yet
                          article_to_row(Article("a1", "Russia vetoed the draft."), (), "then")
                          .items() if not k.startswith("published_window") and k != "cut"}),
            ("events", event_to_row(veto, 0)),
            *(("event_actors", {k: v for k, v in row.items() if k != "resolved_from"})
              for row in event_actor_rows(veto)),  # a column of migration 4
        ]
        for table, row in rows:
            conn.execute(insert_sql(table, row), row)
        conn.execute("COMMIT")
    finally:
        conn.close()


def test_store_migrates_version_1_database_keeping_events_searchable(db_path: Path) -> None:
    make_version_1(db_path)
    with Store(db_path) as store:
        assert store.schema_version == LATEST_VERSION
        assert [e.event_id for e in store.query_events(EventFilter(search="vetoed"))] == ["e1"]
        assert [e.event_id for e in store.query_events(EventFilter(actor="rusgov"))] == ["e1"]
        assert store.check_integrity() == []
    assert [version for version, _ in migration_rows(db_path)] == list(range(1, LATEST_VERSION + 1))
