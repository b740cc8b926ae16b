"""Bytes → text for the readers, telling empty, binary and mis-encoded files apart.

Real corpora hold files saved by Windows tools (cp1252 quotes), by old crawlers (latin-1) and the
odd image renamed to .txt. Undecodable UTF-8 is read with a fallback encoding and reported as a
warning rather than dropped, because the article itself is usually fine.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from newsevents.errors import InputError
from newsevents.models import Problem, Severity

SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above which bytes are binary.
MAX_CONTROL_SHARE = 0.05
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: Problem | None = None


def check_text_bytes(path: str, data: bytes) -> None:
    """Raise InputError for an empty file or one that is not text at all."""
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith(_UTF16_BOMS):
        return
    head = data[:SNIFF_BYTES]
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if b"\x00" in head or controls > MAX_CONTROL_SHARE * len(head):
        raise InputError(path, "binary file, not text")


def decode_bytes(path: str, data: bytes) -> Decoded:
    check_text_bytes(path, data)
    if data.startswith(_UTF16_BOMS):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise InputError(path, f"not valid UTF-16: {error.reason}") from error
    try:
        return Decoded(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        reason = f"not valid UTF-8 (byte {error.start})"
    for encoding in FALLBACK_ENCODINGS:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        message = f"{reason}; decoded as {encoding}"
        return Decoded(text, Problem(path, message, severity=Severity.WARNING))
    raise InputError(path, reason)  # unreachable: latin-1 decodes every byte


def read_bytes(path: str, max_bytes: int | None = None) -> bytes:
    """The file's bytes; InputError when it is larger than ``max_bytes``."""
    file = Path(path)
    if max_bytes is not None:
        size = file.stat().st_size
        if size > max_bytes:
            raise InputError(path, f"file too large: {size} bytes (limit {max_bytes})")
    return file.read_bytes()


def read_decoded(path: str, max_bytes: int | None = None) -> Decoded:
    return decode_bytes(path, read_bytes(path, max_bytes))
