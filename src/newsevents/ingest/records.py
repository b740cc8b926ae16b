"""Readers for article records: JSON Lines (.jsonl, and ``-`` for stdin) and JSON; the CSV
reader (``csvfile``) shares ``record_article``.

Each record needs ``text``; ``id``, ``url``, ``title``, ``published`` and ``source`` (or
``outlet``) are optional. A bad line or row becomes a Problem carrying its line number and the
rest of the file is still read. The text is cleaned like a .txt body (boilerplate, dateline,
paragraphs) but its headline is never guessed: only a given ``title`` is used, and a first line
repeating it is dropped.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from typing import IO, Any, AnyStr

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.article import make_article, year_hint
from newsevents.ingest.body import read_body
from newsevents.ingest.decoding import SNIFF_BYTES, check_text_bytes, decode_bytes
from newsevents.ingest.limits import SKIP_CHUNK, capped_lines, over_limit, read_capped
from newsevents.ingest.outlets import outlet_name
from newsevents.models import Article, DateValue, Precision, Problem, Severity

STDIN_NAME = "<stdin>"
_PUBLISHED = re.compile(r"(?P<year>\d{4})(?:-(?P<month>\d{1,2})(?:-(?P<day>\d{1,2}))?)?")
_ISO_TIME_TAIL = re.compile(
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?"
)


def parse_published(value: object) -> DateValue | None:
    """ISO date or datetime; precision follows the form (YYYY, YYYY-MM, YYYY-MM-DD[Thh:mm…])."""
    text = str(value).strip()
    match = _PUBLISHED.match(text)
    if not match or not _ISO_TIME_TAIL.fullmatch(text[match.end() :]):
        return None
    year, month, day = match["year"], match["month"], match["day"]
    if match.end() < len(text) and not day:
        return None
    precision = Precision.DAY if day else Precision.MONTH if month else Precision.YEAR
    try:
        return DateValue(dt.date(int(year), int(month or 1), int(day or 1)), precision)
    except ValueError:
        return None


def field(record: Mapping[str, Any], *names: str) -> str | None:
    """The first of ``names`` holding a non-empty value, as a stripped string."""
    for name in names:
        value = record.get(name)
        if value is not None and str(value).strip():
            return str(value).strip()
    return None


def record_article(
    path: str, line: int | None, record: object, item: int | None = None
) -> Iterator[Article | Problem]:
    """The article of one record; ``item`` numbers records of a JSON array (which have no line)."""
    where = f"item {item}: " if item is not None else ""
    if not isinstance(record, dict):
        yield Problem(path, f"{where}expected a JSON object, got {type(record).__name__}", line)
        return
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        yield Problem(path, f"{where}record has no 'text'", line)
        return
    url, published = field(record, "url"), None
    if field(record, "published"):
        published = parse_published(record["published"])
        if published is None:
            message = f"{where}unreadable 'published' date {record['published']!r}; ignored"
            yield Problem(path, message, line, Severity.WARNING)
    body = read_body(
        text, year=year_hint(None, url), find_title=False, title=field(record, "title")
    )
    if not body.paragraphs:
        yield Problem(path, f"{where}record text is only boilerplate", line)
        return
    source = field(record, "source", "outlet")
    yield make_article(
        path,
        body,
        url=url,
        source=outlet_name(source) if source else None,
        metadata_date=published,
        given_id=field(record, "id"),
    )


def json_line(path: str, line: int, raw: str) -> Iterator[Article | Problem]:
    try:
        record = json.loads(raw)
    except json.JSONDecodeError as error:
        yield Problem(path, f"invalid JSON: {error.msg} (column {error.colno})", line)
        return
    except RecursionError:
        yield Problem(path, "invalid JSON: nested too deeply", line)
        return
    except ValueError as error:  # an integer of more than 4,300 digits, say
        yield Problem(path, f"invalid JSON: {error}", line)
        return
    yield from record_article(path, line, record)


NumberedLine = tuple[int, str]


def too_long(path: str, line: int, max_bytes: int) -> Problem:
    return Problem(path, f"line {over_limit(max_bytes, 'per record')}; skipped", line)


def numbered_lines(
    path: str, stream: IO[AnyStr], max_bytes: int
) -> Iterator[NumberedLine | Problem]:
    """Lines of a stream as text, each at most ``max_bytes`` (a longer one is a Problem); a line
    of bytes that is not UTF-8 is read as cp1252 and flagged."""
    for number, raw in enumerate(capped_lines(stream, max_bytes), start=1):
        if raw is None:
            yield too_long(path, number, max_bytes)
        elif isinstance(raw, str):
            yield number, raw
        else:
            try:
                yield number, raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                yield Problem(path, "not valid UTF-8; decoded as cp1252", number, Severity.WARNING)
                yield number, raw.decode("cp1252", errors="replace")


def read_json_lines(
    path: str, lines: Iterable[NumberedLine | Problem]
) -> Iterator[Article | Problem]:
    """One record per line; blank lines are skipped."""
    empty = True
    for item in lines:
        if isinstance(item, Problem):
            empty = False
            yield item
            continue
        number, raw = item
        if raw.strip():
            empty = False
            yield from json_line(path, number, raw)
    if empty:
        yield Problem(path, "empty file")


def read_jsonl_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    """Streams the file line by line: a JSONL corpus may be larger than memory, and each line is
    read with at most ``max_record_bytes``."""
    with open(path, "rb", buffering=SKIP_CHUNK) as stream:  # an over-long line: big reads
        head = stream.read(SNIFF_BYTES)
        if head.strip():
            check_text_bytes(path, head, lines_apart=True)
        stream.seek(0)
        yield from read_json_lines(path, numbered_lines(path, stream, settings.max_record_bytes))


def read_jsonl_stream(
    stream: IO[str] | IO[bytes], settings: Settings | None = None, name: str = STDIN_NAME
) -> Iterator[Article | Problem]:
    """JSON Lines from an open stream of text or bytes (``-`` on the command line reads stdin's
    bytes)."""
    cap = (settings or Settings()).max_record_bytes
    yield from read_json_lines(name, numbered_lines(name, stream, cap))


def read_json_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    """A JSON array of records, or a single record object.

    JSON Lines saved as .json (a second value on line 2: "Extra data") is read as JSON Lines.
    """
    unit = "per .json file (JSON Lines are read a record at a time)"
    decoded = decode_bytes(path, read_capped(path, settings.max_json_bytes, unit))
    if decoded.warning:
        yield decoded.warning
    try:
        data = json.loads(decoded.text)
    except json.JSONDecodeError as error:
        if error.msg == "Extra data" and error.lineno > 1:
            yield from read_json_lines(path, enumerate(decoded.text.splitlines(), start=1))
            return
        raise InputError(path, f"invalid JSON: {error.msg}", error.lineno) from error
    except RecursionError as error:
        raise InputError(path, "invalid JSON: nested too deeply") from error
    if not isinstance(data, list):
        yield from record_article(path, None, data)
        return
    for item, record in enumerate(data, start=1):
        yield from record_article(path, None, record, item)
