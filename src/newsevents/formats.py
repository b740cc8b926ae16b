"""Writers for tabular output: JSON lines, CSV and Parquet, over flat or nested JSON records.

Used by the CLI's ``articles``, ``events``, ``export`` and ``activity`` commands; rich tables are
drawn in ``render``. CSV is written so that Python's ``csv`` module reads it back with its
default settings: no cell is longer than its default field size limit (131072 characters).
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

Record = Mapping[str, Any]
# The longest CSV cell, note included: below csv.field_size_limit()'s default of 131072, which
# a reader with default settings refuses to exceed (an article's text can be longer).
CSV_CELL_LIMIT = 100_000


def write_jsonl(records: Iterable[Record], out: TextIO) -> int:
    count = 0
    for record in records:
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
        count += 1
    return count


def flatten(record: Record) -> dict[str, Any]:
    """A CSV/Parquet-friendly row: nested lists and objects become JSON text."""
    return {
        key: json.dumps(value, ensure_ascii=False) if isinstance(value, list | dict) else value
        for key, value in record.items()
    }


def write_csv(records: Iterable[Record], out: TextIO, columns: Sequence[str], *,
              raw: bool = False) -> int:
    """Header, then one row per record (``columns`` only); a cell longer than
    :data:`CSV_CELL_LIMIT` is cut at a word and says so (see :func:`csv_cell`); unless ``raw``,
    text that a spreadsheet would run as a formula is neutralised (:func:`inert`)."""
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow({key: csv_cell(value if raw else inert(value))
                         for key, value in flatten(record).items()})
        count += 1
    return count


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list for CSV injection


def inert(value: Any) -> Any:
    """Text beginning like a spreadsheet formula ("=HYPERLINK(…)", "+1", "@SUM") gets a leading
    apostrophe, as OWASP recommends, so a spreadsheet shows it instead of running it; numbers
    and other values are unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def csv_cell(value: Any, limit: int = CSV_CELL_LIMIT) -> Any:
    """``value``, or for text over ``limit`` characters its start (cut at a word) followed by
    "… [cut: N characters in all; --format jsonl has the whole text]"."""
    if not isinstance(value, str) or len(value) <= limit:
        return value
    note = f" … [cut: {len(value)} characters in all; --format jsonl has the whole text]"
    room = limit - len(note)
    space = value.rfind(" ", room // 2, room)
    return value[:space if space > 0 else room] + note


def write_parquet(records: Iterable[Record], path: Path, columns: Sequence[str]) -> int:
    """Parquet needs a file, not a stream: rows are collected, then written in one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(record) for record in records]
    table = pa.table({column: [row.get(column) for row in rows] for column in columns})
    pq.write_table(table, path)
    return len(rows)
