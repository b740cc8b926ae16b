"""Extraction in worker processes (newsevents.workers): the same results as one process, and
no worker left behind however the run ends."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from collections import deque
from concurrent.futures import Future
from collections.abc import Iterator
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


def single_chunks(texts: list[str]) -> Iterator[workers.Chunk]:
    return iter([workers.Chunk([Article(id=str(n), text=t)]) for n, t in enumerate(texts)])


def test_top_up_starts_the_longest_article_first_then_in_input_order() -> None:
    long = workers.CHUNK_CHARS + 1
    more = ["x" * 10] * (workers.WINDOW_PER_WORKER * 2)  # the input goes on past the window
    chunks = single_chunks(["x" * 10, "x" * 10, "x" * long, "x" * (long + 1), "x" * 10] + more)
    pool = RecordingPool()
    schedule = workers.Schedule(pool, 2)  # type: ignore[arg-type]
    window = schedule.window
    workers._top_up(schedule, chunks)
    assert pool.started == [["3"], ["2"]]  # IN_FLIGHT_PER_WORKER of them for the one process
    ids = [c.articles[0].id for c in window]
    assert ids[:5] == ["0", "1", "2", "3", "4"]  # read ahead, in order
    assert len(ids) == workers.WINDOW_PER_WORKER * 2


def test_top_up_shares_out_the_last_chunks() -> None:
    """With all the input read, a process gets a chunk only while the parent keeps as much to
    code, and chunks of several articles are cut into single articles."""
    pieces = [Article(id=f"p{n}", text="x" * 100) for n in range(3)]
    chunks = iter([workers.Chunk([Article(id="a", text="x" * 400)]), workers.Chunk(pieces)])
    pool = RecordingPool()
    schedule = workers.Schedule(pool, 2)  # type: ignore[arg-type]
    window = schedule.window
    workers._top_up(schedule, chunks)
    assert [[a.id for a in c.articles] for c in window] == [["a"], ["p0"], ["p1"], ["p2"]]
    assert pool.started == [["p0"]]  # "a" to the process would leave the parent 300 to its 400
    window.popleft()  # the parent coded "a" and yielded it
    assert window[0].future is not None
    window[0].future.set_result([])  # the process coded "p0"
    workers._top_up(schedule, chunks)
    assert pool.started == [["p0"], ["p1"]]  # "p2" stays for the parent


def test_fair_compares_each_process_with_the_parent() -> None:
    assert workers._fair(200, 100, 2)
    assert not workers._fair(201, 100, 2)
    assert workers._fair(0, 0, 1)


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
def test_the_parent_codes_chunks_while_its_process_starts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """With two workers the parent is one of them: it codes the chunks no process took."""
    monkeypatch.setattr(workers, "CHUNK_CHARS", 150)
    here: list[str] = []
    real = workers.extract

    def counted(chunk, settings, **kwargs):  # noqa: ANN001, ANN003
        here.extend(article.id for article in chunk)
        return real(chunk, settings, **kwargs)

    monkeypatch.setattr(workers, "extract", counted)
    given = articles() * 3
    found = list(extract(given, TWO, known=KNOWN))
    assert len(found) == len(given)
    assert here and len(here) < len(given)  # some here, the others in the process


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
    assert len(found) == len(given) and died
    assert all(isinstance(item, Extraction) or item in died or item.path == "bad"
               for item in found)  # "bad" fails to code wherever it is coded
    paths = [item.path if isinstance(item, Problem) else item.article.path for item in found]
    assert paths == [article.path or article.id for article in given]  # each once, in order
    assert multiprocessing.active_children() == []



def sigint_blocked(pid: int) -> bool:
    """Whether SIGINT is in the process's blocked signals (/proc/PID/status, SigBlk)."""
    for line in open(f"/proc/{pid}/status", encoding="ascii"):
        if line.startswith("SigBlk:"):
            return bool(int(line.split()[1], 16) >> (signal.SIGINT - 1) & 1)
    raise AssertionError(f"no SigBlk line for {pid}")


def alive(pid: int) -> bool:
    """Running, not merely a zombie waiting to be reaped."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False


LINUX = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")


@LINUX
@pytest.mark.model
def test_workers_start_with_ctrl_c_blocked_and_the_parent_does_not(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Ctrl-C reaches the whole process group; a worker still importing spaCy must not get it
    (it would print a traceback), and the parent must."""
    monkeypatch.setattr(workers, "CHUNK_CHARS", 1)  # one article a chunk: the process starts
    found = []
    for item in extract(articles() * 2, TWO):
        found.append(item)
        if len(found) == 1:
            children = [p.pid for p in multiprocessing.active_children()]
            assert len(children) == TWO.workers - 1  # the parent is the other worker
            assert all(sigint_blocked(pid) for pid in children if pid is not None)
    assert not sigint_blocked(os.getpid())


