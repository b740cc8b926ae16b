"""Typed objects that flow between the stages.

Every stage talks to the next only through these frozen, slotted dataclasses; dictionaries appear
only at the JSON and SQL edges (``to_json`` here, ``to_row``/``from_row`` in ``store``).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class Precision(StrEnum):
    """How much of a date the evidence pins down; never claim more than the text gives."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    YEAR = "year"


class DateSource(StrEnum):
    """Where an article's publication date came from (the ``published_source`` field)."""

    METADATA = "metadata"
    DATELINE = "dateline"
    URL = "url"
    PATH = "path"
    INFERRED = "inferred"
    NONE = "none"


class Severity(StrEnum):
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date known to a given precision.

    ``day`` is the first day of the period: 2011-07-01 with MONTH precision means "July 2011";
    with WEEK precision it is the Monday of that ISO week.
    """

    day: dt.date
    precision: Precision = Precision.DAY

    def iso(self) -> str:
        """TIMEX3-style value: 2011-07-13, 2011-W28, 2011-07 or 2011."""
        if self.precision is Precision.DAY:
            return self.day.isoformat()
        if self.precision is Precision.WEEK:
            year, week, _ = self.day.isocalendar()
            return f"{year}-W{week:02d}"
        if self.precision is Precision.MONTH:
            return f"{self.day.year:04d}-{self.day.month:02d}"
        return f"{self.day.year:04d}"

    @classmethod
    def parse(cls, value: str) -> DateValue:
        """Inverse of :meth:`iso`; raises ``ValueError`` on anything else."""
        text = value.strip()
        if len(text) == 4 and text.isdigit():
            return cls(dt.date(int(text), 1, 1), Precision.YEAR)
        if len(text) == 7 and text[4] == "-":
            return cls(dt.date(int(text[:4]), int(text[5:]), 1), Precision.MONTH)
        if len(text) == 8 and text[4:6] == "-W":
            monday = dt.date.fromisocalendar(int(text[:4]), int(text[6:]), 1)
            return cls(monday, Precision.WEEK)
        return cls(dt.date.fromisoformat(text[:10]), Precision.DAY)


@dataclass(frozen=True, slots=True)
class Article:
    """One news article as read from the user's input, before any NLP."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    source: str | None = None
    published: DateValue | None = None
    published_source: DateSource = DateSource.NONE
    path: str | None = None
    language: str = "en"
    # the narrowest honest range when no day, month or single year can be claimed
    # (e.g. the terms of the office holders the text names): first and last possible day
    published_window: tuple[dt.date, dt.date] | None = None
    # what ingest cut from the page, as (kind, lines): ("comments", 183), ("furniture", 4)
    cut: tuple[tuple[str, int], ...] = ()

    def to_json(self) -> dict[str, Any]:
        published = self.published
        window = self.published_window
        return {
            "id": self.id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "text": self.text,
            "published": published.iso() if published else None,
            "published_precision": published.precision.value if published else None,
            "published_source": self.published_source.value,
            "published_window": [window[0].isoformat(), window[1].isoformat()] if window else None,
            "path": self.path,
            "language": self.language,
            "cut": dict(self.cut),
        }


ONE_LINE = str.maketrans({"\n": "\\n", "\r": "\\r"})


@dataclass(frozen=True, slots=True)
class Problem:
    """Something wrong with the input: reported, never fatal to the rest of the run."""

    path: str
    message: str
    line: int | None = None
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        """One line, always: a line break in a file name or message is shown as \\n."""
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.severity.value}: {self.message}".translate(ONE_LINE)


@dataclass(frozen=True, slots=True)
class Actor:
    """A participant as the text names it, with its codes (see docs/schema.md)."""

    text: str
    code: str | None
    sector: str | None = None
    name: str | None = None
    resolved_from: str | None = None  # the antecedent's words when coreference gave the codes

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "code": self.code, "sector": self.sector, "name": self.name,
                "resolved_from": self.resolved_from}


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    country: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "country": self.country}


