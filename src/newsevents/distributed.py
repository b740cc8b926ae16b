"""The Dask engine (``newsevents run --engine dask``): one task per input file on a cluster.

Each worker loads the spaCy model and the knowledge base once (:func:`model_plugin`, a
``distributed.WorkerPlugin``); each task reads one file with the ingest readers and codes its
articles with ``pipeline.extract`` (one process per worker), and sends the rows back; the client
writes them as a Parquet dataset (``dataset``), so workers need no shared filesystem. A task that
raises is retried (``retries``); one that still fails is reported with its file and error, and
the others are kept. ``newsevents load`` merges the dataset into a store.

Dask is an optional extra (``pip install 'newsevents[dask]'``), imported only inside functions:
importing this module imports no Dask.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from newsevents import dataset, pipeline
from newsevents.actors import KBEntry, load_knowledge_base
from newsevents.config import Settings
from newsevents.errors import NewsEventsError
from newsevents.ingest.inputs import STDIN_PATH, Target, expand, read_target
from newsevents.models import Article, Problem, Severity
from newsevents.nlp import load_model

if TYPE_CHECKING:
    from distributed import Client

MISSING_DASK = "the Dask engine needs Dask: pip install 'newsevents[dask]'"
PLUGIN_NAME = "newsevents-model"
DEFAULT_RETRIES = 2


@dataclass(frozen=True, slots=True)
class Partition:
    """One input file; ``index`` is its place in the input order (which `load` keeps)."""

    index: int
    path: str
    found: bool = False  # came from a folder or glob (unsupported types are then warnings)


@dataclass(slots=True)
class Outcome:
    """What became of one partition: the line it gets in the dataset's ``_partitions.jsonl``."""

    partition: Partition
    done: bool
    articles: int = 0
    coded: int = 0
    events: int = 0
    quotes: int = 0
    error: str | None = None
    problems: tuple[Problem, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {"partition": self.partition.index, "file": self.partition.path,
                "status": "done" if self.done else "failed", "articles": self.articles,
                "coded": self.coded, "events": self.events, "quotes": self.quotes,
                "error": self.error, "problems": [str(p) for p in self.problems]}


@dataclass(slots=True)
class PartitionResult:
    """What a task sends back: the rows to write and what happened."""

    rows: dataset.PartitionRows
    outcome: Outcome


@dataclass(slots=True)
class EngineReport:
    output: Path
    outcomes: list[Outcome] = field(default_factory=list)
    input_problems: list[Problem] = field(default_factory=list)  # paths naming no file

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.done]

    @property
    def articles_coded(self) -> int:
        return sum(o.coded for o in self.outcomes)

    @property
    def articles_failed(self) -> int:
        """Articles read but not coded (failed partitions: unknown, not counted)."""
        return sum(o.articles - o.coded for o in self.outcomes)


# --- partitioning and the task ------------------------------------------------------------------


def partitions(paths: Sequence[str]) -> tuple[list[Partition], list[Problem]]:
    """One partition per file, folders and globs expanded as ingest expands them."""
    found: list[Partition] = []
    problems: list[Problem] = []
    for given in paths:
        if given == STDIN_PATH:
            raise NewsEventsError("the Dask engine reads files, not standard input (-)")
        for item in expand(given):
            if isinstance(item, Problem):
                problems.append(item)
            else:
                found.append(Partition(len(found), item.path, item.found))
    return found, problems


def code_partition(partition: Partition, settings: Settings,
                   known: Mapping[str, KBEntry] | None = None) -> PartitionResult:
    """Runs on a worker: read one file, code its articles (with ``known``, the actors a database
    has learned, as ``run`` into it would), return its rows and outcome.

    A file that gives no article and an error (unreadable, corrupt) is a failed partition.
    """
    articles: list[Article] = []
    problems: list[Problem] = []
    for item in read_target(Target(partition.path, partition.found), settings):
        (problems if isinstance(item, Problem) else articles).append(item)
    coded: list[pipeline.Extraction] = []
    rows = dataset.PartitionRows(partition.index)
    results = pipeline.extract(articles, settings.with_(workers=1), known=known)  # in order
    for position, (article, result) in enumerate(zip(articles, results, strict=True)):
        if isinstance(result, Problem):
            problems.append(result)
            rows.add(position, article, None, error=result.message)
        else:
            coded.append(result)
            rows.add(position, article, result)
    errors = [p for p in problems if p.severity is Severity.ERROR]
    outcome = Outcome(partition, bool(articles) or not errors, len(articles), len(coded),
                      sum(len(r.events) for r in coded), sum(len(r.quotes) for r in coded),
                      None if articles or not errors else errors[0].message, tuple(problems))
    return PartitionResult(rows, outcome)


