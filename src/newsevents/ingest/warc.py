"""Reader for web archives (.warc, .warc.gz), streamed record by record with warcio.

Only ``response`` records whose HTTP status is 2xx and whose content type is HTML are articles;
everything else in a crawl (requests, metadata, images, redirects) is skipped without a word. A
record that fails is reported with its offset and reading goes on; a broken archive stops at
the break, after the records before it.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.recordloader import ArcWarcRecord

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.article import DateEvidence
from newsevents.ingest.html import html_article
from newsevents.models import Article, DateSource, DateValue, Precision, Problem, Severity

HTML_TYPES = ("text/html", "application/xhtml+xml")


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
    html = record.content_stream().read(max_bytes + 1)
    if len(html) > max_bytes:
        raise InputError(path, f"HTML larger than {max_bytes} bytes")
    return html_article(path, html, url=uri, fallback_date=capture_date(record))


def record_problem(path: str, record: ArcWarcRecord, offset: int, error: InputError) -> Problem:
    uri = record.rec_headers.get_header("WARC-Target-URI") or "no target URI"
    return Problem(path, f"record at offset {offset} ({uri}): {error.message}")


def read_warc_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    with open(path, "rb") as stream:
        if not stream.read(1):
            raise InputError(path, "empty file")
        stream.seek(0)
        archive = ArchiveIterator(stream)
        seen = pages = garbled = 0
        try:
            for record in archive:
                seen += 1
                garbled += not _has_archive_headers(record)
                if not is_article_record(record):
                    continue
                pages += 1
                try:
                    yield record_article(path, record, settings.max_html_bytes)
                except InputError as error:
                    yield record_problem(path, record, archive.get_record_offset(), error)
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
            yield Problem(path, f"broken WARC record, stopped reading: {error}")
            return
    yield from _summary_problems(path, seen, pages, garbled)


def _has_archive_headers(record: ArcWarcRecord) -> bool:
    """A WARC record, or an ARC record with a 14-digit capture date; warcio reads any text as
    ARC records, one per line."""
    if record.format != "arc":
        return True
    date = record.rec_headers.get_header("archive-date") or ""
    return date.isdigit() and len(date) == 14


def _summary_problems(path: str, seen: int, pages: int, garbled: int) -> Iterator[Problem]:
    """What the reader can say of a whole archive: cut short, not an archive, or no page."""
    if path.casefold().endswith(".gz") and not _gzip_complete(path):
        yield Problem(path, f"the archive is cut short (its last gzip member is incomplete); "
                      f"{seen} records read before the break")
    if seen and garbled == seen:
        yield Problem(path, "not a web archive: no record has WARC or ARC headers")
    elif not pages:
        yield Problem(path, f"no HTML page in this archive ({seen} records of other kinds: "
                      "requests, metadata, images, redirects)" if seen else
                      "no WARC record in this file",
                      severity=Severity.WARNING if seen else Severity.ERROR)


GZIP_CHUNK = 1 << 20


def _gzip_complete(path: str) -> bool:
    """Whether every gzip member of the file ends properly (warcio stops silently at a member
    cut short). A second, streamed pass of zlib: fast next to reading the pages."""
    decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
    pending = False  # inside a member that has not ended yet
    try:
        with open(path, "rb") as stream:
            while chunk := stream.read(GZIP_CHUNK):
                while chunk:
                    decompressor.decompress(chunk)
                    if decompressor.eof:
                        chunk = decompressor.unused_data
                        decompressor = zlib.decompressobj(zlib.MAX_WBITS | 16)
                        pending = False
                    else:
                        chunk, pending = b"", True
    except (OSError, zlib.error):
        return False
    return not pending
