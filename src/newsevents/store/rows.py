"""The one place where models become SQL rows and rows become models again.

Dates are stored twice on purpose: ``DateValue.iso()`` (what users and JSON see: 2011-W28) and the
exact first day of the period (``*_day``, ISO 2011-07-11) which sorts and range-queries correctly
and makes the round trip exact. Booleans are 0/1, lists are JSON text.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import sqlite3
import struct
from collections.abc import Mapping, Sequence
from typing import Any, TypeAlias

from newsevents.models import (
    Actor,
    Article,
    DateSource,
    DateValue,
    Event,
    Location,
    Precision,
    Quote,
)
from newsevents.store.learned import LearnedLike, Sighting, StoredActor

Row = dict[str, Any]
RowLike: TypeAlias = sqlite3.Row | Mapping[str, Any]  # from_row accepts dicts too (tests)
DateColumns = tuple[str | None, str | None, str | None]


def pack_signature(signature: Sequence[int]) -> bytes:
    """MinHash values as little-endian uint64, 8 bytes each."""
    try:
        return struct.pack(f"<{len(signature)}Q", *signature)
    except struct.error as exc:
        raise ValueError(f"MinHash values must be integers in 0 .. 2**64-1: {exc}") from exc


def unpack_signature(blob: bytes | None) -> tuple[int, ...]:
    if not blob:
        return ()
    return struct.unpack(f"<{len(blob) // 8}Q", blob)


def date_columns(value: DateValue | None) -> DateColumns:
    """(iso, precision, day) for a DateValue, or three NULLs."""
    if value is None:
        return None, None, None
    return value.iso(), value.precision.value, value.day.isoformat()


def date_from_columns(precision: str | None, day: str | None) -> DateValue | None:
    if precision is None or day is None:
        return None
    return DateValue(dt.date.fromisoformat(day), Precision(precision))


def article_to_row(article: Article, signature: Sequence[int], ingested_at: str) -> Row:
    published, precision, day = date_columns(article.published)
    return {
        "id": article.id,
        "url": article.url,
        "source": article.source,
        "title": article.title,
        "text": article.text,
        "published": published,
        "published_precision": precision,
        "published_day": day,
        "published_source": article.published_source.value,
        "published_window_start": window_columns(article.published_window)[0],
        "published_window_end": window_columns(article.published_window)[1],
        "path": article.path,
        "language": article.language,
        "cut": json.dumps(dict(article.cut), sort_keys=True) if article.cut else None,
        "signature": pack_signature(signature),
        "ingested_at": ingested_at,
    }


def article_from_row(row: RowLike) -> Article:
    return Article(
        id=row["id"],
        text=row["text"],
        title=row["title"],
        url=row["url"],
        source=row["source"],
        published=date_from_columns(row["published_precision"], row["published_day"]),
        published_source=DateSource(row["published_source"]),
        path=row["path"],
        language=row["language"],
        published_window=window_from_columns(row["published_window_start"],
                                             row["published_window_end"]),
        cut=cut_from_column(row["cut"]),
    )


def cut_from_column(value: str | None) -> tuple[tuple[str, int], ...]:
    """The ``cut`` column (a JSON object of line counts per kind) as sorted pairs."""
    if not value:
        return ()
    return tuple(sorted((str(kind), int(n)) for kind, n in json.loads(value).items()))


def window_columns(window: tuple[dt.date, dt.date] | None) -> tuple[str | None, str | None]:
    return (window[0].isoformat(), window[1].isoformat()) if window else (None, None)


def window_from_columns(start: str | None, end: str | None) -> tuple[dt.date, dt.date] | None:
    if start is None or end is None:
        return None
    return dt.date.fromisoformat(start), dt.date.fromisoformat(end)


def event_to_row(event: Event, position: int) -> Row:
    date, precision, day = date_columns(event.date)
    location = event.location
    return {
        "event_id": event.event_id,
        "article_id": event.article_id,
        "position": position,
        "type": event.type,
        "mode": event.mode,
        "cameo": event.cameo,
        "quad_class": event.quad_class,
        "intensity": event.intensity,
        "negated": int(event.negated),
        "hypothetical": int(event.hypothetical),
        "date": date,
        "date_precision": precision,
        "date_day": day,
        "date_evidence": event.date_evidence,
        "location_name": location.name if location else None,
        "location_country": location.country if location else None,
        "trigger": event.trigger,
        "sentence": event.sentence,
        "sentence_index": event.sentence_index,
        "char_start": event.char_start,
        "char_end": event.char_end,
        "confidence": event.confidence,
        "contexts": json.dumps(list(event.contexts), ensure_ascii=False),
    }


def event_actor_rows(event: Event) -> list[Row]:
    """One row per participant; ``position`` keeps the order of the model's tuples."""
    roles = (("actor", event.actors), ("recipient", event.recipients))
    return [
        {"event_id": event.event_id, "role": role, "position": position, **actor_to_row(actor)}
        for role, actors in roles
        for position, actor in enumerate(actors)
    ]


