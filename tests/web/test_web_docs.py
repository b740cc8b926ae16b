"""docs/web.md names every route of the app and every parameter of the API."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsevents.web import api, pages
from newsevents.web.app import create_app
from tests.web.site_store import build_site_store

WEB_DOC = Path(__file__).resolve().parents[2] / "docs" / "web.md"


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> TestClient:
    return TestClient(create_app(build_site_store(tmp_path_factory.mktemp("doc") / "site.db")))


def test_web_doc_names_every_route():
    doc = WEB_DOC.read_text(encoding="utf-8")
    paths = [route.path.replace(":path", "") for router in (pages.router, api.router)
             for route in router.routes]
    assert len(paths) >= 18
    assert [p for p in paths if f"`{p}" not in doc] == []
    assert all(f"`/events.{fmt}`" in doc for fmt in ("csv", "jsonl", "parquet"))


def test_web_doc_names_every_api_parameter(client: TestClient):
    doc = WEB_DOC.read_text(encoding="utf-8")
    paths = client.get("/openapi.json").json()["paths"]
    names = {p["name"] for item in paths.values() for p in item["get"].get("parameters", [])
             if p["in"] == "query"}
    assert sorted(n for n in names if f"`{n}`" not in doc) == []
