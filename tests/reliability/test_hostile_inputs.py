"""Hostile inputs through `newsevents ingest` (issue #13): bombs, endless files, NUL bytes, deep
markup, broken archive records.

Every input is made here, in tmp_path; the bombs are real size (a 2.6 MB .warc.gz that inflates
to 2.5 GB, a 1.5 GB line in a sparse file) with the default caps, and are generated in well under
a second each (a gzip member of one compressed 1 MB block repeated, see ``gzip_of_repeats``). Each
case runs the CLI in a child process and checks its exit code, its one-line problem naming the
file (and line or record), the good records stored, the child's peak RSS (under 1 GB: before the
caps, these cases passed 4 GB) and its time (generous, to stay clear of a busy machine).
"""

from __future__ import annotations

import gzip
import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.store import Store

MAX_RSS_MB = 1024
MAX_SECONDS = 60
MB = 1 << 20
GB_2_5 = 2_500  # megabytes: the size of the bombs
CLI = "import sys; from newsevents.cli import main; sys.exit(main())"
PAGE = ("<html><head><title>Story {i}</title></head><body><p>Russia rejected plan number {i} on "
        "Monday, officials in Moscow said after long talks with Turkey.</p><p>More text about "
        "the talks in Doha and the position of Ankara follows here.</p></body></html>")
TEXTS = ["Russia rejected the plan on Monday, officials in Moscow said after talks with Turkey.",
         "Turkey hosted talks with Iran in Ankara on Tuesday, the foreign ministry said.",
         "Egypt rejected the proposal on Friday and called for a new round of talks in Cairo.",
         "Qatar offered to host the next meeting in Doha, a spokesman for its government said."]
TEXT = TEXTS[0]  # (articles with the same text would be stored once: near duplicates)


@dataclass(frozen=True)
class Run:
    code: int
    problems: list[str]  # stderr lines other than the closing count
    stderr: str
    seconds: float
    peak_mb: float


def ingest(tmp_path: Path, *paths: Path | str) -> Run:
    """`newsevents ingest PATHS` in a child process, its own peak RSS read from wait4."""
    db = tmp_path / "news.db"
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.monotonic()
        child = subprocess.Popen([sys.executable, "-c", CLI, "--db", str(db), "ingest",
                                  *map(str, paths)], stdout=out, stderr=err, cwd=tmp_path)
        while True:
            pid, status, usage = os.wait4(child.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - started > 3 * MAX_SECONDS:
                child.kill()
                os.wait4(child.pid, 0)
                pytest.fail(f"newsevents ingest {paths} still running after {3 * MAX_SECONDS} s")
            time.sleep(0.05)
        seconds = time.monotonic() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    lines = stderr.splitlines()
    return Run(child.returncode, [line for line in lines if " articles read: " not in line],
               stderr, seconds, usage.ru_maxrss / 1024)


def stored_titles(tmp_path: Path) -> list[str]:
    with Store(tmp_path / "news.db", must_exist=True) as store:
        return sorted(article.title or article.id for article in store.iter_articles())


def assert_bounded(run: Run) -> None:
    print(f"peak RSS {run.peak_mb:.0f} MB, {run.seconds:.1f} s")  # shown with pytest -s
    assert run.peak_mb < MAX_RSS_MB, f"peak RSS {run.peak_mb:.0f} MB"
    assert run.seconds < MAX_SECONDS, f"took {run.seconds:.1f} s"


# --- making the inputs --------------------------------------------------------------------------


def gzip_of_repeats(chunk: bytes, count: int, head: bytes = b"") -> bytes:
    """One gzip member of ``head`` and then ``chunk`` ``count`` times, made without compressing
    it all: after a full flush deflate starts afresh, so one compressed ``chunk`` is repeated."""
    deflate = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS)
    first = deflate.compress(head) + deflate.flush(zlib.Z_FULL_FLUSH)
    block = deflate.compress(chunk) + deflate.flush(zlib.Z_FULL_FLUSH)
    end = deflate.flush()
    crc = zlib.crc32(head)
    for _ in range(count):
        crc = zlib.crc32(chunk, crc)
    size = (len(head) + len(chunk) * count) & 0xFFFFFFFF
    return (b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\xff" + first + block * count + end
            + struct.pack("<II", crc & 0xFFFFFFFF, size))


def test_gzip_of_repeats_is_the_gzip_it_claims() -> None:
    made = gzip_of_repeats(b"ab" * 1000, 300, head=b"WARC/1.0\r\n")
    assert gzip.decompress(made) == b"WARC/1.0\r\n" + b"ab" * 300_000
    assert len(made) < 20_000


