"""Whatever values the OpenAPI document's parameters are given, an ``/api/`` GET route answers
JSON and never a server error. The strategies come from the document itself (each parameter's
schema type, its bounds ignored, plus arbitrary text), so a route or parameter added later is
drawn too."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import quote

import httpx
import pytest
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsevents.web.app import create_app
from tests.web.site_store import build_site_store

TEXT = st.text(st.characters(exclude_categories=("Cs",)), max_size=24)  # Cs: no UTF-8 form
WORDS = st.sampled_from(["RUS", "Russia", "LBY", "Libya,Russia", "REJECT", "2011", "2011-03",
                         "2011-03-01", "aa11", "story-1", "art-wire-1", "1", "true", "draft"])
EDGES = [0, -1, 2**31, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30]
# The /api/ GET routes (the OpenAPI document must list exactly these: a new route is added here)
API_ROUTES = ["/api/article/{article_id}", "/api/actor/{name}", "/api/articles",
              "/api/dyad/{a}/{b}", "/api/event/{event_id}", "/api/events", "/api/search",
              "/api/stats", "/api/stories", "/api/story/{story_id}"]


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    db: Path = build_site_store(tmp_path_factory.mktemp("props") / "site.db")
    return TestClient(create_app(db))


def parameters_of(client: TestClient) -> dict[str, list[dict[str, Any]]]:
    """The parameters of each ``/api/`` GET route, as the OpenAPI document lists them."""
    paths = client.get("/openapi.json").json()["paths"]
    return {path: item["get"].get("parameters", []) for path, item in paths.items()
            if path.startswith("/api/") and "get" in item}


def value_of(schema: dict[str, Any]) -> st.SearchStrategy:
    """Values a client could send for ``schema``: of its type (integers near its bounds and at
    the edges of SQLite's and Python's, booleans as words), a word the store knows, any text."""
    options = schema.get("anyOf", [schema])
    kinds = {option.get("type") for option in options}
    typed: list[st.SearchStrategy] = []
    if "integer" in kinds:
        bounds = [option[key] + step for option in options for key in ("minimum", "maximum")
                  if key in option for step in (-1, 0, 1)]
        typed += [st.sampled_from(EDGES + bounds).map(str), st.integers(-5, 1000).map(str)]
    if "boolean" in kinds:
        typed.append(st.sampled_from(["true", "false", "1", "0", "yes", "off"]))
    if "array" in kinds:
        items = next(option["items"] for option in options if option.get("type") == "array")
        return st.lists(value_of(items), max_size=3)
    return st.one_of(*typed, WORDS, TEXT)


def request_of(path: str, parameters: list[dict[str, Any]]) -> st.SearchStrategy:
    """An address for ``path``: every path parameter and up to three query parameters drawn
    (more would nearly always hold one wrong value, answered before the others are read)."""
    where = {p["name"]: p["in"] for p in parameters}
    values = {p["name"]: value_of(p.get("schema", {})) for p in parameters}
    in_path = [name for name, place in where.items() if place == "path"]
    in_query = sorted(name for name, place in where.items() if place == "query")

    @st.composite
    def draw(draw_from: st.DrawFn) -> str:
        chosen = in_path + draw_from(st.lists(st.sampled_from(in_query), unique=True,
                                              max_size=3)) if in_query else in_path
        return _url(path, where, {name: draw_from(values[name]) for name in chosen})

    return draw()


def _url(path: str, where: dict[str, str], values: dict[str, Any]) -> str:
    for name, value in values.items():
        if where[name] == "path":
            path = path.replace("{" + name + "}", quote(value, safe=""))
    query = httpx.QueryParams({n: v for n, v in values.items() if where[n] == "query"})
    return f"{path}?{query}" if query else path


def test_every_api_route_is_drawn(client: TestClient):
    assert sorted(parameters_of(client)) == sorted(API_ROUTES)


@pytest.mark.parametrize("path", API_ROUTES)
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_api_answers_json_and_never_a_server_error(client: TestClient, path: str,
                                                    data: st.DataObject):
    url = data.draw(request_of(path, parameters_of(client)[path]), label="url")
    response = client.get(url)
    assert response.status_code < 500, (url, response.text)
    assert response.headers["content-type"] == "application/json", url
    response.json()