PARENT = """
import multiprocessing, sys, time
from newsevents.config import Settings
from newsevents.models import Article
from newsevents.pipeline import extract
items = extract([Article(f"a{n}", "Russia rejected the plan on Monday.") for n in range(6)],
                Settings(workers=2, batch_size=1))
next(items)
print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
time.sleep(120)
"""


@LINUX
@pytest.mark.model
def test_workers_end_when_their_parent_is_killed() -> None:
    """SIGKILL leaves the parent no chance to stop its workers: they must notice by themselves."""
    parent = subprocess.Popen([sys.executable, "-c", PARENT], stdout=subprocess.PIPE, text=True,
                              stderr=subprocess.DEVNULL)  # the resource tracker's leak notice
    try:
        children = [int(pid) for pid in parent.stdout.readline().split()]  # type: ignore[union-attr]
        assert len(children) == 1 and all(alive(pid) for pid in children)  # workers=2: parent+1
        parent.kill()
        parent.wait()
        deadline = time.monotonic() + 10 * workers.PARENT_CHECK_SECONDS + 5
        while any(alive(pid) for pid in children) and time.monotonic() < deadline:
            time.sleep(0.05)
        left = [pid for pid in children if alive(pid)]
        for pid in left:  # do not leave them to the next test
            os.kill(pid, signal.SIGKILL)
        assert left == []
    finally:
        parent.kill()
        parent.wait()


