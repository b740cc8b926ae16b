"""SIGKILL of `newsevents run` at random points, then a re-run: the database ends exactly as one
uninterrupted run leaves it (every row: events, their actors' codes, learned actors, clusters,
stories, counts), it is sound after the kill and after the re-run, and no process of the killed
run is left behind — with one worker and with two.

The corpus is the sample and four articles in which actors learned early change how later
articles are coded (tests/reliability), so a learned actor that leaked from the killed run into
the re-run would show. Half the kill points are delays spread over the measured length of an
uninterrupted run (start-up, migrations, ingest, model loading, coding, linking, stories); the
other half come when a random number of articles has been coded, so that coding is always hit.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.store import Store

from tests.reliability import CORPUS_ARTICLES, make_corpus, store_rows

pytestmark = [pytest.mark.model,
              pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="reads /proc")]

# Kill points per worker count: 10 and 10, as issue #13 asks (about two and a half minutes on
# two cores); NEWSEVENTS_KILL_TRIALS=N sets another number for both.
TRIALS = {1: 10, 2: 10}
if os.environ.get("NEWSEVENTS_KILL_TRIALS"):
    TRIALS = dict.fromkeys(TRIALS, int(os.environ["NEWSEVENTS_KILL_TRIALS"]))
SEED = 13
MARKER = "NEWSEVENTS_KILL_TRIAL"  # in the environment of every process a run starts
CLI = [sys.executable, "-c", "from newsevents.cli import main; main()"]
POLL = 0.01  # seconds
LEFTOVER_GRACE = 10.0  # seconds a worker may take to notice its parent is gone


@dataclass(frozen=True, slots=True)
class KillPoint:
    """After ``seconds``, or once ``coded`` articles are stored as coded."""

    seconds: float | None = None
    coded: int | None = None


@dataclass(slots=True)
class Trial:
    point: KillPoint
    killed: bool = False  # still running when the kill came
    coded: int = 0  # articles coded when it was killed


def kill_points(rng: random.Random, duration: float, count: int) -> list[KillPoint]:
    """Half spread over ``duration`` (one in each slice, at a random place in it), half after a
    random count of coded articles."""
    timed = count // 2
    points = [KillPoint(seconds=duration * (i + rng.random()) / timed) for i in range(timed)]
    points += [KillPoint(coded=rng.randint(1, CORPUS_ARTICLES - 2))
               for _ in range(count - timed)]
    return points


def start(db: Path, corpus: Path, workers: int, marker: str) -> subprocess.Popen[bytes]:
    command = [*CLI, "--db", str(db), "-q", "run", "--workers", str(workers), str(corpus)]
    return subprocess.Popen(command, env={**os.environ, MARKER: marker},
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def coded(db: Path) -> int:
    """Articles stored as coded, read as another process would; 0 while there is no table."""
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True, timeout=0.1)
    except sqlite3.Error:
        return 0
    try:
        return int(conn.execute("SELECT count(*) FROM extractions").fetchone()[0])
    except sqlite3.Error:  # not created, or not migrated, yet
        return 0
    finally:
        conn.close()


def marked(marker: str) -> list[int]:
    """Live processes (zombies aside) whose environment carries ``marker``."""
    found = []
    needle = f"{MARKER}={marker}\0".encode()
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            environ = Path(f"/proc/{name}/environ").read_bytes()
            state = Path(f"/proc/{name}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except (OSError, IndexError):
            continue
        if needle in environ + b"\0" and state != "Z":
            found.append(int(name))
    return found


def leftovers(marker: str) -> list[int]:
    """The processes of a killed run still there after the grace time; they are killed."""
    deadline = time.monotonic() + LEFTOVER_GRACE
    while (left := marked(marker)) and time.monotonic() < deadline:
        time.sleep(0.05)
    for pid in left:  # only our own descendants carry the marker
        os.kill(pid, signal.SIGKILL)
    return left


def kill_at(point: KillPoint, db: Path, corpus: Path, workers: int, marker: str) -> Trial:
    trial = Trial(point)
    process = start(db, corpus, workers, marker)
    began = time.monotonic()
    while process.poll() is None:
        if point.seconds is not None and time.monotonic() - began >= point.seconds:
            break
        if point.coded is not None and coded(db) >= point.coded:
            break
        time.sleep(POLL)
    trial.killed = process.poll() is None
    process.kill()
    process.wait()
    trial.coded = coded(db)
    return trial


def integrity(db: Path) -> list[str]:
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return [row[0] for row in conn.execute("PRAGMA integrity_check")]
    finally:
        conn.close()


def run_to_end(db: Path, corpus: Path, workers: int, marker: str) -> float:
    """`newsevents run` to the end; how long it took."""
    began = time.monotonic()
    process = start(db, corpus, workers, marker)
    assert process.wait(timeout=300) == 0
    return time.monotonic() - began


def run_again(db: Path, corpus: Path, workers: int, marker: str, *, through_cli: bool) -> None:
    """The re-run: `newsevents run`, or what it calls (``pipeline.run``) in this process, where
    the model stays loaded from one trial to the next (seconds less each)."""
    if through_cli:
        run_to_end(db, corpus, workers, marker)
        return
    with Store(db) as store:
        pipeline.run([str(corpus)], store, Settings(workers=workers))


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("kill") / "articles")


@pytest.fixture(scope="module")
def uninterrupted(corpus: Path, tmp_path_factory: pytest.TempPathFactory
                  ) -> Iterator[dict[int, tuple[Path, float]]]:
    """One uninterrupted run per worker count: its database and how long it took."""
    folder = tmp_path_factory.mktemp("uninterrupted")
    yield {workers: (folder / f"{workers}.db",
                     run_to_end(folder / f"{workers}.db", corpus, workers, f"ref{workers}"))
           for workers in (1, 2)}


def test_one_and_two_workers_store_the_same(uninterrupted: dict[int, tuple[Path, float]]) -> None:
    one, two = store_rows(uninterrupted[1][0]), store_rows(uninterrupted[2][0])
    assert len(one["events"]) > 100 and one["actors"]
    assert two == one


@pytest.mark.parametrize("workers", [1, 2])
def test_a_run_killed_anywhere_then_run_again_stores_what_one_run_stores(
    workers: int, corpus: Path, uninterrupted: dict[int, tuple[Path, float]], tmp_path: Path
) -> None:
    reference, duration = uninterrupted[workers]
    want = store_rows(reference)
    rng = random.Random(SEED + workers)
    trials = []
    points = kill_points(rng, duration, TRIALS[workers])
    for number, point in enumerate(points):
        db, marker = tmp_path / f"trial{number}.db", f"{tmp_path.name}-{number}"
        trial = kill_at(point, db, corpus, workers, marker)
        trials.append(trial)
        assert leftovers(marker) == [], f"processes left by the run killed at {point}"
        assert integrity(db) in ([], ["ok"]), f"after the kill at {point}"
        # the first re-run is `newsevents run` with as many workers; the others are quicker
        run_again(db, corpus, workers if number == 0 else 1, marker, through_cli=number == 0)
        got = store_rows(db)
        assert [t for t in want if got[t] != want[t]] == [], f"re-run after the kill at {point}"
        with Store(db) as store:
            assert store.check_integrity() == []
        assert leftovers(marker) == []
    # the test means something only if the kills came while the run was working, coding too
    by_count = [t for t in trials if t.point.coded is not None]
    while_coding = [t for t in by_count if t.killed and 0 < t.coded < CORPUS_ARTICLES]
    assert sum(t.killed for t in trials) >= len(by_count), trials
    # (with two workers results reach the store in bursts, so a count can be passed over)
    assert len(while_coding) >= max(1, len(by_count) // 2), trials
