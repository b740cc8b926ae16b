"""A coding pass stopped after any article and run again stores exactly what one pass stores:
the actors the stopped pass learned stay staged, unknown to the re-run, and are merged with the
re-run's own at its end (tests/reliability/test_kill.py kills a real `newsevents run`; this one
stops the pass in-process, after chosen articles)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.models import Problem
from newsevents.store import Store

from tests.reliability import CORPUS_ARTICLES, LEARNERS, make_corpus, store_rows


class Stop(Exception):
    """Stands in for the kill: the pass ends before the next article is stored."""


def stopped_after(count: int) -> pipeline.ExtractCallback:
    seen: list[pipeline.Extraction | Problem] = []

    def on_item(item: pipeline.Extraction | Problem) -> None:
        if len(seen) == count:
            raise Stop
        seen.append(item)

    return on_item


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> str:
    return str(make_corpus(tmp_path_factory.mktemp("corpus") / "articles"))


@pytest.fixture(scope="module")
def one_pass(corpus: str, tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("one") / "one.db"
    with Store(path) as store:
        pipeline.run([corpus], store)
    return path


@pytest.mark.model
def test_the_corpus_codes_its_learners_differently_once_their_actors_are_known(
    corpus: str, one_pass: Path
) -> None:
    """Without this, a leak of learned actors into a re-run could not show in the tests below."""
    with Store(one_pass, read_only=True) as store:
        known = pipeline.known_actors(store)
        learners = [a for a in store.iter_articles() if Path(a.path or "").name in LEARNERS]
        stored = [[e.to_json() | {"cluster_id": None} for e in store.iter_events(article_id=a.id)]
                  for a in learners]
    assert {"Abdel Hafiz Ghoga", "Ayman Nour"} <= set(known)
    recoded = [[e.to_json() for e in item.events]  # type: ignore[union-attr]
               for item in pipeline.extract(learners, known=known)]
    assert len(learners) == 2 and all(a != b for a, b in zip(recoded, stored, strict=True))


@pytest.mark.model
@pytest.mark.parametrize("coded", [1, 2, 5, 13, 22, 30])
def test_a_pass_stopped_after_some_articles_then_run_again_stores_what_one_pass_stores(
    corpus: str, one_pass: Path, tmp_path: Path, coded: int
) -> None:
    path = tmp_path / "stopped.db"
    with Store(path) as store:
        pipeline.ingest([corpus], store)
        with pytest.raises(Stop):
            pipeline.extract_pending(store, on_item=stopped_after(coded))
        assert store.known_actors() == []  # staged, not known
        assert len(store.pending_articles(pipeline.CODER_VERSION)) == CORPUS_ARTICLES - coded
    with Store(path) as store:
        pipeline.run([corpus], store)
        assert store.staged_sightings() == 0
    assert store_rows(path) == store_rows(one_pass)


@pytest.mark.model
def test_a_pass_with_two_workers_stores_what_one_process_stores(corpus: str, one_pass: Path,
                                                                 tmp_path: Path) -> None:
    path = tmp_path / "two.db"
    with Store(path) as store:
        pipeline.run([corpus], store, Settings(workers=2))
    assert store_rows(path) == store_rows(one_pass)


@pytest.mark.model
@pytest.mark.parametrize("coded", [3, 13])
def test_a_pass_coding_while_it_ingests_stopped_then_run_again_stores_what_one_pass_stores(
    corpus: str, one_pass: Path, tmp_path: Path, coded: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``run`` with worker processes codes each ingested batch while the next is read: stopped
    part-way, some articles are stored and not coded, others not even read."""
    from newsevents import workers

    monkeypatch.setattr(workers, "WINDOW_PER_WORKER", 1)  # read two chunks ahead, not all
    path = tmp_path / "stopped.db"
    settings = Settings(workers=2, batch_size=4)  # several batches: the ingest is half done
    with Store(path) as store, workers.Pool(settings) as pool:
        read = pipeline.IngestReport()
        batches = pipeline.ingest_batches([corpus], store, read, settings)
        with pytest.raises(Stop):
            pipeline.extract_pending(store, settings, pool=pool, incoming=batches,
                                     on_item=stopped_after(coded))
        assert coded <= len(read.new) < CORPUS_ARTICLES  # stopped before the ingest ended
    with Store(path) as store:
        pipeline.run([corpus], store, settings)
        assert store.staged_sightings() == 0
    assert store_rows(path) == store_rows(one_pass)
