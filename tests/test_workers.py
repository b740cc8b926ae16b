"""Extraction in worker processes (newsevents.workers): the same results as one process, and
no worker left behind however the run ends."""

from __future__ import annotations

import multiprocessing
import os
import signal
from collections import deque
from concurrent.futures import Future
from typing import Any

import pytest

from newsevents import workers
from newsevents.actors import LearnedActor
from newsevents.config import Settings
from newsevents.errors import ModelError
from newsevents.models import Article, Problem
from newsevents.pipeline import Extraction, extract

GHOGA = LearnedActor("Abdel Hafiz Ghoga", ("Ghoga",), "LBY", "REB")
KNOWN = {GHOGA.name: GHOGA.to_entry()}
TEXTS = (
    "Russia on Wednesday turned down an invitation from Turkey to join the talks.",
    "Russia condemns strikes on Libya\n\nMOSCOW, March 21, 2011 (Wire) - Russia on Monday "
    "condemned the air strikes on Libya, the foreign ministry said.",
    "CAIRO, March 5, 2014 (Wire) - US Secretary of State John Kerry met Egyptian Foreign "
    "Minister Nabil Fahmy in Cairo on Wednesday. \"We discussed the elections,\" Kerry said.",
    "Ghoga on Monday rejected an offer of talks from the government in Tripoli.",
    "Turkey hosted talks with Iran in Ankara on Tuesday, the foreign ministry said.",
)
TWO = Settings(workers=2)


def articles() -> list[Article]:
    found = [Article(id=f"a{number}", text=text, path=f"a{number}.txt")
             for number, text in enumerate(TEXTS)]
    # coding fails on a date that is no DateValue: a Problem in either path
    found.insert(2, Article(id="bad", text=TEXTS[0], published="2011"))  # type: ignore[arg-type]
    return found


def outcome(item: Extraction | Problem) -> Any:
    if isinstance(item, Problem):
        return item
    return (item.article, [e.to_json() for e in item.events], [q.to_json() for q in item.quotes],
            item.learned)


@pytest.mark.parametrize(
    ("lengths", "size", "chars", "expected"),
    [
        ([], 4, 10, []),
        ([3, 3, 3], 2, 100, [[3, 3], [3]]),
        ([4, 4, 4], 10, 8, [[4, 4], [4]]),
        ([2, 20, 2], 10, 8, [[2], [20], [2]]),  # a longer article alone
    ],
)
def test_chunked_bounds_articles_and_characters(
    lengths: list[int], size: int, chars: int, expected: list[list[int]]
) -> None:
    found = workers.chunked([Article(id=str(n), text="x" * n) for n in lengths], size, chars)
    assert [[len(a.text) for a in chunk] for chunk in found] == expected


class RecordingPool:
    """Stands in for the ProcessPoolExecutor: records what is started, runs nothing."""

    def __init__(self) -> None:
        self.started: list[list[str]] = []

    def submit(self, fn: Any, articles: list[Article]) -> Future[Any]:
        self.started.append([a.id for a in articles])
        return Future()


def test_top_up_starts_a_long_article_first_then_in_input_order() -> None:
    texts = ["x" * 10, "x" * 10, "x" * 10, "x" * (workers.CHUNK_CHARS + 1), "x" * 10]
    chunks = iter([workers.Chunk([Article(id=str(n), text=t)]) for n, t in enumerate(texts)])
    window: deque[workers.Chunk] = deque()
    pool = RecordingPool()
    workers._top_up(pool, chunks, window, 1)  # type: ignore[arg-type]
    assert pool.started == [["3"], ["0"]]  # IN_FLIGHT_PER_WORKER of them
    assert [c.articles[0].id for c in window] == ["0", "1", "2", "3", "4"]  # read ahead, in order


def test_extract_in_pool_raises_a_worker_setup_error() -> None:
    with pytest.raises(ModelError):
        list(extract(articles(), TWO.with_(model_names=("no_such_model_xyz",))))
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_extract_with_two_workers_gives_what_one_process_gives(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "CHUNK_CHARS", 150)  # several chunks, so order is at stake
    one = [outcome(item) for item in extract(articles(), Settings(), known=KNOWN)]
    two = [outcome(item) for item in extract(articles(), TWO, known=KNOWN)]
    assert two == one
    assert [item.path for item in two if isinstance(item, Problem)] == ["bad"]
    ghoga = next(item[1] for item in two if isinstance(item, tuple) and item[0].id == "a3")
    assert ghoga[0]["actors"][0]["name"] == GHOGA.name  # ``known`` reached the workers


@pytest.mark.model
@pytest.mark.parametrize("error", [RuntimeError, KeyboardInterrupt])
def test_extract_in_pool_leaves_no_worker_after_an_exception_in_the_loop(
    error: type[BaseException],
) -> None:
    def consume() -> None:
        for _ in extract(articles() * 4, TWO):
            assert multiprocessing.active_children()
            raise error("the consumer fails")

    with pytest.raises(error, match="consumer fails"):
        consume()
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_extract_in_pool_reports_the_articles_of_a_killed_worker(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "CHUNK_CHARS", 1)  # one article a chunk
    given = articles() * 3
    found = []
    for item in extract(given, TWO):
        if not found:
            for process in multiprocessing.active_children():
                os.kill(process.pid, signal.SIGKILL)  # type: ignore[arg-type]
        found.append(item)
    died = [item for item in found if isinstance(item, Problem) and "died" in item.message]
    assert len(found) == len(given) and died and found[-1] in died
    assert multiprocessing.active_children() == []

