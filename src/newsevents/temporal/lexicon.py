"""The word lists behind the time-expression rules, read from ``data/temporal/*.tsv``.

Knowledge is data: month names, weekdays, number words and tense markers live in tab-separated
files with a header comment, so a linguist can extend them without touching a regex. Files are
read once, on first use (importing this module reads nothing).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table, read_words
from newsevents.errors import DataFileError

TEMPORAL_DIR = DATA_DIR / "temporal"
TENSES = frozenset({"PAST", "FUTURE", "PRESENT", "NONE"})
REF_VALUES = frozenset({"PRESENT_REF", "PAST_REF", "FUTURE_REF"})
PART_MODS = frozenset({"START", "MID", "END"})
# Every TIMEX3 mod value (TimeML 1.2.1); "-" in a data file means none.
MODS = PART_MODS | frozenset({
    "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER", "LESS_THAN", "MORE_THAN",
    "EQUAL_OR_LESS", "EQUAL_OR_MORE",
})  # fmt: skip
UNIT_CODES = frozenset({"D", "W", "M", "Y", "H", "MIN", "S"})


@dataclass(frozen=True, slots=True)
class Unit:
    code: str
    factor: int


@dataclass(frozen=True, slots=True)
class Lexicon:
    months: dict[str, int]
    month_abbrs: dict[str, int]
    weekdays: dict[str, int]
    weekday_abbrs: dict[str, int]
    seasons: dict[str, tuple[str, int]]
    parts: dict[str, str]
    numbers: dict[str, int | None]
    units: dict[str, Unit]
    refs: dict[str, tuple[str, re.Pattern[str] | None]]
    holidays: dict[str, tuple[int, int]]
    tense: dict[str, str]
    count_nouns: frozenset[str]
    quantifiers: dict[str, tuple[str | None, str | None]]  # phrase -> (duration, point) mod


def read_table(path: Path) -> list[tuple[int, dict[str, str]]]:
    """Rows of a header-commented TSV as (line number, {column: cell}); every row complete."""
    return load_table(path, complete=True).rows


def _int_cell(path: Path, number: int, cell: str, low: int, high: int) -> int:
    if not cell.isdigit() or not low <= int(cell) <= high:
        raise DataFileError(str(path), number, f"expected a number {low}-{high}, not {cell!r}")
    return int(cell)


def _choice(path: Path, number: int, cell: str, allowed: frozenset[str]) -> str:
    if cell not in allowed:
        raise DataFileError(str(path), number, f"expected one of {sorted(allowed)}, not {cell!r}")
    return cell


def _named_numbers(name: str, high: int) -> tuple[dict[str, int], dict[str, int]]:
    """Full names and abbreviations of months or weekdays."""
    path = TEMPORAL_DIR / name
    full: dict[str, int] = {}
    abbr: dict[str, int] = {}
    column = "month" if high == 12 else "weekday"
    for number, row in read_table(path):
        value = _int_cell(path, number, row[column], 1, high)
        kind = _choice(path, number, row["kind"], frozenset({"full", "abbr"}))
        (full if kind == "full" else abbr)[row["name"]] = value
    return full, abbr


def _seasons() -> dict[str, tuple[str, int]]:
    path = TEMPORAL_DIR / "seasons.tsv"
    return {
        row["name"]: (row["code"], _int_cell(path, n, row["month"], 1, 12))
        for n, row in read_table(path)
    }


def _numbers() -> dict[str, int | None]:
    path = TEMPORAL_DIR / "numbers.tsv"
    numbers: dict[str, int | None] = {}
    for n, row in read_table(path):
        value = row["value"]
        numbers[row["word"]] = None if value == "X" else _int_cell(path, n, value, 1, 1000)
    return numbers


def _units() -> dict[str, Unit]:
    path = TEMPORAL_DIR / "units.tsv"
    return {
        row["name"]: Unit(
            _choice(path, n, row["code"], UNIT_CODES), _int_cell(path, n, row["factor"], 1, 1000)
        )
        for n, row in read_table(path)
    }


def _refs() -> dict[str, tuple[str, re.Pattern[str] | None]]:
    path = TEMPORAL_DIR / "refs.tsv"
    refs: dict[str, tuple[str, re.Pattern[str] | None]] = {}
    for n, row in read_table(path):
        value = _choice(path, n, row["value"], REF_VALUES)
        try:
            after = None if row["after"] == "-" else re.compile(row["after"], re.IGNORECASE)
        except re.error as exc:
            raise DataFileError(str(path), n, f"bad regex: {exc}") from exc
        refs[row["phrase"]] = (value, after)
    return refs


def _holidays() -> dict[str, tuple[int, int]]:
    path = TEMPORAL_DIR / "holidays.tsv"
    holidays: dict[str, tuple[int, int]] = {}
    for n, row in read_table(path):
        month, _, day = row["day"].partition("-")
        holidays[row["name"]] = (
            _int_cell(path, n, month, 1, 12),
            _int_cell(path, n, day, 1, 31),
        )
    return holidays


def _quantifiers() -> dict[str, tuple[str | None, str | None]]:
    path = TEMPORAL_DIR / "quantifiers.tsv"
    allowed = MODS | {"-"}
    table: dict[str, tuple[str | None, str | None]] = {}
    for n, row in read_table(path):
        duration = _choice(path, n, row["duration"], allowed)
        point = _choice(path, n, row["point"], allowed)
        table[row["phrase"]] = (
            None if duration == "-" else duration,
            None if point == "-" else point,
        )
    return table


@functools.cache
def lexicon() -> Lexicon:
    """All temporal word lists; raises :class:`DataFileError` on a malformed file."""
    months, month_abbrs = _named_numbers("months.tsv", 12)
    weekdays, weekday_abbrs = _named_numbers("weekdays.tsv", 7)
    parts_path = TEMPORAL_DIR / "parts.tsv"
    tense_path = TEMPORAL_DIR / "tense.tsv"
    return Lexicon(
        months=months,
        month_abbrs=month_abbrs,
        weekdays=weekdays,
        weekday_abbrs=weekday_abbrs,
        seasons=_seasons(),
        parts={
            row["phrase"]: _choice(parts_path, n, row["mod"], PART_MODS)
            for n, row in read_table(parts_path)
        },
        numbers=_numbers(),
        units=_units(),
        refs=_refs(),
        holidays=_holidays(),
        tense={
            row["word"]: _choice(tense_path, n, row["tense"], TENSES)
            for n, row in read_table(tense_path)
        },
        count_nouns=frozenset(read_words(TEMPORAL_DIR / "count_nouns.tsv")),
        quantifiers=_quantifiers(),
    )
