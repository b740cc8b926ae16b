"""The query parameters of the pages and the API, declared once (FastAPI reads the types and
bounds, and the OpenAPI document lists them) and checked by :mod:`newsevents.filters`.

Filter values arrive as the user typed them and stay so: the pages rebuild their links (the
next page, the downloads) from :meth:`EventParams.pairs`, so a bookmarked address keeps meaning
what it said. A blank value (an empty field of the filter form) is no filter.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Annotated

from fastapi import Query

from newsevents.filters import PartyResolver, event_filter
from newsevents.models import EventFilter

MAX_PAGE = 500  # events or articles in one answer
DEFAULT_PAGE = 50
MAX_OFFSET = 10_000_000
MAX_DATES, MAX_PER_DATE = 50, 10  # timeline sizes

PARTY = "a code (RUS), code+sector (RUSGOV) or name (Russia, the Kremlin, Haftar)"
PERIOD = "YYYY, YYYY-MM or YYYY-MM-DD (a year or month means all of it)."

Limit = Annotated[int, Query(ge=0, le=MAX_PAGE, description=f"At most this many (≤ {MAX_PAGE}).")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Skip this many first.")]
Since = Annotated[str | None, Query(description=f"On or after: {PERIOD}")]
Until = Annotated[str | None, Query(description=f"On or before: {PERIOD}")]
Text = Annotated[str | None, Query(description="Words that must all occur (full text).")]


@dataclass(frozen=True, slots=True)
class EventParams:
    """The event filters of a request, unchecked."""

    actor: str | None = None
    recipient: str | None = None
    dyad: str | None = None
    types: tuple[str, ...] = ()
    modes: tuple[str, ...] = ()
    quads: tuple[str, ...] = ()
    since: str | None = None
    until: str | None = None
    search: str | None = None
    include_negated: bool = False
    include_hypothetical: bool = False

    def to_filter(self, resolver: PartyResolver, *, limit: int | None = None,
                  offset: int = 0) -> EventFilter:
        """Checked and resolved; raises ``FilterError`` naming the first wrong value."""
        flt = event_filter(
            resolver, actor=self.actor, recipient=self.recipient, dyad=self.dyad,
            types=_distinct(self.types), modes=_distinct(self.modes),
            quad_classes=_distinct(self.quads), since=self.since, until=self.until,
            search=self.search, include_negated=self.include_negated,
            include_hypothetical=self.include_hypothetical, limit=limit)
        return replace(flt, types=_distinct(flt.types), modes=_distinct(flt.modes),
                       quad_classes=_distinct(flt.quad_classes), offset=offset)

    def pairs(self) -> Iterator[tuple[str, str]]:
        """The parameters as the address carries them (for links to other pages of the set)."""
        for key in ("actor", "recipient", "dyad"):
            yield key, getattr(self, key) or ""
        yield from (("type", value) for value in self.types)
        yield from (("mode", value) for value in self.modes)
        yield from (("quad", value) for value in self.quads)
        yield from (("since", self.since or ""), ("until", self.until or ""),
                    ("search", self.search or ""))
        if self.include_negated:
            yield "include_negated", "true"
        if self.include_hypothetical:
            yield "include_hypothetical", "true"

    @property
    def empty(self) -> bool:
        return self == EventParams()


def event_params(
    actor: Annotated[str | None, Query(description=f"Actor: {PARTY}.")] = None,
    recipient: Annotated[str | None, Query(description=f"Recipient: {PARTY}.")] = None,
    dyad: Annotated[str | None, Query(description="Two actors, either direction, "
                                      "comma-separated: RUS,LBY or Russia,Libya.")] = None,
    types: Annotated[list[str] | None, Query(alias="type", description="PLOVER type; "
                                             "repeatable.")] = None,
    modes: Annotated[list[str] | None, Query(alias="mode", description="PLOVER mode; "
                                             "repeatable.")] = None,
    quads: Annotated[list[str] | None, Query(alias="quad", description="Quad class 1-4; "
                                             "repeatable.")] = None,
    since: Since = None,
    until: Until = None,
    search: Annotated[str | None, Query(description="Words that must all occur in the "
                                        "event's sentence.")] = None,
    include_negated: Annotated[bool, Query(description="Also events said not to "
                                           "happen.")] = False,
    include_hypothetical: Annotated[bool, Query(description="Also hedged or conditional "
                                                "events.")] = False,
) -> EventParams:
    """The filters of ``newsevents events``, by the same names (``type``, ``mode`` and
    ``quad`` repeat)."""
    return EventParams(
        actor=blank_to_none(actor), recipient=blank_to_none(recipient),
        dyad=blank_to_none(dyad), types=_given(types), modes=_given(modes),
        quads=_given(quads), since=blank_to_none(since), until=blank_to_none(until),
        search=blank_to_none(search), include_negated=include_negated,
        include_hypothetical=include_hypothetical)


def blank_to_none(value: str | None) -> str | None:
    return value if value is not None and value.strip() else None


def _given(values: list[str] | None) -> tuple[str, ...]:
    return tuple(v for v in values or () if v.strip())


def _distinct(values: tuple) -> tuple:
    return tuple(dict.fromkeys(values))
