"""Reader for web pages (.html, .htm) and the HTML inside WARC records, through trafilatura.

trafilatura finds the article text and the page metadata (title, date, site name, canonical
URL). Its date search is restricted to markup and metadata (``extensive_search`` off), so a date
is never guessed from the running text; the text itself then goes through the same cleaning as a
.txt file (boilerplate, dateline prefix, paragraphs).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import trafilatura
from lxml import etree
from trafilatura.settings import Document

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.article import DateEvidence, make_article, year_hint
from newsevents.ingest.body import read_body
from newsevents.ingest.decoding import check_text_bytes
from newsevents.ingest.limits import read_capped
from newsevents.ingest.nesting import flatten, too_deep
from newsevents.ingest.outlets import outlet_name
from newsevents.ingest.pathdate import date_from_path
from newsevents.models import Article, DateValue, Precision, Problem

DATE_PARAMS = {"extensive_search": False, "original_date": True, "deferred_url_extractor": True}
# Fewer words than this is a menu, a cookie wall or an error page, not an article.
MIN_ARTICLE_WORDS = 12
NO_TEXT = "no article text found"


def metadata_date(document: Document) -> DateValue | None:
    """The date the page's markup states, as trafilatura reports it (YYYY-MM-DD).

    htmldate falls back to the page URL when the markup has no date (``deferred_url_extractor``);
    a date equal to the URL's is left to ``make_article``, which labels it URL evidence.
    """
    try:
        found = DateValue(dt.date.fromisoformat((document.date or "")[:10]), Precision.DAY)
    except ValueError:
        return None
    return None if found == date_from_path(document.url or "") else found


def extract(path: str, html: bytes | str, url: str | None) -> Document:
    try:
        document = trafilatura.bare_extraction(
            html, url=url, with_metadata=True, date_extraction_params=DATE_PARAMS
        )
    except (ValueError, LookupError, RecursionError, etree.LxmlError) as error:
        raise InputError(path, f"cannot parse HTML: {error}") from error
    if not isinstance(document, Document) or not (document.text or "").strip():
        raise InputError(path, NO_TEXT)
    return document


def html_article(
    path: str,
    html: bytes | str,
    *,
    url: str | None = None,
    fallback_date: DateEvidence | None = None,
) -> Article:
    """One article from a page; ``url`` (a WARC target) wins over the page's canonical link.

    A page nested deeper than libxml2 builds is read again flattened (``nesting``).
    """
    try:
        return page_article(path, html, url, fallback_date)
    except InputError as error:
        if error.message != NO_TEXT or not too_deep(html):
            raise
    return page_article(path, flatten(html), url, fallback_date)


def page_article(
    path: str, html: bytes | str, url: str | None, fallback_date: DateEvidence | None
) -> Article:
    document = extract(path, html, url)
    url = url or document.url or None
    body = read_body(
        document.text or "",
        year=year_hint(path, url),
        find_title=False,
        title=document.title or None,
    )
    if len(body.text.split()) < MIN_ARTICLE_WORDS:
        raise InputError(path, NO_TEXT)
    return make_article(
        path,
        body,
        url=url,
        source=outlet_name(document.sitename or "") or body.source,
        metadata_date=metadata_date(document),
        fallback_date=fallback_date,
    )


def read_html_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    data = read_capped(path, settings.max_html_bytes, "per page")
    check_text_bytes(path, data)
    yield html_article(path, data)
