"""Writing and reading articles: exact and near-duplicate detection at insert, FTS5 search.

Functions take an open connection; :class:`newsevents.store.Store` wraps them in transactions.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from newsevents.models import Article
from newsevents.store.rows import (
    article_from_row,
    article_to_row,
    insert_sql,
    unpack_signature,
)

Signature = tuple[int, ...]
BandKeys = Callable[[Signature], list[str]]
NearDuplicate = tuple[str, str, float]

ARTICLE_COLUMNS = ", ".join(
    f"a.{name}"
    for name in (
        "id", "url", "source", "title", "text", "published", "published_precision",
        "published_day", "published_source", "published_window_start", "published_window_end",
        "path", "language", "cut",
    )
)
ORDER = "ORDER BY a.published_day IS NULL, a.published_day, a.id"


@dataclass(frozen=True, slots=True)
class AddReport:
    """What one :meth:`Store.add_articles` call did, ids in input order.

    ``near_duplicates`` holds (id, duplicate_of, similarity) for every copy recorded in the
    ``duplicates`` table instead of being stored: near copies, and exact copies of the text under
    another id (similarity 1.0).
    """

    new: tuple[str, ...] = ()
    existing: tuple[str, ...] = ()
    near_duplicates: tuple[NearDuplicate, ...] = ()
    conflicts: tuple[int, ...] = ()  # positions in the batch of articles whose id is stored
                                     # with another text: not stored


def similarity(left: Signature, right: Signature) -> float:
    """Fraction of equal MinHash values: the estimate of the Jaccard similarity of the texts."""
    if not left or not right:
        return 0.0
    equal = sum(1 for a, b in zip(left, right) if a == b)
    return equal / max(len(left), len(right))


def add_articles(
    conn: sqlite3.Connection,
    batch: Sequence[tuple[Article, Signature]],
    *,
    threshold: float,
    band_keys: BandKeys,
    now: str,
) -> AddReport:
    """Insert, skip or record as duplicate each article in order (caller holds the transaction)."""
    new: list[str] = []
    existing: list[str] = []
    near: list[NearDuplicate] = []
    conflicts: list[int] = []
    for position, (article, signature) in enumerate(batch):
        if is_known(conn, article.id):
            if _stored_text(conn, article.id) in (None, article.text):
                existing.append(article.id)
            else:
                conflicts.append(position)
            continue
        keys = sorted(set(band_keys(signature))) if signature else []
        match = find_near_duplicate(conn, signature, keys, threshold)
        if match is None:
            insert_article(conn, article, signature, keys, now)
            new.append(article.id)
        else:
            record_duplicate(conn, article, match, now)
            near.append((article.id, match[0], match[1]))
    return AddReport(tuple(new), tuple(existing), tuple(near), tuple(conflicts))


def _stored_text(conn: sqlite3.Connection, article_id: str) -> str | None:
    """The stored text of an article; None for an id recorded only as a copy of another."""
    row = conn.execute("SELECT text FROM articles WHERE id = ?", (article_id,)).fetchone()
    return row[0] if row is not None else None


def is_known(conn: sqlite3.Connection, article_id: str) -> bool:
    """Stored as an article, or already recorded as a copy of one."""
    row = conn.execute(
        "SELECT 1 FROM articles WHERE id = ? UNION ALL SELECT 1 FROM duplicates WHERE id = ?",
        (article_id, article_id),
    ).fetchone()
    return row is not None


def find_near_duplicate(
    conn: sqlite3.Connection, signature: Signature, keys: list[str], threshold: float
) -> tuple[str, float] | None:
    """The earliest-stored article sharing a band key whose similarity reaches the threshold."""
    if not keys:
        return None
    marks = ", ".join("?" for _ in keys)
    rows = conn.execute(
        "SELECT a.id, a.signature FROM articles AS a WHERE a.id IN "
        f"(SELECT article_id FROM article_bands WHERE band_key IN ({marks})) ORDER BY a.seq",
        keys,
    )
    for row in rows:
        score = similarity(signature, unpack_signature(row["signature"]))
        if score >= threshold:
            return row["id"], score
    return None


def insert_article(
    conn: sqlite3.Connection, article: Article, signature: Signature, keys: list[str], now: str
) -> None:
    """The row; the FTS index follows by trigger; then the LSH band keys."""
    row = article_to_row(article, signature, now)
    conn.execute(insert_sql("articles", row), row)
    conn.executemany(
        "INSERT INTO article_bands (band_key, article_id) VALUES (?, ?)",
        [(key, article.id) for key in keys],
    )


def record_duplicate(
    conn: sqlite3.Connection, article: Article, match: tuple[str, float], now: str
) -> None:
    original, score = match
    text = conn.execute("SELECT text FROM articles WHERE id = ?", (original,)).fetchone()[0]
    row = {
        "id": article.id,
        "duplicate_of": original,
        "kind": "exact" if text == article.text else "near",
        "similarity": score,
        "url": article.url,
        "title": article.title,
        "path": article.path,
        "seen_at": now,
    }
    conn.execute(insert_sql("duplicates", row), row)


def get_article(conn: sqlite3.Connection, article_id: str) -> Article | None:
    row = conn.execute(
        f"SELECT {ARTICLE_COLUMNS} FROM articles AS a WHERE a.id = ?", (article_id,)
    ).fetchone()
    return article_from_row(row) if row is not None else None


def iter_articles(
    conn: sqlite3.Connection, search: str | None = None, limit: int | None = None,
    offset: int = 0,
) -> Iterator[Article]:
    """Articles in publication order (undated last), optionally those matching ``search``,
    ``offset`` of them skipped. A search with no words (blank) does not filter.
    """
    where, params = _search_clause(search)
    sql = f"SELECT {ARTICLE_COLUMNS} FROM articles AS a{where} {ORDER}"
    if limit is not None or offset:
        sql += " LIMIT ? OFFSET ?"  # SQLite: a negative LIMIT is no limit
        params.extend((limit if limit is not None else -1, offset))
    for row in conn.execute(sql, params):
        yield article_from_row(row)


def _search_clause(search: str | None) -> tuple[str, list[object]]:
    query = fts_query(search) if search is not None else ""
    if not query:
        return "", []
    return (" WHERE a.seq IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)",
            [query])


def fts_query(search: str) -> str:
    """User text as an FTS5 query: every word a quoted term, all required.

    Quoting turns operators and punctuation (AND, OR, NEAR, parentheses, ``*``, ``:``, quotes)
    into plain text, so no input can be a syntax error. NUL cannot appear inside an FTS5 string.
    """
    words = search.replace("\x00", " ").split()
    return " ".join('"' + word.replace('"', '""') + '"' for word in words)


def article_ids(conn: sqlite3.Connection) -> set[str]:
    return {row[0] for row in conn.execute("SELECT id FROM articles")}


def count_articles(conn: sqlite3.Connection, search: str | None = None) -> int:
    where, params = _search_clause(search)
    return int(conn.execute(f"SELECT count(*) FROM articles AS a{where}", params).fetchone()[0])
