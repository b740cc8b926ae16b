"""A writer killed with SIGKILL mid-batch leaves a consistent database; re-running completes it."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.models import Article
from newsevents.store import Store

from tests.store.minhash_standin import band_keys, minhash

BATCHES = 20
BATCH_SIZE = 50
WRITER = """
import sys
sys.path.insert(0, {here!r})
from tests.store.minhash_standin import band_keys, minhash
from newsevents.models import Article
from newsevents.models import Article
from newsevents.store import Store

def text(i):
    return " ".join(f"a{{i}}w{{k}}" for k in range(12))

with Store({db!r}) as store:
    for start in range(0, {total}, {size}):
        numbers = range(start, start + {size})
        batch = [(Article(f"art{{i}}", text(i)), minhash(text(i))) for i in numbers]
        store.add_articles(batch, band_keys=band_keys)
        print(start, flush=True)
"""


def signed(i: int) -> tuple[Article, tuple[int, ...]]:
    """The writer's i-th article: words unique to it, so no two are near-duplicates."""
    text = " ".join(f"a{i}w{k}" for k in range(12))
    return Article(f"art{i}", text), minhash(text)


def kill_after_commits(db: Path, commits: int) -> None:
    code = WRITER.format(
        here=str(Path(__file__).parent), db=str(db), total=BATCHES * BATCH_SIZE, size=BATCH_SIZE
    )
    writer = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    assert writer.stdout is not None
    for _ in range(commits):
        assert writer.stdout.readline(), "writer exited early"
    os.kill(writer.pid, signal.SIGKILL)
    writer.wait(timeout=30)
    writer.stdout.close()
    assert writer.returncode == -signal.SIGKILL, "writer finished before it was killed"


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_store_killed_mid_batch_is_consistent_and_resumable(db_path: Path) -> None:
    kill_after_commits(db_path, commits=2)
    with Store(db_path) as store:
        stored = store.count_articles()
        assert store.check_integrity() == []
        assert stored % BATCH_SIZE == 0 and stored >= 2 * BATCH_SIZE  # whole batches only
        with sqlite3.connect(db_path) as conn:
            indexed = conn.execute("SELECT count(*) FROM articles_fts_docsize").fetchone()[0]
        assert indexed == stored
        total = BATCHES * BATCH_SIZE
        added = [
            store.add_articles([signed(i) for i in range(s, s + BATCH_SIZE)], band_keys=band_keys)
            for s in range(0, total, BATCH_SIZE)
        ]
        assert sum(len(r.existing) for r in added) == stored
        assert sum(len(r.new) for r in added) == total - stored
        assert store.count_articles() == total and store.stats()["duplicates"] == 0
        assert store.check_integrity() == []
