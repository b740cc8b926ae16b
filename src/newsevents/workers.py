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
* The end of the input is shared out: once it is all read, the last chunks are cut into
  single articles, and a process is given one only while the parent keeps as much to code
  itself, so neither waits long for the other at the end.
* A :class:`Pool` can be made before there is anything to code: ``newsevents run`` makes one
  (``pipeline.early_pool``) before its ingest, so the processes load the model meanwhile.
* A worker that dies (killed, out of memory) breaks the pool: the articles not coded by then
  become Problems, every article after them too, and the run ends. However the parent leaves
  (end, exception, Ctrl-C, a consumer that stops early), the pool is shut down and its
  processes joined; unless it ran to the end, the workers are terminated first.
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
from newsevents.pipeline import Extraction, extract

CHUNK_CHARS = 25_000  # small enough that the last chunks spread over the workers evenly
IN_FLIGHT_PER_WORKER = 2
WINDOW_PER_WORKER = 32
START_METHOD = "spawn"
PARENT_CHECK_SECONDS = 0.2  # how often a worker looks whether its parent is still there

Result = Extraction | Problem

# Set in each worker process by its initializer, never in the parent.
_job: tuple[Settings, Mapping[str, KBEntry] | None] | None = None


@dataclass(slots=True)
class Chunk:
    """Consecutive articles coded by one call in a worker; ``future`` once it is started."""

    articles: list[Article]
    future: Future[list[Result]] | None = None
    local: list[Result] | None = None  # coded by the parent itself

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
        return self.future is None and self.local is None

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
    workers, known = pool.workers, pool.known
    chunks = (Chunk(c) for c in chunked(articles, pool.settings.batch_size, CHUNK_CHARS))
    window: deque[Chunk] = deque()
    alone = pool.settings.with_(workers=1)
    broken: BrokenProcessPool | None = None
    pool.idle = False
    try:
        while True:
            if broken is None:
                _top_up(pool.executor, chunks, window, workers)
            if not window:
                break
            if broken is None and not window[0].done:
                waiting = [c for c in window if c.waiting]  # a long article: for a process
                mine = next((c for c in waiting if not c.long), waiting[0] if waiting else None)
                if mine is not None:  # the parent's turn: code it here
                    mine.local = list(extract(mine.articles, alone, known=known))
                    continue
                running = [c.future for c in window if c.future is not None and c.running]
                wait(running, return_when=FIRST_COMPLETED)
                continue
            chunk = window.popleft()
            try:
                results: Iterable[Result] = chunk.results()
            except BrokenProcessPool as exc:  # a worker died: this chunk and the rest fail
                broken = broken or exc
                results = _not_coded(chunk.articles, exc)
            yield from results
        if broken is not None:
            yield from _not_coded((a for chunk in chunks for a in chunk.articles), broken)
        pool.idle = True
    finally:
        for chunk in window:  # left early: what was started and not taken is not wanted
            if chunk.future is not None:
                chunk.future.cancel()


def _top_up(pool: ProcessPoolExecutor, chunks: Iterator[Chunk], window: deque[Chunk],
            workers: int) -> None:
    """Read ahead to fill the window; start chunks until the workers have enough to do, long
    articles first (longest first), else in input order. Once the input is all read, the last
    chunks are cut into single articles, and a chunk goes to a process only while that leaves
    the parent as much to code as each process has before it (:func:`_fair`): the end is
    shared out, not queued behind other chunks while the parent waits."""
    wanted = WINDOW_PER_WORKER * workers - len(window)
    read = list(islice(chunks, wanted))
    window.extend(read)
    last = len(read) < wanted  # the input is all in the window
    left = sum(chunk.chars for chunk in window if chunk.waiting)
    if last and left <= 2 * CHUNK_CHARS * workers:  # the last chunks: cut them finer
        _split(window)
    free = IN_FLIGHT_PER_WORKER * (workers - 1) - sum(chunk.running for chunk in window)
    waiting = sorted((chunk for chunk in window if chunk.waiting),  # stable: else input order
                     key=lambda chunk: -chunk.chars if chunk.long else 0)
    started = sum(chunk.chars for chunk in window if chunk.running)
    for chunk in waiting[:max(0, free)]:
        if last and not _fair(started + chunk.chars, left - chunk.chars, workers - 1):
            continue
        chunk.future = _submit(pool, chunk.articles)
        started, left = started + chunk.chars, left - chunk.chars


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
        if chunk and (len(chunk) >= size or total + len(article.text) > chars):
            yield chunk
            chunk, total = [], 0
        chunk.append(article)
        total += len(article.text)
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
