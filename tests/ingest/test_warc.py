"""The WARC reader on a small archive written in the test with warcio."""

from __future__ import annotations

import gzip
from io import BytesIO
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.warc import read_warc_file
from newsevents.models import Article, DateSource, Problem

PAGE = """<html><head><title>{title}</title></head><body><article><h1>{title}</h1>
<p>{first}</p><p>The statement was read out on state television late in the evening, and
officials said further details would follow in the coming days.</p></article></body></html>"""

PAGES = [
    (
        "https://news.example.org/2016/03/30/envoy-arrives",
        "Envoy arrives in the capital by sea",
        "The envoy arrived in the capital by boat on Wednesday after the airport was closed to "
        "civilian flights for a second week.",
    ),
    (
        "https://news.example.org/world/ceasefire-holds",
        "Ceasefire holds on second day",
        "A ceasefire between the two armed groups held for a second day on Thursday, residents "
        "of the southern districts said by telephone.",
    ),
]


def response(writer: WARCWriter, uri: str, body: bytes, content_type: str) -> None:
    headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
    record = writer.create_warc_record(
        uri,
        "response",
        payload=BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": "2021-05-20T08:00:00Z"},
    )
    writer.write_record(record)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("warc") / "crawl.warc.gz"
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for uri, title, first in PAGES:
            html = PAGE.format(title=title, first=first).encode("utf-8")
            response(writer, uri, html, "text/html; charset=utf-8")
        response(writer, "https://news.example.org/logo.png", b"\x89PNG\r\n\x1a\n", "image/png")
    return path


@pytest.fixture(scope="module")
def items(archive: Path) -> list[Article | Problem]:
    return list(read_warc_file(str(archive), Settings()))


def test_read_warc_file_reads_html_responses_only(items: list[Article | Problem]) -> None:
    assert [(type(item), getattr(item, "title", None)) for item in items] == [
        (Article, PAGES[0][1]),
        (Article, PAGES[1][1]),
    ]


def test_read_warc_file_takes_target_uri_as_url(items: list[Article | Problem]) -> None:
    assert [getattr(item, "url", None) for item in items] == [PAGES[0][0], PAGES[1][0]]


@pytest.mark.parametrize(
    ("index", "expected"),
    [(0, ("2016-03-30", DateSource.URL)), (1, ("2021-05-20", DateSource.METADATA))],
)
def test_read_warc_file_falls_back_to_url_then_warc_date(
    items: list[Article | Problem], index: int, expected: tuple[str, DateSource]
) -> None:
    article = items[index]
    assert isinstance(article, Article) and article.published
    assert (article.published.iso(), article.published_source) == expected


def test_read_warc_file_reports_broken_record_after_good_ones(
    archive: Path, tmp_path: Path
) -> None:
    data = archive.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(data + gzip.compress(b"this is not a WARC record\r\n\r\n"))
    found = list(read_warc_file(str(broken), Settings()))
    assert [type(item) for item in found] == [Article, Article, Problem]


def test_read_warc_file_refuses_empty_file(tmp_path: Path) -> None:
    path = tmp_path / "empty.warc"
    path.write_bytes(b"")
    with pytest.raises(InputError, match="empty file"):
        list(read_warc_file(str(path), Settings()))


def test_read_warc_file_reports_file_that_is_no_archive(tmp_path: Path) -> None:
    path = tmp_path / "page.warc"
    path.write_bytes(b"<html><body>not an archive</body></html>")
    found = list(read_warc_file(str(path), Settings()))
    assert [type(item) for item in found] == [Problem]
    assert found[0].message.startswith("broken WARC record")  # type: ignore[union-attr]


def test_read_warc_file_streams_with_flat_memory(tmp_path: Path) -> None:
    """A large archive is read record by record: what our reader allocates is not kept.

    (trafilatura keeps bounded LRU caches of 1024 strings of its own; they stop growing once
    full, so a multi-GB crawl reads in flat memory too. This archive is small for speed.)
    """
    import tracemalloc

    path = tmp_path / "big.warc"
    filler = " ".join(f"Paragraph {n} of the regional report on rainfall and harvests." for n in
                      range(400))
    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=False)
        for n in range(300):
            html = PAGE.format(title=f"Report {n}", first=f"Item {n}. {filler}").encode()
            response(writer, f"https://news.example.org/reports/{n}", html, "text/html")
    tracemalloc.start()
    count = sum(1 for item in read_warc_file(str(path), Settings()) if isinstance(item, Article))
    ours = tracemalloc.take_snapshot().filter_traces(
        [tracemalloc.Filter(True, "*newsevents/ingest/*")])
    tracemalloc.stop()
    retained = sum(stat.size for stat in ours.statistics("filename"))
    assert count == 300
    assert retained < path.stat().st_size / 50, f"{retained} bytes kept by the reader"
