"""Every reader on arbitrary input (issue #13, fuzzing): only Articles and Problems come out.

A reader may refuse a whole file with ``InputError`` (the edge in ``inputs.read_target`` turns it
into the file's problem line); any other exception is a bug, and so is the catch-all problem
"unreadable … file" that ``read_target`` reports for one. Inputs are arbitrary bytes, and text
shaped like each format (JSON values, CSV rows, tag soup, web archives with bytes flipped, cut
or inserted) so that the parsers get past their first line. Small caps are mixed in so that the
capped paths are fuzzed too. Examples are kept few enough for the file to run in well under a
minute.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.csvfile import read_csv_file
from newsevents.ingest.dateline import parse_date, parse_dateline
from newsevents.ingest.html import read_html_file
from newsevents.ingest.inputs import iter_inputs
from newsevents.ingest.records import read_json_file, read_jsonl_file, read_jsonl_stream
from newsevents.ingest.text import read_text_file
from newsevents.ingest.warc import read_warc_file
from newsevents.models import Article, Problem

Reader = Callable[[str, Settings], Iterator[Article | Problem]]
CAPS = st.sampled_from([Settings(), Settings(max_record_bytes=40, max_header_bytes=120,
                                             max_html_bytes=300, max_json_bytes=200)])
FUZZ = settings(max_examples=200, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(FUZZ, max_examples=100)  # trafilatura is slower: up to ~20 ms a page


def read_bytes_as(reader: Reader, suffix: str, data: bytes, caps: Settings) -> None:
    """Write ``data`` to a file and read it; fails on anything but Articles, Problems and the
    reader's InputError, and on the edge's catch-all problem."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"input{suffix}"
        path.write_bytes(data)
        try:
            items = list(reader(str(path), caps))
        except InputError:
            items = []
        assert all(isinstance(item, Article | Problem) for item in items)
        assert all(isinstance(item, Problem) and "\n" not in str(item) or
                   isinstance(item, Article) for item in items)
        edge = [p for p in iter_inputs([str(path)], settings=caps) if isinstance(p, Problem)]
        assert not [p for p in edge if p.message.startswith(f"unreadable {suffix} file")], edge


# --- plain text, JSON, JSON Lines ---------------------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=60),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.sampled_from(["text", "id", "title", "url", "published", "source",
                                       "outlet", "x"]), children, max_size=6),
    max_leaves=12)


@FUZZ
@given(st.binary(max_size=2000), CAPS)
def test_text_reader_on_bytes(data: bytes, caps: Settings) -> None:
    read_bytes_as(read_text_file, ".txt", data, caps)


@FUZZ
@given(st.binary(max_size=2000), CAPS)
def test_jsonl_reader_on_bytes(data: bytes, caps: Settings) -> None:
    read_bytes_as(read_jsonl_file, ".jsonl", data, caps)


@FUZZ
@given(st.lists(json_values, max_size=6), st.sampled_from(["\n", "\r\n", "\n\x00"]), CAPS)
def test_jsonl_reader_on_json_values(values: list[object], end: str, caps: Settings) -> None:
    data = end.join(json.dumps(value) for value in values).encode("utf-8", "surrogatepass")
    read_bytes_as(read_jsonl_file, ".jsonl", data, caps)


@FUZZ
@given(st.text(max_size=600), CAPS)
def test_jsonl_stream_on_text(text: str, caps: Settings) -> None:
    items = list(read_jsonl_stream(io.StringIO(text), caps))
    assert all(isinstance(item, Article | Problem) for item in items)


@FUZZ
@given(json_values.map(lambda value: json.dumps(value).encode()) | st.binary(max_size=1000), CAPS)
def test_json_reader_on_values_and_bytes(data: bytes, caps: Settings) -> None:
    read_bytes_as(read_json_file, ".json", data, caps)


# --- CSV ----------------------------------------------------------------------------------------

cells = st.text(st.characters(codec="utf-8"), max_size=80) | st.sampled_from(
    ['"', '""', "\x00", "\r", "\n", ",", "text", "\r\n"])


@FUZZ
@given(st.binary(max_size=2000), CAPS)
def test_csv_reader_on_bytes(data: bytes, caps: Settings) -> None:
    read_bytes_as(read_csv_file, ".csv", b"title,text\n" + data, caps)


@FUZZ
@given(st.lists(st.lists(cells, min_size=1, max_size=4), max_size=8),
       st.sampled_from(["title,text", "text", "id,TEXT,url,published"]),
       st.booleans(), CAPS)
