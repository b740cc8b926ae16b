"""Read the knowledge-base TSV files (ours, bundled or the user's) into ``Row``s.

Every file starts with ``#`` comment lines, then a header row naming its columns; the header
says which format the file is, so a user may add entries in any of them. The files are read by
:func:`newsevents.datafiles.read_table` (re-exported here); this module turns their rows into
entries. Malformed content raises ``DataFileError(path, line, message)``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace

from newsevents.actors.entries import SECTOR_CODES, EntryKind, KBEntry, SectorRank
from newsevents.datafiles import Table, read_table  # read_table is imported from here too

_CODE = re.compile(r"[A-Z][A-Z0-9/]{1,11}")
_COUNTRY_FIELDS = ("name", "alias", "demonym", "capital", "seat", "place", "location")


@dataclass(frozen=True, slots=True)
class Row:
    """An entry with where it came from and the names it is found under."""

    entry: KBEntry
    path: str
    line: int
    keys: tuple[str, ...]
    as_name: bool = True
    as_place: bool = False


def rows_from_table(table: Table) -> list[Row]:
    """Dispatch on the header to the reader of that format."""
    reader = _READERS.get(table.header)
    if reader is None:
        known = "; ".join("\t".join(h) for h in _READERS)
        raise table.fail(1, f"unknown header {table.header!r}; expected one of: {known}")
    return reader(table)


def parse_date(table: Table, line: int, value: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise table.fail(line, f"bad date {value!r} (want YYYY-MM-DD)") from None


def split_names(value: str) -> tuple[str, ...]:
    return tuple(name.strip() for name in value.split("|") if name.strip())


def _code(table: Table, line: int, value: str, *, required: bool = True) -> str | None:
    if not value and not required:
        return None
    if not _CODE.fullmatch(value):
        raise table.fail(line, f"bad actor code {value!r} (want capital letters, e.g. RUS, UNO)")
    return value


def _sector(table: Table, line: int, value: str) -> str | None:
    if not value:
        return None
    if value not in SECTOR_CODES:
        raise table.fail(line, f"unknown sector code {value!r}; known: {' '.join(SECTOR_CODES)}")
    return value


def _required(table: Table, line: int, fields: dict[str, str], column: str) -> str:
    if not fields[column]:
        raise table.fail(line, f"empty {column!r}")
    return fields[column]


def _country_rows(table: Table) -> list[Row]:
    canonical = {f["code"]: f["names"] for _, f in table.rows if f["field"] == "name"}
    rows: list[Row] = []
    for line, fields in table.rows:
        code = _code(table, line, fields["code"])
        field, names = fields["field"], split_names(_required(table, line, fields, "names"))
        if field not in _COUNTRY_FIELDS:
            raise table.fail(line, f"unknown field {field!r}; known: {', '.join(_COUNTRY_FIELDS)}")
        if code not in canonical:
            raise table.fail(line, f"country {code} has no 'name' row")
        rows.extend(_country_field_rows(table, line, code, canonical[code], field, names))
    return rows


def _country_field_rows(
    table: Table, line: int, code: str | None, country: str, field: str, names: Sequence[str]
) -> list[Row]:
    path = str(table.path)
    if field in ("name", "alias", "demonym"):
        sector = None if field == "demonym" else "GOV"
        aliases = () if field == "name" else tuple(names)
        entry = KBEntry(code, sector, country, EntryKind.COUNTRY, aliases=aliases)
        return [Row(entry, path, line, tuple(names), as_place=field != "demonym")]
    sector = "GOV" if field in ("capital", "seat") else None
    if field == "capital":  # one city under several spellings ("Kyiv|Kiev")
        entry = KBEntry(code, sector, names[0], EntryKind.PLACE, aliases=tuple(names[1:]))
        return [Row(entry, path, line, tuple(names), as_place=True)]
    return [
        Row(KBEntry(code, sector, name, EntryKind.PLACE), path, line, (name,),
            as_name=field != "location", as_place=True)
        for name in names
    ]


def _organization_rows(table: Table) -> list[Row]:
    rows = []
    for line, fields in table.rows:
        name = _required(table, line, fields, "name")
        aliases = split_names(fields["aliases"])
        entry = KBEntry(
            _code(table, line, fields["code"]), _sector(table, line, fields["sector"]), name,
            EntryKind.ORGANIZATION, aliases=aliases,
        )
        rows.append(Row(entry, str(table.path), line, (name, *aliases)))
    return rows


def _sector_rows(table: Table) -> list[Row]:
    rows = []
    for line, fields in table.rows:
        phrase = _required(table, line, fields, "phrase")
        try:
            rank = SectorRank(fields["rank"])
        except ValueError:
            raise table.fail(line, f"bad rank {fields['rank']!r} (body, role or status)") from None
        sector = _sector(table, line, _required(table, line, fields, "sector"))
        entry = KBEntry(None, sector, phrase, EntryKind.SECTOR, rank=rank)
        rows.append(Row(entry, str(table.path), line, (phrase,)))
    return rows


def _people_rows(table: Table) -> list[Row]:
    rows = []
    for line, fields in table.rows:
        start = parse_date(table, line, _required(table, line, fields, "start"))
        entry = replace(
            _dated_entry(table, line, fields, EntryKind.PERSON, start),
            office=_required(table, line, fields, "office"),
        )
        rows.append(Row(entry, str(table.path), line, (entry.name, *entry.aliases)))
    return rows


def _user_rows(table: Table) -> list[Row]:
    rows = []
    for line, fields in table.rows:
        try:
            kind = EntryKind(fields["kind"] or "organization")
        except ValueError:
            kinds = ", ".join(k.value for k in EntryKind)
            raise table.fail(line, f"bad kind {fields['kind']!r} (one of {kinds})") from None
        start = parse_date(table, line, fields["start"])
        entry = _dated_entry(table, line, fields, kind, start, code_required=False)
        rows.append(Row(entry, str(table.path), line, (entry.name, *entry.aliases),
                        as_place=kind in (EntryKind.COUNTRY, EntryKind.PLACE)))
    return rows


def _dated_entry(
    table: Table,
    line: int,
    fields: dict[str, str],
    kind: EntryKind,
    start: dt.date | None,
    *,
    code_required: bool = True,
) -> KBEntry:
    end = parse_date(table, line, fields["end"])
    if start and end and end < start:
        raise table.fail(line, f"office ends ({end}) before it starts ({start})")
    return KBEntry(
        _code(table, line, fields["code"], required=code_required),
        _sector(table, line, fields["sector"]), _required(table, line, fields, "name"), kind,
        start, end, split_names(fields["aliases"]),
    )


def _region_rows(table: Table) -> list[Row]:
    rows = []
    for line, fields in table.rows:
        name = _required(table, line, fields, "name")
        aliases = split_names(fields["aliases"])
        entry = KBEntry(None, None, name, EntryKind.PLACE, aliases=aliases)
        rows.append(Row(entry, str(table.path), line, (name, *aliases), as_place=True))
    return rows


def read_honorifics(table: Table) -> Iterator[str]:
    return (_required(table, line, fields, "title") for line, fields in table.rows)


COUNTRIES_HEADER = ("code", "field", "names")
ORGANIZATIONS_HEADER = ("code", "sector", "name", "aliases")
SECTORS_HEADER = ("phrase", "sector", "rank")
PEOPLE_HEADER = ("name", "aliases", "code", "sector", "office", "start", "end")
REGIONS_HEADER = ("name", "aliases")
USER_HEADER = ("name", "aliases", "code", "sector", "kind", "start", "end")
HONORIFICS_HEADER = ("title",)
CAMEO_HEADER = ("cameo", "kind", "ours")

_READERS: dict[tuple[str, ...], Callable[[Table], list[Row]]] = {
    COUNTRIES_HEADER: _country_rows,
    ORGANIZATIONS_HEADER: _organization_rows,
    SECTORS_HEADER: _sector_rows,
    PEOPLE_HEADER: _people_rows,
    REGIONS_HEADER: _region_rows,
    USER_HEADER: _user_rows,
}
