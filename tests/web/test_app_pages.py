"""The HTML pages, each against what the library and the CLI give for the same question; the
dyad page's contract with the browser test (month links, the events table)."""

from __future__ import annotations

import io
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner
from fastapi.testclient import TestClient

import newsevents
from newsevents.cli import cli
from newsevents.export import EVENT_COLUMNS
from newsevents.web.app import create_app
from tests.web.site_store import EVIL_ID, QUOTED, STORY, Elements, build_site_store, event_rows


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site_store(tmp_path_factory.mktemp("pages") / "site.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def library_events(db: Path, **filters) -> list[tuple[str, str]]:
    with newsevents.open(db) as opened:
        return [(e.event_id, e.date.iso() if e.date else "") for e in opened.events(**filters)]


def page(client: TestClient, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    return response.text


def test_home_counts_events_by_type_with_links_to_them(client: TestClient):
    links = [a["href"] for a in Elements(page(client, "/")).find("a")]
    assert {"/events?type=REJECT", "/events?type=ACCUSE", "/events?type=CONSULT"} <= set(links)


def test_home_chart_links_each_month_to_its_events(client: TestClient):
    months = Elements(page(client, "/")).find("a", "month")
    assert [(m["data-month"], m["href"]) for m in months] == [
        (month, f"/events?since={month}&until={month}")
        for month in ("2011-03", "2011-04", "2011-05")]


def test_home_search_finds_articles_and_event_sentences(client: TestClient):
    text = page(client, "/?q=draft")
    assert "Articles (2)" in text and "Events (2)" in text
    assert "Russia rejects Libya draft" in text and "Moscow and Beijing say no" in text


@pytest.mark.parametrize("filters", [
    {}, {"dyad": "RUS,UNO"}, {"actor": "Libya"}, {"recipient": "Russia"}, {"types": ["CONSULT"]},
    {"since": "2011-05"}, {"until": "2011-03-01"}, {"search": "draft"},
])
def test_events_page_lists_the_library_s_events(client: TestClient, db: Path, filters: dict):
    params = {("type" if key == "types" else key): value for key, value in filters.items()}
    assert event_rows(page(client, "/events?" + _query(params))) == library_events(db, **filters)


def _query(params: dict) -> str:
    from urllib.parse import urlencode
    return urlencode(params, doseq=True)


def test_events_page_pages_with_limit_and_offset(client: TestClient, db: Path):
    every = library_events(db)
    first = page(client, "/events?limit=2")
    assert event_rows(first) == every[:2]
    assert "Events 1–2 of 4" in first
    next_link = [a["href"] for a in Elements(first).find("a") if a.get("rel") == "next"]
    assert next_link == ["/events?limit=2&offset=2"]
    assert event_rows(page(client, next_link[0])) == every[2:]


def test_events_page_links_back_to_the_first_page_not_before_it(client: TestClient):
    links = Elements(page(client, "/events?limit=3&offset=2")).find("a")
    assert [a["href"] for a in links if a.get("rel") == "prev"] == ["/events?limit=3&offset=0"]


def test_events_page_marks_the_trigger_in_its_sentence(client: TestClient):
    text = page(client, "/events?dyad=RUS,UNO")
    assert 'Russia on Tuesday <mark class="trigger">rejected</mark> the draft' in text


def test_events_page_download_links_keep_the_filters(client: TestClient):
    links = [a["href"] for a in Elements(page(client, "/events?dyad=RUS,UNO&type=REJECT"))
             .find("a") if a["href"].startswith("/events.")]
    assert links == [f"/events.{fmt}?dyad=RUS%2CUNO&type=REJECT"
                     for fmt in ("csv", "jsonl", "parquet")]


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_download_is_the_file_the_cli_writes(client: TestClient, db: Path, fmt: str):
    response = client.get(f"/events.{fmt}?dyad=RUS,UNO&since=2011")
    assert response.status_code == 200
    assert f'filename="events.{fmt}"' in response.headers["content-disposition"]
    result = CliRunner().invoke(cli, ["--db", str(db), "events", "--format", fmt,
                                      "--dyad", "RUS,UNO", "--since", "2011"])
    assert result.exit_code == 0, result.output
    assert response.text.replace("\r\n", "\n") == result.stdout.replace("\r\n", "\n")
    assert "aa11bb22cc33dd44" in response.text


def test_download_parquet_is_the_event_table(client: TestClient):
    response = client.get("/events.parquet?actor=Libya")
    table = pq.read_table(io.BytesIO(response.content))
    assert tuple(table.column_names) == EVENT_COLUMNS
    assert table.column("event_type").to_pylist() == ["ACCUSE"]


def test_dyad_page_names_both_parties_in_its_heading(client: TestClient):
    assert Elements(page(client, "/dyad/RUS/LBY")).headings == ["Russia and Libya"]


def test_dyad_chart_links_each_month_to_the_events_of_the_pair(client: TestClient):
    months = Elements(page(client, "/dyad/Russia/UNO")).find("a", "month")
    assert [(m["data-month"], m["href"]) for m in months] == [
        ("2011-03", "/events?dyad=Russia,UNO&since=2011-03&until=2011-03")]


def test_dyad_chart_links_keep_the_names_as_given_url_encoded(client: TestClient):
    url = "/dyad/Russia/United%20Nations%20Security%20Council"
    hrefs = [m["href"] for m in Elements(page(client, url)).find("a", "month")]
    assert hrefs == ["/events?dyad=Russia,United%20Nations%20Security%20Council"
                     "&since=2011-03&until=2011-03"]


def test_dyad_month_link_lists_that_month_s_events(client: TestClient, db: Path):
    href = Elements(page(client, "/dyad/LBY/RUS")).find("a", "month")[-1]["href"]
    rows = event_rows(page(client, href))
    assert rows == library_events(db, dyad="LBY,RUS", since="2011-05", until="2011-05")
    assert rows and all(date.startswith("2011-05") for _, date in rows)


def test_dyad_page_has_a_timeline_with_dated_sentences_and_sources(client: TestClient):
    text = page(client, "/dyad/Russia/UNO")
    assert '<span class="date">2011-03-01</span>' in text
    assert '<a href="/article/art-post-2">Moscow and Beijing say no</a>' in text


def test_actor_page_ranks_partners_and_names_the_actor(client: TestClient):
    parsed = Elements(text := page(client, "/actor/Russia"))
    assert parsed.headings == ["Russia"]
    assert "2 events as actor, 1 as target" in text
    partners = [a["href"] for a in parsed.find("a") if a["href"].startswith("/dyad/")]
    assert partners == ["/dyad/RUS/Libya",  # 2 events (one each way), first by name
                        "/dyad/RUS/United%20Nations%20Security%20Council"]  # 2


def test_actor_page_shows_knowledge_base_and_learned_names(client: TestClient):
    text = page(client, "/actor/RUS")
    assert "Russia (country" in text
    assert "Vassily Nebenzia" in text and "Nebenzia" in text


def test_stories_page_links_each_story(client: TestClient):
    assert "/story/story-1" in [a["href"] for a in Elements(page(client, "/stories")).find("a")]


def test_story_page_lists_outlets_and_merged_events_with_counts(client: TestClient):
    text = page(client, f"/story/{STORY.story_id}")
    assert "<h3>Post</h3>" in text and "<h3>Wire</h3>" in text
    assert text.count('<tr class="event"') == 2  # the two rejections are one event, + CONSULT
    assert '<td class="num">2 / 2 / 2</td>' in text


def test_article_page_marks_triggers_and_quotes(client: TestClient):
    text = page(client, f"/article/{EVIL_ID}")
    assert f'<span class="quote">{QUOTED}</span>' in text
    assert '<a href="#e-cc99dd88ee77ff66">accused</a></mark>' in text
    assert "published 2011-05-06" in text


def test_article_page_links_the_other_reports_of_its_events(client: TestClient):
    text = page(client, "/article/art-wire-1")
    assert 'Also reported in: <a href="/article/art-post-2">Moscow and Beijing say no</a>' in text


def test_event_page_shows_the_sentence_in_context_and_other_reports(client: TestClient):
    text = page(client, "/event/aa11bb22")
    assert "Diplomats met on Monday." in text  # the sentence before
    assert "/article/art-post-2" in text


def test_event_page_sends_an_article_id_to_the_article_page(client: TestClient):
    response = client.get("/event/art-wire-1", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"] == "/article/art-wire-1"


@pytest.mark.parametrize("url", ["/article/nope", "/story/nope", "/event/zzzz", "/nowhere"])
def test_unknown_pages_are_404_pages_saying_so(client: TestClient, url: str):
    response = client.get(url)
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("text/html")
    assert '<p class="error">' in response.text
