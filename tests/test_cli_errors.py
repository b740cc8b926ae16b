"""The CLI's last edge: an unexpected error is one line and exit code 1, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.cli import app


def _failing(exc: BaseException):
    def main(*_args, **_kwargs):
        raise exc
    return main


def test_an_unexpected_error_is_one_line_without_traceback(monkeypatch, capsys) -> None:
    monkeypatch.delenv(app.DEBUG_VARIABLE, raising=False)
    monkeypatch.setattr(app.cli, "main", _failing(RuntimeError("boom")))
    with pytest.raises(SystemExit) as exit_:
        app.main()
    err = capsys.readouterr().err
    assert exit_.value.code == app.EXIT_NOTHING
    assert "internal error" in err and "boom" in err and "Traceback" not in err


def test_the_debug_variable_shows_the_traceback(monkeypatch) -> None:
    monkeypatch.setenv(app.DEBUG_VARIABLE, "1")
    monkeypatch.setattr(app.cli, "main", _failing(RuntimeError("boom")))
    with pytest.raises(RuntimeError, match="boom"):
        app.main()


def test_ctrl_c_is_one_line_and_exit_130(monkeypatch, capsys) -> None:
    monkeypatch.setattr(app.cli, "main", _failing(KeyboardInterrupt()))
    with pytest.raises(SystemExit) as exit_:
        app.main()
    assert exit_.value.code == 130 and "Interrupted" in capsys.readouterr().err


def test_a_message_with_a_lone_surrogate_is_printed(monkeypatch, capsys) -> None:
    monkeypatch.setattr(app.cli, "main", _failing(app.NewsEventsError("bad\udcff.txt: empty")))
    with pytest.raises(SystemExit):
        app.main()
    assert "bad\ufffd.txt" in capsys.readouterr().err


def test_ctrl_c_inside_a_command_is_interrupted_and_exit_130(monkeypatch, capsys) -> None:
    import click

    monkeypatch.setattr(app.cli, "main", _failing(click.exceptions.Abort()))
    with pytest.raises(SystemExit) as exit_:
        app.main()
    assert exit_.value.code == 130 and "Interrupted" in capsys.readouterr().err


def test_a_problem_line_shows_a_name_with_brackets_as_it_is(tmp_path: Path) -> None:
    """rich reads "[...]" as markup: a file called "[red]feed.jsonl" must not lose its name."""
    from click.testing import CliRunner

    from newsevents.cli import cli

    bad = tmp_path / "[red]feed[b].jsonl"
    bad.write_text("{broken\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", str(bad), "--db", str(tmp_path / "n.db")])
    assert f"{bad}:1: error: invalid JSON" in result.output
