"""Reads the tab-separated knowledge files under ``data/`` that ingest relies on.

Every such file starts with ``#`` comment lines that explain its columns, then a header row naming
them, then one row per entry. Rows may leave trailing optional columns empty.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Row:
    line: int
    values: dict[str, str]


def read_tsv(path: Path, required: tuple[str, ...]) -> list[Row]:
    """Rows of ``path`` keyed by the header's column names; ``required`` columns must be filled."""
    header: list[str] | None = None
    rows: list[Row] = []
    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not raw.strip() or raw.startswith("#"):
            continue
        cells = [cell.strip() for cell in raw.split("\t")]
        if header is None:
            header = cells
            missing = [name for name in required if name not in header]
            if missing:
                raise DataFileError(str(path), number, f"header lacks columns {missing}")
            continue
        if len(cells) > len(header):
            raise DataFileError(
                str(path), number, f"{len(cells)} columns, header has {len(header)}"
            )
        values = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
        empty = [name for name in required if not values[name]]
        if empty:
            raise DataFileError(str(path), number, f"empty required column {empty}")
        rows.append(Row(number, values))
    if header is None:
        raise DataFileError(str(path), 1, "no header row")
    return rows
