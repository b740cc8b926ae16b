"""Writers for tabular output: JSON lines, CSV and Parquet, over flat or nested JSON records.

Used by the CLI's ``articles``, ``events`` and ``export`` commands; rich tables are drawn in
``cli`` itself.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO

Record = Mapping[str, Any]


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


def write_csv(records: Iterable[Record], out: TextIO, columns: Sequence[str]) -> int:
    writer = csv.DictWriter(out, fieldnames=list(columns), extrasaction="ignore")
    writer.writeheader()
    count = 0
    for record in records:
        writer.writerow(flatten(record))
        count += 1
    return count


def write_parquet(records: Iterable[Record], path: Path, columns: Sequence[str]) -> int:
    """Parquet needs a file, not a stream: rows are collected, then written in one table."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows = [flatten(record) for record in records]
    table = pa.table({column: [row.get(column) for row in rows] for column in columns})
    pq.write_table(table, path)
    return len(rows)
