"""The command line through click's runner: exit codes, summaries, formats, help."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.store import Store


def invoke(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_ingest_reports_problems_and_ingests_good_articles(mixed_folder: Path, tmp_path: Path):
    result = invoke("ingest", str(mixed_folder), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 0
    assert "2 articles read: 2 new" in result.output
    for name in ("blob.txt: error: binary file", "empty.txt: error: empty file", "feed.jsonl:2:"):
        assert name in result.output


def test_ingest_again_adds_nothing(mixed_folder: Path, tmp_path: Path):
    db = str(tmp_path / "x.db")
    invoke("ingest", str(mixed_folder), "--db", db)
    result = invoke("ingest", str(mixed_folder), "--db", db)
    assert "0 new, 2 already stored" in result.output


def test_ingest_nothing_readable_exits_1(tmp_path: Path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = invoke("ingest", str(empty), "--db", str(tmp_path / "x.db"))
    assert result.exit_code == 1


def test_ingest_without_paths_is_usage_error(tmp_path: Path):
    assert invoke("ingest", "--db", str(tmp_path / "x.db")).exit_code == 2


def test_ingest_reads_jsonl_from_stdin(tmp_path: Path):
    line = json.dumps({"id": "s1", "text": "Egypt called for a ceasefire in Libya on Sunday."})
    result = invoke("ingest", "-", "--db", str(tmp_path / "x.db"), input=line + "\n")
    assert "1 new" in result.output


def test_articles_jsonl_has_the_documented_fields(mixed_folder: Path, tmp_path: Path):
    db = str(tmp_path / "x.db")
    invoke("ingest", str(mixed_folder), "--db", db)
    result = invoke("--db", db, "articles", "--format", "jsonl")
    records = [json.loads(line) for line in result.output.splitlines()]
    assert {r["id"] for r in records} >= {"a1"}
    assert set(records[0]) == {"id", "url", "source", "title", "text", "published",
                               "published_precision", "published_source", "published_window",
                               "path", "language", "cut"}


def test_articles_show_reports_what_was_cut_from_the_page(tmp_path: Path):
    page = tmp_path / "page.txt"
    page.write_text("Rebels take the port town\n"
                    "Rebels took the port town on Monday, officials in the capital said.\n"
                    "The government denied losing the town.\n"
                    "You people know nothing about this war.\n"
                    "March 9 , 2011 at 6:24 pm | Reply Nobody asked you.\n"
                    "March 9 , 2011 at 7:02 pm | Reply Agreed.\n", encoding="utf-8")
    db = str(tmp_path / "x.db")
    invoke("ingest", str(page), "--db", db)
    listed = [json.loads(line) for line in
              invoke("--db", db, "articles", "--format", "jsonl").output.splitlines()]
    assert listed[0]["cut"] == {"comments": 3}
    assert "Nobody asked you" not in listed[0]["text"]
    shown = json.loads(invoke("--db", db, "articles", "show", listed[0]["id"], "--format",
                              "json").output)
    assert shown["cut"] == {"comments": 3}
    table = invoke("--db", db, "articles", "show", listed[0]["id"]).output
    assert "comments: 3 lines" in table


def test_articles_show_an_unknown_id_is_an_error(tmp_path: Path):
    db = str(tmp_path / "x.db")
    Store(db).close()  # an empty database: the id is unknown, the database is not
    result = CliRunner().invoke(cli, ["--db", db, "articles", "show", "nope"])
    assert result.exit_code != 0
    assert "no stored article has the id" in result.output


def test_articles_search_finds_matching_text(mixed_folder: Path, tmp_path: Path):
    db = str(tmp_path / "x.db")
    invoke("ingest", str(mixed_folder), "--db", db)
    result = invoke("--db", db, "articles", "--search", "Ankara", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.output)))
    assert [r["title"] for r in rows] == ["Turkey hosts talks"]


def test_stats_counts_articles(mixed_folder: Path, tmp_path: Path):
    db = str(tmp_path / "x.db")
    invoke("ingest", str(mixed_folder), "--db", db)
    result = invoke("--db", db, "stats")
    assert "articles" in result.output and " 2 " in result.output


def test_not_a_database_is_one_clear_error(tmp_path: Path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("these are my notes, not a database\n" * 10)
    result = invoke("--db", str(bogus), "stats")
    assert result.exit_code != 0
    assert str(bogus) in str(result.exception) or str(bogus) in result.output


def _commands() -> list[tuple[str, click.Command]]:
    return sorted(cli.commands.items())


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_command_has_help_with_an_example(name: str, command: click.Command):
    assert command.help and "Example" in command.help, name


@pytest.mark.parametrize(("name", "command"), _commands())
def test_every_option_is_documented(name: str, command: click.Command):
    for param in command.params:
        if isinstance(param, click.Option):
            assert param.help, f"{name} {param.opts} has no help text"
