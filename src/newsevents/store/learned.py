"""Actors learned across articles: what the store accepts, what it gives back, how sightings merge.

The store never imports ``newsevents.actors``; anything with the attributes of
:class:`LearnedLike` (the actors package's ``LearnedActor``) can be stored. Pure functions only;
the SQL is in ``store/actors.py``.

Sightings made while coding are staged with their article (:class:`Sighting`) and merged into the
stored actors when the coding pass ends (:func:`merge_sightings`): in an order given by their
content alone, so the merged rows do not depend on which run, or which half of a killed run,
staged which sighting.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Protocol

ORIGINS = ("learned", "user", "import")


class LearnedLike(Protocol):
    """An actor sighting: canonical name, other spellings and codes (any may be unknown)."""

    @property
    def name(self) -> str: ...

    @property
    def aliases(self) -> tuple[str, ...]: ...

    @property
    def code(self) -> str | None: ...

    @property
    def sector(self) -> str | None: ...


@dataclass(frozen=True, slots=True)
class StoredActor:
    """One row of the ``actors`` table (docs/schema.md)."""

    name: str
    aliases: tuple[str, ...]
    code: str | None
    sector: str | None
    first_seen: dt.date | None
    last_seen: dt.date | None
    mentions: int
    origin: str

    @property
    def key(self) -> str:
        return actor_key(self.name)


@dataclass(frozen=True, slots=True)
class Sighting:
    """One staged sighting: a learned actor as one article saw it, on that article's day."""

    name: str
    aliases: tuple[str, ...]
    code: str | None
    sector: str | None
    seen: dt.date | None

    @property
    def key(self) -> str:
        return actor_key(self.name)

    def order(self) -> tuple:
        """Earliest day first (undated last), then by text: the name and codes of the first
        sighting win, as they would had the articles been coded in date order."""
        return (self.seen is None, self.seen or dt.date.min, self.name, self.code or "",
                self.sector or "", self.aliases)


def actor_key(name: str) -> str:
    """The table's key: case-folded, whitespace collapsed ("Vladimir  PUTIN": "vladimir putin")."""
    return " ".join(name.casefold().split())


def check_sighting(actor: LearnedLike, origin: str) -> None:
    """Refuse, before any write, what would make a useless key or break the origin CHECK."""
    if not actor_key(actor.name):
        raise ValueError(f"a learned actor needs a non-blank name, got {actor.name!r}")
    if origin not in ORIGINS:
        raise ValueError(f"actor origin must be one of {', '.join(ORIGINS)}, not {origin!r}")


def merge_sighting(
    stored: StoredActor | None, actor: LearnedLike, seen: dt.date | None, origin: str
) -> StoredActor:
    """Fold one more sighting into what is stored (None: first sighting).

    Stored name, codes and origin win; a code or sector still unknown is filled from the
    sighting. Aliases gain the sighting's new spellings (compared by key, first spelling kept).
    """
    if stored is None:
        return StoredActor(
            name=actor.name,
            aliases=merge_aliases(actor.name, (), actor.aliases),
            code=actor.code,
            sector=actor.sector,
            first_seen=seen,
            last_seen=seen,
            mentions=1,
            origin=origin,
        )
    return replace(
        stored,
        aliases=merge_aliases(stored.name, stored.aliases, (actor.name, *actor.aliases)),
        code=stored.code if stored.code is not None else actor.code,
        sector=stored.sector if stored.sector is not None else actor.sector,
        first_seen=_earliest(stored.first_seen, seen),
        last_seen=_latest(stored.last_seen, seen),
        mentions=stored.mentions + 1,
    )


def merge_sightings(
    stored: StoredActor | None, sightings: Iterable[Sighting], origin: str = "learned"
) -> StoredActor | None:
    """Fold staged sightings of one actor into its stored row (None: not stored yet), each as
    :func:`merge_sighting` would, sorted by :meth:`Sighting.order` first: the result depends on
    which sightings there are, never on the order they come in."""
    for sighting in sorted(sightings, key=Sighting.order):
        stored = merge_sighting(stored, sighting, sighting.seen, origin)
    return stored


def merge_aliases(name: str, known: Iterable[str], new: Iterable[str]) -> tuple[str, ...]:
    """``known`` then the unseen spellings of ``new``, never the name itself or a blank."""
    seen = {actor_key(name), ""}
    merged: list[str] = []
    for alias in (*known, *new):
        key = actor_key(alias)
        if key not in seen:
            seen.add(key)
            merged.append(alias)
    return tuple(merged)


def _earliest(day: dt.date | None, other: dt.date | None) -> dt.date | None:
    days = [d for d in (day, other) if d is not None]
    return min(days) if days else None


def _latest(day: dt.date | None, other: dt.date | None) -> dt.date | None:
    days = [d for d in (day, other) if d is not None]
    return max(days) if days else None
