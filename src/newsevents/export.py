"""Event data in the formats other tools read: POLECAT-style PLOVER JSON, GDELT-1.0-like CAMEO,
and the flat event table (CSV, Parquet) of ``events`` and ``export``.

Pure functions over :class:`~newsevents.models.Event` and its :class:`~newsevents.models.Article`
(no SQL: the CLI asks the store for the events and passes them in). docs/schema.md describes
every field and column.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from functools import cache
from itertools import product
from pathlib import Path
from typing import Any, TextIO

from newsevents.config import DATA_DIR
from newsevents.datafiles import Table, load_table
from newsevents.formats import Record, inert, write_csv, write_jsonl, write_parquet
from newsevents.models import Actor, Article, DateValue, Event

GOLDSTEIN_PATH = DATA_DIR / "events" / "goldstein.tsv"
PLOVER_COLUMNS = (
    "event_id", "event_date", "date_precision", "event_type", "event_mode", "contexts",
    "actor_name", "actor_country", "actor_sector", "actor_text", "actors",
    "recipient_name", "recipient_country", "recipient_sector", "recipient_text", "recipients",
    "location", "cameo", "quad_class", "intensity", "negated", "hypothetical", "confidence",
    "trigger", "sentence", "sentence_index", "char_start", "char_end",
    "cluster_id", "num_mentions", "num_sources", "num_articles",
    "article_id", "article_title", "article_url", "source", "published",
)
# The one flat scheme of every event table (events and export, CSV and Parquet): PLOVER_COLUMNS
# names, nested values spread into columns, several actors joined with PARTY_SEPARATOR.
EVENT_COLUMNS = (
    "event_id", "event_date", "date_precision", "date_evidence", "event_type", "event_mode",
    "contexts", "actor_code", "actor_sector", "actor_name", "actor_text",
    "recipient_code", "recipient_sector", "recipient_name", "recipient_text",
    "location_name", "location_country",
    "cameo", "quad_class", "intensity", "negated", "hypothetical", "confidence",
    "trigger", "sentence", "sentence_index", "char_start", "char_end",
    "cluster_id", "num_mentions", "num_sources", "num_articles",
    "article_id", "article_title", "article_url", "source", "published",
)
PARTY_SEPARATOR = ";"
CAMEO_TSV_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1Type1Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2Type1Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "ActionGeo_FullName", "ActionGeo_CountryCode",
    "DATEADDED", "SOURCEURL", "PLOVERType", "PLOVERMode", "Sentence",
)
# Tabs and every character str.splitlines() breaks on would split a TSV cell or row.
CELL_BREAKS = re.compile("[\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


Counts = tuple[int, int, int]  # mentions, sources, articles of the event's cluster
SINGLE: Counts = (1, 1, 1)


def plover_record(event: Event, article: Article | None, counts: Counts = SINGLE) -> dict[str, Any]:
    """One POLECAT-style record; the first actor and recipient flattened, all of them listed;
    ``counts`` are those of the event's cluster (one mention when not merged)."""
    date = event.date
    location = event.location
    return {
        "event_id": event.event_id,
        "event_date": date.iso() if date else None,
        "date_precision": date.precision.value if date else None,
        "event_type": event.type,
        "event_mode": event.mode,
        "contexts": list(event.contexts),
        **_plover_side("actor", event.actors),
        **_plover_side("recipient", event.recipients),
        "location": location.to_json() if location else None,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "negated": event.negated,
        "hypothetical": event.hypothetical,
        "confidence": event.confidence,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "cluster_id": event.cluster_id,
        "num_mentions": counts[0],
        "num_sources": counts[1],
        "num_articles": counts[2],
        **_plover_article(event, article),
    }


def _plover_side(role: str, actors: Sequence[Actor]) -> dict[str, Any]:
    first = actors[0] if actors else None
    return {
        f"{role}_name": first.name if first else None,
        f"{role}_country": first.code if first else None,
        f"{role}_sector": first.sector if first else None,
        f"{role}_text": first.text if first else None,
        f"{role}s": [actor.to_json() for actor in actors],
    }


