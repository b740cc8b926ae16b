"""Content-derived article ids, so that ingesting the same article twice gives the same id.

The id hashes the canonical URL when there is one (the same page shared with tracking tags, a
fragment or a trailing slash is one article), else the normalised text.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import chain
from pathlib import Path
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from newsevents.config import DATA_DIR
from newsevents.datafiles import read_words

TRACKING_FILE = DATA_DIR / "ingest" / "tracking_params.tsv"
ID_CHARS = 16
PIECE_CHARS = 1_000_000
_SPACE = re.compile(r"\s")
DEFAULT_PORTS = {"http": 80, "https": 443}


@cache
def tracking_params(path: Path = TRACKING_FILE) -> tuple[frozenset[str], tuple[str, ...]]:
    """Exact names to drop, and name prefixes (rows ending in ``*``)."""
    names = [name.casefold() for name in read_words(path, "param")]
    exact = frozenset(name for name in names if not name.endswith("*"))
    return exact, tuple(name[:-1] for name in names if name.endswith("*"))


def is_tracking(param: str) -> bool:
    exact, prefixes = tracking_params()
    name = param.casefold()
    return name in exact or name.startswith(prefixes)


def canonical_url(url: str) -> str:
    """Lowercase scheme and host, no default port, fragment, tracking tags or trailing slash.

    A string that is no parseable URL ("http://[::1") is returned stripped: it still hashes stably.
    """
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    scheme = parts.scheme.casefold()
    host = (parts.hostname or "").casefold()
    try:
        port = parts.port
    except ValueError:
        port = None
    netloc = host if port is None or DEFAULT_PORTS.get(scheme) == port else f"{host}:{port}"
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    query = sorted((key, value) for key, value in pairs if not is_tracking(key))
    path = parts.path.rstrip("/")
    return urlunsplit((scheme, netloc or parts.netloc.casefold(), path, urlencode(query), ""))


def normalised_text(text: str) -> str:
    return " ".join(text.casefold().split())


def normalised_pieces(text: str, size: int = PIECE_CHARS) -> Iterator[str]:
    """:func:`normalised_text` in consecutive pieces (``"".join`` gives it), each made from
    about ``size`` characters of ``text`` cut at whitespace: a long page is never split into
    one list of all its words (a 50 MB page would take a gigabyte)."""
    start, first = 0, True
    while start < len(text):
        end = _next_space(text, start + size)
        piece = normalised_text(text[start:end])
        if piece:
            yield piece if first else " " + piece
            first = False
        start = end


def _next_space(text: str, position: int) -> int:
    """The first whitespace character at or after ``position`` (no word goes across it), else
    the end of ``text``."""
    while (found := _SPACE.search(text, position)) is not None:
        if found.group().isspace():  # what str.split() splits at
            return found.start()
        position = found.end()
    return len(text)


def digest(key: str | Iterable[str]) -> str:
    """16 hex characters of blake2b over ``key``, or over its pieces joined."""
    hashed = hashlib.blake2b(digest_size=ID_CHARS // 2)
    for piece in [key] if isinstance(key, str) else key:
        hashed.update(piece.encode("utf-8"))
    return hashed.hexdigest()


def article_id(url: str | None, text: str) -> str:
    """16 hex characters of blake2b over the canonical URL, else over the normalised text."""
    if url and url.strip():
        return digest("url:" + canonical_url(url))
    return digest(chain(["text:"], normalised_pieces(text)))