# --- Dask: the worker plugin, the client, the run -----------------------------------------------


def _dask() -> Any:
    try:
        import distributed
    except ImportError as exc:
        raise NewsEventsError(MISSING_DASK) from exc
    return distributed


def model_plugin(settings: Settings) -> Any:
    """A ``WorkerPlugin`` loading the model and knowledge base when a worker starts, into the
    caches ``pipeline.extract`` reads, so no task pays for them. (The class is made here, not at
    module level, so that importing this module imports no Dask; it is shipped by value.)"""
    distributed = _dask()

    class ModelLoader(distributed.WorkerPlugin):
        name = PLUGIN_NAME
        idempotent = True

        def __init__(self, settings: Settings) -> None:
            self.settings = settings

        def setup(self, worker: Any) -> None:
            load_model(self.settings.model_names)
            load_knowledge_base(self.settings.user_actor_files)

    return ModelLoader(settings)


@contextmanager
def connect(scheduler: str | None, workers: int) -> Iterator[Client]:
    """A client of the scheduler at ``scheduler``, else of a cluster of ``workers`` local
    processes (one thread each: spaCy is not thread-parallel) that lives as long as the run."""
    distributed = _dask()
    if scheduler is not None:
        try:
            client = distributed.Client(scheduler, timeout=30, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise NewsEventsError(f"cannot reach the Dask scheduler at {scheduler}: {exc}") from exc
        with client:
            yield client
        return
    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=logging.ERROR) as cluster:
        with distributed.Client(cluster, set_as_default=False) as client:
            yield client


Task = Callable[..., PartitionResult]  # (partition, settings, known=) -> its result


def collect(client: Client, todo: Sequence[Partition], settings: Settings, root: Path,
            retries: int, on_outcome: Callable[[Outcome], None] | None = None, *,
            task: Task = code_partition, known: Mapping[str, KBEntry] | None = None,
            ) -> list[Outcome]:
    """Run ``task`` on every partition, writing each one's rows as they arrive; a task still
    raising after ``retries`` more tries is an outcome with its error, the others go on."""
    distributed = _dask()
    extra = {"known": client.scatter(dict(known), broadcast=True)} if known else {}
    futures = client.map(task, todo, settings=settings, retries=retries, pure=False, **extra)
    partition_of = {future.key: partition for future, partition in zip(futures, todo)}
    outcomes = []
    for future in distributed.as_completed(futures, loop=client.loop):
        partition = partition_of[future.key]
        if future.status == "finished":
            result = future.result()
            if result.outcome.done:
                dataset.write_partition(root, result.rows, partition.path)
            outcome = result.outcome
        else:
            outcome = Outcome(partition, False, error=_error_of(future))
        future.release()
        outcomes.append(outcome)
        if on_outcome is not None:
            on_outcome(outcome)
    return sorted(outcomes, key=lambda o: o.partition.index)


def _error_of(future: Any) -> str:
    try:
        exc = future.exception()
    except BaseException as cancelled:  # noqa: BLE001 - a cancelled future raises here
        exc = cancelled
    return f"{type(exc).__name__}: {exc}"


def run(paths: Sequence[str], output: str | Path, settings: Settings = Settings(), *,
        scheduler: str | None = None, workers: int = 1, retries: int = DEFAULT_RETRIES,
        on_outcome: Callable[[Outcome], None] | None = None,
        known: Mapping[str, KBEntry] | None = None) -> EngineReport:
    """Code every input file on a Dask cluster into a new Parquet dataset at ``output``; with
    ``known`` (``pipeline.known_actors`` of a database) as ``run`` into that database codes."""
    _dask()
    root = Path(output)
    todo, problems = partitions(paths)
    dataset.prepare(root)
    report = EngineReport(root, input_problems=problems)
    if todo:
        with connect(scheduler, workers) as client:
            client.register_plugin(model_plugin(settings))
            report.outcomes = collect(client, todo, settings, root, retries, on_outcome,
                                      known=known)
    dataset.write_manifest(root, (o.to_json() for o in report.outcomes))
    return report
