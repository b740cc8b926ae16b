"""warcio, capped and quiet: the archive iterator the WARC reader walks.

warcio reads a header line whole however long it is (a 2.4 MB .warc.gz of NULs is one 2.5 GB
"line"), inflates a chunked HTTP body a chunk at a time whatever its size, and prints its own
warnings to stderr. Here every header line and each record's header block are capped at
``max_header_bytes``, the HTTP body is de-chunked and inflated under a cap (:func:`payload`), and
warcio's warnings become ``notes`` that the reader turns into problem lines. After a record that
cannot be parsed, :func:`next_record_start` finds where reading can go on.
"""

from __future__ import annotations

import io
import zlib
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.bufferedreaders import ChunkedDataReader, DecompressingBufferedReader
from warcio.recordloader import ArcWarcRecord, ArcWarcRecordLoader
from warcio.statusandheaders import StatusAndHeaders
from warcio.utils import BUFF_SIZE

from newsevents.ingest.limits import COMPRESSIONS, SKIP_CHUNK, BodyError, inflate, over_limit

# A note: (offset of the record it is about, what is wrong with it).
Note = tuple[int, str]
WARC_LINE = b"\nWARC/1."  # a line that opens a WARC 1.0 or 1.1 record
GZIP_MEMBER = b"\x1f\x8b\x08"  # the magic number and method (deflate) of a gzip member


class HeaderTooLarge(ValueError):
    """A header line, or a record's header block, over ``max_header_bytes``."""


class CorruptGzip(ValueError):
    """A gzip member that fails to inflate half-way, or an archive gzipped whole."""


class CappedReader(DecompressingBufferedReader):
    """warcio's reader with a cap on the header bytes read line by line since the record began
    (or since the last block read), and without its print of a gzip error."""

    def __init__(self, stream: BinaryIO, max_header_bytes: int) -> None:
        super().__init__(stream, block_size=BUFF_SIZE)
        self.max_header_bytes = max_header_bytes
        self.header_bytes = 0
        self.corrupt = False  # zlib failed inside a member: its end cannot be found by reading

    def read(self, length: int | None = None) -> bytes:
        self.header_bytes = 0
        return super().read(length)

    def readline(self, length: int | None = None) -> bytes:
        room = self.max_header_bytes + 1 - self.header_bytes
        line = super().readline(room if length is None or length < 0 else min(length, room))
        self.header_bytes += len(line)
        if self.header_bytes > self.max_header_bytes:
            limit = over_limit(self.max_header_bytes, "per record")
            raise HeaderTooLarge(f"its headers are {limit} (a header line that never ends?)")
        return line

    def _decompress(self, data: bytes) -> bytes:
        if self.decompressor is None or not data or self.num_block_read == 0:
            return super()._decompress(data)  # the first block: warcio's own test for gzip
        try:
            return self.decompressor.decompress(data)
        except zlib.error as error:
            self.corrupt = True
            raise CorruptGzip(f"corrupt gzip data: {error}") from error


class QuietLoader(ArcWarcRecordLoader):
    """warcio's record loader, noting instead of logging the spaces it replaces in a URI."""

    def __init__(self, notes: list[str]) -> None:
        super().__init__(verify_http=False, arc2warc=False)
        self.notes = notes

    def _ensure_target_uri_format(self, rec_headers: StatusAndHeaders) -> str | None:
        uri = rec_headers.get_header("WARC-Target-URI")
        if uri is not None and " " in uri:
            self.notes.append("spaces in its WARC-Target-URI replaced by %20")
            rec_headers.replace_header("WARC-Target-URI", uri.replace(" ", "%20"))
        return super()._ensure_target_uri_format(rec_headers)


