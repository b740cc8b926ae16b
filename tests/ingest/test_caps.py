"""Every reader reads at most its cap: a file, a line or a row over it is a problem that names the
cap, and the reader goes on with the next record (issue #13: bombs)."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.csvfile import read_csv_file
from newsevents.ingest.inputs import iter_inputs
from newsevents.ingest.limits import BodyError, capped_lines, inflate
from newsevents.ingest.records import read_json_file, read_jsonl_file, read_jsonl_stream
from newsevents.ingest.text import read_text_file
from newsevents.models import Article, Problem, Severity

SMALL = Settings(max_record_bytes=1_000, max_json_bytes=2_000)
TEXT = "Russia rejected the plan on Monday, officials in Moscow said."


def _split(items: list[Article | Problem]) -> tuple[list[Article], list[Problem]]:
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


def _record(i: int, text: str = TEXT) -> str:
    return json.dumps({"id": f"r{i}", "text": text})


@pytest.mark.parametrize(("data", "expected"), [
    (b"a\nbb\nccc", [b"a\n", b"bb\n", b"ccc"]),
    (b"abcd\nabcde\nab\n", [b"abcd\n", None, b"ab\n"]),
    (b"abcde", [None]),
    (b"x" * 5000 + b"\nok\n", [None, b"ok\n"]),
])
def test_capped_lines_give_none_for_a_line_over_the_cap(
        data: bytes, expected: list[bytes | None]) -> None:
    assert list(capped_lines(io.BytesIO(data), 4)) == expected


def test_a_text_file_over_the_cap_is_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as out:
        out.truncate(3_000_000_000)  # sparse: nothing is written, nothing may be read
    [problem] = list(iter_inputs([str(path)]))
    assert isinstance(problem, Problem)
    assert problem.message == ("file too large: 3,000,000,000 bytes, over the limit of "
                               "64,000,000 bytes per article")


def test_a_text_file_of_known_size_may_exceed_the_record_cap(tmp_path: Path) -> None:
    """A page is held to ``max_text_bytes`` (coded in parts), a line or row to the record cap."""
    caps = Settings(max_record_bytes=1_000, max_text_bytes=5_000)
    path = tmp_path / "page.txt"
    path.write_text((TEXT + "\n\n") * (3_000 // (len(TEXT) + 2)))
    articles, problems = _split(list(read_text_file(str(path), caps)))
    assert len(articles) == 1 and not problems and len(articles[0].text) > 2_000
    path.write_text((TEXT + "\n\n") * (6_000 // (len(TEXT) + 2)))
    with pytest.raises(InputError, match="over the limit of 5,000 bytes per article"):
        list(read_text_file(str(path), caps))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_an_endless_file_is_read_up_to_the_cap_only() -> None:
    with pytest.raises(InputError, match="over the limit of 1,000 bytes per article"):
        list(read_text_file("/dev/zero", SMALL))  # without the cap: never returns


def test_a_text_file_at_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.txt"
    body = (TEXT + "\n\n") * (SMALL.max_record_bytes // (len(TEXT) + 2))
    path.write_text(body[: SMALL.max_record_bytes])
    articles, problems = _split(list(read_text_file(str(path), SMALL)))
    assert len(articles) == 1 and not problems


def test_a_jsonl_line_over_the_cap_is_a_problem_and_the_next_line_is_read(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join([_record(1), _record(2, "x" * 5_000), _record(3)]) + "\n")
    articles, problems = _split(list(read_jsonl_file(str(path), SMALL)))
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [(p.line, p.message) for p in problems] == [
        (2, "line over the limit of 1,000 bytes per record; skipped")]


def test_a_jsonl_line_with_nul_bytes_is_a_problem_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_bytes(f"{_record(1)}\n\x00\x00{_record(2)}\n{_record(3)}\n".encode())
    articles, problems = _split(list(read_jsonl_file(str(path), Settings())))
    assert [a.id for a in articles] == ["r1", "r3"]
    assert [(p.line, p.message.split(":")[0]) for p in problems] == [(2, "invalid JSON")]


def test_stdin_lines_are_capped_too() -> None:
    stdin = io.StringIO("\n".join([_record(1, "y" * 5_000), _record(2)]) + "\n")
    articles, problems = _split(list(read_jsonl_stream(stdin, SMALL)))
    assert [a.id for a in articles] == ["r2"] and [p.line for p in problems] == [1]


def test_a_json_file_over_its_cap_says_so(tmp_path: Path) -> None:
    path = tmp_path / "feed.json"
    path.write_text(json.dumps([{"text": TEXT}] * 100))
    with pytest.raises(InputError, match="over the limit of 2,000 bytes per .json file"):
        list(read_json_file(str(path), SMALL))


def _csv(path: Path, rows: list[tuple[str, str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(["title", "text"])
        writer.writerows(rows)
    return path


def test_a_csv_row_over_the_cap_is_a_problem_and_the_next_row_is_read(tmp_path: Path) -> None:
    path = _csv(tmp_path / "feed.csv", [("One", TEXT), ("Two", "z" * 5_000), ("Three", TEXT)])
    articles, problems = _split(list(read_csv_file(str(path), SMALL)))
    assert [a.title for a in articles] == ["One", "Three"]
    assert [(p.line, p.message) for p in problems] == [
        (3, "line over the limit of 1,000 bytes per record; skipped")]


def test_a_quoted_csv_row_over_the_cap_is_a_problem_on_its_first_line(tmp_path: Path) -> None:
    long_text = "\n".join([TEXT] * 30)  # 30 short lines, one field of ~1,900 bytes
    path = _csv(tmp_path / "feed.csv", [("One", TEXT), ("Two", long_text), ("Three", TEXT)])
    articles, problems = _split(list(read_csv_file(str(path), SMALL)))
    assert [a.title for a in articles] == ["One", "Three"]  # no row made of the field's lines
    assert [(p.line, p.message) for p in problems] == [
        (3, "row over the limit of 1,000 bytes per record; skipped")]


def test_a_csv_field_over_csv_s_own_128_kib_limit_is_read(tmp_path: Path) -> None:
    text = (TEXT + "\n\n") * 3_000  # ~190,000 characters: csv's default limit is 131,072
    path = _csv(tmp_path / "feed.csv", [("Long", text)])
    articles, problems = _split(list(read_csv_file(str(path), Settings())))
    assert [a.title for a in articles] == ["Long"] and not problems
    assert csv.field_size_limit() == 131_072  # the process-wide limit is left as it was


def test_a_csv_with_nul_bytes_reads_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(b"title,text\n"
                     b"One,Russia rejected the plan on Monday.\n"
                     b"Tw\x00o,Turkey hosted \x00talks with Iran on Tuesday.\n"
                     b"Three,Egypt rejected the proposal on Friday.\n")
    articles, problems = _split(list(iter_inputs([str(path)])))
    assert [a.title for a in articles] == ["One", "Two", "Three"]
    assert articles[1].text == "Turkey hosted talks with Iran on Tuesday."
    assert [(p.line, p.message, p.severity) for p in problems] == [
        (3, "NUL bytes removed from this line", Severity.WARNING)]


def test_a_csv_padded_with_nul_bytes_reads_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_bytes(b"title,text\nOne,Russia rejected the plan on Monday.\n" + b"\x00" * 20_000)
    articles, problems = _split(list(iter_inputs([str(path)])))
    assert [a.title for a in articles] == ["One"]
    assert [(p.line, p.severity) for p in problems] == [(3, Severity.WARNING)]


@pytest.mark.parametrize("data", [b"\x00" * 100, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x01\x02"])
def test_a_binary_file_named_csv_is_still_called_binary(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "image.csv"
    path.write_bytes(data)
    assert [p.message for p in iter_inputs([str(path)])] == ["binary file, not text"]


def test_a_cp1252_csv_is_read_with_one_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    rows = "title,text\nOne,He said \u201cno\u201d on Monday.\nTwo,She said \u201cyes\u201d.\n"
    path.write_bytes(rows.encode("cp1252"))
    articles, problems = _split(list(iter_inputs([str(path)])))
    assert [a.text for a in articles] == ["He said \u201cno\u201d on Monday.",
                                          "She said \u201cyes\u201d."]
    assert [(p.line, p.severity) for p in problems] == [(2, Severity.WARNING)]


def test_a_gzip_body_is_inflated_up_to_its_cap_only() -> None:
    import zlib

    bomb = zlib.compress(b"\x00" * 10_000_000, wbits=31)
    with pytest.raises(BodyError, match="inflates over the limit of 1,000 bytes per page"):
        inflate(bomb, "gzip", 1_000)
    assert inflate(zlib.compress(b"<p>hi</p>", wbits=31), "gzip", 1_000) == b"<p>hi</p>"
    assert inflate(b"<p>not compressed</p>", "gzip", 1_000) == b"<p>not compressed</p>"
