"""What a user asks of the store, checked and resolved into an :class:`EventFilter`.

Every face (the CLI's options, the library's keyword arguments) passes the user's values through
:func:`event_filter`, so a wrong value is an error that says what is wrong and what is close,
never a silently empty answer:

* **Actors** (``actor``, ``recipient``, both sides of ``dyad``) are given as a code ("RUS"), a
  code with its sector ("RUSGOV") or a name. A name resolves through the knowledge base and the
  actors the store has learned: a country to its code ("Russian Federation" -> RUS, every Russian
  actor), a seat of power or a body to its code and sector ("the Kremlin" -> RUSGOV), an
  organisation to its code ("NATO"), a person to their canonical name ("Haftar" -> Khalifa
  Haftar). A value that is none of these, or a word for a kind of actor ("rebels"), is refused
  with the closest known names.
* **Types, modes, quad classes** must be PLOVER's (``data/events/types.tsv`` and the trigger
  lexicon); the message lists the valid values.
* **Dates**: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (or a ``datetime.date``); ``since`` takes
  the first day of a year or month and ``until`` the last, so ``since="2011-03",
  until="2011-03"`` is all of March. ``since`` after ``until`` is refused.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import fuzz, process

from newsevents.actors.entries import EntryKind
from newsevents.actors.knowledge import KnowledgeBase
from newsevents.actors.normalize import normalize_name
from newsevents.errors import FilterError
from newsevents.ingest.article import valid_text
from newsevents.events.lexicon import default_lexicon
from newsevents.models import EventFilter
from newsevents.store import Store

PERIOD = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
QUAD_CLASSES = (1, 2, 3, 4)  # verbal cooperation, material cooperation, verbal / material conflict
MAX_LIMIT = 2**62  # SQLite integers are 64-bit
SUGGESTIONS = 5
SUGGESTION_CUTOFF = 75  # rapidfuzz WRatio


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The PLOVER types and modes the coder can produce."""

    types: frozenset[str]
    modes: frozenset[str]


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    lexicon = default_lexicon()
    modes = {mode for info in lexicon.types.values() for mode, _ in info.mode_intensity}
    modes |= {trigger.mode for triggers in lexicon.by_lemma.values() for trigger in triggers
              if trigger.mode}
    return Vocabulary(frozenset(lexicon.types) - {"NONE"}, frozenset(modes))


def period_start(value: str | dt.date, option: str = "--since") -> dt.date:
    """The first day of ``value`` (a year, a month or a day)."""
    return _period(value, option)[0]


def period_end(value: str | dt.date, option: str = "--until") -> dt.date:
    """The last day of ``value`` (a year, a month or a day)."""
    return _period(value, option)[1]


def _period(value: str | dt.date, option: str) -> tuple[dt.date, dt.date]:
    if isinstance(value, dt.datetime):
        return value.date(), value.date()
    if isinstance(value, dt.date):
        return value, value
    match = PERIOD.fullmatch(str(value).strip())
    try:
        if match is None:
            raise ValueError
        year, month, day = (int(part) if part else None for part in match.groups())
        if month is None:
            return dt.date(year, 1, 1), dt.date(year, 12, 31)
        if day is None:
            return dt.date(year, month, 1), dt.date(year, month,
                                                     calendar.monthrange(year, month)[1])
        return dt.date(year, month, day), dt.date(year, month, day)
    except ValueError:
        raise FilterError(option, str(value),
                          "is not a date: give YYYY, YYYY-MM or YYYY-MM-DD") from None


