"""Fixtures for the store tests: a fresh database and an ``add`` that signs articles."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsevents.models import Article
from newsevents.store import AddReport, Store

from tests.store.minhash_standin import band_keys, minhash


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "news.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(db_path) as opened:
        yield opened


@pytest.fixture
def peek(store: Store, db_path: Path) -> Callable[[str], list[tuple]]:
    """``peek(sql)``: rows read through a second connection, as another process would see them."""

    def read(sql: str) -> list[tuple]:
        conn = sqlite3.connect(db_path)
        try:
            return conn.execute(sql).fetchall()
        finally:
            conn.close()

    return read


@pytest.fixture
def add(store: Store) -> Callable[..., AddReport]:
    """``add(*articles)``: one add_articles call with stand-in signatures."""

    def add_all(*articles: Article, threshold: float = 0.8) -> AddReport:
        batch = [(article, minhash(article.text)) for article in articles]
        return store.add_articles(batch, threshold=threshold, band_keys=band_keys)

    return add_all
