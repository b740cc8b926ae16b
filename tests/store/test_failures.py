"""An article the coder failed on is recorded, and not pending again until the coder changes."""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import Article
from newsevents.store import Store


def _store(tmp_path: Path) -> Store:
    store = Store(tmp_path / "x.db")
    articles = [Article(id="a1", text="Talks resumed in Doha on Monday after a long pause."),
                Article(id="a2", text="Rebels shelled the port of Misrata on Tuesday night.")]
    store.add_articles([(a, signature(a.text)) for a in articles], band_keys=band_keys)
    return store


def test_a_failed_article_is_not_pending_for_the_same_coder(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.record_failure("a1", "v1", "extraction failed: ValueError('E088')")
        assert [a.id for a in store.pending_articles("v1")] == ["a2"]
        assert [a.id for a in store.pending_articles("v2")] == ["a1", "a2"]
        assert store.failures() == [("a1", "v1", "extraction failed: ValueError('E088')")]
        assert store.stats()["failed extractions"] == 1


def test_a_success_clears_the_failure(tmp_path: Path) -> None:
    with _store(tmp_path) as store:
        store.record_failure("a1", "v1", "boom")
        store.replace_extraction("a1", [], [], "v2")
        assert store.failures() == []
        assert store.extraction_version("a1") == "v2"
