"""PLOVER JSON records and CAMEO TSV rows: fields, column order, compound actors, writers."""

from __future__ import annotations

import datetime as dt
import io
import json
from dataclasses import replace
from pathlib import Path

import pytest

from newsevents.errors import DataFileError
from newsevents.export import (
    CAMEO_TSV_COLUMNS,
    EVENT_COLUMNS,
    GOLDSTEIN_PATH,
    PLOVER_COLUMNS,
    cameo_rows,
    event_row,
    load_goldstein,
    plover_record,
    write_cameo_parquet,
    write_cameo_tsv,
    write_event_csv,
    write_event_parquet,
    write_plover_jsonl,
)
from newsevents.models import Actor, Article, DateValue, Event, Location, Precision

RUSSIA = Actor("Russia", "RUS", "GOV", "Russia")
CHINA = Actor("Beijing", "CHN", None, "China")
UN = Actor("the Security Council", "UNO", None, "United Nations Security Council")
SYRIA = Actor("Damascus", "SYR", "GOV", None)
ARTICLE = Article(
    "a1",
    "Russia vetoed the draft.",
    title="Russia vetoes resolution",
    url="https://example.org/veto",
    source="Example News",
    published=DateValue(dt.date(2011, 10, 5)),
)
EVENT = Event(
    event_id="a1-e0",
    article_id="a1",
    type="REJECT",
    mode=None,
    cameo="1822",
    quad_class=3,
    intensity=-2.0,
    actors=(RUSSIA,),
    recipients=(UN,),
    trigger="vetoed",
    sentence="Russia vetoed\tthe draft\non Tuesday.",
    sentence_index=0,
    char_start=7,
    char_end=13,
    date=DateValue(dt.date(2011, 10, 4)),
    location=Location("New York", "USA"),
    confidence=0.8,
    contexts=("diplomatic",),
)


def test_plover_record_fields_in_documented_order() -> None:
    assert tuple(plover_record(EVENT, ARTICLE)) == PLOVER_COLUMNS


def test_plover_record_values() -> None:
    record = plover_record(EVENT, ARTICLE)
    assert record["event_date"] == "2011-10-04"
    assert record["date_precision"] == "day"
    assert (record["event_type"], record["event_mode"], record["contexts"]) == (
        "REJECT",
        None,
        ["diplomatic"],
    )
    assert [record[f"actor_{f}"] for f in ("name", "country", "sector", "text")] == [
        "Russia",
        "RUS",
        "GOV",
        "Russia",
    ]
    assert record["recipients"] == [UN.to_json()]
    assert record["recipient_name"] == "United Nations Security Council"
    assert record["location"] == {"name": "New York", "country": "USA"}
    assert (record["article_title"], record["source"], record["published"]) == (
        "Russia vetoes resolution",
        "Example News",
        "2011-10-05",
    )


def test_plover_record_first_actor_flattened_all_listed() -> None:
    record = plover_record(replace(EVENT, actors=(RUSSIA, CHINA)), ARTICLE)
    assert record["actor_country"] == "RUS"
    assert [actor["code"] for actor in record["actors"]] == ["RUS", "CHN"]


def test_plover_record_keeps_date_precision() -> None:
    month = DateValue(dt.date(2011, 10, 1), Precision.MONTH)
    record = plover_record(replace(EVENT, date=month), ARTICLE)
    assert (record["event_date"], record["date_precision"]) == ("2011-10", "month")


def test_plover_record_without_article_actors_or_date() -> None:
    bare = replace(EVENT, actors=(), recipients=(), date=None, location=None)
    record = plover_record(bare, None)
    assert record["article_id"] == "a1"
    assert record["actors"] == [] and record["actor_name"] is None
    for field in ("event_date", "date_precision", "location", "article_url", "published"):
        assert record[field] is None


def test_cameo_row_columns_in_gdelt_order() -> None:
    (row,) = cameo_rows(EVENT, ARTICLE)
    assert tuple(row) == CAMEO_TSV_COLUMNS


def test_cameo_row_values() -> None:
    (row,) = cameo_rows(EVENT, ARTICLE)
    assert row["GLOBALEVENTID"] == "a1-e0"
    assert (row["SQLDATE"], row["MonthYear"], row["Year"]) == (20111004, 201110, 2011)
    assert row["FractionDate"] == pytest.approx(2011 + 276 / 365, abs=1e-4)
    assert (row["Actor1Code"], row["Actor1Name"], row["Actor1CountryCode"]) == (
        "RUSGOV",
        "Russia",
        "RUS",
    )
    assert (row["Actor2Code"], row["Actor2Type1Code"]) == ("UNO", None)
    assert (row["EventCode"], row["EventBaseCode"], row["EventRootCode"]) == ("1822", "182", "18")
    assert (row["QuadClass"], row["GoldsteinScale"], row["IsRootEvent"]) == (3, -9.0, 1)
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (1, 1, 1)
    assert (row["ActionGeo_FullName"], row["ActionGeo_CountryCode"]) == ("New York", "USA")
    assert (row["DATEADDED"], row["SOURCEURL"]) == (20111005, "https://example.org/veto")
    assert (row["PLOVERType"], row["PLOVERMode"]) == ("REJECT", None)


def test_cameo_row_coarse_date_uses_first_day() -> None:
    week = DateValue.parse("2011-W40")
    (row,) = cameo_rows(replace(EVENT, date=week), ARTICLE)
    assert row["SQLDATE"] == 20111003


def test_cameo_row_name_falls_back_to_span_and_not_root_event() -> None:
    event = replace(EVENT, actors=(SYRIA,), sentence_index=3)
    (row,) = cameo_rows(event, None)
    assert (row["Actor1Name"], row["IsRootEvent"], row["SOURCEURL"]) == ("Damascus", 0, None)


