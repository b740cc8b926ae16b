"""The event commands end to end through click's runner, on articles written for these tests."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from newsevents.cli import cli

pytestmark = pytest.mark.model

ARTICLES = {
    "rejects.txt": (
        "Egypt rejects Qatari plan\n\n"
        "CAIRO, March 3, 2014 (Wire) - Egypt on Monday rejected a Qatari proposal for talks "
        "with the opposition, the foreign ministry said.\n\n"
        "Egyptian officials did not attend a meeting in Doha on Sunday.\n"
    ),
    "visit.txt": (
        "Kerry visits Cairo\n\n"
        "CAIRO, March 5, 2014 (Wire) - US Secretary of State John Kerry met Egyptian Foreign "
        "Minister Nabil Fahmy in Cairo on Wednesday.\n"
    ),
}


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture()
def db(tmp_path: Path, corpus: Path) -> str:
    path = str(tmp_path / "news.db")
    result = invoke("run", str(corpus), "--db", path)
    assert result.exit_code == 0, result.output
    return path


def test_extract_writes_one_record_per_article_with_the_contract_fields(corpus: Path):
    result = invoke("extract", str(corpus))
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == 2
    assert set(records[0]) == {"id", "title", "url", "published", "published_precision",
                               "published_source", "published_window", "events", "quotes"}


def test_extract_codes_the_rejection(corpus: Path):
    result = invoke("extract", str(corpus / "rejects.txt"))
    events = json.loads(result.stdout)["events"]
    rejection = next(e for e in events if e["type"] == "REJECT")
    assert [a["code"] for a in rejection["actors"]] == ["EGY"]
    assert rejection["date"] == "2014-03-03"


def test_extract_flags_negated_event(corpus: Path):
    events = json.loads(invoke("extract", str(corpus / "rejects.txt")).stdout)["events"]
    assert any(e["negated"] for e in events)


def test_extract_reads_jsonl_on_stdin():
    line = json.dumps({"id": "x1", "text": "Iran condemned the attack on its embassy."})
    record = json.loads(invoke("extract", "-", input=line + "\n").stdout)
    assert record["id"] == "x1" and record["events"][0]["type"] == "ACCUSE"


def test_run_twice_adds_nothing(db: str, corpus: Path):
    again = invoke("run", str(corpus), "--db", db)
    assert "0 new" in again.output and "0 articles coded" in again.output


def test_events_filters_by_actor_and_type(db: str):
    result = invoke("--db", db, "events", "--actor", "EGY", "--type", "reject", "--format", "jsonl")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["type"] == "REJECT" for r in records)


def test_events_dyad_matches_either_direction(db: str):
    forward = invoke("--db", db, "events", "--dyad", "USA,EGY", "--format", "jsonl").stdout
    backward = invoke("--db", db, "events", "--dyad", "EGY,USA", "--format", "jsonl").stdout
    assert forward and forward == backward


def test_events_negated_only_on_request(db: str):
    plain = invoke("--db", db, "events", "--format", "jsonl").stdout
    everything = invoke("--db", db, "events", "--include-negated", "--format", "jsonl").stdout
    assert len(everything.splitlines()) > len(plain.splitlines())


def test_events_bad_dyad_is_usage_error(db: str):
    result = CliRunner().invoke(cli, ["--db", db, "events", "--dyad", "EGY"])
    assert result.exit_code == 2


def test_export_cameo_tsv_has_gdelt_header(db: str):
    out = invoke("--db", db, "export", "--format", "cameo-tsv").stdout
    header = next(csv.reader(io.StringIO(out), delimiter="\t"))
    assert header[:2] == ["GLOBALEVENTID", "SQLDATE"]


def test_export_parquet_writes_a_table(db: str, tmp_path: Path):
    target = tmp_path / "events.parquet"
    invoke("--db", db, "export", "--format", "parquet", "--output", str(target))
    assert pq.read_table(target).num_rows > 0


def test_events_and_export_write_the_same_csv(db: str):
    events = invoke("--db", db, "events", "--format", "csv").stdout
    exported = invoke("--db", db, "export", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(exported)))
    assert events == exported and rows
    assert rows[0]["actor_code"] and not rows[0]["actor_code"].startswith("[")


def test_events_and_export_parquet_have_the_same_columns(db: str, tmp_path: Path):
    invoke("--db", db, "events", "--format", "parquet", "--output", str(tmp_path / "e.parquet"))
    invoke("--db", db, "export", "--format", "parquet", "--output", str(tmp_path / "x.parquet"))
    events, exported = (pq.read_table(tmp_path / f"{n}.parquet") for n in ("e", "x"))
    assert events.column_names == exported.column_names
    assert "event_date" in events.column_names and "date" not in events.column_names


def test_events_table_fits_80_columns_and_shows_ids(db: str):
    out = invoke("--db", db, "events").stdout
    records = invoke("--db", db, "events", "--format", "jsonl").stdout.splitlines()
    lines = out.splitlines()
    assert len(lines) == 2 + len(records) and max(len(line) for line in lines) <= 80
    assert json.loads(records[0])["event_id"][:8] in lines[2]


def test_events_wide_shows_whole_sentences(db: str):
    record = json.loads(invoke("--db", db, "events", "--format", "jsonl").stdout.splitlines()[0])
    assert record["sentence"] in invoke("--db", db, "events", "--wide").stdout


def test_export_plover_jsonl_records(db: str):
    lines = invoke("--db", db, "export", "--format", "plover-jsonl").stdout.splitlines()
    assert lines and "event_type" in json.loads(lines[0])


def test_timex_writes_offsets_and_values():
    out = invoke("timex", "--dct", "2011-07-13", input="Russia on Wednesday said no.").stdout
    record = json.loads(out)
    assert (record["start"], record["end"], record["value"]) == (10, 19, "2011-07-13")


def test_actors_import_converts_petrarch_format(tmp_path: Path):
    source = tmp_path / "actors.txt"
    source.write_text("ARNOR [ARN]\nGONDOR [GON]\n+GONDORIAN\n", encoding="utf-8")
    target = tmp_path / "actors.tsv"
    result = invoke("actors", "import", str(source), "--output", str(target))
    assert result.exit_code == 0 and "GON" in target.read_text(encoding="utf-8")


def test_eval_unknown_benchmark_is_one_clear_error():
    result = CliRunner().invoke(cli, ["eval", "no-such-benchmark"])
    assert result.exit_code != 0
    assert "no benchmark or group named 'no-such-benchmark'" in str(result.exception)


def test_stories_group_every_article_once(db: str):
    lines = invoke("--db", db, "stories", "--format", "jsonl").stdout.splitlines()
    records = [json.loads(line) for line in lines]
    ids = [a for r in records for a in r["article_ids"]]
    assert sorted(ids) == sorted(set(ids)) and len(ids) == 2
    assert set(records[0]) == {"story_id", "label", "first_date", "last_date", "article_ids"}


def test_timeline_json_has_dates_sentences_and_sources(db: str):
    out = invoke("--db", db, "timeline", "--format", "json", "--max-dates", "2").stdout
    timeline = json.loads(out)["timeline"]
    assert 1 <= len(timeline) <= 2
    assert set(timeline[0]) == {"date", "sentences", "sources"} and timeline[0]["sources"]


def test_timeline_for_a_dyad_keeps_only_its_articles(db: str):
    out = invoke("--db", db, "timeline", "--dyad", "USA,EGY", "--format", "json").stdout
    sources = {s for entry in json.loads(out)["timeline"] for s in entry["sources"]}
    assert len(sources) == 1


def test_report_writes_a_self_contained_html_page(db: str, tmp_path: Path):
    target = tmp_path / "report.html"
    invoke("--db", db, "report", "--actor", "EGY", "--output", str(target))
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page and "<script" not in page
    assert "Timeline" in page and "rejected a Qatari proposal" in page


def test_eval_check_without_floors_file_is_usage_error(tmp_path: Path):
    result = CliRunner().invoke(cli, ["eval", "stories-dev", "--check",
                                      "--floors", str(tmp_path / "missing.json")])
    assert result.exit_code == 2 and "floors file" in result.output


def test_events_clusters_merge_reports_of_the_same_event(tmp_path: Path):
    folder = tmp_path / "two"
    folder.mkdir()
    (folder / "a.jsonl").write_text("\n".join(json.dumps(r) for r in [
        {"id": "w1", "source": "Wire", "published": "2019-05-06",
         "text": "Peru on Monday rejected Chile's proposal for talks on the border dispute."},
        {"id": "p1", "source": "Post", "published": "2019-05-06",
         "text": "On Monday Peru rejected a Chilean proposal to hold talks about the border."},
    ]) + "\n", encoding="utf-8")
    db = str(tmp_path / "c.db")
    invoke("run", str(folder), "--db", db)
    mentions = invoke("--db", db, "events", "--format", "jsonl").stdout.splitlines()
    clusters = [json.loads(line) for line in
                invoke("--db", db, "events", "--clusters", "--format", "jsonl").stdout.splitlines()]
    assert len(mentions) == 2 and len(clusters) == 1
    assert (clusters[0]["num_mentions"], clusters[0]["num_sources"]) == (2, 2)


def test_export_clusters_fill_gdelt_counts(db: str):
    out = invoke("--db", db, "export", "--clusters", "--format", "cameo-tsv").stdout
    rows = list(csv.DictReader(io.StringIO(out), delimiter="\t"))
    assert rows and all(int(r["NumMentions"]) >= 1 for r in rows)


def test_activity_counts_events_per_month(db: str):
    out = invoke("--db", db, "activity", "--actor", "EGY", "--format", "csv").stdout
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["period"], rows[0]["precision"]) == ("2014-03", "month")
    assert int(rows[0]["events"]) >= 1


def test_activity_svg_is_a_chart(db: str):
    assert invoke("--db", db, "activity", "--format", "svg").stdout.startswith("<svg")


def test_undated_article_keeps_the_window_its_office_holders_allow(tmp_path: Path):
    text = ("Talks end without a deal\n\nTurkish Foreign Minister Mevlut Cavusoglu said on "
            "Monday that talks with Greece had ended without a deal.\n")
    (tmp_path / "undated.txt").write_text(text, encoding="utf-8")
    record = json.loads(invoke("extract", str(tmp_path / "undated.txt")).stdout)
    assert record["published"] is None
    start, end = record["published_window"]
    assert start <= "2014-09-01" and end >= "2023-06-01"  # his terms as foreign minister


def test_run_stores_the_window_of_an_undated_article(tmp_path: Path):
    text = ("Talks end without a deal\n\nTurkish Foreign Minister Mevlut Cavusoglu said on "
            "Monday that talks with Greece had ended without a deal.\n")
    (tmp_path / "undated.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "w.db")
    invoke("run", str(tmp_path / "undated.txt"), "--db", db)
    record = json.loads(invoke("--db", db, "articles", "--format", "jsonl").stdout)
    assert record["published_window"] is not None