def test_csv_reader_on_rows(rows: list[list[str]], header: str, quote_all: bool,
                            caps: Settings) -> None:
    out = io.StringIO()
    writer = csv.writer(out, quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
    writer.writerows(rows)
    text = f"{header}\n{out.getvalue()}"
    read_bytes_as(read_csv_file, ".csv", text.encode("utf-8", "surrogatepass"), caps)


@FUZZ
@given(st.text(max_size=600), CAPS)
def test_csv_reader_on_raw_text(text: str, caps: Settings) -> None:
    data = ("title,text\n" + text).encode("utf-8", "surrogatepass")
    read_bytes_as(read_csv_file, ".csv", data, caps)


# --- HTML ---------------------------------------------------------------------------------------

TAGS = ["<html>", "</html>", "<head>", "<title>", "</title>", "<body>", "<div>", "</div>", "<p>",
        "</p>", "<table><tr><td>", "</td></tr></table>", "<script>", "</script>", "<!--", "-->",
        "<meta charset='latin-1'>", "<br/>", "<![CDATA[", "]]>", "&amp;", "&#x1F600;", "&#0;",
        "<article>", "</article>", "<?xml version='1.0'?>", "<!DOCTYPE html>", "<svg><g>"]
tag_soup = st.lists(st.sampled_from(TAGS) | st.text(max_size=40)
                    | st.just("Russia rejected the plan on Monday, officials in Moscow said. "),
                    max_size=40).map("".join)


@FEW
@given(st.binary(max_size=1500), CAPS)
def test_html_reader_on_bytes(data: bytes, caps: Settings) -> None:
    read_bytes_as(read_html_file, ".html", data, caps)


@FEW
@given(tag_soup, st.integers(min_value=0, max_value=400), CAPS)
def test_html_reader_on_tag_soup(soup: str, depth: int, caps: Settings) -> None:
    page = "<div>" * depth + soup + "</div>" * (depth // 2)
    read_bytes_as(read_html_file, ".html", page.encode("utf-8", "surrogatepass"), caps)


# --- web archives -------------------------------------------------------------------------------


def _archive(gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for i, extra in enumerate([(), (("Content-Encoding", "gzip"),),
                               (("Transfer-Encoding", "chunked"),)]):
        body = (f"<html><title>Story {i}</title><p>Russia rejected plan {i} on Monday, officials "
                "in Moscow said after long talks with Turkey in Ankara.</p></html>").encode()
        if extra and extra[0][0] == "Content-Encoding":
            body = gzip.compress(body)
        elif extra:
            body = b"%x\r\n%s\r\n0\r\n\r\n" % (len(body), body)
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html"), *extra],
                                protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(
            f"http://example.org/{i}", "response", payload=io.BytesIO(body), http_headers=http))
    return out.getvalue()


ARCHIVES = {False: _archive(False), True: _archive(True)}
edits = st.lists(st.tuples(st.sampled_from(["flip", "cut", "insert", "truncate"]),
                           st.floats(min_value=0, max_value=1), st.binary(min_size=1, max_size=8)),
                 min_size=1, max_size=4)


def mutate(data: bytes, changes: list[tuple[str, float, bytes]]) -> bytes:
    for kind, where, noise in changes:
        at = int(where * len(data))
        if kind == "flip":
            data = data[:at] + noise + data[at + len(noise):]
        elif kind == "cut":
            data = data[:at] + data[at + len(noise) * 8:]
        elif kind == "insert":
            data = data[:at] + noise + data[at:]
        else:
            data = data[:at]
    return data


@FEW
@given(st.booleans(), edits, CAPS)
def test_warc_reader_on_damaged_archives(gz: bool, changes: list[tuple[str, float, bytes]],
                                         caps: Settings) -> None:
    suffix = ".warc.gz" if gz else ".warc"
    read_bytes_as(read_warc_file, suffix, mutate(ARCHIVES[gz], changes), caps)


@FEW
@given(st.binary(max_size=1500), st.booleans(), CAPS)
def test_warc_reader_on_bytes(data: bytes, gz: bool, caps: Settings) -> None:
    read_bytes_as(read_warc_file, ".warc.gz" if gz else ".warc",
                  gzip.compress(data) if gz else data, caps)


def test_the_archives_the_fuzzer_damages_read_whole() -> None:
    """The starting point is good: every page of both archives is read, without a problem."""
    for gz, data in ARCHIVES.items():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / ("a.warc.gz" if gz else "a.warc")
            path.write_bytes(data)
            items = list(read_warc_file(str(path), Settings()))
        assert [type(item) for item in items] == [Article] * 3


# --- datelines ----------------------------------------------------------------------------------

dateline_text = st.lists(st.sampled_from(
    ["July", "13", "2011", "Mon", ",", " ", "(Reuters)", "-", "—", "TRIPOLI", "Libya", "|",
     "9:01", "am", "EDT", "05/02/2021", "2020.10.23", "Posted", "at", "(KHARTOUM)", "\n"])
    | st.text(max_size=10), max_size=30).map("".join)


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=400) | dateline_text, st.none() | st.integers(1, 9999))
def test_dateline_parser_on_text(text: str, year: int | None) -> None:
    found = parse_dateline(text, year)
    assert found is None or 0 <= found.end <= len(text)
    parse_date(text, year)


@pytest.mark.parametrize("text", ["July 13", "Feb 29", "13 July", "Friday 05/02/2021"])
@pytest.mark.parametrize("year", [1, 9999, None])
def test_dateline_parser_at_the_ends_of_the_calendar(text: str, year: int | None) -> None:
    parse_dateline(text, year)