def test_cameo_rows_compound_actors_one_row_per_pair() -> None:
    event = replace(EVENT, actors=(RUSSIA, CHINA), recipients=(UN, SYRIA))
    rows = cameo_rows(event, ARTICLE)
    assert [row["GLOBALEVENTID"] for row in rows] == [f"a1-e0-{n}" for n in (1, 2, 3, 4)]
    pairs = [(row["Actor1CountryCode"], row["Actor2CountryCode"]) for row in rows]
    assert pairs == [("RUS", "UNO"), ("RUS", "SYR"), ("CHN", "UNO"), ("CHN", "SYR")]


def test_cameo_rows_missing_recipient_leaves_actor2_empty() -> None:
    (row,) = cameo_rows(replace(EVENT, recipients=()), ARTICLE)
    assert [row[f"Actor2{c}"] for c in ("Code", "Name", "CountryCode", "Type1Code")] == [None] * 4


def test_cameo_rows_unknown_root_has_no_goldstein() -> None:
    (row,) = cameo_rows(replace(EVENT, cameo="999"), ARTICLE)
    assert row["GoldsteinScale"] is None


def test_write_cameo_tsv_header_and_clean_cells() -> None:
    out = io.StringIO()
    count = write_cameo_tsv(cameo_rows(EVENT, ARTICLE), out)
    header, line = out.getvalue().splitlines()
    assert count == 1
    assert header.split("\t") == list(CAMEO_TSV_COLUMNS)
    cells = dict(zip(CAMEO_TSV_COLUMNS, line.split("\t"), strict=True))
    assert cells["Sentence"] == "Russia vetoed the draft on Tuesday."
    assert (cells["Actor2Type1Code"], cells["GoldsteinScale"]) == ("", "-9.0")


def test_write_plover_jsonl_one_record_per_line() -> None:
    out = io.StringIO()
    records = [plover_record(EVENT, ARTICLE), plover_record(EVENT, None)]
    assert write_plover_jsonl(records, out) == 2
    assert [json.loads(line) for line in out.getvalue().splitlines()] == records


def test_write_parquet_columns(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    write_event_parquet([event_row(EVENT, ARTICLE)], tmp_path / "events.parquet")
    write_cameo_parquet(cameo_rows(EVENT, ARTICLE), tmp_path / "cameo.parquet")
    events = pq.read_table(tmp_path / "events.parquet")
    cameo = pq.read_table(tmp_path / "cameo.parquet")
    assert tuple(events.column_names) == EVENT_COLUMNS
    assert tuple(cameo.column_names) == CAMEO_TSV_COLUMNS
    assert events.column("actor_code")[0].as_py() == "RUS"


def test_event_row_columns_in_documented_order() -> None:
    assert tuple(event_row(EVENT, ARTICLE)) == EVENT_COLUMNS


def test_event_row_uses_the_plover_names_for_the_plover_fields() -> None:
    row, record = event_row(EVENT, ARTICLE), plover_record(EVENT, ARTICLE)
    shared = [c for c in EVENT_COLUMNS if c in PLOVER_COLUMNS and not c.startswith(
        ("actor_", "recipient_")) and c != "contexts"]
    assert len(shared) > 20 and {c: row[c] for c in shared} == {c: record[c] for c in shared}


def test_event_row_joins_several_actors_in_order() -> None:
    row = event_row(replace(EVENT, actors=(RUSSIA, CHINA), recipients=(UN, SYRIA)), ARTICLE)
    assert (row["actor_code"], row["actor_sector"], row["actor_name"]) == (
        "RUS;CHN", "GOV;", "Russia;China")
    assert (row["recipient_code"], row["recipient_name"]) == (
        "UNO;SYR", "United Nations Security Council;")


def test_event_row_holds_no_lists_or_objects() -> None:
    row = event_row(EVENT, ARTICLE)
    assert not [c for c, v in row.items() if isinstance(v, list | dict)]
    assert (row["location_name"], row["location_country"], row["contexts"]) == (
        "New York", "USA", "diplomatic")


def test_event_row_without_parties_has_empty_party_columns() -> None:
    row = event_row(replace(EVENT, actors=(), recipients=()), None)
    assert row["actor_code"] is None and row["recipient_name"] is None


def test_write_event_csv_reads_back_flat() -> None:
    import csv

    out = io.StringIO()
    write_event_csv([event_row(replace(EVENT, actors=(RUSSIA, CHINA)), ARTICLE)], out)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert list(row) == list(EVENT_COLUMNS)
    assert row["actor_code"] == "RUS;CHN" and row["sentence"].startswith("Russia vetoed")


@pytest.mark.parametrize(("root", "value"), [("01", 0.0), ("04", 1.0), ("15", -7.2), ("20", -10.0)])
def test_goldstein_data_file_root_values(root: str, value: float) -> None:
    assert load_goldstein(GOLDSTEIN_PATH)[root] == value


def test_goldstein_data_file_has_every_root() -> None:
    assert sorted(load_goldstein(GOLDSTEIN_PATH)) == [f"{n:02d}" for n in range(1, 21)]


@pytest.mark.parametrize("line", ["1\t2.0", "05\tmany", "05\t11", "05"])
def test_load_goldstein_bad_line_names_file_and_line(tmp_path: Path, line: str) -> None:
    path = tmp_path / "goldstein.tsv"
    path.write_text(f"# header\nroot\tgoldstein\n{line}\n")
    with pytest.raises(DataFileError) as caught:
        load_goldstein(path)
    assert (caught.value.path, caught.value.line) == (str(path), 3)
