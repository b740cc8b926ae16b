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
* Within that window a long article is started first: left in its place it could end up
  running alone at the end of the run while the other workers have nothing left to do.
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
WINDOW_PER_WORKER = 8
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


def extract_in_pool(
    articles: Iterable[Article], settings: Settings, *, known: Mapping[str, KBEntry] | None = None
) -> Iterator[Result]:
    """What ``pipeline.extract`` yields, in the same order, coded by ``settings.workers``
    processes."""
    workers = max(2, settings.workers)
    chunks = (Chunk(c) for c in chunked(articles, settings.batch_size, CHUNK_CHARS))
    window: deque[Chunk] = deque()
    pool = ProcessPoolExecutor(workers - 1, mp_context=multiprocessing.get_context(START_METHOD),
                               initializer=_start_worker,
                               initargs=(settings, known, os.getpid()))
    alone = settings.with_(workers=1)
    broken: BrokenProcessPool | None = None
    finished = False
    try:
        while True:
            if broken is None:
                _top_up(pool, chunks, window, workers)
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
        finished = True
    finally:
        _close(pool, finished=finished)


def _top_up(pool: ProcessPoolExecutor, chunks: Iterator[Chunk], window: deque[Chunk],
            workers: int) -> None:
    """Read ahead to fill the window; start chunks until the workers have enough to do, long
    articles first, else in input order."""
    window.extend(islice(chunks, WINDOW_PER_WORKER * workers - len(window)))
    free = IN_FLIGHT_PER_WORKER * (workers - 1) - sum(chunk.running for chunk in window)
    waiting = sorted((chunk for chunk in window if chunk.waiting),
                     key=lambda chunk: not chunk.long)  # stable: input order otherwise
    for chunk in waiting[:max(0, free)]:
        chunk.future = _submit(pool, chunk.articles)


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