class CappedArchive(ArchiveIterator):
    """warcio's iterator over a capped reader, keeping its warnings as ``notes``."""

    def __init__(self, stream: BinaryIO, max_header_bytes: int) -> None:
        start = stream.tell()
        self.gzipped = stream.read(len(GZIP_MEMBER)) == GZIP_MEMBER
        stream.seek(start)
        super().__init__(stream)
        self.reader = CappedReader(self.fh, max_header_bytes)
        self.uri_notes: list[str] = []
        self.loader = QuietLoader(self.uri_notes)
        self.notes: list[Note] = []
        self.cut_short = False  # a gzip member ended before its end: the file was truncated
        self.reading_at = self.offset  # where the record, or the gap after one, being read starts

    def _next_record(self, next_line: bytes | None) -> ArcWarcRecord:
        self.reading_at = self.offset
        self.reader.header_bytes = len(next_line or b"")
        record = super()._next_record(next_line)
        self.notes.extend((self.offset, note) for note in self.uri_notes)
        self.uri_notes.clear()
        return record

    def read_to_end(self, record: ArcWarcRecord | None = None) -> None:
        """warcio's, noting a record whose Content-Length runs past the end of the file or of its
        gzip member (the record after it, if any, is read as part of it)."""
        current, done = self.record, self.member_info
        super().read_to_end(record)
        missing = getattr(current.raw_stream, "limit", 0) if current and not done else 0
        if missing > 0:
            self.notes.append((self.member_info[0], f"its Content-Length runs "
                               f"{missing:,} bytes past the end of the file or gzip member"))

    def _consume_blanklines(self) -> tuple[bytes | None, int]:
        """warcio's, with its warning about a record not followed by a blank line noted instead
        of printed."""
        self.reading_at = self.fh.tell() - self.reader.rem_length()
        empty_size, first_line = 0, True
        while line := self.reader.readline():
            if line.strip() and not first_line:
                return line, empty_size
            empty_size += len(line)
            if line.strip():
                self.notes.append((self.offset, "the record does not end where its "
                                   "Content-Length says (no blank line after it)"))
            first_line = False
        return None, empty_size

    def _raise_invalid_gzip_err(self) -> None:
        raise CorruptGzip("a gzip member holds more than one record: the archive was compressed "
                          "whole, not record by record ('warcio recompress' fixes it)")

    def close(self) -> None:
        """At the end of the records: warcio stops without a word at a gzip member cut short."""
        decompressor = self.reader.decompressor if self.reader else None
        self.cut_short |= decompressor is not None and not decompressor.eof
        super().close()

    def take_notes(self) -> list[Note]:
        taken, self.notes = self.notes, []
        return taken


def payload(record: ArcWarcRecord, max_bytes: int) -> bytes:
    """The HTTP body of a record, de-chunked and inflated, at most ``max_bytes`` at every step
    (warcio's ``content_stream`` would inflate a whole chunk, of any size, at once)."""
    body = record.raw_stream.read(max_bytes + 1)
    if len(body) > max_bytes:
        raise BodyError(f"HTML {over_limit(max_bytes, 'per page')}")
    headers = record.http_headers
    if (headers.get_header("Transfer-Encoding") or "").strip().casefold() == "chunked":
        body = ChunkedDataReader(io.BytesIO(body)).read(max_bytes + 1)
    encoding = (headers.get_header("Content-Encoding") or "").strip().casefold()
    return inflate(body, encoding, max_bytes) if encoding in COMPRESSIONS else body


def next_record_start(archive: CappedArchive) -> int | None:
    """Where reading can go on after a record that could not be parsed: the end of its gzip
    member, or the next one where the member is corrupt, or in an uncompressed archive the next
    line that opens a WARC record; None when there is none."""
    reader = archive.reader
    if reader.decompressor is not None and not reader.corrupt:
        try:
            return _end_of_member(archive)
        except CorruptGzip:
            pass
    if archive.gzipped:
        return _find(archive.fh, archive.reading_at + 1, GZIP_MEMBER)
    found = _find(archive.fh, max(0, archive.fh.tell() - reader.rem_length() - 1), WARC_LINE)
    return None if found is None else found + 1  # from the byte before: a record may follow


def _end_of_member(archive: CappedArchive) -> int | None:
    reader = archive.reader
    while reader.read(SKIP_CHUNK):  # to the end of this member, never past it
        pass
    decompressor = reader.decompressor
    if decompressor is None or not decompressor.eof:
        archive.cut_short = True
        return None
    start = archive.fh.tell() - len(decompressor.unused_data)
    return start if archive.fh.read(1) or decompressor.unused_data else None


def _find(stream: BinaryIO, start: int, marker: bytes) -> int | None:
    """The offset of ``marker`` at or after ``start``, read a chunk at a time."""
    stream.seek(start)
    tail = b""
    while block := stream.read(SKIP_CHUNK):
        window = tail + block
        found = window.find(marker)
        if found >= 0:
            return start - len(tail) + found
        tail = window[-len(marker) + 1:]
        start += len(block)
    return None
