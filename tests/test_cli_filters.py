"""Filter options of the read commands: names resolve, wrong values are errors, never an empty
table (issue #10's "What users hit")."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli

pytestmark = pytest.mark.model

ARTICLE = (
    "Russia condemns strikes on Libya\n\n"
    "MOSCOW, March 21, 2011 (Wire) - Russia on Monday condemned the air strikes on Libya, "
    "the foreign ministry said.\n"
)


def invoke(*args: str):
    return CliRunner().invoke(cli, list(args))


@pytest.fixture()
def db(tmp_path: Path) -> str:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    path = str(tmp_path / "news.db")
    assert invoke("run", str(tmp_path / "a.txt"), "--db", path).exit_code == 0
    return path


def ids(db: str, *args: str) -> list[str]:
    result = invoke("events", "--db", db, "--format", "jsonl", *args)
    assert result.exit_code == 0, result.output
    return [json.loads(line)["event_id"] for line in result.stdout.splitlines()]


def test_a_dyad_of_names_gives_what_its_codes_give(db: str) -> None:
    assert ids(db, "--dyad", "RUS,LBY")
    assert ids(db, "--dyad", "Russia,Libya") == ids(db, "--dyad", "RUS,LBY")
    assert ids(db, "--actor", "Russian Federation") == ids(db, "--actor", "RUS")


@pytest.mark.parametrize(("args", "message"), [
    (("--actor", "Rusia"), "Russia (RUS)"),
    (("--actor", "QQX"), "no known actor"),
    (("--type", "ATTACK"), "ASSAULT"),
    (("--mode", "aireal"), "aerial"),
    (("--quad", "5"), "5"),
    (("--since", "2012", "--until", "2011"), "after --until"),
    (("--since", "March"), "YYYY-MM"),
])
def test_a_wrong_filter_value_is_a_usage_error(db: str, args: tuple[str, ...],
                                               message: str) -> None:
    result = invoke("events", "--db", db, *args)
    assert result.exit_code == 2
    assert message.lower() in result.output.lower()


def test_since_takes_a_month(db: str) -> None:
    assert ids(db, "--since", "2011-03", "--until", "2011-03")
    assert not ids(db, "--since", "2011-04")


def test_story_commands_take_names_too(db: str) -> None:
    result = invoke("timeline", "--db", db, "--dyad", "Russia,Libya", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["timeline"]
    assert invoke("activity", "--db", db, "--actor", "Rusia").exit_code == 2


@pytest.mark.parametrize("command", ["events", "export", "timeline", "activity", "stories"])
def test_a_read_command_refuses_a_missing_database(tmp_path: Path, command: str) -> None:
    missing = tmp_path / "misspelt.db"
    result = invoke(command, "--db", str(missing))
    assert result.exit_code == 1
    assert "no such database" in str(result.exception) + result.output
    assert not missing.exists()


@pytest.mark.parametrize("args", [("articles",), ("articles", "show", "x"), ("stats",),
                                  ("actors", "list")])
def test_other_read_commands_refuse_a_missing_database(tmp_path: Path, args) -> None:
    missing = tmp_path / "misspelt.db"
    result = invoke(*args, "--db", str(missing))
    assert result.exit_code == 1 and not missing.exists()


@pytest.mark.parametrize("command", ["events", "articles"])
def test_a_limit_beyond_64_bits_or_below_zero_is_a_usage_error(db: str, command: str) -> None:
    for value in ("99999999999999999999", "-5"):
        assert invoke(command, "--db", db, "--limit", value).exit_code == 2