def _plover_article(event: Event, article: Article | None) -> dict[str, Any]:
    published = article.published if article else None
    return {
        "article_id": event.article_id,
        "article_title": article.title if article else None,
        "article_url": article.url if article else None,
        "source": article.source if article else None,
        "published": published.iso() if published else None,
    }


def event_row(event: Event, article: Article | None, counts: Counts = SINGLE) -> dict[str, Any]:
    """One row of the flat event table (:data:`EVENT_COLUMNS`, in order): the PLOVER record
    with every actor and recipient spread into ``;``-joined columns, in the same order in
    each column (a missing value is an empty string there), and no nested value left."""
    record = plover_record(event, article, counts)
    location = event.location
    flat = {
        "date_evidence": event.date_evidence,
        "contexts": PARTY_SEPARATOR.join(event.contexts),
        **_flat_side("actor", event.actors),
        **_flat_side("recipient", event.recipients),
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
    }
    return {column: flat[column] if column in flat else record[column]
            for column in EVENT_COLUMNS}


def _flat_side(role: str, actors: Sequence[Actor]) -> dict[str, str | None]:
    """``actor_code`` "RUS;CHN" and friends; None for no actor at all, so that an empty cell
    means the same in every column."""
    if not actors:
        return {f"{role}_{field}": None for field in ("code", "sector", "name", "text")}
    return {
        f"{role}_code": PARTY_SEPARATOR.join(a.code or "" for a in actors),
        f"{role}_sector": PARTY_SEPARATOR.join(a.sector or "" for a in actors),
        f"{role}_name": PARTY_SEPARATOR.join(a.name or "" for a in actors),
        f"{role}_text": PARTY_SEPARATOR.join(a.text for a in actors),
    }


def cameo_rows(
    event: Event, article: Article | None, *, goldstein: Mapping[str, float] | None = None,
    counts: Counts = SINGLE,
) -> list[dict[str, Any]]:
    """One row per (actor, recipient) pair, as GDELT splits compound actors.

    Rows of one event share its GLOBALEVENTID, suffixed ``-1``, ``-2`` … only when there is more
    than one pair. ``goldstein`` maps CAMEO roots to values; the bundled table by default.
    """
    table = goldstein if goldstein is not None else bundled_goldstein()
    pairs = list(product(event.actors or (None,), event.recipients or (None,)))
    rows = []
    for number, (actor, recipient) in enumerate(pairs, start=1):
        event_id = f"{event.event_id}-{number}" if len(pairs) > 1 else event.event_id
        rows.append(_cameo_row(event, article, event_id, actor, recipient, table, counts))
    return rows


def _cameo_row(
    event: Event,
    article: Article | None,
    event_id: str,
    actor: Actor | None,
    recipient: Actor | None,
    goldstein: Mapping[str, float],
    counts: Counts = SINGLE,
) -> dict[str, Any]:
    location = event.location
    published = article.published if article else None
    return {
        "GLOBALEVENTID": event_id,
        **_cameo_dates(event.date),
        **_cameo_actor("Actor1", actor),
        **_cameo_actor("Actor2", recipient),
        "IsRootEvent": int(event.sentence_index == 0),
        "EventCode": event.cameo,
        "EventBaseCode": event.cameo[:3],
        "EventRootCode": event.cameo[:2],
        "QuadClass": event.quad_class,
        "GoldsteinScale": goldstein.get(event.cameo[:2]),
        "NumMentions": counts[0],
        "NumSources": counts[1],
        "NumArticles": counts[2],
        "ActionGeo_FullName": location.name if location else None,
        "ActionGeo_CountryCode": location.country if location else None,
        "DATEADDED": _yyyymmdd(published.day) if published else None,
        "SOURCEURL": article.url if article else None,
        "PLOVERType": event.type,
        "PLOVERMode": event.mode,
        "Sentence": event.sentence,
    }


