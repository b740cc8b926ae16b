"""Opening the SQLite file and running transactions; turns sqlite3 errors into StoreError."""

from __future__ import annotations

import datetime as dt
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsevents.errors import StoreError

MEMORY = ":memory:"
SQLITE_HEADER = b"SQLite format 3\x00"
PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
)


def check_is_sqlite(path: str) -> None:
    """Refuse an existing non-empty file that does not start with the SQLite header.

    sqlite3 would open it happily and fail only at the first query with a vague message.
    """
    file = Path(path)
    if path == MEMORY or not file.is_file() or file.stat().st_size == 0:
        return
    with file.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header != SQLITE_HEADER:
        raise StoreError(path, "not a SQLite database (refusing to open or overwrite it)")


def open_connection(path: str, timeout: float, *, read_only: bool = False) -> sqlite3.Connection:
    """Connect in autocommit mode (we issue BEGIN/COMMIT ourselves) with WAL and foreign keys.

    ``read_only`` opens the file with SQLite's ``mode=ro`` (it must exist; nothing can write
    through the connection, and the journal mode is left as the file has it) and sets
    ``query_only`` as well.
    """
    check_is_sqlite(path)
    try:
        if read_only:
            conn = sqlite3.connect(read_only_uri(path), timeout=timeout, isolation_level=None,
                                   uri=True)
        else:
            conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot open database: {exc}") from exc
    try:
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        if read_only:
            conn.execute("PRAGMA query_only = ON")
        else:
            _use_wal(conn, timeout)
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(path, f"cannot open database: {exc}") from exc
    return conn


def read_only_uri(path: str) -> str:
    """The ``file:`` URI that opens ``path`` read-only; ``as_uri`` percent-encodes the path, so
    a name holding ``?`` or ``#`` cannot smuggle in URI parameters."""
    return Path(path).resolve().as_uri() + "?mode=ro"


WAL_RETRY_PAUSE = 0.05  # seconds


def _use_wal(conn: sqlite3.Connection, timeout: float) -> None:
    """Switch the file to WAL (it stays so). SQLite answers "database is locked" at once, not
    after the busy timeout, when another connection opens the same new file at that moment, so
    the switch is retried until the timeout; a file already in WAL needs no switch."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
            if str(mode).lower() != "wal":  # an in-memory database keeps "memory"
                conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError:
            if time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_PAUSE)


@contextmanager
def transaction(conn: sqlite3.Connection, path: str) -> Iterator[sqlite3.Connection]:
    """One write transaction: BEGIN IMMEDIATE … COMMIT, rolled back on any error.

    IMMEDIATE takes the write lock up front, so two writers wait on the busy timeout instead of
    failing half-way with "database is locked" when one upgrades a read to a write.
    """
    try:
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot start a transaction: {exc}") from exc
    try:
        yield conn
        conn.execute("COMMIT")
    except sqlite3.Error as exc:
        conn.rollback()
        raise StoreError(path, f"write failed and was rolled back: {exc}") from exc
    except BaseException:
        conn.rollback()
        raise


def utc_now() -> str:
    """Timestamps are UTC, ISO 8601 with a Z, to the second: they sort as text."""
    return dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
