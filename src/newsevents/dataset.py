"""The Parquet dataset the Dask engine writes, and its merge into a store (``newsevents load``).

Layout (docs/scale.md): ``ROOT/{articles,events,quotes}/month=YYYY-MM/part-NNNNN.parquet`` (or
``month=unknown``), one file per input partition per table per month, plus ``_partitions.jsonl``
saying what became of every input file. Rows are the models' ``to_json()`` records; nested values
(actors, location, contexts, cut, windows, learned actors) are JSON strings, and a ``*_day`` date
column sits beside every date whose ISO form would lose its first day, so that :func:`load`
rebuilds the very ``Article``, ``Event`` and ``Quote`` objects the workers coded and stores them
through :func:`pipeline.save_extraction`, exactly as ``newsevents run`` does.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents import pipeline
from newsevents.actors import LearnedActor
from newsevents.actors.entries import EntryKind
from newsevents.config import Settings
from newsevents.errors import NewsEventsError
from newsevents.events.coder import CODER_VERSION
from newsevents.ingest.dedup import band_keys, signature
from newsevents.models import (
    Actor,
    Article,
    DateSource,
    DateValue,
    Event,
    Location,
    Precision,
    Problem,
    Quote,
)
from newsevents.store import Store

TABLES = ("articles", "events", "quotes")
MANIFEST = "_partitions.jsonl"
UNKNOWN_MONTH = "unknown"
_ORDER = ("partition", "position")  # input file, then article within it: the order `run` keeps


class DatasetError(NewsEventsError):
    """A dataset directory that cannot be written or read."""

    def __init__(self, path: str, message: str) -> None:
        super().__init__(path, message)
        self.path = path
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


_PLACE = [("partition", pa.int32()), ("position", pa.int32())]
_DATE = [("published", pa.string()), ("published_precision", pa.string()),
         ("published_day", pa.date32()), ("published_source", pa.string()),
         ("published_window", pa.string())]
SCHEMAS = {
    "articles": pa.schema([
        *_PLACE, ("source_file", pa.string()), ("id", pa.string()), ("url", pa.string()),
        ("source", pa.string()), ("title", pa.string()), ("text", pa.string()), *_DATE,
        ("path", pa.string()), ("language", pa.string()), ("cut", pa.string()),
        ("coded", pa.bool_()), ("coder_version", pa.string()), ("error", pa.string()),
        *[(f"coded_{name}", kind) for name, kind in _DATE], ("learned", pa.string()),
    ]),
    "events": pa.schema([
        *_PLACE, ("index", pa.int32()), ("article_id", pa.string()), ("event_id", pa.string()),
        ("cluster_id", pa.string()), ("type", pa.string()), ("mode", pa.string()),
        ("cameo", pa.string()), ("quad_class", pa.int8()), ("intensity", pa.float64()),
        ("negated", pa.bool_()), ("hypothetical", pa.bool_()), ("actors", pa.string()),
        ("recipients", pa.string()), ("date", pa.string()), ("date_precision", pa.string()),
        ("date_day", pa.date32()), ("date_evidence", pa.string()), ("location", pa.string()),
        ("trigger", pa.string()), ("sentence", pa.string()), ("sentence_index", pa.int32()),
        ("char_start", pa.int32()), ("char_end", pa.int32()), ("confidence", pa.float64()),
        ("contexts", pa.string()),
    ]),
    "quotes": pa.schema([
        *_PLACE, ("index", pa.int32()), ("article_id", pa.string()), ("speaker", pa.string()),
        ("text", pa.string()), ("sentence_index", pa.int32()), ("direct", pa.bool_()),
    ]),
}


# --- records: models <-> rows ------------------------------------------------------------------


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False)


def date_fields(published: DateValue | None, source: DateSource,
                window: tuple[dt.date, dt.date] | None, prefix: str = "") -> dict[str, Any]:
    return {
        f"{prefix}published": published.iso() if published else None,
        f"{prefix}published_precision": published.precision.value if published else None,
        f"{prefix}published_day": published.day if published else None,
        f"{prefix}published_source": source.value,
        f"{prefix}published_window": _json([d.isoformat() for d in window] if window else None),
    }


def article_record(article: Article, coded: pipeline.Extraction | None,
                   error: str | None = None) -> dict[str, Any]:
    """The article as read, and (when coded) the date coding gave it and the actors it taught,
    (when the coder failed on it) why."""
    record = article.to_json()
    record.update(date_fields(article.published, article.published_source,
                              article.published_window))
    record["cut"] = _json(record["cut"])
    done = coded.article if coded else None
    record.update(date_fields(done.published if done else None,
                              done.published_source if done else DateSource.NONE,
                              done.published_window if done else None, prefix="coded_"))
    record["coded"] = coded is not None
    record["coder_version"] = CODER_VERSION if coded or error else None
    record["error"] = error
    record["learned"] = _json([learned_json(a) for a in coded.learned]) if coded else None
    return record


def _date_value(day: dt.date | None, precision: str | None) -> DateValue | None:
    return DateValue(day, Precision(precision)) if day is not None and precision else None


def _window(text: str | None) -> tuple[dt.date, dt.date] | None:
    if text is None:
        return None
    first, last = json.loads(text)
    return dt.date.fromisoformat(first), dt.date.fromisoformat(last)


def article_from_record(record: dict[str, Any], prefix: str = "") -> Article:
    """The article as read (``prefix=""``) or as coded (``prefix="coded_"``)."""
    return Article(
        id=record["id"], text=record["text"], title=record["title"], url=record["url"],
        source=record["source"],
        published=_date_value(record[f"{prefix}published_day"],
                              record[f"{prefix}published_precision"]),
        published_source=DateSource(record[f"{prefix}published_source"]),
        path=record["path"], language=record["language"],
        published_window=_window(record[f"{prefix}published_window"]),
        cut=tuple(json.loads(record["cut"]).items()),
    )


def learned_json(actor: LearnedActor) -> dict[str, Any]:
    return {"name": actor.name, "aliases": list(actor.aliases), "code": actor.code,
            "sector": actor.sector, "kind": actor.kind.value, "confidence": actor.confidence}


def learned_from_json(data: dict[str, Any]) -> LearnedActor:
    return LearnedActor(data["name"], tuple(data["aliases"]), data["code"], data["sector"],
                        EntryKind(data["kind"]), data["confidence"])


def event_record(event: Event) -> dict[str, Any]:
    record = event.to_json()
    record["article_id"] = event.article_id
    record["date_day"] = event.date.day if event.date else None
    for name in ("actors", "recipients", "location", "contexts"):
        record[name] = _json(record[name])
    return record


def _actor(data: dict[str, Any]) -> Actor:
    return Actor(data["text"], data["code"], data["sector"], data["name"], data["resolved_from"])


def event_from_record(record: dict[str, Any]) -> Event:
    location = json.loads(record["location"]) if record["location"] else None
    return Event(
        event_id=record["event_id"], article_id=record["article_id"], type=record["type"],
        mode=record["mode"], cameo=record["cameo"], quad_class=record["quad_class"],
        intensity=record["intensity"],
        actors=tuple(_actor(a) for a in json.loads(record["actors"])),
        recipients=tuple(_actor(a) for a in json.loads(record["recipients"])),
        trigger=record["trigger"], sentence=record["sentence"],
        sentence_index=record["sentence_index"], char_start=record["char_start"],
        char_end=record["char_end"], negated=record["negated"],
        hypothetical=record["hypothetical"],
        date=_date_value(record["date_day"], record["date_precision"]),
        date_evidence=record["date_evidence"],
        location=Location(location["name"], location["country"]) if location else None,
        confidence=record["confidence"], contexts=tuple(json.loads(record["contexts"])),
        cluster_id=record["cluster_id"],
    )


def quote_record(quote: Quote) -> dict[str, Any]:
    record = quote.to_json()
    record["article_id"] = quote.article_id
    record["speaker"] = _json(record["speaker"])
    return record


def quote_from_record(record: dict[str, Any]) -> Quote:
    return Quote(record["article_id"], _actor(json.loads(record["speaker"])), record["text"],
                 record["sentence_index"], record["direct"])


# --- writing one partition ---------------------------------------------------------------------


def month_of(article: Article) -> str:
    """The publication month directory; a date known only to the year has no month."""
    date = article.published
    if date is None or date.precision is Precision.YEAR:
        return UNKNOWN_MONTH
    return f"{date.day.year:04d}-{date.day.month:02d}"


@dataclass(slots=True)
class PartitionRows:
    """The rows one input file gave, per table and month (what a worker sends back)."""

    index: int
    rows: dict[str, dict[str, list[dict[str, Any]]]] = field(
        default_factory=lambda: {name: {} for name in TABLES})

    def add(self, position: int, article: Article, coded: pipeline.Extraction | None,
            error: str | None = None) -> None:
        month = month_of(coded.article if coded else article)
        place = {"partition": self.index, "position": position}
        self._rows("articles", month).append(place | article_record(article, coded, error))
        for index, event in enumerate(coded.events if coded else ()):
            self._rows("events", month).append(place | {"index": index} | event_record(event))
        for index, quote in enumerate(coded.quotes if coded else ()):
            self._rows("quotes", month).append(place | {"index": index} | quote_record(quote))

    def _rows(self, table: str, month: str) -> list[dict[str, Any]]:
        return self.rows[table].setdefault(month, [])


def prepare(root: Path) -> None:
    """Create the dataset directory; an existing one must be empty (no stale partitions)."""
    if root.exists() and (not root.is_dir() or any(root.iterdir())):
        raise DatasetError(str(root), "the output directory must be new or empty")
    root.mkdir(parents=True, exist_ok=True)


def write_partition(root: Path, partition: PartitionRows, source_file: str) -> None:
    """One Parquet file per table and month; each appears whole (written aside, then renamed)."""
    for table, months in partition.rows.items():
        for month, rows in months.items():
            if table == "articles":
                rows = [row | {"source_file": source_file} for row in rows]
            folder = root / table / f"month={month}"
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / f"part-{partition.index:05d}.parquet"
            aside = folder / f".{target.name}.tmp"
            pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMAS[table]), aside)
            os.replace(aside, target)


def write_manifest(root: Path, entries: Iterable[dict[str, Any]]) -> None:
    with (root / MANIFEST).open("w", encoding="utf-8") as out:
        for entry in entries:
            out.write(json.dumps(entry, ensure_ascii=False) + "\n")


# --- reading and loading -----------------------------------------------------------------------


def read_manifest(root: Path) -> list[dict[str, Any]]:
    path = root / MANIFEST
    if not path.is_file():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def read_rows(root: Path, table: str) -> list[dict[str, Any]]:
    """Every row of a table in input order (partition, article, item), months merged."""
    files = sorted((root / table).glob("month=*/part-*.parquet"))
    parts = [pq.read_table(path, schema=SCHEMAS[table]) for path in files]
    data = pa.concat_tables(parts) if parts else SCHEMAS[table].empty_table()
    keys = [*_ORDER, "index"] if table != "articles" else list(_ORDER)
    return data.sort_by([(key, "ascending") for key in keys]).to_pylist()


@dataclass(slots=True)
class LoadReport:
    ingested: pipeline.IngestReport
    coded: pipeline.ExtractReport
    linked: int
    placed: int
    failed_partitions: list[dict[str, Any]]  # manifest entries of inputs the dataset lacks
    other_coder: int = 0  # coded by another coder version: left for `newsevents run` to redo


def _grouped(rows: Iterable[dict[str, Any]], build: Any) -> dict[tuple[int, int], list[Any]]:
    grouped: dict[tuple[int, int], list[Any]] = {}
    for row in rows:
        grouped.setdefault((row["partition"], row["position"]), []).append(build(row))
    return grouped


def is_dataset(path: str | Path) -> bool:
    """Is ``path`` a dataset folder (``run --engine dask --output``), not a database file?"""
    root = Path(path)
    return root.is_dir() and (root / "articles").is_dir() and (root / MANIFEST).is_file()


@contextmanager
def as_store(root: str | Path, settings: Settings = Settings()) -> Iterator[Store]:
    """The dataset as a store to read, for the read commands (``events --db DATASET``): loaded
    (:func:`load`) into a database in a temporary folder, removed afterwards. For repeated
    questions of a large dataset, ``newsevents load`` it into a database once."""
    with tempfile.TemporaryDirectory(prefix="newsevents-dataset-") as folder:
        with Store(Path(folder) / "dataset.db") as store:
            load(root, store, settings)
            yield store


def load(root: str | Path, store: Store, settings: Settings = Settings()) -> LoadReport:
    """Merge a dataset into ``store`` as ``pipeline.run`` would have stored the same inputs:
    articles added in input order (content ids and near-duplicates as in ingest), extractions
    saved for articles not yet coded by this coder version, then events linked and articles
    placed in stories. Loading twice adds nothing."""
    root = Path(root)
    if not (root / "articles").is_dir():
        raise DatasetError(str(root), "not a newsevents dataset (no articles/ folder)")
    articles = read_rows(root, "articles")
    ingested = pipeline.IngestReport()
    originals = [article_from_record(row) for row in articles]
    for batch in pipeline.batched(originals, settings.batch_size):
        added = store.add_articles([(a, signature(a.text)) for a in batch],
                                   threshold=settings.near_duplicate_threshold,
                                   band_keys=band_keys)
        ingested.new.extend(added.new)
        ingested.existing.extend(added.existing)
        ingested.near_duplicates.extend(added.near_duplicates)
    coded, other = _save_extractions(root, store, articles, originals)
    store.merge_learned_actors()  # as `run` does once every pending article is coded
    return LoadReport(ingested, coded, pipeline.link_events(store),
                      pipeline.cluster_stories(store),
                      [e for e in read_manifest(root) if e.get("status") != "done"], other)


def _save_extractions(root: Path, store: Store, articles: Sequence[dict[str, Any]],
                      originals: Sequence[Article]) -> tuple[pipeline.ExtractReport, int]:
    events = _grouped(read_rows(root, "events"), event_from_record)
    quotes = _grouped(read_rows(root, "quotes"), quote_from_record)
    pending = {a.id for a in store.pending_articles(CODER_VERSION)}
    report, other = pipeline.ExtractReport(), 0
    for row, original in zip(articles, originals, strict=True):
        if original.id not in pending or row["coder_version"] is None:
            continue
        if row["coder_version"] != CODER_VERSION:
            other += 1
            continue
        if not row["coded"]:  # the coder failed on it: remembered, as `run` remembers it
            store.record_failure(original.id, CODER_VERSION, row["error"])
            report.problems.append(Problem(original.path or original.id, row["error"]))
            pending.discard(original.id)
            continue
        place = (row["partition"], row["position"])
        learned = tuple(learned_from_json(a) for a in json.loads(row["learned"]))
        result = pipeline.Extraction(article_from_record(row, prefix="coded_"),
                                     tuple(events.get(place, ())), tuple(quotes.get(place, ())),
                                     learned)
        pipeline.save_extraction(store, result, original)
        pending.discard(original.id)
        report.articles += 1
        report.events += len(result.events)
        report.quotes += len(result.quotes)
    return report, other

