"""Bytes → text for the readers, telling empty, binary and mis-encoded files apart.

Real corpora hold files saved by Windows tools (cp1252 quotes), by old crawlers (latin-1) and the
odd image renamed to .txt. Undecodable UTF-8 is read with a fallback encoding and reported as a
warning rather than dropped, because the article itself is usually fine.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass

from newsevents.errors import InputError
from newsevents.models import Problem, Severity

SNIFF_BYTES = 8192
# Share of control bytes (other than tab, newlines, form feed, escape) above which bytes are binary.
MAX_CONTROL_SHARE = 0.05
FALLBACK_ENCODINGS = ("cp1252", "latin-1")
_TEXT_CONTROLS = frozenset(b"\t\n\r\f\x1b")
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    warning: Problem | None = None


def check_text_bytes(path: str, data: bytes, *, lines_apart: bool = False) -> None:
    """Raise InputError for an empty file or one that is not text at all.

    ``lines_apart``: a file read line by line (JSONL, CSV) is judged without its NUL bytes, which
    are then the problem of the lines that hold them, not of the whole file.
    """
    if not data.strip():
        raise InputError(path, "empty file")
    if data.startswith(UTF16_BOMS):
        return
    head = data[:SNIFF_BYTES]
    if lines_apart:
        head = head.replace(b"\x00", b"")
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    if not head or b"\x00" in head or controls > MAX_CONTROL_SHARE * len(head):
        raise InputError(path, "binary file, not text")


def decode_bytes(path: str, data: bytes) -> Decoded:
    check_text_bytes(path, data)
    if data.startswith(UTF16_BOMS):
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
