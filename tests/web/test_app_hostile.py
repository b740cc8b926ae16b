"""What an attacker or a careless link can send: wrong values answer 400 or 422 with a message,
full-text operators are plain words, SQL is never spliced, payloads in the articles are shown as
text, and no request changes the database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.web.app import create_app
from tests.web.site_store import (
    EVIL_EVENT,
    EVIL_ID,
    IMG,
    IMG_ESCAPED,
    SCRIPT,
    SCRIPT_ESCAPED,
    STORY,
    build_site_store,
)

SQL = "' OR 1=1 --"
FTS_SYNTAX = ['"', "NEAR(", "a OR", "*", "title:Russia", '" OR 1=1 --', "\x00", "(((", "^x"]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site_store(tmp_path_factory.mktemp("hostile") / "site.db")


@pytest.fixture(scope="module")
def client(db: Path) -> TestClient:
    return TestClient(create_app(db))


@pytest.mark.parametrize(("params", "status", "words"), [
    ({"since": "2011-13"}, 400, "since '2011-13': is not a date"),
    ({"since": "yesterday"}, 400, "is not a date"),
    ({"until": SQL}, 400, "is not a date"),
    ({"since": "2012", "until": "2011"}, 400, "since '2012': is after"),
    ({"actor": SQL}, 400, "names no known actor"),
    ({"actor": "Rusia"}, 400, "Close matches: Russia (RUS)"),
    ({"recipient": ""}, 200, ""),  # an empty form field is no filter
    ({"dyad": "RUS"}, 400, "give two actors"),
    ({"dyad": "RUS,Atlantis"}, 400, "'Atlantis': names no known actor"),
    ({"type": "ATTACK"}, 400, "type 'ATTACK': is not valid"),
    ({"mode": "flying"}, 400, "mode 'flying': is not valid"),
    ({"quad": "5"}, 400, "is not a quad class"),
    ({"limit": "1000000"}, 422, "limit: Input should be less than or equal to 500"),
    ({"limit": "-1"}, 422, "limit: Input should be greater than or equal to 0"),
    ({"limit": "ten"}, 422, "limit: Input should be a valid integer"),
    ({"offset": str(10**30)}, 422, "offset"),
    ({"include_negated": "maybe"}, 422, "include_negated: Input should be a valid boolean"),
])
def test_wrong_filter_values_are_refused_with_a_message(client: TestClient, params: dict,
                                                         status: int, words: str):
    api = client.get("/api/events", params=params)
    assert api.status_code == status, api.text
    assert status == 200 or words in api.json()["detail"]
    html = client.get("/events", params=params)
    assert html.status_code == status
    assert html.headers["content-type"].startswith("text/html")
    assert status == 200 or words.replace("'", "&#39;") in html.text


@pytest.mark.parametrize("text", FTS_SYNTAX)
@pytest.mark.parametrize("url", ["/", "/api/search", "/api/articles", "/api/events?x=",
                                 "/events?x="])
def test_full_text_operators_are_plain_words(client: TestClient, url: str, text: str):
    key = "search" if url.startswith(("/api/events", "/events")) else "q"
    response = client.get(url.removesuffix("?x="), params={key: text})
    assert response.status_code == 200, response.text


def test_sql_in_a_search_matches_nothing_rather_than_everything(client: TestClient):
    assert client.get("/api/events", params={"search": SQL}).json()["total"] == 0
    assert client.get("/api/articles", params={"q": SQL}).json()["total"] == 0


@pytest.mark.parametrize("url", [
    "/api/actor/' OR 1=1 --", "/api/dyad/RUS/' OR 1=1 --", "/api/dyad/RUS/LBY?since=0000",
    "/api/dyad/RUS/LBY?max_dates=0", "/api/dyad/RUS/LBY?per_date=1000",
    "/api/stories?limit=501", "/api/search", "/api/article/%00", "/api/event/%25",
])
def test_malformed_api_requests_are_4xx_json(client: TestClient, url: str):
    response = client.get(url)
    assert 400 <= response.status_code < 500
    assert response.json()["detail"]


HOSTILE_PAGES = ["/", f"/?q={EVIL_ID[:3]}+Accusations", "/events", "/events?actor=Libya",
                 f"/article/{EVIL_ID}", f"/event/{EVIL_EVENT}", "/dyad/Libya/Russia",
                 "/actor/Libya", "/actor/Russia", "/stories", f"/story/{STORY.story_id}"]


@pytest.mark.parametrize("url", HOSTILE_PAGES)
def test_payloads_in_the_articles_are_shown_as_text(client: TestClient, url: str):
    page = client.get(url).text
    assert "<script" not in page and "<img" not in page and "onerror=alert(1)>" not in page


@pytest.mark.parametrize(("url", "escaped"), [
    (f"/article/{EVIL_ID}", [SCRIPT_ESCAPED, IMG_ESCAPED]),  # title, text, outlet
    ("/events?actor=Libya", [SCRIPT_ESCAPED, IMG_ESCAPED]),  # the payload actor's name, text
    ("/stories", [SCRIPT_ESCAPED]),  # the story's label
    ("/events?actor=<script>alert(1)</script>", [SCRIPT_ESCAPED]),  # echoed in the error
])
def test_payloads_appear_escaped(client: TestClient, url: str, escaped: list[str]):
    page = client.get(url).text
    assert all(form in page for form in escaped)


def test_a_javascript_url_is_not_a_link(client: TestClient):
    page = client.get(f"/article/{EVIL_ID}").text
    assert 'href="javascript:' not in page.replace(" ", "").lower()


def test_api_returns_payloads_as_data(client: TestClient):
    article = client.get(f"/api/article/{EVIL_ID}").json()["article"]
    assert SCRIPT in article["title"] and IMG in article["text"]


def test_no_request_changes_the_database(db: Path, client: TestClient):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for url in [*HOSTILE_PAGES, "/api/stats", "/api/events", "/events.csv", "/events.parquet",
                "/api/actor/RUS", f"/api/story/{STORY.story_id}"]:
        assert client.get(url).status_code == 200
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