class PartyResolver:
    """Turns what a user calls an actor into what the store matches (see the module doc)."""

    def __init__(self, kb: KnowledgeBase, store: Store | None = None) -> None:
        self.kb = kb
        participants = store.participants() if store is not None else []
        learned = store.known_actors() if store is not None else []
        entries = list(kb.entries())
        self.codes = {c.upper() for c, _, _ in participants if c} | {
            e.code.upper() for e in entries if e.code}
        self.pairs = {f"{c}{s}".upper() for c, s, _ in participants if c and s} | {
            f"{e.code}{e.sector}".upper() for e in entries if e.code and e.sector}
        self.stored_names = {normalize_name(n): n for _, _, n in participants if n}
        self.learned = {normalize_name(alias): actor.name for actor in learned
                        for alias in (actor.name, *actor.aliases)}
        self.known_names = sorted({e.name for e in entries if e.kind is not EntryKind.SECTOR}
                                  | set(self.stored_names.values()) | set(self.learned.values()))

    def resolve(self, value: str, option: str = "--actor") -> str:
        text = value.strip()
        if not text:
            raise FilterError(option, value, "is empty: give a code (RUS), a code with a "
                              "sector (RUSGOV) or a name (Russia)")
        if text.upper() in self.codes or text.upper() in self.pairs:
            return text.upper()
        if (entry := self.kb.lookup(text)) is not None:
            return self._from_entry(entry, text, option)
        key = normalize_name(text)
        if key in self.learned:
            return self.learned[key]
        if key in self.stored_names:
            return self.stored_names[key]
        raise FilterError(option, value, "names no known actor or code",
                          self.close_matches(text))

    def _from_entry(self, entry, text: str, option: str) -> str:  # noqa: ANN001 - a KBEntry
        if entry.kind is EntryKind.SECTOR or entry.code is None:
            example = f"LBY{entry.sector}" if entry.sector else "LBYREB"
            raise FilterError(option, text, "is a kind of actor, not an actor: give a code "
                              f"with a sector such as {example}")
        if entry.kind is EntryKind.PERSON:
            return entry.name
        if entry.kind is EntryKind.PLACE and entry.sector:  # a seat of power: "the Kremlin"
            return f"{entry.code}{entry.sector}"
        return entry.code

    def close_matches(self, text: str) -> tuple[str, ...]:
        found = process.extract(text, self.known_names, scorer=fuzz.WRatio,
                                limit=SUGGESTIONS, score_cutoff=SUGGESTION_CUTOFF)
        return tuple(self._label(name) for name, _, _ in found)

    def _label(self, name: str) -> str:
        entry = self.kb.lookup(name)
        return f"{name} ({entry.code})" if entry is not None and entry.code else name


def event_filter(
    resolver: PartyResolver,
    *,
    actor: str | None = None,
    recipient: str | None = None,
    dyad: str | Sequence[str] | None = None,
    types: Iterable[str] = (),
    modes: Iterable[str] = (),
    quad_classes: Iterable[int | str] = (),
    since: str | dt.date | None = None,
    until: str | dt.date | None = None,
    search: str | None = None,
    article_id: str | None = None,
    include_negated: bool = False,
    include_hypothetical: bool = False,
    limit: int | None = None,
) -> EventFilter:
    """The checked, resolved filter; raises :class:`FilterError` on the first wrong value."""
    first = period_start(since, "--since") if since is not None else None
    last = period_end(until, "--until") if until is not None else None
    if first is not None and last is not None and first > last:
        raise FilterError("--since", str(since), f"is after --until {until}")
    if limit is not None and not 0 <= limit <= MAX_LIMIT:
        raise FilterError("--limit", str(limit), f"must be from 0 to {MAX_LIMIT}")
    return EventFilter(
        actor=resolver.resolve(actor, "--actor") if actor is not None else None,
        recipient=resolver.resolve(recipient, "--recipient") if recipient is not None else None,
        dyad=_dyad(resolver, dyad) if dyad is not None else None,
        types=checked_types(types), modes=checked_modes(modes),
        quad_classes=checked_quads(quad_classes), since=first, until=last,
        search=valid_text(search), article_id=valid_text(article_id), include_negated=include_negated,
        include_hypothetical=include_hypothetical, limit=limit,
    )


def _dyad(resolver: PartyResolver, dyad: str | Sequence[str]) -> tuple[str, str]:
    parts = [p.strip() for p in dyad.split(",")] if isinstance(dyad, str) else list(dyad)
    if len(parts) != 2 or not all(parts):
        raise FilterError("--dyad", str(dyad), "give two actors separated by a comma, "
                          "e.g. RUS,LBY or Russia,Libya")
    return resolver.resolve(parts[0], "--dyad"), resolver.resolve(parts[1], "--dyad")


def checked_types(values: Iterable[str]) -> tuple[str, ...]:
    valid = vocabulary().types
    return tuple(_member("--type", value.strip().upper(), valid) for value in values)


def checked_modes(values: Iterable[str]) -> tuple[str, ...]:
    valid = vocabulary().modes
    return tuple(_member("--mode", value.strip().lower(), valid) for value in values)


def checked_quads(values: Iterable[int | str]) -> tuple[int, ...]:
    quads = []
    for value in values:
        try:
            quad = int(value)
        except (TypeError, ValueError):
            quad = 0
        if quad not in QUAD_CLASSES:
            raise FilterError("--quad", str(value), "is not a quad class: give 1 (verbal "
                              "cooperation), 2 (material cooperation), 3 (verbal conflict) or "
                              "4 (material conflict)")
        quads.append(quad)
    return tuple(quads)


def _member(option: str, value: str, valid: frozenset[str]) -> str:
    if value not in valid:
        close = tuple(name for name, _, _ in process.extract(
            value, sorted(valid), scorer=fuzz.WRatio, limit=3, score_cutoff=60))
        raise FilterError(option, value, f"is not valid; valid values: {', '.join(sorted(valid))}",
                          close)
    return value