def warc_member(i: int, headers: tuple[tuple[str, str], ...] = (),
                payload: bytes | None = None, gz: bool = True) -> bytes:
    """One response record (a gzip member of its own, as crawlers write them)."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *headers],
                            protocol="HTTP/1.0")
    body = PAGE.format(i=i).encode() if payload is None else payload
    writer.write_record(writer.create_warc_record(
        f"http://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


def sparse(path: Path, before: bytes, hole_bytes: int, after: bytes) -> Path:
    """A file with a run of NUL bytes that takes no disk: a line as long as ``hole_bytes``."""
    with path.open("wb") as out:
        out.write(before)
        out.seek(hole_bytes, os.SEEK_CUR)
        out.write(after)
    return path


# --- memory bombs -------------------------------------------------------------------------------


def test_a_gzip_bomb_of_nuls_is_one_problem_line(tmp_path: Path) -> None:
    """The issue's case: a 2.6 MB .warc.gz that inflates to 2.5 GB of NULs and nothing else."""
    bomb = tmp_path / "bomb.warc.gz"
    bomb.write_bytes(gzip_of_repeats(b"\x00" * MB, GB_2_5))
    run = ingest(tmp_path, bomb)
    assert run.code == 1  # no article read
    assert run.problems == [
        f"{bomb}: error: broken WARC record, stopped reading: record at offset 0: its headers "
        "are over the limit of 1,000,000 bytes per record (a header line that never ends?)"]
    assert_bounded(run)


def test_a_warc_header_line_of_2_5_gb_is_skipped_to_the_next_record(tmp_path: Path) -> None:
    first = warc_member(1)
    long_line = gzip_of_repeats(b"A" * MB, GB_2_5,
                                head=b"WARC/1.0\r\nWARC-Type: response\r\nX-Filler: ")
    archive = tmp_path / "long.warc.gz"
    archive.write_bytes(first + long_line + warc_member(2))
    run = ingest(tmp_path, archive)
    assert run.code == 0
    assert run.problems == [
        f"{archive}: error: broken WARC record, read on from offset "
        f"{len(first) + len(long_line)}: record at offset {len(first)}: its headers are over the "
        "limit of 1,000,000 bytes per record (a header line that never ends?)"]
    assert stored_titles(tmp_path) == ["Story 1", "Story 2"]
    assert_bounded(run)


def test_a_record_split_across_gzip_members_is_reported_and_the_next_one_read(
        tmp_path: Path) -> None:
    """A record whose headers promise 2.5 GB, its body in the gzip members after its own."""
    first = warc_member(1)
    http = b"HTTP/1.0 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body><p>"
    head = gzip.compress(
        b"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: http://example.org/split\r\n"
        b"Content-Type: application/http; msgtype=response\r\n"
        b"Content-Length: 2621440200\r\n\r\n" + http)
    body = gzip_of_repeats(b" " * MB, GB_2_5)
    archive = tmp_path / "split.warc.gz"
    archive.write_bytes(first + head + body + warc_member(2))
    run = ingest(tmp_path, archive)
    assert run.code == 0
    start = len(first)
    assert run.problems == [
        f"{archive}: error: record at offset {start} (http://example.org/split): no article "
        "text found",
        f"{archive}: warning: record at offset {start}: its Content-Length runs "
        f"{2_621_440_200 - len(http):,} bytes past the end of the file or gzip member",
        f"{archive}: error: broken WARC record, read on from offset "
        f"{start + len(head) + len(body)}: record at offset {start + len(head)}: its headers are "
        "over the limit of 1,000,000 bytes per record (a header line that never ends?)"]
    assert stored_titles(tmp_path) == ["Story 1", "Story 2"]
    assert_bounded(run)


def test_an_http_body_that_inflates_to_2_5_gb_is_one_problem(tmp_path: Path) -> None:
    first = warc_member(1)
    bomb = warc_member(9, headers=(("Content-Encoding", "gzip"),),
                       payload=gzip_of_repeats(b"\x00" * MB, GB_2_5))
    archive = tmp_path / "body.warc.gz"
    archive.write_bytes(first + bomb + warc_member(2))
    run = ingest(tmp_path, archive)
    assert run.code == 0
    assert run.problems == [
        f"{archive}: error: record at offset {len(first)} (http://example.org/9): its gzip "
        "content inflates over the limit of 20,000,000 bytes per page"]
    assert stored_titles(tmp_path) == ["Story 1", "Story 2"]
    assert_bounded(run)


@pytest.mark.skipif(not os.path.exists("/dev/zero") or os.name != "posix",
                    reason="needs /dev/zero and symbolic links")
def test_a_txt_linked_to_dev_zero_is_skipped(tmp_path: Path) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "good.txt").write_text(f"Talks\n\n{TEXT}\n")
    (inbox / "zero.txt").symlink_to("/dev/zero")
    run = ingest(tmp_path, inbox)
    assert run.code == 0
    assert run.problems == [f"{inbox / 'zero.txt'}: warning: not a regular file (a pipe, device "
                            "or socket); skipped"]
    assert stored_titles(tmp_path) == ["Talks"]
    assert_bounded(run)