def _cameo_dates(date: DateValue | None) -> dict[str, Any]:
    """SQLDATE and friends from the first day of the period; all empty for an undated event."""
    if date is None:
        return {"SQLDATE": None, "MonthYear": None, "Year": None, "FractionDate": None}
    day = date.day
    days_in_year = (dt.date(day.year + 1, 1, 1) - dt.date(day.year, 1, 1)).days
    fraction = (day.timetuple().tm_yday - 1) / days_in_year
    return {
        "SQLDATE": _yyyymmdd(day),
        "MonthYear": day.year * 100 + day.month,
        "Year": day.year,
        "FractionDate": round(day.year + fraction, 4),
    }


def _cameo_actor(prefix: str, actor: Actor | None) -> dict[str, Any]:
    if actor is None:
        columns = ("Code", "Name", "CountryCode", "Type1Code")
        return {f"{prefix}{column}": None for column in columns}
    code = (actor.code or "") + (actor.sector or "")
    return {
        f"{prefix}Code": code or None,
        f"{prefix}Name": actor.name or actor.text,
        f"{prefix}CountryCode": actor.code,
        f"{prefix}Type1Code": actor.sector,
    }


def _yyyymmdd(day: dt.date) -> int:
    return day.year * 10000 + day.month * 100 + day.day


def write_plover_jsonl(records: Iterable[Record], out: TextIO) -> int:
    """One JSON object per line; returns how many were written."""
    return write_jsonl(records, out)


def write_cameo_tsv(rows: Iterable[Record], out: TextIO, *, raw: bool = False) -> int:
    """Header line, then one line per row in :data:`CAMEO_TSV_COLUMNS` order; empty for None;
    text that a spreadsheet would run as a formula is neutralised unless ``raw``."""
    out.write("\t".join(CAMEO_TSV_COLUMNS) + "\n")
    count = 0
    for row in rows:
        out.write("\t".join(_tsv_cell(row.get(column), raw) for column in CAMEO_TSV_COLUMNS)
                  + "\n")
        count += 1
    return count


def _tsv_cell(value: object, raw: bool = False) -> str:
    if value is None:
        return ""
    if not raw:
        value = inert(value)
    return CELL_BREAKS.sub(" ", str(value))


def write_event_csv(rows: Iterable[Record], out: TextIO, *, raw: bool = False) -> int:
    """The flat event table as CSV (header, then one line per :func:`event_row`)."""
    return write_csv(rows, out, EVENT_COLUMNS, raw=raw)


def write_event_parquet(rows: Iterable[Record], path: Path) -> int:
    """The flat event table as Parquet, the same columns as :func:`write_event_csv`."""
    return write_parquet(rows, path, EVENT_COLUMNS)


def write_cameo_parquet(rows: Iterable[Record], path: Path) -> int:
    return write_parquet(rows, path, CAMEO_TSV_COLUMNS)


@cache
def bundled_goldstein() -> dict[str, float]:
    """The bundled root table, read once on first use (importing reads nothing)."""
    return load_goldstein(GOLDSTEIN_PATH)


def load_goldstein(path: Path) -> dict[str, float]:
    """CAMEO root ("01" … "20") -> Goldstein value, from a ``goldstein.tsv``-shaped file."""
    table = load_table(path, ("root", "goldstein"))
    return dict(_goldstein_row(table, line, fields) for line, fields in table.rows)


def _goldstein_row(table: Table, line: int, fields: dict[str, str]) -> tuple[str, float]:
    root, cell = fields["root"], fields["goldstein"]
    if not (len(root) == 2 and root.isdigit()):
        raise table.fail(line, f"expected a two-digit CAMEO root, not {root!r}")
    try:
        value = float(cell)
    except ValueError as exc:
        raise table.fail(line, f"Goldstein value is not a number: {cell!r}") from exc
    if not -10.0 <= value <= 10.0:
        raise table.fail(line, f"Goldstein value outside -10 .. +10: {value}")
    return root, value
