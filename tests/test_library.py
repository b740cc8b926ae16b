"""The library facade (``import newsevents``) on sentences written for these tests."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import newsevents
from newsevents.errors import FilterError, InputError, StoreError
from newsevents.models import Problem

pytestmark = pytest.mark.model

TURNED_DOWN = "Russia on Wednesday turned down an invitation from Turkey to join the talks."
ARTICLES = {
    "strikes.txt": (
        "Russia condemns strikes on Libya\n\n"
        "MOSCOW, March 21, 2011 (Wire) - Russia on Monday condemned the air strikes on Libya, "
        "the foreign ministry said.\n"
    ),
    "visit.txt": (
        "Kerry visits Cairo\n\n"
        "CAIRO, March 5, 2014 (Wire) - US Secretary of State John Kerry met Egyptian Foreign "
        "Minister Nabil Fahmy in Cairo on Wednesday.\n"
    ),
}


@pytest.fixture()
def db(tmp_path: Path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text, encoding="utf-8")
    with newsevents.open(tmp_path / "news.db", create=True) as database:
        database.run([corpus])
        yield database


def test_the_readme_one_liner_prints_reject() -> None:
    code = ("import newsevents; r = newsevents.extract('" + TURNED_DOWN + "', "
            "published='2011-07-13'); print(r.events[0].type)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True)
    assert out.stdout.strip() == "REJECT"


def test_extract_returns_typed_events_quotes_and_dates() -> None:
    result = newsevents.extract(TURNED_DOWN, published="2011-07-13")
    rejection = result.events[0]
    assert [a.code for a in rejection.actors] == ["RUS"]
    assert [a.code for a in rejection.recipients] == ["TUR"]
    assert rejection.date is not None and rejection.date.iso() == "2011-07-13"
    assert [d.value for d in result.dates] == ["2011-07-13"]  # "on Wednesday"
    assert result.published is not None and result.published.iso() == "2011-07-13"


def test_to_dict_is_the_extract_record() -> None:
    record = newsevents.extract(TURNED_DOWN, published="2011-07-13", title="Talks").to_dict()
    assert record["title"] == "Talks"
    assert record["events"][0]["type"] == "REJECT"
    json.dumps(record)  # plain JSON types only
    assert {"id", "published", "events", "quotes", "dates"} <= set(record)


def test_extract_refuses_an_unreadable_date() -> None:
    with pytest.raises(InputError, match="published"):
        newsevents.extract(TURNED_DOWN, published="last Wednesday")


def test_extract_many_skips_a_bad_item_and_codes_the_others() -> None:
    problems: list[Problem] = []
    results = list(newsevents.extract_many(
        [TURNED_DOWN, "   ", {"text": TURNED_DOWN, "published": "2011-07-13", "id": "x"}],
        on_problem=problems.append))
    assert len(results) == 2 and len(problems) == 1
    assert "item 2" in str(problems[0])
    assert results[1].article.id == "x"


def test_open_refuses_a_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        newsevents.open(tmp_path / "misspelt.db")
    assert not (tmp_path / "misspelt.db").exists()


def test_events_take_names_like_codes(db) -> None:
    by_code = db.events(dyad=("RUS", "LBY"))
    assert by_code and [e.event_id for e in db.events(dyad="Russia,Libya")] == [
        e.event_id for e in by_code]
    assert db.events(actor="Russian Federation") == db.events(actor="RUS")


def test_events_refuse_wrong_values(db) -> None:
    with pytest.raises(FilterError):
        db.events(actor="Rusia")
    with pytest.raises(FilterError):
        db.events(types=["ATTACK"])


def test_events_by_month(db) -> None:
    assert db.events(since="2011-03", until="2011-03")
    assert not db.events(since="2014-04")


def test_records_become_arrow_tables(db) -> None:
    table = db.events().to_arrow()
    assert table.num_rows == len(db.events())
    assert {"type", "actors", "date"} <= set(table.column_names)


def test_articles_stories_and_timeline(db) -> None:
    assert len(db.articles()) == 2
    assert sorted(i for s in db.stories() for i in s.article_ids) == sorted(
        a.id for a in db.articles())
    timeline = db.timeline(actor="Russia", max_dates=1)
    assert [entry.date.isoformat() for entry in timeline] == ["2011-03-21"]
    assert db.timeline(actor="Russia").to_dicts()[0]["date"]


def test_to_pandas_says_what_is_missing_or_gives_a_frame(db) -> None:
    records = db.events()
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(newsevents.NewsEventsError, match="pip install pandas"):
            records.to_pandas()
    else:
        assert len(records.to_pandas()) == len(records)


def test_find_gives_an_event_with_its_article_and_context(db) -> None:
    event = db.events(actor="Russia")[0]
    view = db.find(event.event_id[:8])
    assert view.event == event and view.article is not None
    assert view.article.id == event.article_id
    with pytest.raises(newsevents.NewsEventsError, match="no stored event or article"):
        db.find("zz-no-such-id")
