"""Reader for web archives (.warc, .warc.gz), streamed record by record with warcio.

Only ``response`` records whose HTTP status is 2xx and whose content type is HTML are articles;
everything else in a crawl (requests, metadata, images, redirects) is skipped without a word. A
record that fails is reported with its offset and reading goes on: after a record whose headers
cannot be read (over ``max_header_bytes``, or not WARC headers at all) at the next gzip member or
the next WARC record line. warcio's own warnings are problem lines too (``warcstream``), never
text on stderr.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Generator, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeadersParserException

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.article import DateEvidence
from newsevents.ingest.html import html_article
from newsevents.ingest.limits import BodyError
from newsevents.ingest.warcstream import (
    CappedArchive,
    CorruptGzip,
    HeaderTooLarge,
    Note,
    next_record_start,
    payload,
)
from newsevents.models import Article, DateSource, DateValue, Precision, Problem, Severity

HTML_TYPES = ("text/html", "application/xhtml+xml")
# What a record that cannot be parsed raises; reading goes on after it where it can. warcio
# fails on some malformed headers with the errors of its own code (a record without a target
# URI: AttributeError), so those count too.
BROKEN_RECORD = (ArchiveLoadFailed, StatusAndHeadersParserException, HeaderTooLarge, CorruptGzip,
                 zlib.error, EOFError, ValueError, AttributeError, TypeError, IndexError, KeyError)
MAX_SHOWN_CHARS = 160  # of an error message quoting a broken header line


def is_article_record(record: ArcWarcRecord) -> bool:
    if record.rec_type != "response" or record.http_headers is None:
        return False
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").casefold()
    return status.startswith("2") and content_type.startswith(HTML_TYPES)


def capture_date(record: ArcWarcRecord) -> DateEvidence | None:
    """WARC-Date, when the page was captured: the weakest evidence of publication."""
    value = record.rec_headers.get_header("WARC-Date") or ""
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
    return DateEvidence(DateValue(day, Precision.DAY), DateSource.METADATA)


def record_article(path: str, record: ArcWarcRecord, max_bytes: int) -> Article:
    uri = record.rec_headers.get_header("WARC-Target-URI") or None
    try:
        html = payload(record, max_bytes)
    except BodyError as error:
        raise InputError(path, str(error)) from error
    return html_article(path, html, url=uri, fallback_date=capture_date(record))


def record_problem(path: str, record: ArcWarcRecord, offset: int, error: InputError) -> Problem:
    uri = record.rec_headers.get_header("WARC-Target-URI") or "no target URI"
    return Problem(path, f"record at offset {offset} ({uri}): {error.message}")


def note_problems(path: str, notes: list[Note]) -> list[Problem]:
    return [Problem(path, f"record at offset {offset}: {note}", severity=Severity.WARNING)
            for offset, note in notes]


def brief(error: Exception) -> str:
    """An error's first line, shortened and printable: warcio quotes the broken header line in
    full, binary or not."""
    lines = str(error).strip().splitlines() or [type(error).__name__]
    text = lines[0][:MAX_SHOWN_CHARS]
    shown = "".join(char if char.isprintable() else repr(char)[1:-1] for char in text)
    return shown + ("…" if len(lines[0]) > MAX_SHOWN_CHARS else "")


@dataclass
class Tally:
    """What the reader saw, for the summary at the end of the archive."""

    seen: int = 0
    pages: int = 0
    garbled: int = 0
    broken: int = 0
    cut_short: bool = False


Records = Generator[Article | Problem, None, int | None]


def read_warc_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    with open(path, "rb") as stream:
        if not stream.read(1):
            raise InputError(path, "empty file")
        tally, start = Tally(), 0
        while start is not None:
            stream.seek(start)
            start = yield from read_records(path, stream, settings, tally)
    yield from _summary_problems(path, tally)


def read_records(path: str, stream: BinaryIO, settings: Settings, tally: Tally) -> Records:
    """The records from the stream's position on; returns where reading can go on after a
    record that could not be parsed, None at the end."""
    archive = CappedArchive(stream, settings.max_header_bytes)
    garbled_at: dict[int, bool] = {}  # of the last two records: a note is about one of them

    def notes() -> list[Problem]:  # none about the "records" of text that is no archive
        kept = [note for note in archive.take_notes() if not garbled_at.get(note[0])]
        return note_problems(path, kept)

    try:
        for record in archive:
            garbled = not _has_archive_headers(record)
            garbled_at = {**dict(list(garbled_at.items())[-1:]), archive.offset: garbled}
            yield from notes()
            tally.seen += 1
            tally.garbled += garbled
            if not is_article_record(record):
                continue
            tally.pages += 1
            try:
                yield record_article(path, record, settings.max_html_bytes)
            except InputError as error:
                yield record_problem(path, record, archive.get_record_offset(), error)
    except BROKEN_RECORD as error:
        yield from notes()
        start = yield from _after_broken_record(path, archive, error, tally)
        tally.cut_short |= archive.cut_short
        return start
    yield from notes()
    tally.cut_short |= archive.cut_short
    return None


def _after_broken_record(
    path: str, archive: CappedArchive, error: Exception, tally: Tally
) -> Records:
    tally.broken += 1
    offset = archive.reading_at
    start = next_record_start(archive)
    if start is not None and start <= offset:
        start = None
    then = "stopped reading" if start is None else f"read on from offset {start}"
    yield Problem(path, f"broken WARC record, {then}: record at offset {offset}: {brief(error)}")
    return start


def _has_archive_headers(record: ArcWarcRecord) -> bool:
    """A WARC record, or an ARC record with a 14-digit capture date; warcio reads any text as
    ARC records, one per line."""
    if record.format != "arc":
        return True
    date = record.rec_headers.get_header("archive-date") or ""
    return date.isdigit() and len(date) == 14


def _summary_problems(path: str, tally: Tally) -> Iterator[Problem]:
    """What the reader can say of a whole archive: cut short, not an archive, or no page."""
    seen, pages, garbled = tally.seen, tally.pages, tally.garbled
    if tally.cut_short:
        yield Problem(path, f"the archive is cut short (its last gzip member is incomplete); "
                      f"{seen} records read before the break")
    if seen and garbled == seen:
        yield Problem(path, "not a web archive: no record has WARC or ARC headers")
    elif not pages and (seen or not tally.broken):  # a broken record has said why already
        yield Problem(path, f"no HTML page in this archive ({seen} records of other kinds: "
                      "requests, metadata, images, redirects)" if seen else
                      "no WARC record in this file",
                      severity=Severity.WARNING if seen else Severity.ERROR)
