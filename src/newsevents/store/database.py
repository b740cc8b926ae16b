"""``Store``: the SQLite database of one newsevents project, opened and migrated on construction.

Every write method is one transaction, so a process killed at any moment leaves the database as
it was after the last completed call; re-running the call completes the work (ids are derived
from content, so nothing is stored twice).
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from types import TracebackType

from newsevents.models import Article, DateValue, Event, EventFilter, Quote, Story
from newsevents.store import actors as actors_module
from newsevents.store import articles, clusters, extractions, queries, stories
from newsevents.store.articles import AddReport, BandKeys, Signature
from newsevents.errors import StoreError
from newsevents.store.connection import MEMORY, open_connection, transaction, utc_now
from newsevents.store.learned import LearnedLike, StoredActor
from newsevents.store.migrations import LATEST_VERSION, check_current, current_version, migrate

FTS_TABLES = ("articles_fts", "events_fts")
STATS_TABLES = (
    "articles",
    "duplicates",
    "events",
    "quotes",
    "actors",
    "event_clusters",
    "stories",
    "extractions",
)


class Store:
    """Opens (creating if needed) and migrates the database at ``path``; ``":memory:"`` works.

    Raises :class:`~newsevents.errors.StoreError` for a file that is not a SQLite database, a
    SQLite database newsevents did not create, or one whose schema is newer than this code;
    with ``must_exist`` (readers: a misspelt path must not become an empty database), also for
    a path where there is no file. Like ``sqlite3.Connection`` it belongs to the thread that
    opened it.

    ``read_only`` (the web app; read commands through :meth:`for_reading`) opens an existing
    file with SQLite's ``mode=ro``: nothing is created, migrated or switched to WAL, every write
    method fails, and a database whose schema is older than the code is refused with a message
    saying how to migrate it. It works in a read-only folder or file system too, where SQLite
    cannot create the files a WAL database keeps beside it (``store.connection``).
    """

    def __init__(self, path: str | Path, *, timeout: float = 30.0,
                 must_exist: bool = False, read_only: bool = False) -> None:
        self.path = str(path)
        if read_only and self.path == MEMORY:
            raise StoreError(self.path, "an in-memory database cannot be opened read-only")
        if (must_exist or read_only) and self.path != MEMORY and not Path(self.path).is_file():
            raise StoreError(self.path, "no such database: check the path, or create it with "
                             "`newsevents run ARTICLES --db PATH`")
        self.read_only = read_only
        self._conn = open_connection(self.path, timeout, read_only=read_only)
        try:
            if read_only:
                check_current(self._conn, self.path)
            else:
                migrate(self._conn, self.path)
        except BaseException:
            self._conn.close()
            raise

    @classmethod
    def for_reading(cls, path: str | Path, *, timeout: float = 30.0) -> Store:
        """What read commands open: the database read-only, so that they change nothing and
        work where nothing can be written. One whose schema is older than this code is first
        migrated by a read-write opening, as every opening did before; where that fails (a
        read-only folder), the error says so and how to read it."""
        if _older_schema(str(path), timeout):
            try:
                cls(path, timeout=timeout).close()
            except StoreError as exc:
                raise StoreError(str(path), (
                    f"the database schema is older than this newsevents ({LATEST_VERSION}) and "
                    f"cannot be migrated where it is ({exc.message}): copy it to a folder you "
                    "can write to and read the copy")) from exc
        return cls(path, timeout=timeout, read_only=True)

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({self.path!r})"

    def close(self) -> None:
        self._conn.close()

    @property
    def schema_version(self) -> int:
        return current_version(self._conn)

    def add_articles(
        self,
        batch: Sequence[tuple[Article, Signature]],
        *,
        threshold: float = 0.8,
        band_keys: BandKeys,
    ) -> AddReport:
        """Store new articles, skip known ids, record near-duplicates; one transaction.

        ``batch`` pairs each article with its MinHash signature; ``band_keys`` maps a signature
        to its LSH band keys (``ingest.dedup``). Articles earlier in the batch count as stored.
        """
        with transaction(self._conn, self.path) as conn:
            return articles.add_articles(
                conn, batch, threshold=threshold, band_keys=band_keys, now=utc_now()
            )

    def get_article(self, article_id: str) -> Article | None:
        return articles.get_article(self._conn, article_id)

    def iter_articles(
        self, search: str | None = None, limit: int | None = None, offset: int = 0
    ) -> Iterator[Article]:
        """In publication order (undated last, then id); ``search`` is plain words, all required;
        ``offset`` skips that many first."""
        return articles.iter_articles(self._conn, search, limit, offset)

    def count_articles(self, search: str | None = None) -> int:
        """How many articles :meth:`iter_articles` gives with ``search`` and no limit."""
        return articles.count_articles(self._conn, search)

    def article_ids(self) -> set[str]:
        return articles.article_ids(self._conn)

    def replace_extraction(
        self,
        article_id: str,
        events: Sequence[Event],
        quotes: Sequence[Quote],
        coder_version: str,
        *,
        inferred_published: DateValue | None = None,
        published_window: tuple[dt.date, dt.date] | None = None,
        learned: Sequence[LearnedLike] = (),
        seen: dt.date | None = None,
    ) -> None:
        """Make these the article's events and quotes, replacing earlier ones; one transaction.
        ``inferred_published`` dates an article that had no date of its own; for one that
        stays undated ``published_window`` records the range its text allows. ``learned``
        actors, sighted on ``seen``, are staged with the article: they are not known (see
        :meth:`known_actors`) until :meth:`merge_learned_actors`. Clusters that lose their last
        mention are dropped, the others recounted."""
        with transaction(self._conn, self.path) as conn:
            extractions.replace_extraction(
                conn, article_id, events, quotes, coder_version=coder_version, now=utc_now(),
                inferred_published=inferred_published, published_window=published_window,
                learned=learned, seen=seen,
            )

    def record_failure(self, article_id: str, coder_version: str, error: str) -> None:
        """Remember that ``coder_version`` failed on the article, so that re-runs do not try it
        again (a new coder version does); one transaction."""
        with transaction(self._conn, self.path) as conn:
            extractions.record_failure(conn, article_id, coder_version=coder_version,
                                       error=error, now=utc_now())

    def failures(self) -> list[tuple[str, str, str]]:
        """(article id, coder version, error) of every article the coder failed on."""
        return extractions.failures(self._conn)

    def pending_articles(self, coder_version: str) -> list[Article]:
        """Articles whose events were never extracted, or by another coder version."""
        return list(extractions.pending_articles(self._conn, coder_version))

    def extraction_version(self, article_id: str) -> str | None:
        """Coder version of the article's stored extraction, None if not extracted yet."""
        return extractions.extraction_version(self._conn, article_id)

    def iter_events(
        self,
        *,
        article_id: str | None = None,
        event_type: str | None = None,
        limit: int | None = None,
    ) -> Iterator[Event]:
        """Every stored event (negated and hypothetical included), in :meth:`query_events` order."""
        flt = EventFilter(
            types=(event_type,) if event_type is not None else (),
            article_id=article_id,
            include_negated=True,
            include_hypothetical=True,
            limit=limit,
        )
        return queries.query_events(self._conn, flt)

    def query_events(self, flt: EventFilter) -> Iterator[Event]:
        """Events matching every field of ``flt``, by date (undated last), article, position.

        ``actor``/``recipient`` match a participant of that role by code, code+sector or
        canonical name or span (ASCII case folded); ``dyad`` either direction; ``since``/``until``
        compare the first day of the event's date, so undated events drop out; ``search`` is
        plain words, all required, over sentence and trigger. Negated and hypothetical events
        only when asked for.
        """
        return queries.query_events(self._conn, flt)

    def count_events(self, flt: EventFilter) -> int:
        """How many events :meth:`query_events` would give without ``flt.limit``/``offset``."""
        return queries.count_events(self._conn, flt)

    def count_by_type(self, flt: EventFilter) -> list[tuple[str, int]]:
        """(PLOVER type, events) of the events matching ``flt``, most frequent first."""
        return queries.count_by_type(self._conn, flt)

    def unclustered_events(self) -> list[tuple[Event, str]]:
        """Event mentions without a cluster yet, with their article's outlet."""
        return clusters.unclustered(self._conn)

    def clustered_events_near(
        self, event_type: str, first_day: dt.date, last_day: dt.date
    ) -> list[tuple[Event, str]]:
        """Clustered factual mentions of a type dated within [first_day, last_day]."""
        return clusters.clustered_near(self._conn, event_type, first_day.isoformat(),
                                       last_day.isoformat())

    def set_clusters(self, assignments: Mapping[str, str]) -> None:
        """Record event_id -> cluster_id and refresh those clusters' counts; one transaction."""
        with transaction(self._conn, self.path) as conn:
            clusters.set_clusters(conn, assignments)

    def cluster_counts(self, cluster_ids: list[str]) -> dict[str, tuple[int, int, int]]:
        """cluster_id -> (num_mentions, num_sources, num_articles)."""
        return clusters.cluster_counts(self._conn, cluster_ids)

    def get_event(self, event_id: str) -> Event | None:
        """One event by its exact id (negated or hypothetical alike), with its participants."""
        return queries.get_event(self._conn, event_id)

    def cluster_events(self, cluster_id: str) -> list[Event]:
        """Every mention of one real-world event, in :meth:`query_events` order."""
        return queries.cluster_events(self._conn, cluster_id)

    def ids_starting(self, prefix: str, limit: int = 10) -> tuple[list[str], list[str]]:
        """Event ids and article ids beginning with ``prefix``, up to ``limit`` of each, sorted:
        what a shortened id (as tables print them) may stand for."""
        return (queries.event_ids_starting(self._conn, prefix, limit),
                queries.article_ids_starting(self._conn, prefix, limit))

    def unstoried_articles(self) -> list[Article]:
        """Articles in no story yet, oldest first (undated last)."""
        return list(stories.unstoried_articles(self._conn))

    def open_stories(self, since: dt.date | None) -> list[tuple]:
        """State of the stories still active since ``since``: (story_id, centroid, size,
        first_date, last_date, article_ids)."""
        return stories.open_stories(self._conn, since)

    def save_stories(self, items: Sequence[tuple[Story, dict[str, float]]]) -> None:
        """Write stories (label, dates, centroid) and their articles; one transaction."""
        with transaction(self._conn, self.path) as conn:
            for story, centroid in items:
                stories.save_story(conn, story, centroid, utc_now())

    def iter_stories(self) -> Iterator[Story]:
        return stories.iter_stories(self._conn)

    def get_story(self, story_id: str) -> Story | None:
        return stories.get_story(self._conn, story_id)

    def iter_quotes(self, article_id: str | None = None) -> Iterator[Quote]:
        return extractions.iter_quotes(self._conn, article_id)

    def upsert_actors(
        self, actors: Sequence[LearnedLike], seen: dt.date | None, origin: str = "learned"
    ) -> None:
        """Record sightings of learned actors, all in one transaction.

        Keyed by the normalised name (``store.learned.actor_key``): a new actor is inserted with
        one mention; a known one gains the new aliases, its first/last seen widen to ``seen``
        and its mentions grow by one. ``origin`` (learned, user, import) applies to new rows.
        """
        with transaction(self._conn, self.path) as conn:
            actors_module.upsert_actors(conn, actors, seen, origin)

    def merge_learned_actors(self) -> int:
        """Merge every staged sighting (:meth:`replace_extraction`) into the known actors, in an
        order given by their content alone, and clear them; one transaction. Returns how many
        actors were touched."""
        with transaction(self._conn, self.path) as conn:
            return actors_module.merge_staged(conn)

    def staged_sightings(self) -> int:
        """How many learned-actor sightings wait for :meth:`merge_learned_actors`."""
        return actors_module.staged_count(self._conn)

    def known_actors(self) -> list[StoredActor]:
        """Every merged actor, ordered by normalised name; staged sightings are not known yet."""
        return actors_module.known_actors(self._conn)

    def participants(self) -> list[tuple[str | None, str | None, str | None]]:
        """Every distinct (code, sector, canonical name) of the stored events' parties."""
        return actors_module.participants(self._conn)

    def stats(self) -> dict[str, int]:
        """Row counts of the main tables, keyed by table name, and ``failed extractions``:
        articles the coder failed on."""
        counts = {
            table: int(self._conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
            for table in STATS_TABLES
        }
        counts["failed extractions"] = len(extractions.failures(self._conn))
        return counts

    def check_integrity(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks and FTS5's own check.

        Empty when the database is sound; meant for tests and a future ``doctor`` command.
        """
        problems = [row[0] for row in self._conn.execute("PRAGMA integrity_check")]
        problems = [p for p in problems if p != "ok"]
        for row in self._conn.execute("PRAGMA foreign_key_check"):
            problems.append(f"foreign key: {row[0]} row {row[1]} -> {row[2]}")
        for table in FTS_TABLES:
            try:
                self._conn.execute(
                    f"INSERT INTO {table} ({table}, rank) VALUES ('integrity-check', 1)"
                )
            except sqlite3.DatabaseError as exc:
                problems.append(f"{table}: {exc}")
        return problems


def _older_schema(path: str, timeout: float) -> bool:
    """A newsevents database whose schema is older than this code (False for anything else,
    which the read-only opening refuses with its own message)."""
    if path == MEMORY or not Path(path).is_file():
        return False
    try:
        conn = open_connection(path, timeout, read_only=True)
    except StoreError:
        return False
    try:
        return 0 < current_version(conn) < LATEST_VERSION
    except sqlite3.DatabaseError:
        return False
    finally:
        conn.close()
