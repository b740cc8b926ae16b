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
    ``query_only`` as well; on a read-only folder or file system see :func:`_open_read_only`.
    """
    check_is_sqlite(path)
    try:
        if read_only:
            return _open_read_only(path, timeout)
        conn = sqlite3.connect(path, timeout=timeout, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(path, f"cannot open database: {exc}") from exc
    try:
        _configure(conn, timeout)
        _use_wal(conn, timeout)
        for pragma in PRAGMAS:
            conn.execute(pragma)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(path, f"cannot open database: {exc}") from exc
    return conn


def _configure(conn: sqlite3.Connection, timeout: float) -> None:
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


# How a read-only connection reads a WAL database where SQLite cannot create its "-shm" file
# (a read-only folder or file system): the log read into this connection's own memory, which
# needs exclusive locking mode and no file locks (SQLite's "unix-none" file layer).
LOG_IN_MEMORY = "mode=ro&vfs=unix-none"
IMMUTABLE = "immutable=1"  # no log to read: the file alone is the whole database


def _open_read_only(path: str, timeout: float) -> sqlite3.Connection:
    """``mode=ro``; where that fails because SQLite cannot create the ``-shm`` file (or a
    ``-wal``) beside a WAL database, a way that needs neither: with a ``-wal`` file, its log
    read into memory (:data:`LOG_IN_MEMORY`), so that what was committed to the log is seen;
    without one, :data:`IMMUTABLE`. Neither takes a lock, which is safe because nothing can
    write there; a hot rollback journal (``-journal``) is never read past."""
    try:
        return _read_only_connection(path, timeout, "mode=ro")
    except sqlite3.OperationalError as exc:
        if not _cannot_create_beside(exc) or Path(path + "-journal").exists():
            raise
    if Path(path + "-wal").exists():
        return _read_only_connection(path, timeout, LOG_IN_MEMORY, exclusive=True)
    return _read_only_connection(path, timeout, IMMUTABLE)


def _read_only_connection(path: str, timeout: float, parameters: str, *,
                          exclusive: bool = False) -> sqlite3.Connection:
    """A connection through which nothing can be written, its file opened now (SQLite opens
    it at the first read, so an error shows here, not at the first query)."""
    conn = sqlite3.connect(read_only_uri(path, parameters), timeout=timeout,
                           isolation_level=None, uri=True)
    try:
        _configure(conn, timeout)
        conn.execute("PRAGMA query_only = ON")
        if exclusive:
            conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        for pragma in PRAGMAS:
            conn.execute(pragma)
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except BaseException:
        conn.close()
        raise
    return conn


def _cannot_create_beside(exc: sqlite3.OperationalError) -> bool:
    """SQLite could not open or create a file beside the database, or write in its folder."""
    name = getattr(exc, "sqlite_errorname", "")
    return name.startswith(("SQLITE_CANTOPEN", "SQLITE_READONLY"))


def read_only_uri(path: str, parameters: str = "mode=ro") -> str:
    """The ``file:`` URI that opens ``path`` read-only; ``as_uri`` percent-encodes the path, so
    a name holding ``?`` or ``#`` cannot smuggle in URI parameters."""
    return f"{Path(path).resolve().as_uri()}?{parameters}"


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
        except sqlite3.OperationalError as exc:  # only a lock passes; a read-only file does not
            if not _locked(exc) or time.monotonic() >= deadline:
                raise
            time.sleep(WAL_RETRY_PAUSE)


def _locked(exc: sqlite3.OperationalError) -> bool:
    return getattr(exc, "sqlite_errorname", "").startswith(("SQLITE_BUSY", "SQLITE_LOCKED"))


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
