"""Reader for plain-text articles (.txt): headline on the first line, body below it."""

from __future__ import annotations

from collections.abc import Iterator

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.article import make_article, year_hint
from newsevents.ingest.body import read_body
from newsevents.ingest.decoding import decode_bytes
from newsevents.ingest.limits import read_capped
from newsevents.models import Article, Problem


def text_article(path: str, text: str) -> Article | Problem:
    """One article from the text of a .txt file; ``body.is_headline`` decides the title."""
    body = read_body(text, year=year_hint(path, None))
    if not body.paragraphs:
        if body.title:
            return Problem(path, "headline but no body text")
        return Problem(path, "no article text left after removing boilerplate")
    return make_article(path, body)


def text_items(path: str, data: bytes) -> Iterator[Article | Problem]:
    """The article in a .txt file's bytes, or the Problems that stop it; never raises."""
    try:
        decoded = decode_bytes(path, data)
    except InputError as error:
        yield Problem(error.path, error.message, error.line)
        return
    if decoded.warning:
        yield decoded.warning
    yield text_article(path, decoded.text)


def read_text_file(path: str, settings: Settings) -> Iterator[Article | Problem]:
    """One article per file, read whole up to ``max_text_bytes`` (a link to /dev/zero, whose
    size is unknown, stops at ``max_record_bytes``)."""
    yield from text_items(path, read_capped(path, settings.max_text_bytes,
                                            unsized=settings.max_record_bytes))
