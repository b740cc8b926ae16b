"""Web archives that used to end with "0 problems" and no word why (issue #13)."""

from __future__ import annotations

import gzip
import io
import random
import re
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.config import Settings
from newsevents.ingest.inputs import iter_inputs
from newsevents.models import Article, Problem

PAGE = ("<html><head><title>Story {i}</title></head><body><p>Russia rejected plan number {i} on "
        "Monday, officials in Moscow said after long talks with Turkey.</p><p>More text about "
        "the talks in Doha and the position of Ankara follows here.</p></body></html>")


def _archive(path: Path, pages: int, content_type: str = "text/html") -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=path.suffix == ".gz")
        for i in range(pages):
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.0")
            writer.write_record(writer.create_warc_record(
                f"http://example.org/{i}", "response",
                payload=io.BytesIO(PAGE.format(i=i).encode()), http_headers=headers))
    return path


def _read(path: Path) -> tuple[list[Article], list[str]]:
    items = list(iter_inputs([str(path)]))
    return ([i for i in items if isinstance(i, Article)],
            [i.message for i in items if isinstance(i, Problem)])


def test_a_whole_archive_reads_without_a_problem(tmp_path: Path) -> None:
    articles, problems = _read(_archive(tmp_path / "ok.warc.gz", 3))
    assert len(articles) == 3 and problems == []


def test_a_truncated_archive_keeps_its_pages_and_says_it_is_cut(tmp_path: Path) -> None:
    whole = _archive(tmp_path / "whole.warc.gz", 3).read_bytes()
    cut = tmp_path / "cut.warc.gz"
    cut.write_bytes(whole[: int(len(whole) * 0.8)])
    articles, problems = _read(cut)
    assert len(articles) == 2
    assert len(problems) == 1 and "cut short" in problems[0]


def test_an_archive_without_pages_says_so(tmp_path: Path) -> None:
    articles, problems = _read(_archive(tmp_path / "images.warc.gz", 2, "image/png"))
    assert not articles and "no HTML page" in problems[0]


