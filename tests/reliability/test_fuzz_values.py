"""Fuzzing the values users type: every read command's options, the filter parsers and the time
expression reader take any text. Whatever comes in, a command ends with exit code 0, 1 or 2 and
a message, never a traceback; a parser returns a value or raises its one error type."""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

import click
import click.testing
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.actors import load_knowledge_base
from newsevents.cli import cli
from newsevents.errors import NewsEventsError
from newsevents.filters import (
    FilterError,
    PartyResolver,
    checked_modes,
    checked_quads,
    checked_types,
    event_filter,
    period_end,
    period_start,
)
from tests.hand_store import build_store

# Text users type, and text that has broken parsers elsewhere: digits runs, dates, SQL and FTS
# syntax, control characters, lone surrogates, very long values.
TYPED = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["2011", "2011-02", "2011-02-30", "0000", "9999-12-31", "10000", "-1",
                     "99999999999999999999", "RUS,LBY", "RUS,", ",", "Russia", "the Kremlin",
                     "' OR 1=1 --", 'AND "x', "NEAR(", "*", "\x00", "\ud800", "RUSGOV", "rebels",
                     "1e9", "２０１１", "x" * 5000, "9" * 5000]),
)
FUZZ = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


@given(TYPED)
@settings(max_examples=300, deadline=None)
def test_periods_are_dates_or_filter_errors(value: str) -> None:
    for parse in (period_start, period_end):
        try:
            assert isinstance(parse(value), dt.date)
        except FilterError as error:
            assert "\n" not in str(error).strip()


@given(st.lists(TYPED, max_size=3))
@settings(max_examples=200, deadline=None)
def test_vocabulary_values_are_checked_or_filter_errors(values: list[str]) -> None:
    for check in (checked_types, checked_modes, checked_quads):
        try:
            assert len(check(values)) == len(values)
        except FilterError:
            pass


RESOLVER = PartyResolver(load_knowledge_base())


@given(TYPED, TYPED, TYPED, st.integers(min_value=-(2**70), max_value=2**70))
@settings(max_examples=200, deadline=None)
def test_event_filters_resolve_or_raise_filter_errors(actor: str, dyad: str, since: str,
                                                      limit: int) -> None:
    try:
        event_filter(RESOLVER, actor=actor, dyad=dyad, since=since, limit=limit)
    except FilterError:
        pass


# --- the commands -------------------------------------------------------------------------

READ_COMMANDS = ("events", "export", "articles", "activity", "timeline", "report", "show",
                 "stories", "stats")


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_store(tmp_path_factory.mktemp("fuzz") / "news.db")


def _arguments(command: click.Command, data: st.DataObject, out: Path) -> list[str]:
    """A draw of options for ``command``: each option present or not, with typed text."""
    args: list[str] = []
    for param in command.params:
        if param.name == "db":
            continue
        if isinstance(param, click.Argument):
            args.append(data.draw(TYPED.filter(lambda v: not v.startswith("-"))))
            continue
        if not isinstance(param, click.Option) or not data.draw(st.booleans()):
            continue
        flag = param.opts[0]
        if param.is_flag:
            args.append(flag)
        elif param.name == "output":
            args += [flag, str(out / data.draw(st.sampled_from(["a.out", "missing/a.out"])))]
        elif isinstance(param.type, click.Choice):
            args += [flag, data.draw(st.one_of(st.sampled_from(list(param.type.choices)),
                                               TYPED))]
        else:
            args += [flag, data.draw(TYPED)]
    return args


@pytest.mark.parametrize("name", READ_COMMANDS)
@FUZZ
@given(data=st.data())
def test_read_commands_never_show_a_traceback(name: str, data: st.DataObject, db: Path,
                                              tmp_path: Path) -> None:
    command = cli.commands[name]
    args = [name, "--db", str(db), *_arguments(command, data, tmp_path)]
    with contextlib.chdir(tmp_path):  # `report` writes report.html here
        result = CliRunner().invoke(cli, args)
    _handled(result, args)


def _handled(result: click.testing.Result, args: list[str]) -> None:
    """Ended as the console entry point (cli.app.main) ends it: a usage error (2), or a
    library error it prints as one line (1). Any other exception would be an "internal
    error": a bug."""
    error = result.exception
    if isinstance(error, NewsEventsError):
        assert "\n" not in str(error).strip(), args
        return
    assert error is None or isinstance(error, SystemExit), (args, repr(error))
    assert result.exit_code in (0, 1, 2), (args, result.output)
    assert "Traceback" not in result.output
    if result.exit_code:
        assert result.output.strip(), args  # an error always says what went wrong


@FUZZ
@given(dct=TYPED, text=st.text(max_size=200))
def test_timex_command_takes_any_text_and_any_date(dct: str, text: str, tmp_path: Path) -> None:
    source = tmp_path / "t.txt"
    source.write_text(text, encoding="utf-8", errors="surrogatepass")
    args = ["timex", str(source), "--dct", dct]
    _handled(CliRunner().invoke(cli, args), args)


@pytest.mark.parametrize("args", [
    ["show", "\udcff"],  # a byte that is not UTF-8 in argv arrives as a lone surrogate
    ["events", "--search", "\udcff"],
    ["articles", "--search", "caf\udce9"],
    ["export", "--search", "\udcff"],
])
def test_a_value_that_is_not_utf8_is_an_answer_not_a_crash(args: list[str], db: Path) -> None:
    result = CliRunner().invoke(cli, [args[0], "--db", str(db), *args[1:]])
    assert result.exception is None or isinstance(result.exception,
                                                  (SystemExit, NewsEventsError)), result.exception
