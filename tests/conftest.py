"""Fixtures shared by all tests: the shared gold-data folder and small article folders."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsevents.config import shared_dir


OPTIONAL_SHARED = "NEWSEVENTS_SHARED_OPTIONAL"  # set to 1 to run without the gold data


def pytest_sessionstart(session: pytest.Session) -> None:
    """The accuracy gate needs the gold data: without it the suite fails at once, saying why,
    rather than passing with the gate skipped (set NEWSEVENTS_SHARED_OPTIONAL=1 to skip those
    tests instead, e.g. on a machine that has no copy of ../shared)."""
    path = shared_dir()
    if not path.is_dir() and os.environ.get(OPTIONAL_SHARED) != "1":
        raise pytest.UsageError(
            f"shared gold data not found at {path.resolve()}: the accuracy gate cannot run. "
            f"Put it at ../shared, point NEWSEVENTS_SHARED at it, or set {OPTIONAL_SHARED}=1 "
            "to skip the tests that need it.")


@pytest.fixture(scope="session")
def shared() -> Path:
    """``../shared`` (or $NEWSEVENTS_SHARED); with NEWSEVENTS_SHARED_OPTIONAL=1, tests that need
    it skip, saying why, without it."""
    path = shared_dir()
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path.resolve()} (set NEWSEVENTS_SHARED)")
    return path


@pytest.fixture()
def mixed_folder(tmp_path: Path) -> Path:
    """Two good articles beside a binary file, an empty file and a JSONL file with a bad line."""
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "blob.txt").write_bytes(b"\x00\x01\x02binary\xff")
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text(
        '{"id": "a1", "text": "Russia rejected the proposal on Monday, officials in Moscow said."}\n'
        '{"id": broken\n'
    )
    (folder / "talks.txt").write_text(
        "Turkey hosts talks\n\nTurkey hosted talks with Iran in Ankara on Tuesday, the foreign "
        "ministry said in a statement.\n"
    )
    return folder
