"""JSONL, JSON and CSV records: fields, dates, and per-line problems."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.csvfile import read_csv_file
from newsevents.ingest.records import (
    parse_published,
    read_json_file,
    read_json_lines,
    read_jsonl_file,
    read_jsonl_stream,
)
from newsevents.models import Article, DateSource, Problem, Severity

DATA = Path(__file__).parent / "data"


def articles(items: list[Article | Problem]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def problems(items: list[Article | Problem]) -> list[Problem]:
    return [item for item in items if isinstance(item, Problem)]


@pytest.fixture(scope="module")
def jsonl() -> list[Article | Problem]:
    return list(read_jsonl_file(str(DATA / "records.jsonl"), Settings()))


def test_read_jsonl_file_reads_good_lines(jsonl: list[Article | Problem]) -> None:
    assert [article.id for article in articles(jsonl)][0::2] == ["r1", "r5"]


def test_read_jsonl_file_reports_broken_line_with_number(jsonl: list[Article | Problem]) -> None:
    broken = problems(jsonl)[0]
    assert (broken.line, broken.message.split(" (")[0]) == (
        3,
        "invalid JSON: Expecting ',' delimiter",
    )


def test_read_jsonl_file_reports_record_without_text(jsonl: list[Article | Problem]) -> None:
    assert problems(jsonl)[1] == Problem(str(DATA / "records.jsonl"), "record has no 'text'", 5)


def test_read_jsonl_file_keeps_record_fields(jsonl: list[Article | Problem]) -> None:
    first = articles(jsonl)[0]
    assert (first.title, first.source, first.published_source) == (
        "Envoys resume ceasefire talks",
        "AFP",
        DateSource.METADATA,
    )


def test_read_jsonl_file_drops_title_repeated_in_text(jsonl: list[Article | Problem]) -> None:
    assert articles(jsonl)[0].text.startswith("Envoys from both sides")


def test_read_jsonl_file_dates_from_url_without_published(jsonl: list[Article | Problem]) -> None:
    second = articles(jsonl)[1]
    assert (second.published and second.published.iso(), second.published_source) == (
        "2019-03-05",
        DateSource.URL,
    )


def test_read_jsonl_file_hashes_id_from_url_without_id(jsonl: list[Article | Problem]) -> None:
    second = articles(jsonl)[1]
    assert len(second.id) == 16 and "Advertisement" not in second.text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2011", "2011"),
        ("2011-07", "2011-07"),
        ("2011-07-13", "2011-07-13"),
        ("2011-07-13T10:05:00Z", "2011-07-13"),
        ("2011-07-13 10:05:00+03:00", "2011-07-13"),
        (2011, "2011"),
        ("2011-02-30", None),
        ("13 July 2011", None),
        ("2011-07T10:00", None),
        ("yesterday", None),
    ],
)
def test_parse_published_keeps_precision_of_form(value: object, expected: str | None) -> None:
    found = parse_published(value)
    assert (found.iso() if found else None) == expected


def test_record_with_bad_published_warns_and_keeps_article() -> None:
    items = list(
        read_json_lines("s.jsonl", [(1, '{"text": "Talks resumed.", "published": "soon"}')])
    )
    assert [type(item) for item in items] == [Problem, Article]
    assert isinstance(items[0], Problem) and items[0].severity is Severity.WARNING


def test_read_jsonl_stream_reads_stdin() -> None:
    items = list(read_jsonl_stream(io.StringIO('{"id": "s1", "text": "Talks resumed."}\n')))
    assert [(item.id, item.path) for item in articles(items)] == [("s1", "<stdin>")]


def test_read_jsonl_file_warns_on_cp1252_line(tmp_path: Path) -> None:
    path = tmp_path / "old.jsonl"
    path.write_bytes('{"text": "The minister said \u201cno\u201d."}\n'.encode("cp1252"))
    items = list(read_jsonl_file(str(path), Settings()))
    assert [(type(item), getattr(item, "line", None)) for item in items] == [
        (Problem, 1),
        (Article, None),
    ]


def test_read_csv_file_reads_rows_with_line_numbers() -> None:
    items = list(read_csv_file(str(DATA / "records.csv"), Settings()))
    assert [
        (type(item).__name__, getattr(item, "id", getattr(item, "line", None))) for item in items
    ] == [
        ("Article", "c1"),
        ("Problem", 5),
        ("Article", "c3"),
    ]


def test_read_csv_file_keeps_multiline_text() -> None:
    first = articles(list(read_csv_file(str(DATA / "records.csv"), Settings())))[0]
    assert first.text.count("\n\n") == 1


def test_read_csv_file_requires_text_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("id,body\n1,Talks resumed.\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column"):
        list(read_csv_file(str(path), Settings()))


def test_read_json_file_reads_array_items() -> None:
    items = list(read_json_file(str(DATA / "records.json"), Settings()))
    assert [getattr(item, "id", None) or item.message for item in items] == [  # type: ignore[union-attr]
        "j1",
        "item 2: record has no 'text'",
        "item 3: expected a JSON object, got str",
    ]


def test_read_json_file_reads_single_object(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    path.write_text('{"id": "o1", "text": "Talks resumed."}', encoding="utf-8")
    assert [article.id for article in articles(list(read_json_file(str(path), Settings())))] == [
        "o1"
    ]


def test_read_json_file_reads_json_lines_named_json(tmp_path: Path) -> None:
    path = tmp_path / "lines.json"
    path.write_text(
        '{"id": "l1", "text": "One."}\n{"id": "l2", "text": "Two."}\n', encoding="utf-8"
    )
    found = articles(list(read_json_file(str(path), Settings())))
    assert [article.id for article in found] == ["l1", "l2"]


@given(st.lists(st.text(), max_size=5))
def test_read_json_lines_never_raises(lines: list[str]) -> None:
    numbered = list(enumerate(lines, start=1))
    assert all(isinstance(item, Article | Problem) for item in read_json_lines("x.jsonl", numbered))


@given(
    st.dictionaries(
        st.sampled_from(["id", "url", "title", "published", "source", "text"]),
        st.text() | st.integers() | st.none(),
    )
)
def test_read_json_lines_never_raises_on_records(record: dict[str, object]) -> None:
    line = json.dumps(record)
    assert all(
        isinstance(item, Article | Problem) for item in read_json_lines("x.jsonl", [(1, line)])
    )
