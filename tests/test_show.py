"""``newsevents show ID`` and the look-ups behind it, on a database written by hand."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents import query
from newsevents.cli import cli
from newsevents.errors import NewsEventsError, UnknownIdError
from newsevents.store import Store
from tests.hand_store import EVENTS, TEXT, VETO, build_store


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    return build_store(tmp_path / "hand.db")


@pytest.fixture()
def store(db: Path):
    with Store(db) as opened:
        yield opened


def show(db: Path, ident: str):
    return CliRunner().invoke(cli, ["--db", str(db), "show", ident])


@pytest.mark.parametrize("ident", ["aa11bb22cc33dd44", "aa11bb22", "aa11b", " aa11bb22 "])
def test_find_an_event_by_its_id_or_a_unique_start(store: Store, ident: str):
    found = query.find(store, ident)
    assert isinstance(found, query.EventView) and found.event.event_id == "aa11bb22cc33dd44"


@pytest.mark.parametrize("ident", ["art-wire-1", "art-w"])
def test_find_an_article_by_its_id_or_a_unique_start(store: Store, ident: str):
    found = query.find(store, ident)
    assert isinstance(found, query.ArticleView) and found.article.id == "art-wire-1"
    assert [e.event_id for e in found.events] == ["aa11ff00ee99aa00", "aa11bb22cc33dd44"]


def test_find_an_unknown_id_names_it(store: Store):
    with pytest.raises(NewsEventsError, match="'nope'"):
        query.find(store, "nope")


@pytest.mark.parametrize("ident", ["%", "_", "aa11%", ""])
def test_find_takes_wildcards_as_text(store: Store, ident: str):
    with pytest.raises(UnknownIdError):
        query.find(store, ident)


def test_find_an_ambiguous_start_names_the_candidates(store: Store):
    with pytest.raises(UnknownIdError) as caught:
        query.find(store, "aa11")
    assert "aa11bb22cc33dd44" in str(caught.value) and "aa11ff00ee99aa00" in str(caught.value)


def test_unknown_id_error_pickles():
    error = UnknownIdError("x", "no such id")
    assert str(pickle.loads(pickle.dumps(error))) == "no such id"


def test_event_view_has_the_other_reports_of_its_cluster(store: Store):
    view = query.find(store, "aa11bb22cc33dd44")
    assert [(e.event_id, a.id) for e, a in view.cluster] == [("ee55ff66aa77bb88", "art-post-2")]
    assert view.counts == (2, 2, 2)


def test_sentence_context_has_the_neighbours_and_the_trigger(store: Store):
    context = query.find(store, "aa11bb22cc33dd44").context
    assert context.before == TEXT[:TEXT.index(VETO)].strip()
    assert context.after == "The vote was delayed."
    start, end = context.trigger
    assert context.sentence[start:end] == "rejected"


def test_sentence_context_without_the_article_still_marks_the_trigger():
    event = EVENTS["art-wire-1"][0]
    context = query.sentence_context(event, None)
    assert (context.before, context.after) == (None, None)
    assert context.sentence[slice(*context.trigger)] == "rejected"


def test_show_event_prints_parties_date_context_article_and_cluster(db: Path):
    result = show(db, "aa11bb22")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "Event aa11bb22cc33dd44" in out
    assert "Russia [RUS/GOV]" in out and "United Nations Security Council [UNO/-]" in out
    assert '2011-03-01 (day), from "on Tuesday"' in out
    assert "Russia on Tuesday [[rejected]] the draft" in out and "The vote was delayed." in out
    assert "Russia rejects Libya draft" in out and "https://example.org/1" in out
    assert "2 mentions, 2 sources, 2 articles" in out and "Moscow and Beijing say no" in out


def test_show_article_marks_every_trigger_and_lists_its_events(db: Path):
    out = " ".join(show(db, "art-wire-1").output.split())  # as one line, however it wrapped
    assert "Diplomats [[met]] on Monday" in out and "on Tuesday [[rejected]] the draft" in out
    assert "2 events" in out and "aa11ff00" in out and "aa11bb22" in out


def test_show_unknown_id_is_one_line_and_exit_code_1(db: Path, monkeypatch, capsys):
    from newsevents.cli import main

    monkeypatch.setattr("sys.argv", ["newsevents", "--db", str(db), "show", "zz-no-such"])
    with pytest.raises(SystemExit) as caught:
        main()
    assert caught.value.code == 1
    assert "'zz-no-such'" in capsys.readouterr().err


def test_show_with_a_missing_database_creates_none(tmp_path: Path):
    missing = tmp_path / "typo.db"
    result = CliRunner().invoke(cli, ["--db", str(missing), "show", "aa11bb22"])
    assert result.exit_code != 0 and not missing.exists()
