"""Reader for CSV files (.csv): one record per row, streamed a line at a time.

The header names the columns (``text`` is required; see ``records`` for the others). Rows are
parsed as the file streams by, so a CSV larger than memory is read, and no row costs more than
``max_record_bytes``: a longer line or row is a problem on the line where it starts and the next
row is read. NUL bytes (a broken export, a file padded with zeros after a crash) are removed from
the line that holds them, with a warning on that line; a line that is not UTF-8 is read as cp1252,
with one warning for the file.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TextIO

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.decoding import (
    FALLBACK_ENCODINGS,
    SNIFF_BYTES,
    UTF16_BOMS,
    check_text_bytes,
)
from newsevents.ingest.limits import SKIP_CHUNK, capped_lines, over_limit
from newsevents.ingest.records import record_article
from newsevents.models import Article, Problem, Severity

Row = tuple[int, dict[str, str]]


class OverlongRow(Exception):
    """Raised out of ``csv.reader`` by :class:`CsvLines` at a line or row over the cap."""

    def __init__(self, line: int, what: str) -> None:
        super().__init__(line, what)
        self.line, self.what = line, what


class CsvLines:
    """The lines ``csv.reader`` parses: capped, decoded, without NUL bytes. Problems met on the
    way wait in ``problems``; ``number`` counts the lines handed out, the one over the cap
    included (``csv.reader.line_num`` does not count a line that raised)."""

    def __init__(self, path: str, stream: TextIO, max_bytes: int) -> None:
        self.path, self.max_bytes = path, max_bytes
        self.lines = capped_lines(stream, max_bytes)
        self.number = self.row_size = 0
        self.in_quotes = False  # the row so far has an odd number of '"': a field is open
        self.problems: list[Problem] = []
        self.recoded = False

    def __iter__(self) -> CsvLines:
        return self

    def start_row(self) -> None:
        self.row_size, self.in_quotes = 0, False

    def __next__(self) -> str:
        line = next(self.lines)
        self.number += 1
        if line is None:
            raise OverlongRow(self.number, "line")
        self.row_size += len(line)
        self.in_quotes ^= bool(line.count('"') % 2)
        if self.row_size > self.max_bytes:
            self.skip_open_field()
            raise OverlongRow(self.number, "row")
        return self.clean(line)

    def skip_open_field(self) -> None:
        """Past the line that closes a quoted field left open by a row over the cap, so that its
        remaining lines are not read as rows of their own."""
        if not self.in_quotes:
            return
        for line in self.lines:  # a line over the cap (None) is taken to hold no quote
            self.number += 1
            self.in_quotes ^= bool(line and line.count('"') % 2)
            if not self.in_quotes:
                return

    def clean(self, line: str) -> str:
        if not line.isascii():
            line = self.recode(line)
        if "\x00" in line:
            self.problems.append(Problem(self.path, "NUL bytes removed from this line",
                                         self.number, Severity.WARNING))
            line = line.replace("\x00", "")
        return line

    def recode(self, line: str) -> str:
        """A line read with ``surrogateescape`` that was not UTF-8, decoded as cp1252 (latin-1
        for the five bytes cp1252 lacks)."""
        try:
            line.encode("utf-8")
            return line
        except UnicodeEncodeError:
            raw = line.encode("utf-8", "surrogateescape")
        if not self.recoded:
            self.recoded = True
            self.problems.append(Problem(self.path, "not valid UTF-8; this line and others like "
                                         "it decoded as cp1252", self.number, Severity.WARNING))
        for encoding in FALLBACK_ENCODINGS:
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError:
                continue
        return raw.decode("latin-1")  # unreachable: latin-1 decodes every byte

    def take_problems(self) -> list[Problem]:
        taken, self.problems = self.problems, []
        return taken


@contextmanager
def field_size_limit(size: int) -> Iterator[None]:
    """csv's own cap on a field (128 KiB, process-wide) raised to ours while a row is parsed."""
    previous = csv.field_size_limit(size)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


def csv_header(path: str, reader: csv.DictReader[str], lines: CsvLines) -> list[str]:
    try:
        with field_size_limit(lines.max_bytes):
            names = reader.fieldnames or []
    except OverlongRow as error:
        message = f"CSV header {over_limit(lines.max_bytes, 'per line')}"
        raise InputError(path, message, 1) from error
    except csv.Error as error:
        raise InputError(path, f"invalid CSV header: {error}", 1) from error
    header = [name.strip().casefold() for name in names]
    if "text" not in header:
        raise InputError(path, "CSV header has no 'text' column", 1)
    repeated = sorted({name for name in header if header.count(name) > 1})
    if repeated:
        raise InputError(path, f"CSV header names {', '.join(map(repr, repeated))} more than "
                         "once: which column is meant cannot be told", 1)
    return header


def next_row(
    path: str, reader: csv.DictReader[str], lines: CsvLines, header: list[str]
) -> Row | Problem | None:
    """The next row with the line it starts on, a Problem for a row that cannot be read, or None
    at the end of the file."""
    start = lines.number + 1
    lines.start_row()
    try:
        with field_size_limit(lines.max_bytes):
            row = next(reader)
    except StopIteration:
        return None
    except OverlongRow as error:
        return Problem(path, f"{error.what} {over_limit(lines.max_bytes, 'per record')}; "
                       "skipped", start if error.what == "row" else error.line)
    except csv.Error as error:
        if "end of data" in str(error):  # a quote opened and never closed
            return Problem(path, "invalid CSV: a quoted field that starts here is never "
                           "closed, so the rest of the file cannot be read", start)
        return Problem(path, f"invalid CSV: {error} (is a quote in this row not closed?)", start)
    values = [value or "" for value in row.values() if not isinstance(value, list)]
    return start, dict(zip(header, values, strict=False))


def csv_rows(path: str, lines: CsvLines) -> Iterator[Row | Problem]:
    """Rows keyed by lower-cased header names, with the line each row starts on."""
    reader = csv.DictReader(lines, strict=True)
    header = csv_header(path, reader, lines)
    yield from lines.take_problems()
    for rows in itertools.count():
        before = lines.number
        found = next_row(path, reader, lines, header)
        yield from lines.take_problems()
        if found is None:
            if not rows:
                yield Problem(path, "the CSV has a header but no rows", 1)
            return
        yield found
        if isinstance(found, Problem) and lines.number == before:
            return  # nothing was read: stop rather than report it again


def open_text(raw: io.BufferedReader, head: bytes) -> TextIO:
    """The file as text lines as csv wants them (``newline=""``); bytes that are not UTF-8 kept
    as surrogates for :meth:`CsvLines.recode`."""
    if head.startswith(UTF16_BOMS):
        return io.TextIOWrapper(raw, encoding="utf-16", errors="replace", newline="")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="surrogateescape", newline="")


def read_csv_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    with open(path, "rb", buffering=SKIP_CHUNK) as raw:  # an over-long line: big reads
        head = raw.read(SNIFF_BYTES)
        if head.strip() or len(head) < SNIFF_BYTES:
            check_text_bytes(path, head, lines_apart=True)
        raw.seek(0)
        with open_text(raw, head) as stream:
            lines = CsvLines(path, stream, settings.max_record_bytes)
            for row in csv_rows(path, lines):
                if isinstance(row, Problem):
                    yield row
                else:
                    yield from record_article(path, row[0], row[1])