def test_a_3_gb_txt_is_refused_unread(tmp_path: Path) -> None:
    huge = sparse(tmp_path / "huge.txt", b"Title\n\n", 3_000_000_000, b"\n")
    good = tmp_path / "good.txt"
    good.write_text(f"Talks\n\n{TEXT}\n")
    run = ingest(tmp_path, huge, good)
    assert run.code == 0
    assert run.problems == [f"{huge}: error: file too large: 3,000,000,008 bytes, over the limit "
                            "of 64,000,000 bytes per article"]
    assert stored_titles(tmp_path) == ["Talks"]
    assert_bounded(run)


def test_an_article_just_under_the_cap_is_stored_within_the_bounds(tmp_path: Path) -> None:
    """The cap is not a cut: a 9.9 MB article (ten times spaCy's own limit) is read whole."""
    paragraph = " ".join(TEXTS) + "\n\n"
    article = tmp_path / "long.txt"
    article.write_text("Long story\n\n" + paragraph * (9_900_000 // len(paragraph)))
    run = ingest(tmp_path, article)
    assert (run.code, run.problems) == (0, [])
    assert stored_titles(tmp_path) == ["Long story"]
    assert_bounded(run)


def _jsonl(i: int) -> bytes:
    return json.dumps({"id": f"r{i}", "title": f"Record {i}", "text": TEXTS[i]}).encode() + b"\n"


def test_a_jsonl_line_of_1_5_gb_is_a_problem_on_its_line(tmp_path: Path) -> None:
    feed = sparse(tmp_path / "feed.jsonl", _jsonl(1), 1_500_000_000, b"\n" + _jsonl(3))
    run = ingest(tmp_path, feed)
    assert run.code == 0
    assert run.problems == [f"{feed}:2: error: line over the limit of 10,000,000 bytes per "
                            "record; skipped"]
    assert stored_titles(tmp_path) == ["Record 1", "Record 3"]
    assert_bounded(run)


def test_a_csv_line_of_1_5_gb_is_a_problem_on_its_line(tmp_path: Path) -> None:
    feed = sparse(tmp_path / "feed.csv", f"title,text\nOne,{TEXTS[1]}\n".encode(), 1_500_000_000,
                  f"\nThree,{TEXTS[3]}\n".encode())
    run = ingest(tmp_path, feed)
    assert run.code == 0
    assert run.problems == [f"{feed}:3: error: line over the limit of 10,000,000 bytes per "
                            "record; skipped"]
    assert stored_titles(tmp_path) == ["One", "Three"]
    assert_bounded(run)


# --- NUL bytes, deep markup, warcio's warnings ---------------------------------------------------


def test_a_csv_with_nul_bytes_keeps_its_rows(tmp_path: Path) -> None:
    feed = tmp_path / "feed.csv"
    feed.write_bytes(f"title,text\nOne,{TEXTS[1]}\nT\x00wo,{TEXTS[2]}\x00\nThree,{TEXTS[3]}\n"
                     .encode())
    run = ingest(tmp_path, feed)
    assert run.code == 0
    assert run.problems == [f"{feed}:3: warning: NUL bytes removed from this line"]
    assert stored_titles(tmp_path) == ["One", "Three", "Two"]
    assert_bounded(run)


def test_a_page_nested_5000_deep_is_read(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><head><title>Deep story</title></head><body>" + "<div>" * 5000
                    + f"<p>{TEXT}</p><p>{TEXT}</p>" + "</div>" * 5000 + "</body></html>")
    run = ingest(tmp_path, page)
    assert (run.code, run.problems) == (0, [])
    assert stored_titles(tmp_path) == ["Deep story"]
    assert_bounded(run)


def test_warcio_s_warnings_are_problem_lines_not_stderr_noise(tmp_path: Path) -> None:
    record = warc_member(1, gz=False)
    length = int(record.split(b"Content-Length: ")[1].split(b"\r\n")[0])
    short = record.replace(b"Content-Length: %d" % length, b"Content-Length: %d" % (length - 5))
    archive = tmp_path / "short.warc"
    archive.write_bytes(short + warc_member(2, gz=False))
    run = ingest(tmp_path, archive)
    assert run.code == 0
    assert "Record not followed by newline" not in run.stderr  # warcio's own text
    assert run.problems == [f"{archive}: warning: record at offset 0: the record does not end "
                            "where its Content-Length says (no blank line after it)"]
    assert stored_titles(tmp_path) == ["Story 1", "Story 2"]
    assert_bounded(run)
