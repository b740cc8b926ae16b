"""Caps on what a reader takes in at once: a whole file, a line, an inflated body.

A hostile input (a gzip bomb, a line that never ends, a .txt linked to /dev/zero) must cost at
most its cap in memory and then become a problem line that says which cap it broke; the caps
themselves are settings (``Settings.max_record_bytes`` and its neighbours, docs/reliability.md).
"""

from __future__ import annotations

import os
import stat
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import IO, AnyStr

from newsevents.errors import InputError

# How much of an over-long line is held at once while it is skipped.
SKIP_CHUNK = 1 << 20
_GZIP_MAGIC = b"\x1f\x8b"
COMPRESSIONS = frozenset({"gzip", "x-gzip", "deflate"})


def over_limit(max_bytes: int, unit: str) -> str:
    """The words every capped reader ends its problem with: which cap, how large."""
    return f"over the limit of {max_bytes:,} bytes {unit}"


def read_capped(path: str, max_bytes: int, unit: str = "per article", *,
                unsized: int | None = None) -> bytes:
    """The file's bytes, never more than ``max_bytes`` + 1 of them read: a file known to be larger
    is refused unread, and an endless one (a device, a link to /dev/zero) stops at the cap, or
    at the lower cap ``unsized`` when given (a file of unknown size is held to it)."""
    with Path(path).open("rb") as stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISREG(status.st_mode) and status.st_size > max_bytes:
            raise InputError(path, f"file too large: {status.st_size:,} bytes, "
                             f"{over_limit(max_bytes, unit)}")
        if not stat.S_ISREG(status.st_mode) and unsized is not None:
            max_bytes = min(max_bytes, unsized)
        data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(path, f"file too large: {over_limit(max_bytes, unit)}")
    return data


def ends_line(line: str | bytes) -> bool:
    return line[-1:] in (b"\n", "\n", "\r")


def capped_lines(stream: IO[AnyStr], max_size: int) -> Iterator[AnyStr | None]:
    """The lines of ``stream``, none read with more than ``max_size`` + 1 characters (bytes for a
    binary stream); a longer line is skipped to its end a chunk at a time and given as None."""
    while line := stream.readline(max_size + 1):
        if len(line) <= max_size or ends_line(line):
            yield line
            continue
        while line and not ends_line(line):
            line = stream.readline(SKIP_CHUNK)
        yield None


class BodyError(ValueError):
    """A record's body over its cap, or not decodable as its headers say."""


def inflate(data: bytes, encoding: str, max_bytes: int) -> bytes:
    """An HTTP body sent gzip- or deflate-compressed, inflated to at most ``max_bytes`` (one call
    to zlib with an output cap: never the whole bomb).

    A body not gzip-compressed although its headers say so is returned as it is (servers do
    that); one that fails to inflate is a BodyError.
    """
    if encoding == "deflate":
        attempts = (zlib.MAX_WBITS, -zlib.MAX_WBITS)  # zlib-wrapped, or raw as some servers send
    elif data.startswith(_GZIP_MAGIC):
        attempts = (zlib.MAX_WBITS | 16,)
    else:
        return data
    failure = None
    for wbits in attempts:
        try:
            inflated = zlib.decompressobj(wbits).decompress(data, max_bytes + 1)
        except zlib.error as error:
            failure = error
            continue
        if len(inflated) > max_bytes:
            raise BodyError(f"its {encoding} content inflates {over_limit(max_bytes, 'per page')}")
        return inflated
    raise BodyError(f"cannot inflate its {encoding} content: {failure}")
