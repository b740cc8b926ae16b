"""Builds the ``Article`` every reader returns, choosing its date by the strength of evidence.

Publication-date evidence, strongest first: the page's own metadata (HTML meta tags, a record's
``published`` field), a dateline in the text, a date in the URL, a fallback the reader supplies
(a WARC capture date), a date in the file path.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from newsevents.ingest.body import Body
from newsevents.ingest.identity import article_id
from newsevents.ingest.pathdate import date_from_path
from newsevents.models import Article, DateSource, DateValue


@dataclass(frozen=True, slots=True)
class DateEvidence:
    value: DateValue
    source: DateSource


def evidence(value: DateValue | None, source: DateSource) -> DateEvidence | None:
    return DateEvidence(value, source) if value else None


def address_dates(path: str | None, url: str | None) -> tuple[DateEvidence | None, ...]:
    """Dates spelled by the URL and by the file path, in that order."""
    return (
        evidence(date_from_path(url), DateSource.URL) if url else None,
        evidence(date_from_path(path), DateSource.PATH) if path else None,
    )


def year_hint(path: str | None, url: str | None) -> int | None:
    """The year the address gives, to complete a dateline that says only "July 13"."""
    found = next((item for item in address_dates(path, url) if item), None)
    return found.value.day.year if found else None


def make_article(
    path: str,
    body: Body,
    *,
    url: str | None = None,
    source: str | None = None,
    metadata_date: DateValue | None = None,
    fallback_date: DateEvidence | None = None,
    given_id: str | None = None,
) -> Article:
    url_date, path_date = address_dates(path, url)
    candidates = (
        evidence(metadata_date, DateSource.METADATA),
        evidence(body.date, DateSource.DATELINE),
        url_date,
        fallback_date,
        path_date,
    )
    chosen = next((item for item in candidates if item), None)
    text = valid_text(body.text)
    url = valid_text(url)
    return Article(
        id=valid_text(given_id) or article_id(url, text),
        text=text,
        title=valid_text(body.title),
        url=url,
        source=valid_text(source or body.source),
        published=chosen.value if chosen else None,
        published_source=chosen.source if chosen else DateSource.NONE,
        path=valid_text(path),
        cut=body.cut,
    )


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def valid_text(value: str | None) -> str | None:
    """``value`` with every lone surrogate replaced by U+FFFD. A Python string holds one when
    JSON escapes half a pair ("\\udc80") or a file name has bytes that are not UTF-8 (0xFF);
    UTF-8 cannot encode it, so the store would refuse the article (and its whole batch)."""
    return LONE_SURROGATE.sub("\ufffd", value) if value else value
