"""Web archives that used to end with "0 problems" and no word why (issue #13)."""

from __future__ import annotations

import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

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
