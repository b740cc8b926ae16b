"""SQL of stories: articles not yet in a story, open stories, and saving a story's state."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections.abc import Iterator, Sequence

from newsevents.models import Article, Story
from newsevents.store.rows import article_from_row


def unstoried_articles(conn: sqlite3.Connection) -> Iterator[Article]:
    rows = conn.execute(
        "SELECT a.* FROM articles AS a LEFT JOIN story_articles AS s ON s.article_id = a.id"
        " WHERE s.article_id IS NULL ORDER BY a.published_day IS NULL, a.published_day, a.seq")
    for row in rows:
        yield article_from_row(row)


def _day(text: str | None) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def open_stories(conn: sqlite3.Connection, since: dt.date | None) -> list[tuple]:
    """(story_id, centroid, size, first, last, article ids) of stories active since ``since``
    (every story when None, and stories with no dates at all)."""
    rows = conn.execute(
        "SELECT s.story_id, s.centroid, s.first_date, s.last_date,"
        " (SELECT json_group_array(article_id) FROM story_articles WHERE story_id = s.story_id)"
        " AS ids FROM stories AS s WHERE ? IS NULL OR s.last_date IS NULL OR s.last_date >= ?",
        (since and since.isoformat(), since and since.isoformat()))
    return [(r["story_id"], json.loads(r["centroid"] or "{}"), len(json.loads(r["ids"])),
             _day(r["first_date"]), _day(r["last_date"]), tuple(json.loads(r["ids"])))
            for r in rows]


def save_story(conn: sqlite3.Connection, story: Story, centroid: dict[str, float], now: str) -> None:
    conn.execute(
        "INSERT INTO stories (story_id, label, first_date, last_date, centroid, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (story_id) DO UPDATE SET label = excluded.label,"
        " first_date = excluded.first_date, last_date = excluded.last_date,"
        " centroid = excluded.centroid, updated_at = excluded.updated_at",
        (story.story_id, story.label, story.first_date and story.first_date.isoformat(),
         story.last_date and story.last_date.isoformat(), json.dumps(centroid), now))
    conn.executemany("INSERT OR IGNORE INTO story_articles (article_id, story_id) VALUES (?, ?)",
                     [(article_id, story.story_id) for article_id in story.article_ids])


STORY_SELECT = ("SELECT s.*, (SELECT json_group_array(article_id) FROM story_articles"
                " WHERE story_id = s.story_id) AS ids FROM stories AS s")


def iter_stories(conn: sqlite3.Connection) -> Iterator[Story]:
    rows = conn.execute(
        f"{STORY_SELECT} ORDER BY s.first_date IS NULL, s.first_date, s.story_id")
    for r in rows:
        yield _story(r)


def get_story(conn: sqlite3.Connection, story_id: str) -> Story | None:
    row = conn.execute(f"{STORY_SELECT} WHERE s.story_id = ?", (story_id,)).fetchone()
    return _story(row) if row is not None else None


def _story(r: sqlite3.Row) -> Story:
    return Story(r["story_id"], r["label"], _day(r["first_date"]), _day(r["last_date"]),
                 tuple(json.loads(r["ids"])))


def story_counts(conn: sqlite3.Connection) -> Sequence[tuple[str, int]]:
    return conn.execute("SELECT story_id, count(*) FROM story_articles GROUP BY story_id").fetchall()
