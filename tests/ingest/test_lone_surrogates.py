"""A lone surrogate (half a JSON escape pair, a file name that is not UTF-8) cannot be written
as UTF-8; it is replaced, so the record is stored and its batch is not lost (issue #13)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.ingest.article import valid_text
from newsevents.store import Store


def test_valid_text_replaces_lone_surrogates_only() -> None:
    assert valid_text("bad \udc80 title") == "bad \ufffd title"
    assert valid_text("Zürich 😀") == "Zürich 😀"
    assert valid_text(None) is None


def test_a_record_with_half_a_surrogate_pair_is_stored_with_its_neighbours(tmp_path: Path) -> None:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Russia rejected the plan on Monday, officials said."}),
        '{"id": "a2", "text": "Turkey hosted talks with Iran.", "title": "bad \\udc80 title"}',
        json.dumps({"id": "a3", "text": "Egypt rejected the proposal on Friday."}),
    ]) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = pipeline.ingest([str(feed)], store, Settings())
        titles = {a.id: a.title for a in store.iter_articles()}
    assert len(report.new) == 3 and not report.errors
    assert titles["a2"] == "bad \ufffd title"


@pytest.mark.skipif(os.name != "posix", reason="byte file names are a POSIX thing")
def test_a_file_name_that_is_not_utf8_is_stored_with_its_neighbours(tmp_path: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    body = "Russia rejects plan\n\nRussia rejected the plan on Monday, officials said.\n"
    (folder / os.fsdecode(b"bad\xff.txt")).write_text(body, encoding="utf-8")
    (folder / "good.txt").write_text(body.replace("Russia", "Egypt"), encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = pipeline.ingest([str(folder)], store, Settings())
        paths = sorted(a.path for a in store.iter_articles())
    assert len(report.new) == 2
    assert paths[0].endswith("bad\ufffd.txt")


def test_invalid_utf8_on_stdin_loses_no_record(tmp_path: Path) -> None:
    """Issue #13: a byte that is not UTF-8 on stdin rolled back the whole batch; the same file
    read by its path worked. Both records are stored either way."""
    from click.testing import CliRunner

    from newsevents.cli import cli
    from newsevents.store import Store

    data = (b'{"id": "s1", "text": "Russia condemned the strikes on Libya on Monday."}\n'
            b'{"id": "s2", "text": "Turkey hosted talks in Ankara \xff on Tuesday."}\n')
    db = tmp_path / "s.db"
    result = CliRunner().invoke(cli, ["ingest", "-", "--db", str(db)], input=data)
    assert result.exit_code == 0, result.output
    assert "<stdin>:2: warning: not valid UTF-8; decoded as cp1252" in result.output
    with Store(db) as store:
        assert sorted(a.id for a in store.iter_articles()) == ["s1", "s2"]
