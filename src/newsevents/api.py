"""The library: what the CLI does, as Python functions and objects (re-exported by
``newsevents``; docs/library.md has worked examples).

* :func:`extract` codes one text or article and returns a :class:`Result` (its events, quotes,
  time expressions and publication date) without storing anything;
* :func:`extract_many` codes an iterable of them in batches, optionally in several processes;
* :func:`open` opens a store written by ``newsevents run`` (or :meth:`Database.run`) and asks it
  the CLI's questions: :meth:`Database.events`, :meth:`Database.timeline`,
  :meth:`Database.stories`, :meth:`Database.articles`.

Lists of results are :class:`Records`: plain lists that also turn into a pandas DataFrame or an
Arrow table (the columns of ``newsevents events --format parquet``).
"""

from __future__ import annotations

import datetime as dt
import warnings
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Generic, TypeVar

from newsevents import pipeline, query
from newsevents.actors.knowledge import load_knowledge_base
from newsevents.config import Settings
from newsevents.errors import InputError, NewsEventsError
from newsevents.filters import PartyResolver, event_filter
from newsevents.ingest.records import record_article
from newsevents.models import (
    Article,
    DateValue,
    Event,
    Problem,
    Quote,
    Severity,
    Story,
    TimeExpression,
    TimelineEntry,
)
from newsevents.store import Store
from newsevents.temporal import find_timexes

T = TypeVar("T")
TEXT_SOURCE = "<text>"  # the "path" of an article given as a string
Item = str | Article | Mapping[str, Any]


class Records(list, Generic[T]):  # type: ignore[type-arg]
    """A list of results that can become a DataFrame or an Arrow table.

    Each element needs ``to_json()`` (events, articles, quotes, timeline entries do); nested
    values (an event's actors) stay lists of dicts in the table."""

    def to_dicts(self) -> list[dict[str, Any]]:
        return [item.to_json() if hasattr(item, "to_json") else asdict(item) for item in self]

    def to_arrow(self) -> Any:
        import pyarrow as pa  # a dependency; imported here, used only on demand

        return pa.Table.from_pylist(self.to_dicts())

    def to_pandas(self) -> Any:
        try:
            import pandas  # noqa: F401 - optional: only checked for
        except ImportError as exc:
            raise NewsEventsError("to_pandas() needs pandas: pip install pandas") from exc
        return self.to_arrow().to_pandas()


@dataclass(frozen=True, slots=True)
class Result:
    """What :func:`extract` found in one article."""

    article: Article
    events: Records[Event]
    quotes: Records[Quote]
    dates: Records[TimeExpression] = field(default_factory=Records)

    @property
    def published(self) -> DateValue | None:
        """The publication date: given, or inferred from the text (``article.published_source``
        says how)."""
        return self.article.published

    def to_dict(self) -> dict[str, Any]:
        """The record ``newsevents extract`` prints (docs/schema.md)."""
        article = self.article.to_json()
        record = {key: article[key] for key in (
            "id", "title", "url", "published", "published_precision", "published_source",
            "published_window")}
        record["events"] = [event.to_json() for event in self.events]
        record["quotes"] = [quote.to_json() for quote in self.quotes]
        record["dates"] = [timex.to_json() for timex in self.dates]
        return record

    @classmethod
    def of(cls, extraction: pipeline.Extraction) -> Result:
        article = extraction.article
        dates = find_timexes(article.text, article.published)
        return cls(article, Records(extraction.events), Records(extraction.quotes),
                   Records(dates))


def as_article(item: Item, *, published: str | dt.date | DateValue | None = None,
               title: str | None = None, url: str | None = None) -> Article:
    """An :class:`Article` from a string, a mapping (the JSONL input's fields: text, id, title,
    url, published, source) or an Article (returned as is). The text is cleaned as ingest
    cleans it (datelines, bylines, page furniture)."""
    if isinstance(item, Article):
        return item
    record = {"text": item} if isinstance(item, str) else dict(item)
    for key, value in (("published", published), ("title", title), ("url", url)):
        if value is not None:
            record[key] = value.iso() if isinstance(value, DateValue) else str(value)
    found = list(record_article(TEXT_SOURCE, None, record))
    articles = [a for a in found if isinstance(a, Article)]
    problems = [p for p in found if isinstance(p, Problem)]
    if problems and (not articles or problems[0].severity is Severity.ERROR
                     or "published" in problems[0].message):
        raise InputError(TEXT_SOURCE, problems[0].message)
    return articles[0]


