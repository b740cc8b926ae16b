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
from newsevents.models import Article, DateSource, DateValue, Precision, Problem

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
        try:
            for record in archive:
                if not is_article_record(record):
                    continue
                try:
                    yield record_article(path, record, settings.max_html_bytes)
                except InputError as error:
                    yield record_problem(path, record, archive.get_record_offset(), error)
        except (ArchiveLoadFailed, zlib.error, EOFError, ValueError) as error:
            yield Problem(path, f"broken WARC record, stopped reading: {error}")