def test_auto_workers_start_a_pool_only_for_a_run_worth_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from newsevents import pipeline
    from newsevents.config import AUTO_WORKERS

    monkeypatch.setattr(pipeline, "cores", lambda: 4)
    auto = Settings(workers=AUTO_WORKERS)
    few = [Article(id="a", text="x" * 1000)]
    many = [Article(id=str(n), text="x" * 10_000) for n in range(pipeline.POOL_MIN_CHARS // 10_000)]
    assert pipeline.worker_count(auto, few) == 1
    assert pipeline.worker_count(auto, many) == 4
    assert pipeline.worker_count(TWO, few) == 2  # asked for: always


def test_early_pool_starts_nothing_for_one_process_or_a_little_input(tmp_path: Any) -> None:
    from newsevents import pipeline
    from newsevents.config import AUTO_WORKERS
    from newsevents.store import Store

    small = tmp_path / "small.txt"
    small.write_text("Russia condemned the strikes.")
    big = tmp_path / "big.txt"
    big.write_text("x" * pipeline.POOL_MIN_CHARS)
    with Store(tmp_path / "news.db") as store:
        assert pipeline.early_pool(Settings(), store, [str(big)]) is None  # workers=1
        assert pipeline.early_pool(Settings(workers=AUTO_WORKERS), store, [str(small)]) is None
        assert multiprocessing.active_children() == []
        if os.cpu_count() and os.cpu_count() > 1:  # type: ignore[operator]
            pool = pipeline.early_pool(Settings(workers=AUTO_WORKERS), store, [str(big)])
            assert pool is not None
            with pool:
                assert len(multiprocessing.active_children()) == pool.workers - 1  # started now
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_extract_pending_codes_with_the_early_pool_only_for_the_same_known_actors(
    tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from newsevents import pipeline
    from newsevents.store import Store

    made: list[workers.Pool] = []
    monkeypatch.setattr(workers.Pool, "__init__", recording(workers.Pool.__init__, made))
    for number, text in enumerate(TEXTS):
        (tmp_path / f"a{number}.txt").write_text(text)
    with Store(tmp_path / "news.db") as store:
        pool = pipeline.early_pool(TWO, store, [str(tmp_path)])
        assert pool is not None and len(made) == 1
        with pool:
            pipeline.ingest([str(tmp_path)], store)
            report = pipeline.extract_pending(store, TWO, pool=pool)
        assert len(made) == 1  # coded by its processes
        stored = [event.to_json() for event in store.iter_events()]
    with Store(tmp_path / "one.db") as one:
        pipeline.ingest([str(tmp_path)], one)
        alone = pipeline.extract_pending(one, Settings())
        assert [event.to_json() for event in one.iter_events()] == stored
    assert report.articles == alone.articles > 1 and report.events == alone.events > 1
    with Store(tmp_path / "other.db") as store, workers.Pool(TWO, KNOWN) as other:
        pipeline.ingest([str(tmp_path)], store)
        report = pipeline.extract_pending(store, TWO, pool=other)  # made for other actors
        assert report.articles == alone.articles and len(made) == 3  # so it made its own


def recording(init: Any, made: list[Any]) -> Any:
    def record(self: Any, *args: Any, **kwargs: Any) -> None:
        made.append(self)
        init(self, *args, **kwargs)

    return record


def test_a_process_gets_the_next_chunk_as_soon_as_one_of_its_own_is_done() -> None:
    """The feeder thread starts chunks while the parent is busy (coding a chunk of its own)."""
    pool = RecordingPool()
    schedule = workers.Schedule(pool, 2)  # type: ignore[arg-type]
    schedule.window.extend(single_chunks(["x" * 10] * 4))
    schedule.feeder.start()
    try:
        with schedule.lock:
            schedule.start()
        assert pool.started == [["0"], ["1"]]  # IN_FLIGHT_PER_WORKER for the one process
        schedule.window[0].future.set_result([])  # type: ignore[union-attr]
        deadline = time.monotonic() + 10
        while len(pool.started) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool.started == [["0"], ["1"], ["2"]]  # no call from the parent needed
    finally:
        schedule.stop()
    assert not schedule.feeder.is_alive()
    with schedule.lock:
        schedule.start()
    assert len(pool.started) == 3  # stopped: nothing more is started


def test_at_the_end_the_parent_takes_the_longest_and_its_chunk_counts_as_its_own() -> None:
    pool = RecordingPool()
    schedule = workers.Schedule(pool, 2)  # type: ignore[arg-type]
    schedule.window.extend(single_chunks(["x" * 100, "x" * 300, "x" * 200]))
    schedule.ending = True
    with schedule.lock:
        mine = schedule.claim()
    assert mine is not None and mine.articles[0].id == "1" and not mine.waiting
    with schedule.lock:
        schedule.start()
    assert pool.started == [["2"], ["0"]]  # 300 for the process as for the parent
    with schedule.lock:
        mine.local = []  # the parent coded "1"; the process coded "2" and still has "0"
        schedule.parent_chars = 0
        schedule.window[2].future.set_result([])  # type: ignore[union-attr]
        schedule.window.append(workers.Chunk([Article(id="3", text="x" * 50)]))
        schedule.start()
    assert len(pool.started) == 2  # "3" would leave the parent nothing against the process's 100


@pytest.mark.model
def test_a_released_pool_lets_its_processes_end_before_it_is_closed() -> None:
    with workers.Pool(TWO) as pool:
        processes = multiprocessing.active_children()
        assert len(processes) == 1
        list(extract(articles(), TWO, pool=pool))
        pool.release()
        for process in processes:
            process.join(timeout=30)
        assert not any(process.is_alive() for process in processes)
    assert multiprocessing.active_children() == []


@pytest.mark.model
def test_run_starts_coding_before_its_ingest_ends(tmp_path: Any,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from newsevents import pipeline
    from newsevents.store import Store

    monkeypatch.setattr(workers, "READ_PATIENCE", 0.0)  # start each chunk as it is read
    steps: list[str] = []
    submit, read = workers._submit, pipeline.ingest_batches

    def started(executor: Any, chunk: list[Article]) -> Any:
        if chunk:  # not the warm-up of a process being started
            steps.append("start")
        return submit(executor, chunk)

    def reading(*args: Any, **kwargs: Any) -> Any:
        for batch in read(*args, **kwargs):
            steps.append("batch")
            yield batch

    monkeypatch.setattr(workers, "_submit", started)
    monkeypatch.setattr(pipeline, "ingest_batches", reading)
    (tmp_path / "in").mkdir()
    for number, text in enumerate(TEXTS):
        (tmp_path / "in" / f"a{number}.txt").write_text(f"Report {number}\n\n{text}")
    with Store(tmp_path / "news.db") as store:
        report = pipeline.run([str(tmp_path / "in")], store, Settings(workers=2, batch_size=1))
    assert report.coded.articles == len(TEXTS)
    assert steps.count("batch") == len(TEXTS)
    assert steps[:2] == ["batch", "start"]  # a process took the first batch before the next


def test_a_feeder_that_fails_stops_and_leaves_its_error_to_the_parent() -> None:
    class Refusing(RecordingPool):
        def submit(self, fn: Any, articles: list[Article]) -> Future[Any]:
            if len(self.started) == 2:
                raise RuntimeError("cannot schedule new futures after shutdown")
            return super().submit(fn, articles)

    pool = Refusing()
    schedule = workers.Schedule(pool, 2)  # type: ignore[arg-type]
    schedule.window.extend(single_chunks(["x" * 10] * 4))
    schedule.feeder.start()
    with schedule.lock:
        schedule.start()
    schedule.window[0].future.set_result([])  # type: ignore[union-attr]
    schedule.feeder.join(timeout=10)
    assert not schedule.feeder.is_alive()
    assert isinstance(schedule.error, RuntimeError)  # _extract raises it in the parent
    schedule.stop()