def actor_to_row(actor: Actor) -> Row:
    return {"text": actor.text, "code": actor.code, "sector": actor.sector, "name": actor.name,
            "resolved_from": actor.resolved_from}


def actor_from_row(row: RowLike) -> Actor:
    return Actor(text=row["text"], code=row["code"], sector=row["sector"], name=row["name"],
                 resolved_from=row["resolved_from"])


def event_from_row(row: RowLike, participants: Sequence[RowLike]) -> Event:
    """``participants`` are the event's ``event_actors`` rows ordered by role and position."""
    location = None
    if row["location_name"] is not None:
        location = Location(row["location_name"], row["location_country"])
    return Event(
        event_id=row["event_id"],
        article_id=row["article_id"],
        type=row["type"],
        mode=row["mode"],
        cameo=row["cameo"],
        quad_class=row["quad_class"],
        intensity=row["intensity"],
        actors=tuple(actor_from_row(p) for p in participants if p["role"] == "actor"),
        recipients=tuple(actor_from_row(p) for p in participants if p["role"] == "recipient"),
        trigger=row["trigger"],
        sentence=row["sentence"],
        sentence_index=row["sentence_index"],
        char_start=row["char_start"],
        char_end=row["char_end"],
        negated=bool(row["negated"]),
        hypothetical=bool(row["hypothetical"]),
        date=date_from_columns(row["date_precision"], row["date_day"]),
        date_evidence=row["date_evidence"],
        location=location,
        confidence=row["confidence"],
        contexts=tuple(json.loads(row["contexts"])),
        cluster_id=row["cluster_id"],
    )


def quote_id(quote: Quote, position: int) -> str:
    """Content-derived: the same quote at the same place in the article keeps its id."""
    content = "\x1f".join(
        (quote.article_id, str(position), str(quote.sentence_index), quote.speaker.text, quote.text)
    )
    return hashlib.sha1(content.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def quote_to_row(quote: Quote, position: int) -> Row:
    speaker = quote.speaker
    return {
        "quote_id": quote_id(quote, position),
        "article_id": quote.article_id,
        "position": position,
        "speaker_text": speaker.text,
        "speaker_code": speaker.code,
        "speaker_sector": speaker.sector,
        "speaker_name": speaker.name,
        "text": quote.text,
        "sentence_index": quote.sentence_index,
        "direct": int(quote.direct),
    }


def quote_from_row(row: RowLike) -> Quote:
    speaker = Actor(
        text=row["speaker_text"],
        code=row["speaker_code"],
        sector=row["speaker_sector"],
        name=row["speaker_name"],
    )
    return Quote(
        article_id=row["article_id"],
        speaker=speaker,
        text=row["text"],
        sentence_index=row["sentence_index"],
        direct=bool(row["direct"]),
    )


def stored_actor_to_row(actor: StoredActor) -> Row:
    return {
        "actor_key": actor.key,
        "name": actor.name,
        "code": actor.code,
        "sector": actor.sector,
        "aliases": json.dumps(list(actor.aliases), ensure_ascii=False),
        "first_seen": actor.first_seen.isoformat() if actor.first_seen else None,
        "last_seen": actor.last_seen.isoformat() if actor.last_seen else None,
        "mentions": actor.mentions,
        "origin": actor.origin,
    }


def stored_actor_from_row(row: RowLike) -> StoredActor:
    return StoredActor(
        name=row["name"],
        aliases=tuple(json.loads(row["aliases"])),
        code=row["code"],
        sector=row["sector"],
        first_seen=_date_or_none(row["first_seen"]),
        last_seen=_date_or_none(row["last_seen"]),
        mentions=row["mentions"],
        origin=row["origin"],
    )


def sighting_to_row(article_id: str, position: int, actor: LearnedLike,
                    seen: dt.date | None) -> Row:
    return {
        "article_id": article_id,
        "position": position,
        "name": actor.name,
        "aliases": json.dumps(list(actor.aliases), ensure_ascii=False),
        "code": actor.code,
        "sector": actor.sector,
        "seen": seen.isoformat() if seen else None,
    }


def sighting_from_row(row: RowLike) -> Sighting:
    return Sighting(row["name"], tuple(json.loads(row["aliases"])), row["code"], row["sector"],
                    _date_or_none(row["seen"]))


def _date_or_none(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value is not None else None


def insert_sql(table: str, row: Row, verb: str = "INSERT") -> str:
    """``INSERT INTO table (cols) VALUES (:cols)`` for a row dict; names come from our code only."""
    columns = ", ".join(row)
    params = ", ".join(f":{name}" for name in row)
    return f"{verb} INTO {table} ({columns}) VALUES ({params})"
