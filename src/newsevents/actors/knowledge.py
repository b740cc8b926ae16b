"""The actor knowledge base: countries, organisations, people in office, sector words, places.

The bundled part is read once per process from ``data/actors/*.tsv`` (cached); users add their
own files in the same TSV formats or as PETRARCH/Phoenix actor dictionaries, and their entries
win over the bundled ones for the same name.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path

from rapidfuzz import fuzz, process

from newsevents.actors.entries import OFFICIAL_SECTORS, EntryKind, KBEntry
from newsevents.actors.normalize import normalize_name
from newsevents.actors.petrarch import looks_like_petrarch, read_petrarch_rows
from newsevents.actors.tables import Row, read_honorifics, read_table, rows_from_table
from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table
from newsevents.errors import DataFileError

ACTORS_DATA_DIR = DATA_DIR / "actors"
BUNDLED_FILES = ("countries.tsv", "organizations.tsv", "regions.tsv", "sectors.tsv", "people.tsv")
HONORIFICS_FILE = "honorifics.tsv"
GROUPS_FILE = "groups.tsv"

Index = dict[str, list[KBEntry]]


class KnowledgeBase:
    """Names -> entries, looked up in normal form (see ``normalize_name``)."""

    def __init__(
        self, names: Index, places: Index, code_names: dict[str, str], honorifics: frozenset[str],
        groups: dict[str, tuple[str, ...]] | None = None,
    ) -> None:
        self._names = names
        self._places = places
        self._code_names = code_names
        self._honorifics = honorifics
        self._groups = groups or {}
        self._person_keys: tuple[str, ...] | None = None
        self._person_lengths: dict[int, list[int]] | None = None
        self._first_words: frozenset[str] | None = None

    def __len__(self) -> int:
        return len(self._names)

    def lookup(self, phrase: str, on: dt.date | None = None) -> KBEntry | None:
        """The entry ``phrase`` names; for a person, the office held ``on`` that day if given."""
        entries = self._names.get(normalize_name(phrase))
        return pick_entry(entries, on) if entries else None

    def is_name(self, phrase: str) -> bool:
        """Does ``phrase`` name a country, place, body or person (not a kind of actor such as
        "rebels")? Headlines in Title Case keep such words capitalised for the parser."""
        entries = self._names.get(normalize_name(phrase))
        return bool(entries) and any(e.kind is not EntryKind.SECTOR for e in entries)

    def lookup_place(self, phrase: str) -> KBEntry | None:
        """A country, city, region or seat of power named ``phrase`` (locations only)."""
        entries = self._places.get(normalize_name(phrase))
        return entries[0] if entries else None

    def offices_for(self, name: str) -> list[KBEntry]:
        """Every dated office of the person ``name`` (any alias), earliest first."""
        entries = self._names.get(normalize_name(name), [])
        people = [e for e in entries if e.kind is EntryKind.PERSON]
        return sorted(people, key=lambda e: (e.start or dt.date.min, e.end or dt.date.max))

    def name_of(self, code: str) -> str | None:
        """Canonical name of an actor code: "Russia" for RUS, "United Nations" for UNO."""
        return self._code_names.get(code)

    def members(self, name: str | None) -> tuple[str, ...]:
        """The member states of a group named ``name`` (an entry's canonical name: "Group of
        Seven" -> CAN, FRA, DEU ...), from groups.tsv; empty for anything else."""
        return self._groups.get(normalize_name(name), ()) if name else ()

    def is_honorific(self, word: str) -> bool:
        return normalize_name(word) in self._honorifics

    def first_words(self) -> frozenset[str]:
        """The first word of every name in normal form: a phrase whose first word is none of
        them names nothing here (the matcher skips it)."""
        if self._first_words is None:
            self._first_words = frozenset(key.split(" ", 1)[0] for key in self._names)
        return self._first_words

    def person_keys(self) -> tuple[str, ...]:
        """Normal-form keys that name people, for fuzzy matching of spelling variants."""
        if self._person_keys is None:
            self._person_keys = tuple(
                key for key, entries in self._names.items()
                if entries[0].kind is EntryKind.PERSON
            )
        return self._person_keys

    def closest_person(self, key: str, cutoff: float) -> tuple[str, float] | None:
        """The person key spelled most like the normal-form ``key`` (rapidfuzz ``fuzz.ratio`` at
        least ``cutoff``; the first in :meth:`person_keys` of equals), with its score. Only
        keys of a length that can reach the cutoff are compared: the ratio is at most twice
        the shorter length over both lengths."""
        keys = self.person_keys()
        if self._person_lengths is None:
            self._person_lengths = {}
            for position, person in enumerate(keys):
                self._person_lengths.setdefault(len(person), []).append(position)
        size = len(key)
        near = sorted(position for length, positions in self._person_lengths.items()
                      if 200 * min(size, length) >= (cutoff - 1e-6) * (size + length)
                      for position in positions)
        hit = process.extractOne(key, [keys[p] for p in near], scorer=fuzz.ratio,
                                 score_cutoff=cutoff)
        return (hit[0], hit[1]) if hit is not None else None

    def entries(self) -> Iterator[KBEntry]:
        """Every distinct entry, once."""
        seen: set[int] = set()
        for entries in self._names.values():
            for entry in entries:
                if id(entry) not in seen:
                    seen.add(id(entry))
                    yield entry

    def extended(self, rows: Iterable[Row]) -> KnowledgeBase:
        """A new knowledge base with ``rows`` added; they win over existing names."""
        added = IndexBuilder(strict=False)
        for row in rows:
            added.add(row)
        return KnowledgeBase(
            {**self._names, **added.names},
            {**self._places, **added.places},
            {**added.code_names, **self._code_names},
            self._honorifics,
            self._groups,
        )


def pick_entry(entries: Sequence[KBEntry], on: dt.date | None) -> KBEntry:
    """Choose among a name's entries (a person's offices): the one valid ``on`` that day.

    Without a date: the ongoing or most recent office. With one: the office held that day; if
    the person had left every office by then, their last office with sector ELI (a former
    official, as CAMEO codes them); if they had not taken office yet, their first office.
    """
    if len(entries) == 1:
        return entries[0]
    if on is None:
        return max(entries, key=_recency)
    current = [e for e in entries if e.valid_on(on)]
    if current:
        return max(current, key=_recency)
    past = [e for e in entries if e.end is not None and e.end <= on]
    if past:
        last = max(past, key=lambda e: e.end or dt.date.min)
        return replace(last, sector="ELI") if last.sector in OFFICIAL_SECTORS else last
    return min(entries, key=lambda e: e.start or dt.date.min)


def _recency(entry: KBEntry) -> tuple[bool, bool, dt.date]:
    return (entry.dated, entry.end is None, entry.start or dt.date.min)


class IndexBuilder:
    """Builds the name and place indexes; ``strict`` makes a name listed twice an error."""

    def __init__(self, *, strict: bool) -> None:
        self.strict = strict
        self.names: Index = {}
        self.places: Index = {}
        self.code_names: dict[str, str] = {}
        self._people: dict[str, list[KBEntry]] = {}

    def add(self, row: Row) -> None:
        entry = row.entry
        if entry.code and entry.kind in (EntryKind.COUNTRY, EntryKind.ORGANIZATION):
            self.code_names.setdefault(entry.code, entry.name)
        target = self._offices(row) if entry.kind is EntryKind.PERSON else [entry]
        for raw in row.keys:
            key = normalize_name(raw)
            if not key:  # e.g. a Cyrillic alias in a PETRARCH file: unusable for English text
                if self.strict:
                    message = f"name {raw!r} has no Latin letters or digits"
                    raise DataFileError(row.path, row.line, message)
                continue
            if row.as_name:
                self._put(self.names, key, target, row)
            if row.as_place:
                self._put(self.places, key, [entry], row)

    def _offices(self, row: Row) -> list[KBEntry]:
        """The shared list of one person's offices; every alias of the person points to it."""
        entry = row.entry
        offices = self._people.setdefault(normalize_name(entry.name), [])
        repeated = any(o.start == entry.start and o.office == entry.office for o in offices)
        if self.strict and repeated:
            raise DataFileError(row.path, row.line, f"{entry.name}: office listed twice")
        offices.append(entry)
        return offices

    def _put(self, index: Index, key: str, target: list[KBEntry], row: Row) -> None:
        existing = index.get(key)
        if existing is None or existing is target or existing[0] == target[0]:
            index[key] = target
            return
        if self.strict:
            other = existing[0]
            raise DataFileError(
                row.path, row.line,
                f"duplicate name {key!r}: already {other.kind.value} {other.name} ({other.code})",
            )
        index[key] = target


def read_actor_file(path: Path) -> list[Row]:
    """Rows of a user's file: one of our TSV formats, or a PETRARCH actor dictionary."""
    table = read_table(path)
    if table is not None:
        return rows_from_table(table)
    if looks_like_petrarch(path):
        return list(read_petrarch_rows(path))
    raise DataFileError(
        str(path), 1, "neither a newsevents actor TSV (no header row) nor a PETRARCH dictionary"
    )


def knowledge_base_from_files(
    paths: Sequence[Path], honorifics_path: Path = ACTORS_DATA_DIR / HONORIFICS_FILE,
    groups_path: Path | None = ACTORS_DATA_DIR / GROUPS_FILE,
) -> KnowledgeBase:
    """A knowledge base from ``paths`` alone, strictly: a name listed twice is an error."""
    builder = IndexBuilder(strict=True)
    for path in paths:
        for row in read_actor_file(path):
            builder.add(row)
    table = load_table(honorifics_path, ("title",))
    honorifics = frozenset(normalize_name(title) for title in read_honorifics(table))
    groups = read_groups(groups_path, builder.names) if groups_path is not None else {}
    return KnowledgeBase(builder.names, builder.places, builder.code_names, honorifics, groups)


def read_groups(path: Path, names: Index) -> dict[str, tuple[str, ...]]:
    """groups.tsv: a group's canonical name (an entry of the other files) -> member codes."""
    table = load_table(path, ("name", "members"))
    groups = {}
    for number, row in table.rows:
        key = normalize_name(row["name"])
        if key not in names:
            raise table.fail(number, f"{row['name']!r} is no name in the actor files")
        members = tuple(code for code in row["members"].split("|") if code)
        if not all(code.isalpha() and code.isupper() for code in members):
            raise table.fail(number, f"members must be actor codes: {row['members']!r}")
        groups[key] = members
    return groups


@functools.lru_cache(maxsize=1)
def bundled_knowledge_base() -> KnowledgeBase:
    return knowledge_base_from_files([ACTORS_DATA_DIR / name for name in BUNDLED_FILES])


def load_knowledge_base(extra: Sequence[Path] = ()) -> KnowledgeBase:
    """The bundled knowledge base plus the user's ``extra`` files (theirs win on a clash)."""
    base = bundled_knowledge_base()
    if not extra:
        return base
    return base.extended(row for path in extra for row in read_actor_file(Path(path)))
