"""The one reader of the knowledge files under ``data/`` (and of the user's files in our formats).

Every such file is UTF-8 text: ``#`` comment lines that explain it, then a header row naming its
tab-separated columns, then one row per entry. Blank lines and comment lines may appear anywhere;
cells are stripped of surrounding spaces; a row may leave trailing columns empty (they read as
``""``) but may not have more cells than the header. Anything malformed raises
``DataFileError(path, line, message)``, so a mistake in a file is reported where it is.

:func:`read_table` reads any such file; :func:`load_table` reads a file that must be a table with
certain columns; :func:`read_words` reads a one-column word list.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import DataFileError

# A first line without a tab is a header only if it is one of these: the one-column formats
# (honorifics.tsv's "title", the word lists' "word"). Anything else may be another format, e.g.
# a PETRARCH dictionary given as a user's actor file, for which read_table returns None.
ONE_COLUMN_HEADERS = frozenset({"title", "word"})


@dataclass(frozen=True, slots=True)
class Table:
    """A data file's header and its rows as (line number, {column: cell})."""

    path: Path
    header: tuple[str, ...]
    rows: list[tuple[int, dict[str, str]]]

    def fail(self, line: int, message: str) -> DataFileError:
        """The error for a bad value on ``line`` of this file (for the caller to raise)."""
        return DataFileError(str(self.path), line, message)

    def column(self, name: str) -> list[str]:
        """The cells of one column, in file order."""
        return [fields[name] for _, fields in self.rows]


def read_table(path: Path, one_column: Collection[str] = ONE_COLUMN_HEADERS) -> Table | None:
    """The file's header and rows, or None when it has no header row: nothing but comments, or a
    first line without a tab that is not one of the ``one_column`` headers."""
    return _read(path, lambda line: "\t" in line or line.strip() in one_column)


def load_table(path: Path, required: Sequence[str] = (), *, complete: bool = False) -> Table:
    """A file that must be a table: its first line that is no comment is the header, whatever it
    holds. The header must name every ``required`` column and every row must fill them; with
    ``complete`` a row must also have a cell for every column. Raises ``DataFileError`` naming
    the file and line when not."""
    table = _read(path, lambda line: True, required, complete)
    if table is None:
        raise DataFileError(str(path), 1, "no header row")
    return table


def read_words(path: Path, column: str = "word") -> tuple[str, ...]:
    """The cells of ``column`` of a word list, in file order; none may be empty."""
    return tuple(load_table(path, (column,)).column(column))


def _read(
    path: Path,
    is_header: Callable[[str], bool],
    required: Sequence[str] = (),
    complete: bool = False,
) -> Table | None:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(str(path), 0, f"cannot read: {exc}") from exc
    header: tuple[str, ...] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = [field.strip() for field in line.split("\t")]
        if header is None:
            if not is_header(line):
                return None
            header = tuple(fields)
            missing = [name for name in required if name not in header]
            if missing:
                message = f"header {header!r} lacks the columns {missing!r}"
                raise DataFileError(str(path), number, message)
            continue
        if len(fields) > len(header) or (complete and len(fields) < len(header)):
            message = f"{len(fields)} columns, header has {len(header)}"
            raise DataFileError(str(path), number, message)
        fields += [""] * (len(header) - len(fields))
        row = dict(zip(header, fields, strict=True))
        empty = [name for name in required if not row[name]]
        if empty:
            raise DataFileError(str(path), number, f"empty {', '.join(map(repr, empty))}")
        rows.append((number, row))
    return Table(path, header, rows) if header else None
