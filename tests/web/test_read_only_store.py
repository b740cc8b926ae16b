"""``Store(read_only=True)``, the web app's way in: nothing written, nothing migrated, clear
refusals; and the reads the app added to the store (offsets, counts by type, one story)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest

from newsevents.errors import StoreError
from newsevents.models import EventFilter
from newsevents.store import LATEST_VERSION, Store
from tests.store.test_migrations import make_version_1
from tests.web.site_store import EVIL_ID, STORY, build_site_store


@pytest.fixture(scope="module")
def site_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site_store(tmp_path_factory.mktemp("ro") / "site.db")


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_read_only_store_reads_what_was_written(site_db: Path):
    with Store(site_db, read_only=True) as store:
        assert store.get_article(EVIL_ID) is not None
        assert store.count_events(EventFilter()) == 4


def test_read_only_store_refuses_every_write(site_db: Path):
    with Store(site_db, read_only=True) as store:
        with pytest.raises(StoreError, match="readonly|read-only"):
            store.set_clusters({"aa11bb22cc33dd44": "other"})


def test_read_only_store_leaves_a_rollback_journal_file_as_it_is(tmp_path: Path):
    path = tmp_path / "journal.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")
    before = digest(path)
    with Store(path, read_only=True) as store:
        assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert digest(path) == before


def test_read_only_store_refuses_an_older_schema_saying_how_to_migrate(tmp_path: Path):
    path = tmp_path / "old.db"
    make_version_1(path)
    before = digest(path)
    with pytest.raises(StoreError, match=r"version 1 is older.*newsevents stats --db"):
        Store(path, read_only=True)
    assert digest(path) == before  # not migrated
    with Store(path) as store:  # a read-write opening migrates it; then read-only works
        assert store.schema_version == LATEST_VERSION
    Store(path, read_only=True).close()


def test_read_only_store_refuses_a_newer_schema(tmp_path: Path):
    path = tmp_path / "new.db"
    Store(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("INSERT INTO schema_migrations VALUES (?, 'future', 'then')",
                     (LATEST_VERSION + 1,))
    with pytest.raises(StoreError, match="newer than this newsevents knows"):
        Store(path, read_only=True)


@pytest.mark.parametrize(("setup", "message"), [
    (lambda p: None, "no such database"),
    (lambda p: p.write_bytes(b""), "an empty file, not a newsevents database"),
    (lambda p: p.write_text("id,title\n1,x\n"), "not a SQLite database"),
    (lambda p: sqlite3.connect(p).execute("CREATE TABLE t (x)").connection.commit(),
     "not created by newsevents"),
])
def test_read_only_store_refuses_what_is_no_newsevents_database(tmp_path: Path, setup,
                                                                 message: str):
    path = tmp_path / "x.db"
    setup(path)
    with pytest.raises(StoreError, match=message):
        Store(path, read_only=True)
    assert not path.exists() or path.stat().st_size < 10_000  # nothing created or grown


def test_read_only_store_refuses_memory():
    with pytest.raises(StoreError, match="in-memory"):
        Store(":memory:", read_only=True)


def test_read_only_uri_is_not_fooled_by_a_question_mark_in_the_name(tmp_path: Path):
    path = tmp_path / "odd?mode=rwc#x.db"
    build_site_store(path)
    with Store(path, read_only=True) as store:
        assert store.count_articles() == 3


def test_query_events_offset_skips_the_first(site_db: Path):
    with Store(site_db, read_only=True) as store:
        every = [e.event_id for e in store.query_events(EventFilter())]
        assert [e.event_id for e in store.query_events(EventFilter(offset=1))] == every[1:]
        assert [e.event_id for e in store.query_events(EventFilter(limit=1, offset=1))] == [
            every[1]]
        with pytest.raises(ValueError, match="offset"):
            store.query_events(EventFilter(offset=-1))


def test_iter_articles_offset_and_count_with_search(site_db: Path):
    with Store(site_db, read_only=True) as store:
        every = [a.id for a in store.iter_articles()]
        assert [a.id for a in store.iter_articles(offset=2)] == every[2:]
        assert store.count_articles("Libya") == len(list(store.iter_articles("Libya"))) == 3
        assert store.count_articles("zebra") == 0


def test_count_by_type_most_frequent_first(site_db: Path):
    with Store(site_db, read_only=True) as store:
        assert store.count_by_type(EventFilter()) == [("REJECT", 2), ("ACCUSE", 1),
                                                     ("CONSULT", 1)]
        assert store.count_by_type(EventFilter(types=("ACCUSE",))) == [("ACCUSE", 1)]


def test_get_story_by_id(site_db: Path):
    with Store(site_db, read_only=True) as store:
        assert store.get_story(STORY.story_id) == STORY
        assert store.get_story("nope") is None
