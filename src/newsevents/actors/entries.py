"""What the actor knowledge base holds: one frozen ``KBEntry`` per name, office, word or place."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class EntryKind(StrEnum):
    COUNTRY = "country"
    ORGANIZATION = "organization"
    PERSON = "person"
    PLACE = "place"
    SECTOR = "sector"


class SectorRank(StrEnum):
    """How strongly a sector word decides its phrase's sector (see data/actors/sectors.tsv)."""

    BODY = "body"
    ROLE = "role"
    STATUS = "status"


SECTOR_CODES: Mapping[str, str] = {
    "GOV": "government",
    "MIL": "military",
    "REB": "armed opposition, rebels",
    "OPP": "political opposition",
    "CVL": "civilians, protesters",
    "LEG": "legislature",
    "JUD": "judiciary",
    "PTY": "political parties",
    "COP": "police and security forces",
    "SPY": "intelligence",
    "ELI": "former officials, elites",
    "BUS": "business",
    "MED": "medical and health",
    "REL": "religion",
    "JRN": "journalists and media",
    "EDU": "education",
    "LAB": "labour",
    "CRM": "crime",
    "NGO": "non-governmental organisations",
    "UNK": "unknown actor",
}
"""The closed set of sector codes: PLOVER/POLECAT's, plus the few CAMEO ones we keep."""

OFFICIAL_SECTORS = frozenset({"GOV", "MIL", "LEG", "JUD", "COP", "SPY"})
"""Sectors of office holders, which a status word such as "former" turns into ELI."""


@dataclass(frozen=True, slots=True)
class KBEntry:
    """One thing the knowledge base knows.

    ``name`` is the canonical name the resolver reports; ``aliases`` are the other names it was
    listed under. ``start``/``end`` bound a person's office (``end`` None: ongoing), ``office``
    says which office; ``rank`` is set on sector words only.
    """

    code: str | None
    sector: str | None
    name: str
    kind: EntryKind
    start: dt.date | None = None
    end: dt.date | None = None
    aliases: tuple[str, ...] = ()
    office: str | None = None
    rank: SectorRank | None = None

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None

    def valid_on(self, day: dt.date) -> bool:
        """Whether the entry holds on ``day``; the end day is the successor's first day."""
        after_start = self.start is None or self.start <= day
        before_end = self.end is None or day < self.end
        return after_start and before_end


@dataclass(frozen=True, slots=True)
class LearnedActor:
    """An actor the resolver learned from an article's own text ("rebel spokesman X").

    The pipeline persists these (with first/last seen dates) and passes them back through
    ``ArticleActors.build(known=...)``. ``confidence`` is lower when the country came only from
    the article's dominant country.
    """

    name: str
    aliases: tuple[str, ...]
    code: str | None
    sector: str | None
    kind: EntryKind = EntryKind.PERSON
    confidence: float = 0.9

    def to_entry(self) -> KBEntry:
        return KBEntry(self.code, self.sector, self.name, self.kind, aliases=self.aliases)
