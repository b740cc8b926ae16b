"""The JSON API: each endpoint against the library, and the OpenAPI document that lists them."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

import newsevents
from newsevents.web.app import create_app
from tests.web.site_store import EVIL_ID, QUOTED, STORY, build_site_store

API_ROUTES = ["/api/stats", "/api/search", "/api/events", "/api/actor/{name}",
              "/api/dyad/{a}/{b}", "/api/stories", "/api/story/{story_id}", "/api/articles",
              "/api/article/{article_id}", "/api/event/{event_id}"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site_store(tmp_path_factory.mktemp("api") / "site.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


def get(client: TestClient, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/json"
    return response.json()


def test_openapi_lists_every_api_route_and_no_page(client: TestClient):
    paths = get(client, "/openapi.json")["paths"]
    assert sorted(paths) == sorted([*API_ROUTES, "/events.{fmt}"])


def test_openapi_documents_the_event_filters(client: TestClient):
    params = {p["name"] for p in get(client, "/openapi.json")["paths"]["/api/events"]["get"]
              ["parameters"]}
    assert params == {"actor", "recipient", "dyad", "type", "mode", "quad", "since", "until",
                      "search", "include_negated", "include_hypothetical", "limit", "offset"}


def test_stats_counts_rows_types_and_months(client: TestClient):
    answer = get(client, "/api/stats")
    assert answer["counts"]["articles"] == 3 and answer["counts"]["stories"] == 1
    assert answer["types"][0] == {"type": "REJECT", "events": 2}
    assert [row["period"] for row in answer["activity"]] == ["2011-03", "2011-05", "2011"]


def test_search_finds_articles_and_events(client: TestClient):
    answer = get(client, "/api/search?q=draft")
    assert answer["articles"]["total"] == 2 and answer["events"]["total"] == 2
    assert "text" not in answer["articles"]["items"][0]


def test_events_page_through_the_library_s_answer(client: TestClient, db: Path):
    with newsevents.open(db) as opened:
        every = [e.event_id for e in opened.events(dyad="RUS,UNO")]
    first = get(client, "/api/events?dyad=Russia,UNO&limit=1")
    second = get(client, "/api/events?dyad=Russia,UNO&limit=1&offset=1")
    assert (first["total"], first["limit"], first["offset"]) == (2, 1, 0)
    assert [e["event_id"] for e in first["events"] + second["events"]] == every
    assert first["events"][0]["article_title"] == "Moscow and Beijing say no"


def test_events_repeat_type_and_quad(client: TestClient):
    answer = get(client, "/api/events?type=REJECT&type=consult&quad=1&quad=3&since=2011")
    assert sorted(e["type"] for e in answer["events"]) == ["CONSULT", "REJECT", "REJECT"]


def test_actor_profile(client: TestClient):
    answer = get(client, "/api/actor/Russia")
    assert (answer["value"], answer["name"]) == ("RUS", "Russia")
    assert (answer["events_as_actor"], answer["events_as_target"]) == (2, 1)
    assert answer["partners"][0] == {"name": "Libya", "code": "LBY", "acted_on": 1,
                                     "acted_by": 1, "events": 2}
    assert answer["learned"][0]["name"] == "Vassily Nebenzia"
    assert answer["knowledge_base"][0]["kind"] == "country"


def test_dyad_activity_and_timeline(client: TestClient):
    answer = get(client, "/api/dyad/Russia/UNO?max_dates=2&per_date=1")
    assert answer["dyad"] == ["RUS", "UNO"] and answer["names"] == ["Russia", "United Nations"]
    assert answer["events"] == 2
    assert answer["activity"] == [{"period": "2011-03", "precision": "month", "events": 2,
                                   "intensity": -8.0, "verbal_coop": 0, "material_coop": 0,
                                   "verbal_conflict": 2, "material_conflict": 0}]
    assert len(answer["timeline"]) == 2 and len(answer["timeline"][0]["sentences"]) == 1


def test_stories_and_story(client: TestClient):
    listed = get(client, "/api/stories")
    assert listed["total"] == 1 and listed["stories"][0]["story_id"] == STORY.story_id
    story = get(client, f"/api/story/{STORY.story_id}")
    assert [a["id"] for a in story["articles"]] == list(STORY.article_ids)
    merged = [e for e in story["events"] if e["type"] == "REJECT"]
    assert len(merged) == 1 and merged[0]["num_articles"] == 2
    assert "timeline" in story


def test_articles_search_and_pages(client: TestClient):
    every = get(client, "/api/articles")
    assert every["total"] == 3
    second = get(client, "/api/articles?limit=1&offset=1")
    assert [a["id"] for a in second["articles"]] == [every["articles"][1]["id"]]
    assert get(client, "/api/articles?q=Beijing")["total"] == 1


def test_article_with_events_and_quotes(client: TestClient):
    answer = get(client, f"/api/article/{EVIL_ID}")
    assert answer["article"]["id"] == EVIL_ID
    assert [e["type"] for e in answer["events"]] == ["ACCUSE"]
    assert answer["quotes"][0]["text"] == QUOTED


def test_event_with_context_and_other_reports(client: TestClient):
    answer = get(client, "/api/event/aa11bb22")
    assert answer["event"]["event_id"] == "aa11bb22cc33dd44"
    assert answer["event"]["num_articles"] == 2
    assert answer["context"]["before"].endswith("Diplomats met on Monday.")
    assert [e["article_id"] for e in answer["other_reports"]] == ["art-post-2"]


@pytest.mark.parametrize(("url", "status", "words"), [
    ("/api/article/nope", 404, "no article has the id 'nope'"),
    ("/api/story/nope", 404, "no story"),
    ("/api/event/aa11", 404, "the start of several"),
    ("/api/event/art-wire-1", 404, "is an article"),
    ("/api/actor/Rusia", 400, "Close matches: Russia (RUS)"),
    ("/api/nothing", 404, "no such page"),
])
def test_errors_are_json_with_a_message(client: TestClient, url: str, status: int, words: str):
    response = client.get(url)
    assert response.status_code == status
    assert words in response.json()["detail"]


def test_a_database_gone_while_serving_is_a_503_saying_so(tmp_path: Path):
    db = build_site_store(tmp_path / "gone.db")
    client = TestClient(create_app(db))
    db.unlink()
    response = client.get("/api/stats")
    assert response.status_code == 503
    assert "cannot be read now" in response.json()["detail"] and "no such database" in (
        response.json()["detail"])
    assert client.get("/").status_code == 503
