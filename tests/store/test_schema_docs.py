"""docs/schema.md describes every table and every column the migrations create."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.store import Store

SCHEMA_DOC = Path(__file__).resolve().parents[2] / "docs" / "schema.md"


def _tables(store: Store) -> dict[str, list[str]]:
    conn = store._conn  # the test reads the schema itself, as SQLite reports it
    names = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name NOT LIKE '%_fts_%'")]
    return {name: [r[1] for r in conn.execute(f"PRAGMA table_info({name})")] for name in names}


@pytest.fixture(scope="module")
def tables() -> dict[str, list[str]]:
    with Store(":memory:") as store:
        return _tables(store)


def test_schema_doc_names_every_table(tables: dict[str, list[str]]):
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    assert [t for t in tables if f"`{t}`" not in doc] == []


def test_schema_doc_names_every_column(tables: dict[str, list[str]]):
    doc = SCHEMA_DOC.read_text(encoding="utf-8")
    missing = [f"{t}.{c}" for t, cols in tables.items() for c in cols if f"`{c}`" not in doc]
    assert missing == []
