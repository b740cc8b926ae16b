"""A failing article is recorded as failed and not retried forever (issue #13); the others are
coded."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import Article
from newsevents.store import Store

pytestmark = pytest.mark.model

ARTICLES = [Article(id="good", text="Russia on Monday rejected the plan for talks in Doha."),
            Article(id="bad", text="Turkey on Tuesday hosted talks with Iran in Ankara.")]


def test_a_failing_article_is_recorded_and_not_retried(tmp_path: Path, monkeypatch) -> None:
    real = pipeline.code_article

    def flaky(doc, article, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if article.id == "bad":
            raise ValueError("the coder broke on this one")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(pipeline, "code_article", flaky)
    with Store(tmp_path / "x.db") as store:
        store.add_articles([(a, signature(a.text)) for a in ARTICLES], band_keys=band_keys)
        first = pipeline.extract_pending(store, Settings())
        second = pipeline.extract_pending(store, Settings())
        failures = store.failures()
    assert first.articles == 1 and len(first.problems) == 1
    assert [(article_id, "broke" in error) for article_id, _, error in failures] == [
        ("bad", True)]
    assert second.articles == 0 and not second.problems  # not tried again
