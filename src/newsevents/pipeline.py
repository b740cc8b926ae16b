"""The only orchestration: read inputs, store articles, (later stages) extract and link.

Every stage is a pure function over ``models`` types; this module decides batching, where
problems go and what is written to the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import TextIO

from newsevents.config import Settings
from newsevents.ingest import iter_inputs
from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import Article, Problem, Severity
from newsevents.store import Store

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
    in place and the next run completes the rest.
    """
    report = IngestReport()
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
    return report

