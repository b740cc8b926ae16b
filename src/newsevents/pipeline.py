"""The only orchestration: read inputs, store articles, (later stages) extract and link.

Every stage is a pure function over ``models`` types; this module decides batching, where
problems go and what is written to the store.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import nullcontext
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import TYPE_CHECKING, TextIO

from newsevents.actors import KBEntry, LearnedActor, load_knowledge_base
from newsevents.coding import (  # re-exported: the names callers of the pipeline use
    Extraction,
    LongArticle,
    code_article,
    event_dater,
    with_publication_date,
)
from newsevents.config import AUTO_WORKERS, Settings, cores
from newsevents.errors import NewsEventsError
from newsevents.events.coder import CODER_VERSION, headline_text
from newsevents.ingest import input_bytes, iter_inputs
from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import Article, DateValue, Problem, Severity, Story
from newsevents.nlp import load_model
from newsevents.nlp.pieces import parse_parts
from newsevents.store import Store
from newsevents.stories import clustering, merge

if TYPE_CHECKING:
    from newsevents.workers import Pool

__all__ = [
    "CODER_VERSION", "ExtractReport", "Extraction", "IngestReport", "LongArticle", "RunReport",
    "cluster_stories", "code_article", "early_pool", "event_dater", "extract", "extract_all",
    "extract_pending", "ingest", "ingest_batches", "known_actors", "link_events", "run",
    "save_extraction", "with_publication_date", "worker_count",
]

ProgressCallback = Callable[[Article | Problem], None]


@dataclass(slots=True)
class IngestReport:
    """What one ingest run did; the CLI prints it and derives the exit code from it."""

    new: list[str] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)
    near_duplicates: list[tuple[str, str, float]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def articles_read(self) -> int:
        return len(self.new) + len(self.existing) + len(self.near_duplicates)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity is Severity.ERROR]


def batched(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(items)
    while batch := list(islice(iterator, size)):
        yield batch


def _articles(
    items: Iterable[Article | Problem], report: IngestReport, on_item: ProgressCallback | None
) -> Iterator[Article]:
    """Pass articles on; keep problems in the report, telling the caller about each item."""
    for item in items:
        if on_item is not None:
            on_item(item)
        if isinstance(item, Problem):
            report.problems.append(item)
        else:
            yield item


def ingest(
    paths: Sequence[str],
    store: Store,
    settings: Settings = Settings(),
    *,
    stdin: TextIO | None = None,
    on_item: ProgressCallback | None = None,
) -> IngestReport:
    """Read every input into the store, in transactions of ``settings.batch_size`` articles.

    Re-running on the same input adds nothing; a run killed half-way leaves the committed batches
    in place and the next run completes the rest. A record whose id is already stored with
    another text is a problem, not "already stored".
    """
    report = IngestReport()
    for _ in ingest_batches(paths, store, report, settings, stdin=stdin, on_item=on_item):
        pass
    return report


def ingest_batches(
    paths: Sequence[str],
    store: Store,
    report: IngestReport,
    settings: Settings = Settings(),
    *,
    stdin: TextIO | None = None,
    on_item: ProgressCallback | None = None,
) -> Iterator[tuple[str, ...]]:
    """:func:`ingest`, a transaction at a time: yields the ids each one stored as new, and fills
    ``report`` as it goes (``run`` codes each batch while the next is read)."""
    articles = _articles(iter_inputs(paths, stdin=stdin, settings=settings), report, on_item)
    for batch in batched(articles, settings.batch_size):
        added = store.add_articles(
            [(article, signature(article.text)) for article in batch],
            threshold=settings.near_duplicate_threshold,
            band_keys=band_keys,
        )
        report.new.extend(added.new)
        report.existing.extend(added.existing)
        report.near_duplicates.extend(added.near_duplicates)
        for article in (batch[position] for position in added.conflicts):
            problem = Problem(article.path or article.id,
                              f"id {article.id!r} is already stored with another text; this one "
                              "is not stored (give it an id of its own)")
            report.problems.append(problem)
            if on_item is not None:
                on_item(problem)
        yield added.new


# --- extraction: parse and code (newsevents.coding) in batches, in one process or several ----


POOL_MIN_CHARS = 200_000  # less text is coded sooner in one process than a pool starts


def early_pool(settings: Settings, store: Store, paths: Sequence[str]) -> Pool | None:
    """Worker processes for coding what ``paths`` will add to ``store``, started now so that
    they load the model while the parent ingests (pass it to :func:`extract_pending`; close
    it after). None when the coding will take one process: ``settings.workers`` is 1, or it is
    ``AUTO_WORKERS`` and the input files hold less than ``POOL_MIN_CHARS`` bytes."""
    workers = settings.workers
    if workers == AUTO_WORKERS:
        workers = cores() if input_bytes(paths, POOL_MIN_CHARS) >= POOL_MIN_CHARS else 1
    if workers <= 1:
        return None
    from newsevents.workers import Pool  # here: workers imports this module

    return Pool(settings.with_(workers=workers), known_actors(store))


def worker_count(settings: Settings, articles: Sequence[Article]) -> int:
    """``settings.workers``; for ``AUTO_WORKERS``, one per core when the articles hold at
    least ``POOL_MIN_CHARS`` characters (a worker takes about 1.3 s to start), else one."""
    if settings.workers != AUTO_WORKERS:
        return settings.workers
    enough = sum(len(article.text) for article in articles) >= POOL_MIN_CHARS
    return cores() if enough else 1


def extract(
    articles: Iterable[Article],
    settings: Settings = Settings(),
    *,
    known: Mapping[str, KBEntry] | None = None,
    pool: Pool | None = None,
) -> Iterator[Extraction | Problem]:
    """Parse with ``nlp.pipe`` in batches (a long text in pieces, nlp.pieces) and code each
    article; with ``settings.workers`` > 1, worker processes each parse and code chunks of the
    articles (newsevents.workers; those of ``pool`` when given), yielding the same results in
    the same order.

    One article that fails becomes a Problem; the others go on.
    """
    if settings.workers > 1:
        from newsevents.workers import extract_in_pool  # here: workers imports this module

        yield from extract_in_pool(articles, settings, known=known, pool=pool)
        return
    nlp = load_model(settings.model_names)
    kb = load_knowledge_base(settings.user_actor_files)
    pairs = ((headline_text(article, kb.is_name), article) for article in articles)
    long: LongArticle | None = None
    parsed = parse_parts(nlp, pairs, batch_size=settings.batch_size,
                         max_doc_chars=settings.max_doc_chars)
    for doc, article, part in parsed:
        try:
            if part.count == 1:
                yield code_article(doc, article, kb, known, settings)
                continue
            if part.index == 0:
                long = LongArticle(article, kb, known or {}, settings)
            if long is not None and long.article is article:  # None: an earlier part failed
                long.add(doc, part)
                if part.index + 1 == part.count:
                    yield long.extraction()
                    long = None
        except Exception as exc:  # noqa: BLE001 - the per-article edge: report, go on
            long = None
            yield Problem(article.path or article.id, f"extraction failed: {exc!r}")


def extract_all(articles: Sequence[Article], settings: Settings = Settings()) -> list[Extraction]:
    """All extractions of a small in-memory set (benchmarks, tests); problems are raised."""
    results = []
    for item in extract(articles, settings):
        if isinstance(item, Problem):
            raise NewsEventsError(str(item))
        results.append(item)
    return results


# --- run: ingest + extract into the store ----------------------------------------------------

PERSIST_CONFIDENCE = 0.8  # learned actors guessed only from the article's main country stay local
ExtractCallback = Callable[[Extraction | Problem], None]


@dataclass(slots=True)
class ExtractReport:
    articles: int = 0
    events: int = 0
    quotes: int = 0
    problems: list[Problem] = field(default_factory=list)


def known_actors(store: Store) -> dict[str, KBEntry]:
    """Actors learned by finished coding passes, for the resolver of the next articles (never
    those a pass still running, or killed, has only staged)."""
    return {
        stored.name: LearnedActor(stored.name, stored.aliases, stored.code, stored.sector).to_entry()
        for stored in store.known_actors()
    }


def save_extraction(store: Store, result: Extraction, original: Article) -> None:
    """One transaction per article: events, quotes, an inferred date, and the durable actors it
    learned, staged until the pass ends (``Store.merge_learned_actors``)."""
    inferred = result.article.published if original.published is None else None
    durable = [a for a in result.learned if a.confidence >= PERSIST_CONFIDENCE and a.code]
    seen = result.article.published.day if result.article.published else None
    store.replace_extraction(result.article.id, result.events, result.quotes, CODER_VERSION,
                             inferred_published=inferred,
                             published_window=result.article.published_window,
                             learned=durable, seen=seen)


def extract_pending(
    store: Store, settings: Settings = Settings(), *, on_item: ExtractCallback | None = None,
    pool: Pool | None = None, incoming: Iterable[Sequence[str]] | None = None,
) -> ExtractReport:
    """Code every stored article not yet coded by this coder version; re-runs add nothing.

    ``incoming`` gives the ids of articles being stored meanwhile, a batch at a time
    (:func:`ingest_batches`): with ``pool``, each batch is coded while the next is read;
    without, they are all stored first. Either way the articles are coded in storage order.

    An article the coder fails on is recorded as failed (``Store.record_failure``), so the next
    run does not try it again; a new coder version does.

    Every article is coded knowing the actors learned before the pass began; what the pass
    learns is staged with each article and merged once every pending article is coded. So a
    run killed at any point and run again stores what one uninterrupted run stores: the re-run
    knows no actor the killed run learned, and merges the killed run's sightings with its own.
    """
    report = ExtractReport()
    known = known_actors(store)
    if pool is not None and dict(pool.known or {}) != known:
        pool = None  # made for other actors: not for this pass
    pending: Iterable[Article]
    if pool is not None and incoming is not None:
        pending = chain(store.pending_articles(CODER_VERSION), _stored(store, incoming))
        settings = pool.settings
    else:
        for _ in incoming or ():  # everything stored first
            pass
        pending = store.pending_articles(CODER_VERSION)
        settings = settings.with_(workers=worker_count(settings, pending))
        if pool is not None and settings.workers > 1:
            settings = pool.settings
        else:
            pool = None  # not worth it for so little
    handed: deque[Article] = deque()  # given to the coder, result not seen yet
    coded = extract(_handing(pending, handed), settings, known=known, pool=pool)
    for item in coded:  # one item per article, in order
        article = handed.popleft()
        if on_item is not None:
            on_item(item)
        if isinstance(item, Problem):
            report.problems.append(item)
            store.record_failure(article.id, CODER_VERSION, item.message)
            continue
        save_extraction(store, item, article)
        report.articles += 1
        report.events += len(item.events)
        report.quotes += len(item.quotes)
    store.merge_learned_actors()
    return report


def _stored(store: Store, batches: Iterable[Sequence[str]]) -> Iterator[Article]:
    for ids in batches:
        for article_id in ids:
            if (article := store.get_article(article_id)) is not None:
                yield article


def _handing(articles: Iterable[Article], handed: deque[Article]) -> Iterator[Article]:
    for article in articles:
        handed.append(article)
        yield article


# --- linking: the same real event reported by several articles --------------------------------

LINK_WINDOW = dt.timedelta(days=1)


def _window(date: DateValue) -> tuple[dt.date, dt.date]:
    """Days a matching mention may carry: a day either side, or the whole coarser period."""
    first, last = merge.period(date)
    return first - LINK_WINDOW, last + LINK_WINDOW


def link_events(store: Store) -> int:
    """Give every unclustered mention a cluster, joining stored clusters of the same event.

    Negated, hypothetical and undated mentions stay clusters of their own. Returns how many
    mentions were linked into a cluster they share with others.
    """
    assignments: dict[str, str] = {}
    mergeable = []
    for event, source in store.unclustered_events():
        if event.negated or event.hypothetical or event.date is None:
            assignments[event.event_id] = event.event_id
        else:
            mergeable.append(merge.mention_of(event, source))
    by_type: dict[str, list[merge.Mention]] = {}
    for mention in mergeable:
        by_type.setdefault(mention.type, []).append(mention)
    for event_type, mentions in by_type.items():
        first = min(_window(m.date)[0] for m in mentions)
        last = max(_window(m.date)[1] for m in mentions)
        stored = [merge.mention_of(e, s)
                  for e, s in store.clustered_events_near(event_type, first, last)]
        assignments.update(merge.assign_clusters(mentions, stored))
    if assignments:
        store.set_clusters(assignments)
    return sum(1 for event_id, cluster in assignments.items() if event_id != cluster)


# --- stories: articles about the same story, grouped incrementally ------------------------------

STORY_LOOKBACK = dt.timedelta(days=30)


def cluster_stories(store: Store) -> int:
    """Put every article that is in no story yet into one; returns how many were placed.

    Only stories active in the last month before the new articles are reopened, so a daily run
    does not revisit the archive.
    """
    articles = store.unstoried_articles()
    if not articles:
        return 0
    days = [a.published.day for a in articles if a.published]
    since = min(days) - STORY_LOOKBACK if days else None
    stored = [clustering.StoryProfile(*row) for row in store.open_stories(since)]
    before = {s.story_id: s.size for s in stored}
    changed = [s for s in clustering.cluster(articles, stored) if before.get(s.story_id) != s.size]
    store.save_stories([(Story(s.story_id, clustering.label(s), s.first_date, s.last_date,
                               s.article_ids), s.centroid) for s in changed])
    return len(articles)


# --- run: everything, as `newsevents run` does it ---------------------------------------------


@dataclass(slots=True)
class RunReport:
    ingested: IngestReport
    coded: ExtractReport
    linked: int  # mentions merged with reports of the same event in other articles
    placed: int  # articles placed in stories


def run(paths: Sequence[str], store: Store, settings: Settings = Settings(), *,
        stdin: TextIO | None = None) -> RunReport:
    """Ingest ``paths``, code what is new, link reports of the same event, place articles in
    stories. Re-running adds nothing (each step is idempotent). Worker processes, when the
    coding takes several, start before the ingest (:func:`early_pool`) and code each batch
    of articles while the next is read."""
    pool = early_pool(settings, store, paths)
    ingested = IngestReport()
    with pool if pool is not None else nullcontext():
        batches = ingest_batches(paths, store, ingested, settings, stdin=stdin)
        coded = extract_pending(store, settings, pool=pool, incoming=batches)
        if pool is not None:
            pool.release()  # its processes exit while the parent links
        return RunReport(ingested, coded, link_events(store), cluster_stories(store))