def test_text_that_is_no_archive_says_so(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.warc"
    garbage.write_text("hello, this is not a web archive at all\n" * 20)
    articles, problems = _read(garbage)
    assert not articles and problems == ["not a web archive: no record has WARC or ARC headers"]


# --- caps, broken records and warcio's own warnings (issue #13) ---------------------------------

SMALL = Settings(max_header_bytes=2_000, max_html_bytes=50_000)


def _record(i: int, *, gz: bool = False, uri: str | None = None,
            headers: tuple[tuple[str, str], ...] = (), payload: bytes | None = None) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers],
                            protocol="HTTP/1.0")
    body = PAGE.format(i=i).encode() if payload is None else payload
    writer.write_record(writer.create_warc_record(
        uri or f"http://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def _content_length(record: bytes, change: int) -> bytes:
    return re.sub(rb"Content-Length: (\d+)",
                  lambda m: b"Content-Length: %d" % (int(m[1]) + change), record, count=1)


def _read_with(path: Path, data: bytes, settings: Settings = SMALL) -> tuple[list[str], list[str]]:
    path.write_bytes(data)
    items = list(iter_inputs([str(path)], settings=settings))
    return ([a.title or "" for a in items if isinstance(a, Article)],
            [f"{p.severity.value}: {p.message}" for p in items if isinstance(p, Problem)])


def test_a_gzip_member_of_nuls_is_skipped_to_the_next_member(tmp_path: Path) -> None:
    bomb = gzip.compress(b"\x00" * 1_000_000)  # one header "line" of a million NULs
    first = _record(1, gz=True)
    titles, problems = _read_with(tmp_path / "a.warc.gz", first + bomb + _record(2, gz=True))
    assert titles == ["Story 1", "Story 2"]
    assert problems == [f"error: broken WARC record, read on from offset {len(first) + len(bomb)}: "
                        f"record at offset {len(first)}: its headers are over the limit of 2,000 "
                        "bytes per record (a header line that never ends?)"]


def test_a_long_line_in_an_uncompressed_archive_is_skipped_to_the_next_record(
        tmp_path: Path) -> None:
    titles, problems = _read_with(tmp_path / "a.warc",
                                  _record(1) + b"X" * 100_000 + b"\r\n\r\n" + _record(2))
    assert titles == ["Story 1", "Story 2"]
    assert len(problems) == 1 and "over the limit of 2,000 bytes" in problems[0]


def test_a_header_block_over_the_cap_is_skipped(tmp_path: Path) -> None:
    many = b"WARC/1.0\r\n" + b"X-Filler: yes\r\n" * 1_000 + b"\r\n"
    titles, problems = _read_with(tmp_path / "a.warc", _record(1) + many + _record(2))
    assert titles == ["Story 1", "Story 2"] and len(problems) == 1


def test_a_junk_line_between_records_is_a_problem_and_the_next_record_is_read(
        tmp_path: Path) -> None:
    first = _record(1)
    titles, problems = _read_with(tmp_path / "a.warc", first + b"junk\r\n" + _record(2))
    assert titles == ["Story 1", "Story 2"]
    assert problems == [f"error: broken WARC record, read on from offset {len(first) + 6}: record "
                        f"at offset {len(first)}: Invalid WARC record, first line: junk"]


def test_a_record_longer_than_its_gzip_member_is_a_warning(tmp_path: Path) -> None:
    split = gzip.compress(_content_length(_record(1), 1_000))
    titles, problems = _read_with(tmp_path / "a.warc.gz", split + _record(2, gz=True))
    assert titles == ["Story 1", "Story 2"]
    assert problems == ["warning: record at offset 0: its Content-Length runs 996 bytes past "
                        "the end of the file or gzip member"]  # 1,000 less the blank lines


def test_a_content_length_too_short_is_a_warning_not_stderr(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    titles, problems = _read_with(tmp_path / "a.warc", _content_length(_record(1), -5)
                                  + _record(2))
    assert titles == ["Story 1", "Story 2"]
    assert problems == ["warning: record at offset 0: the record does not end where its "
                        "Content-Length says (no blank line after it)"]
    assert capfd.readouterr().err == ""  # warcio would print "WARNING: Record not followed…"


def test_spaces_in_a_target_uri_are_a_warning_not_a_log_line(
        tmp_path: Path, capfd: pytest.CaptureFixture[str]) -> None:
    titles, problems = _read_with(tmp_path / "a.warc", _record(1, uri="http://example.org/a b"))
    assert titles == ["Story 1"]
    assert problems == ["warning: record at offset 0: spaces in its WARC-Target-URI replaced by "
                        "%20"]
    assert capfd.readouterr().err == ""


@pytest.mark.parametrize("at", [40, 30_000])  # in warcio's first 16 KiB block of it, or after
def test_a_corrupt_gzip_member_is_one_problem_line_and_the_next_member_is_read(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], at: int) -> None:
    noise = random.Random(1).randbytes(40_000)  # does not compress: a member over 16 KiB
    second = bytearray(_record(2, gz=True, headers=(("X-Noise", noise.hex()),)))
    second[at:at + 20] = b"\xff" * 20
    titles, problems = _read_with(tmp_path / "a.warc.gz", _record(1, gz=True) + bytes(second)
                                  + _record(3, gz=True), Settings())
    assert titles == ["Story 1", "Story 3"]
    assert len(problems) == 1 and "broken WARC record, read on from offset" in problems[0]
    assert problems[0].isprintable()
    assert capfd.readouterr().err == ""  # warcio would print zlib's error


@pytest.mark.parametrize("chunked", [False, True])
def test_a_gzip_body_bomb_is_a_problem_and_the_next_record_is_read(
        tmp_path: Path, chunked: bool) -> None:
    body = gzip.compress(b"\x00" * 5_000_000)
    if chunked:
        body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
    headers = (("Content-Encoding", "gzip"),) + ((("Transfer-Encoding", "chunked"),)
                                                  if chunked else ())
    bomb = _record(9, gz=True, headers=headers, payload=body)
    titles, problems = _read_with(tmp_path / "a.warc.gz",
                                  _record(1, gz=True) + bomb + _record(2, gz=True))
    assert titles == ["Story 1", "Story 2"]
    assert [p.split("): ", 1)[1] for p in problems] == [
        "its gzip content inflates over the limit of 50,000 bytes per page"]


def test_a_gzip_encoded_page_is_read(tmp_path: Path) -> None:
    body = gzip.compress(PAGE.format(i=3).encode())
    record = _record(3, headers=(("Content-Encoding", "gzip"),), payload=body)
    titles, problems = _read_with(tmp_path / "a.warc", record)
    assert titles == ["Story 3"] and problems == []


def test_an_archive_gzipped_whole_says_so_in_one_line(tmp_path: Path) -> None:
    whole = gzip.compress(_record(1) + _record(2))
    titles, problems = _read_with(tmp_path / "a.warc.gz", whole)
    assert titles == ["Story 1"]
    assert len(problems) == 1 and "compressed whole, not record by record" in problems[0]
