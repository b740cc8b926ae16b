"""Extraction in worker processes that parse *and* code (``settings.workers`` > 1).

With spaCy's own ``n_process`` only the parsing is parallel: every Doc is serialised back to
the parent, which codes the articles one at a time (about a fifth of the work). Here each worker
loads the model and the knowledge base once and turns a chunk of articles into Extractions (or a
Problem per failed article) with the one-process ``pipeline.extract``, so the results are the
ones a single process gives and only small frozen dataclasses cross the process boundary. The
parent reads the input, cuts it into chunks and yields the results in input order.

* The parent is one of the ``workers``: it starts ``workers - 1`` processes and, whenever the
  next result it must yield is not ready, codes the first chunk no process has taken. So no
  core waits while a process imports spaCy (about 1.3 s), and two workers cost one model load
  more than one, not two.
* The processes never wait for the parent: a feeder thread in the parent starts the next chunk
  on a process the moment one of its chunks is done, while the parent codes a chunk of its own
  (:class:`Schedule`).

* Workers are started with "spawn": forking a process that already runs spaCy's and BLAS's
  threads can deadlock. They ignore Ctrl-C; the parent stops them. They are started with
  SIGINT blocked, so a Ctrl-C while one is still importing spaCy prints no traceback from it.
* A worker ends itself as soon as its parent is gone: a parent killed with SIGKILL cannot stop
  its workers, which would otherwise wait for work forever (a thread in each compares
  ``os.getppid()`` with the parent's id a few times a second).
* Memory stays bounded: a chunk holds at most ``CHUNK_CHARS`` characters (a longer article goes
  alone and is parsed in pieces, ``nlp.pieces``); at most ``IN_FLIGHT_PER_WORKER`` chunks per
  worker are started and not done; the parent reads at most ``WINDOW_PER_WORKER`` chunks per
  worker ahead of the first one not yet yielded.
* Within that window long articles are started first, longest first: left in its place one
  could end up running alone at the end of the run while the other workers have nothing left
  to do. The window is wide (``WINDOW_PER_WORKER`` chunks, 800,000 characters a worker) so
  that a long article is seen early.
* The end of the input is shared out: once it is all read and little is left, the last
  chunks are cut into single articles and coded longest first (by the parent too), and a
  process is given one only while the parent keeps as much to code itself, so neither waits
  long for the other at the end.
* A :class:`Pool` can be made before there is anything to code: ``newsevents run`` makes one
  (``pipeline.early_pool``) before its ingest, so the processes load the model meanwhile, and
  gives it the articles as each batch is stored: when reading the input is slow, chunks are
  started as they come, so the processes code while the parent still reads and stores.
  :meth:`Pool.release` lets the processes exit while the parent links and places stories.
* A worker that dies (killed, out of memory) breaks the pool: every article not coded by then
  becomes a Problem (the parent codes nothing more; what it had coded is kept), and the run
  ends. However the parent leaves (end, exception, Ctrl-C, a consumer that stops early), the
  pool is shut down and its processes joined; unless it ran to the end, the workers are
  terminated first.
* As with any "spawn" pool, a script that codes with several workers must guard its entry
  point (``if __name__ == "__main__":``): each worker imports the main module again.
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass
from itertools import islice

from newsevents.actors import KBEntry
from newsevents.config import Settings
from newsevents.models import Article, Problem
from newsevents.coding import Extraction
from newsevents.pipeline import extract

CHUNK_CHARS = 25_000  # small enough that the last chunks spread over the workers evenly
IN_FLIGHT_PER_WORKER = 2
WINDOW_PER_WORKER = 32
START_METHOD = "spawn"
PARENT_CHECK_SECONDS = 0.2  # how often a worker looks whether its parent is still there
READ_PATIENCE = 0.05  # seconds of reading ahead after which chunks are started as they come

Result = Extraction | Problem

# Set in each worker process by its initializer, never in the parent.
_job: tuple[Settings, Mapping[str, KBEntry] | None] | None = None


@dataclass(slots=True)
class Chunk:
    """Consecutive articles coded by one call in a worker; ``future`` once it is started."""

    articles: list[Article]
    future: Future[list[Result]] | None = None
    local: list[Result] | None = None  # coded by the parent itself
    taken: bool = False  # the parent is coding it

    @property
    def chars(self) -> int:
        return sum(len(article.text) for article in self.articles)

    @property
    def long(self) -> bool:
        return len(self.articles) == 1 and len(self.articles[0].text) > CHUNK_CHARS

    @property
    def running(self) -> bool:
        return self.future is not None and not self.future.done()

    @property
    def waiting(self) -> bool:
        return self.future is None and self.local is None and not self.taken

    @property
    def done(self) -> bool:
        return self.local is not None or (self.future is not None and self.future.done())

    def results(self) -> list[Result]:
        """Its results; BrokenProcessPool when a worker died before it was coded."""
        if self.local is not None:
            return self.local
        if self.future is None:
            raise BrokenProcessPool("a worker process died before this chunk was started")
        return self.future.result()


class Pool:
    """The worker processes of :func:`extract_in_pool` (``settings.workers - 1`` of them; the
    parent is the last worker), started as soon as the pool is made, each loading the model
    and the knowledge base. Made before there is anything to code (``pipeline.early_pool``
    makes one before an ingest), they load while the parent reads the input. Close it (or use
    it as a context manager): processes still busy are stopped."""

    def __init__(self, settings: Settings, known: Mapping[str, KBEntry] | None = None) -> None:
        self.settings, self.known = settings, known
        self.workers = max(2, settings.workers)
        self.executor = ProcessPoolExecutor(
            self.workers - 1, mp_context=multiprocessing.get_context(START_METHOD),
            initializer=_start_worker, initargs=(settings, known, os.getpid()))
        self._started: list[Future[list[Result]]] = []
        self.idle = True  # no extraction left chunks running (one that ended early may have)
        for _ in range(self.workers - 1):  # start the processes now, not at the first chunk
            self._started.append(_submit(self.executor, []))

    def release(self) -> None:
        """No more work for this pool: its processes exit as soon as they are idle, while the
        caller goes on (linking, stories); :meth:`close` then only joins them."""
        if self.idle and all(future.done() for future in self._started):
            self.executor.shutdown(wait=False)

    def close(self, *, finished: bool = True) -> None:
        """Join the processes; stop them first unless ``finished`` and none is busy."""
        busy = not self.idle or not all(future.done() for future in self._started)
        _close(self.executor, finished=finished and not busy)

    def __enter__(self) -> Pool:
        return self

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        self.close(finished=kind is None)


def extract_in_pool(
    articles: Iterable[Article], settings: Settings, *, known: Mapping[str, KBEntry] | None = None,
    pool: Pool | None = None,
) -> Iterator[Result]:
    """What ``pipeline.extract`` yields, in the same order, coded by ``settings.workers``
    processes: those of ``pool`` when given (its owner closes it), else a pool of its own."""
    if pool is not None:
        yield from _extract(articles, pool)
        return
    own = Pool(settings, known)
    finished = False
    try:
        yield from _extract(articles, own)
        finished = True
    finally:
        own.close(finished=finished)


def _extract(articles: Iterable[Article], pool: Pool) -> Iterator[Result]:
    chunks = (Chunk(c) for c in chunked(articles, pool.settings.batch_size, CHUNK_CHARS))
    schedule = Schedule(pool.executor, pool.workers)
    alone = pool.settings.with_(workers=1)
    broken: BrokenProcessPool | None = None
    pool.idle = False
    schedule.feeder.start()
    try:
        while True:
            if schedule.error is not None:
                raise schedule.error
            if broken is None:
                _top_up(schedule, chunks)
            with schedule.lock:
                if not schedule.window:
                    break
                head = schedule.window[0]
                mine = schedule.claim() if broken is None and not head.done else None
                running = [c.future for c in schedule.window if c.running]
            if mine is not None:  # the parent's turn: code it here
                mine.local = list(extract(mine.articles, alone, known=pool.known))
                schedule.parent_chars = 0
                continue
            if broken is None and not head.done:
                wait(running, return_when=FIRST_COMPLETED)
                continue
            with schedule.lock:
                chunk = schedule.window.popleft()
            try:
                results: Iterable[Result] = chunk.results()
            except BrokenProcessPool as exc:  # a worker died: this chunk and the rest fail
                if broken is None:
                    broken = exc
                    schedule.stop()  # start nothing more
                results = _not_coded(chunk.articles, exc)
            yield from results
        if broken is not None:
            yield from _not_coded((a for chunk in chunks for a in chunk.articles), broken)
        pool.idle = True
    finally:
        schedule.stop()
        for chunk in schedule.window:  # left early: what was started and not taken is not wanted
            if chunk.future is not None:
                chunk.future.cancel()


class Schedule:
    """Who codes which chunk of the window (the chunks read ahead, in input order). The parent
    thread reads the input, codes chunks itself (:meth:`claim`) and yields the results in
    order; a feeder thread starts chunks on the processes (:meth:`start`) the moment one of
    theirs is done, so a process never waits for the parent to finish a chunk of its own."""

    def __init__(self, executor: ProcessPoolExecutor, workers: int) -> None:
        self.executor, self.workers = executor, workers
        self.window: deque[Chunk] = deque()
        self.ending = False  # the input is all in the window, and little of it is left
        self.parent_chars = 0  # the chunk the parent is coding (it counts as the parent's)
        self.lock = threading.Lock()
        self._wake = threading.Event()
        self._stopped = False
        self.error: BaseException | None = None  # what stopped the feeder thread
        self.feeder = threading.Thread(target=self._feed, name="newsevents-feeder", daemon=True)

    def claim(self) -> Chunk | None:
        """The waiting chunk the parent codes next (with the lock held): the first one that is
        not a long article (those are for the processes, unless only they are left); at the
        end (:func:`_top_up`), the longest, so that the run ends on short ones."""
        waiting = [chunk for chunk in self.window if chunk.waiting]
        if not waiting:
            return None
        if self.ending:
            mine = max(waiting, key=lambda chunk: chunk.chars)  # the first of the longest
        else:
            mine = next((chunk for chunk in waiting if not chunk.long), waiting[0])
        mine.taken = True
        self.parent_chars = mine.chars
        return mine

    def start(self) -> None:
        """Start chunks on the processes until each has ``IN_FLIGHT_PER_WORKER`` (with the lock
        held): long articles first (longest first), else in input order; at the end
        (:func:`_top_up`), the longest first, and only while that leaves the parent as much to
        code as each process has before it (:func:`_fair`; the chunk the parent is coding
        counts as its own): the end is shared out, not queued behind other chunks while the
        parent waits."""
        if self._stopped:
            return
        processes = self.workers - 1
        free = IN_FLIGHT_PER_WORKER * processes - sum(chunk.running for chunk in self.window)
        waiting = [chunk for chunk in self.window if chunk.waiting]
        if self.ending:
            waiting.sort(key=lambda chunk: -chunk.chars)  # stable: else input order
        else:
            waiting.sort(key=lambda chunk: -chunk.chars if chunk.long else 0)
        started = sum(chunk.chars for chunk in self.window if chunk.running)
        left = sum(chunk.chars for chunk in waiting) + self.parent_chars
        for chunk in waiting[:max(0, free)]:
            if self.ending and not _fair(started + chunk.chars, left - chunk.chars, processes):
                continue
            chunk.future = _submit(self.executor, chunk.articles)
            chunk.future.add_done_callback(self._done)
            started, left = started + chunk.chars, left - chunk.chars

    def stop(self) -> None:
        """Start nothing more; the feeder thread ends (joined unless this is it)."""
        with self.lock:
            self._stopped = True
        self._wake.set()
        if self.feeder.is_alive() and self.feeder is not threading.current_thread():
            self.feeder.join()

    def _done(self, _future: Future[list[Result]]) -> None:
        self._wake.set()  # only that: a done-callback runs in the executor's own thread

    def _feed(self) -> None:
        while True:
            self._wake.wait()
            self._wake.clear()
            with self.lock:
                if self._stopped:
                    return
                try:
                    self.start()
                except BaseException as exc:  # noqa: BLE001 - the parent raises it (_extract)
                    self.error, self._stopped = exc, True
                    return


def _top_up(schedule: Schedule, chunks: Iterator[Chunk]) -> None:
    """Read ahead to fill the window (``WINDOW_PER_WORKER`` chunks a worker) and start what the
    processes can take (:meth:`Schedule.start`): once the window is read when reading is quick
    (long articles first, whatever their place in it), else as each chunk comes (input read
    while it is stored, ``pipeline.run``). The end comes once the input is all read and little
    is left to code: the last chunks are cut into single articles, to share it out evenly."""
    wanted = WINDOW_PER_WORKER * schedule.workers - len(schedule.window)
    began, read = time.monotonic(), 0
    for chunk in islice(chunks, max(0, wanted)):
        read += 1
        with schedule.lock:
            schedule.window.append(chunk)
            if time.monotonic() - began >= READ_PATIENCE:
                schedule.start()
    with schedule.lock:
        window = schedule.window
        left = sum(chunk.chars for chunk in window if chunk.waiting)
        if read < wanted and left <= 2 * CHUNK_CHARS * schedule.workers:  # all read, little left
            schedule.ending = True
            _split(window)
        schedule.start()


def _split(window: deque[Chunk]) -> None:
    """Cut the waiting chunks of several articles into chunks of one article, in place."""
    chunks = list(window)
    window.clear()
    for chunk in chunks:
        if chunk.waiting and len(chunk.articles) > 1:
            window.extend(Chunk([article]) for article in chunk.articles)
        else:
            window.append(chunk)


def _fair(started: int, left: int, processes: int) -> bool:
    """Whether ``processes`` with ``started`` characters to code between them finish no later
    than the parent coding the ``left`` characters not started (characters stand for time)."""
    return started <= processes * left


def _submit(pool: ProcessPoolExecutor, articles: list[Article]) -> Future[list[Result]]:
    try:
        with _sigint_blocked():  # a submit may start a worker process
            return pool.submit(code_chunk, articles)
    except BrokenProcessPool as exc:  # a worker died since the last look: fail in turn
        future: Future[list[Result]] = Future()
        future.set_exception(exc)
        return future


@contextmanager
def _sigint_blocked() -> Iterator[None]:
    """Block SIGINT in this thread meanwhile: a process started now inherits the mask, so it
    cannot be interrupted half-way through its imports; a Ctrl-C that comes meanwhile reaches
    this process when the block ends."""
    if not hasattr(signal, "pthread_sigmask"):  # Windows
        yield
        return
    before = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, before)


def _close(pool: ProcessPoolExecutor, *, finished: bool) -> None:
    """Join the workers. After an error, an interrupt or a consumer that stopped early, stop
    them first: a long article could keep one busy for minutes."""
    if not finished and hasattr(pool, "terminate_workers"):  # Python 3.14
        pool.terminate_workers()
    elif not finished:
        for process in list((getattr(pool, "_processes", None) or {}).values()):
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)


def _not_coded(articles: Iterable[Article], exc: BaseException) -> Iterator[Problem]:
    for article in articles:
        yield Problem(article.path or article.id,
                      f"extraction failed: a worker process died: {exc!r}")


def chunked(articles: Iterable[Article], size: int, chars: int) -> Iterator[list[Article]]:
    """Consecutive chunks of at most ``size`` articles and ``chars`` characters of text (a
    longer article alone)."""
    chunk: list[Article] = []
    total = 0
    for article in articles:
        if chunk and total + len(article.text) > chars:
            yield chunk
            chunk, total = [], 0
        chunk.append(article)
        total += len(article.text)
        if len(chunk) >= size:  # full: given at once, not when the next article is read
            yield chunk
            chunk, total = [], 0
    if chunk:
        yield chunk


def _start_worker(settings: Settings, known: Mapping[str, KBEntry] | None, parent: int) -> None:
    """Runs once in each worker: keep what every chunk needs; leave Ctrl-C to the parent; end
    when the parent is gone."""
    global _job
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _job = (settings, known)
    threading.Thread(target=_end_with_parent, args=(parent,), name="parent-watch",
                     daemon=True).start()


def _end_with_parent(parent: int) -> None:
    """In a worker: exit at once when ``parent`` is no longer this process's parent (it died and
    the worker was handed to another), whether the worker waits for work or codes a chunk."""
    while os.getppid() == parent:
        time.sleep(PARENT_CHECK_SECONDS)
    os._exit(1)


def code_chunk(articles: Sequence[Article]) -> list[Result]:
    """In a worker: the one-process extraction of ``articles`` (the first chunk loads the model
    and the knowledge base; they stay cached for the others)."""
    if _job is None:
        raise RuntimeError("code_chunk runs only in a worker started by extract_in_pool")
    settings, known = _job
    return list(extract(articles, settings.with_(workers=1), known=known))