@dataclass(frozen=True, slots=True)
class Event:
    """One coded event mention: who did what to whom, when and where, from which sentence."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    cameo: str
    quad_class: int
    intensity: float
    actors: tuple[Actor, ...]
    recipients: tuple[Actor, ...]
    trigger: str
    sentence: str
    sentence_index: int
    char_start: int
    char_end: int
    negated: bool = False
    hypothetical: bool = False
    date: DateValue | None = None
    date_evidence: str | None = None
    location: Location | None = None
    confidence: float = 0.5
    contexts: tuple[str, ...] = ()
    cluster_id: str | None = None  # the real-world event this mention belongs to (stories.merge)

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id,
            "cluster_id": self.cluster_id,
            "type": self.type,
            "mode": self.mode,
            "cameo": self.cameo,
            "quad_class": self.quad_class,
            "intensity": self.intensity,
            "negated": self.negated,
            "hypothetical": self.hypothetical,
            "actors": [a.to_json() for a in self.actors],
            "recipients": [a.to_json() for a in self.recipients],
            "date": self.date.iso() if self.date else None,
            "date_precision": self.date.precision.value if self.date else None,
            "date_evidence": self.date_evidence,
            "location": self.location.to_json() if self.location else None,
            "trigger": self.trigger,
            "sentence": self.sentence,
            "sentence_index": self.sentence_index,
            "char_start": self.char_start,
            "char_end": self.char_end,
            "confidence": self.confidence,
            "contexts": list(self.contexts),
        }


@dataclass(frozen=True, slots=True)
class Quote:
    """A direct or indirect quotation attributed to a speaker."""

    article_id: str
    speaker: Actor
    text: str
    sentence_index: int
    direct: bool = True

    def to_json(self) -> dict[str, Any]:
        return {
            "speaker": self.speaker.to_json(),
            "text": self.text,
            "sentence_index": self.sentence_index,
            "direct": self.direct,
        }


@dataclass(frozen=True, slots=True)
class Story:
    story_id: str
    label: str
    first_date: dt.date | None
    last_date: dt.date | None
    article_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: dt.date
    sentences: tuple[str, ...]
    sources: tuple[str, ...] = field(default=())


class TimexType(StrEnum):
    DATE = "DATE"
    TIME = "TIME"
    DURATION = "DURATION"
    SET = "SET"


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A time expression with its TIMEX3 type and value normalised against the article date.

    ``start``/``end`` are character offsets into the text it was found in; ``value`` follows
    TIMEX3 (2011-07-13, 2011-W28, 2011-07, 2011, PRESENT_REF, P3D, XXXX-03-17 …). ``mod`` is
    the TIMEX3 modifier the words add without changing the value: START ("early December"),
    MID, END, APPROX ("about a month"), LESS_THAN, MORE_THAN, BEFORE ("more than a year ago") …
    """

    start: int
    end: int
    text: str
    type: TimexType
    value: str
    mod: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "type": self.type.value,
            "value": self.value,
        }
        if self.mod is not None:
            out["mod"] = self.mod
        return out


@dataclass(frozen=True, slots=True)
class EventFilter:
    """What ``newsevents events`` asks of the store; every field narrows, None means any.

    ``actor``/``recipient``/``dyad`` sides match an actor's code ("RUS"), code+sector ("RUSGOV")
    or canonical name, case-insensitively. ``dyad`` matches either direction.
    """

    actor: str | None = None
    recipient: str | None = None
    dyad: tuple[str, str] | None = None
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    quad_classes: tuple[int, ...] = ()
    since: dt.date | None = None
    until: dt.date | None = None
    search: str | None = None
    article_id: str | None = None
    include_negated: bool = False
    include_hypothetical: bool = False
    limit: int | None = None
    offset: int = 0  # events skipped before the first one given (pages of a long answer)