def extract(item: Item, *, published: str | dt.date | DateValue | None = None,
            title: str | None = None, url: str | None = None,
            settings: Settings = Settings()) -> Result:
    """Code one article: a text, a mapping or an :class:`Article`.

    ``published`` (YYYY, YYYY-MM or YYYY-MM-DD) dates the article; without it the date is
    inferred from the text where it can be. The spaCy model is loaded once per process.
    """
    article = as_article(item, published=published, title=title, url=url)
    for found in pipeline.extract([article], settings):
        if isinstance(found, Problem):
            raise NewsEventsError(str(found))
        return Result.of(found)
    raise NewsEventsError("nothing was coded")  # pragma: no cover - extract yields one item


def extract_many(items: Iterable[Item], *, n_process: int = 1, batch_size: int | None = None,
                 on_problem: Callable[[Problem], None] | None = None,
                 settings: Settings = Settings()) -> Iterator[Result]:
    """Code many articles, streamed in batches (``n_process`` parser processes).

    An item that cannot be read or coded does not stop the others: it is passed to
    ``on_problem`` (default: a warning) and skipped.
    """
    report = on_problem or (lambda problem: warnings.warn(str(problem), stacklevel=3))
    settings = settings.with_(workers=n_process, batch_size=batch_size or settings.batch_size)

    def articles() -> Iterator[Article]:
        for number, item in enumerate(items, 1):
            try:
                yield as_article(item)
            except NewsEventsError as exc:
                report(Problem(f"item {number}", str(exc)))

    for found in pipeline.extract(articles(), settings):
        if isinstance(found, Problem):
            report(found)
        else:
            yield Result.of(found)


class Database:
    """A newsevents store (SQLite), opened by :func:`open`; also a context manager.

    The query methods take the CLI's filters as keyword arguments and check them the same way
    (newsevents.filters): actors by code or name, dates as YYYY, YYYY-MM or YYYY-MM-DD. A wrong
    value raises :class:`~newsevents.errors.FilterError`, never returns an empty answer.
    """

    def __init__(self, path: str | Path, *, create: bool = False,
                 settings: Settings = Settings()) -> None:
        self.path = Path(path)
        self.settings = settings.with_(db_path=self.path)
        self.store = Store(self.path, must_exist=not create)

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Database({str(self.path)!r})"

    def close(self) -> None:
        self.store.close()

    def _resolver(self) -> PartyResolver:
        return PartyResolver(load_knowledge_base(self.settings.user_actor_files), self.store)

    def filter(self, **filters: Any) -> Any:
        """The checked, resolved :class:`~newsevents.models.EventFilter` of ``filters``."""
        return event_filter(self._resolver(), **filters)

    def events(self, **filters: Any) -> Records[Event]:
        """Stored events matching ``filters`` (actor, recipient, dyad, types, modes,
        quad_classes, since, until, search, include_negated, include_hypothetical, limit), by
        date."""
        return Records(query.events(self.store, self.filter(**filters)))

    def timeline(self, *, query_text: str | None = None, max_dates: int = 10,
                 per_date: int = 2, **filters: Any) -> Records[TimelineEntry]:
        """The ``max_dates`` most referred-to days of the matching articles, ``per_date``
        sentences each (as ``newsevents timeline``); ``query_text`` is its ``--query``."""
        flt = self.filter(**filters)
        return Records(query.timeline(self.store, flt, text=query_text, max_dates=max_dates,
                                      per_date=per_date))

    def stories(self) -> Records[Story]:
        return Records(self.store.iter_stories())

    def articles(self, *, search: str | None = None, limit: int | None = None
                 ) -> Records[Article]:
        return Records(query.articles(self.store, search=search, limit=limit))

    def article(self, article_id: str) -> Article:
        found = query.article(self.store, article_id)
        if found is None:
            raise NewsEventsError(f"no article {article_id!r} in {self.path}")
        return found

    def find(self, ident: str) -> query.EventView | query.ArticleView:
        """The event or article an id names, or the only one whose id begins with ``ident``
        (as ``newsevents show``): an event with its article, sentence in context and the other
        reports of it, or an article with its events. Raises ``UnknownIdError`` otherwise."""
        return query.find(self.store, ident)

    def stats(self) -> dict[str, int]:
        return query.stats(self.store)

    def run(self, paths: Sequence[str | Path], *, n_process: int = 1) -> pipeline.RunReport:
        """Ingest ``paths`` (files, folders, globs), code what is new, link reports of the same
        event and place articles in stories, as ``newsevents run``. Re-running stores nothing
        twice."""
        return pipeline.run([str(p) for p in paths], self.store,
                            self.settings.with_(workers=n_process))


def open(path: str | Path, *, create: bool = False,  # noqa: A001 - the library's verb
         settings: Settings = Settings()) -> Database:
    """The store at ``path``; a missing file is an error unless ``create``."""
    return Database(path, create=create, settings=settings)
