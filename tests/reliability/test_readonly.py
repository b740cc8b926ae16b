"""Read commands on a database in a folder nothing can be written to: they open it read-only,
give what they give on a writable copy, and leave every file as it was — whether the database
was closed cleanly, left by a killed writer (its ``-wal`` and ``-shm`` beside it), or has only
its ``-wal`` (committed rows nowhere else).

The folder is made read-only by a read-only bind mount (root, in a mount namespace of its own)
and by permissions (chmod 555/444, the commands run as a user who is not root: root writes
through permissions). A way this machine does not allow is skipped, saying why; the check that
every read command opens only read-only connections runs everywhere.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.errors import StoreError
from newsevents.store import Store, connection, database
from tests.hand_store import RUSSIA
from tests.web.site_store import EVIL_ID, LearnedName, build_site_store

LATE_ACTOR = "Vitaly Churkin"  # written by the "killed writer": only in its -wal file
READ_COMMANDS = (
    ("events", "--format", "jsonl"),
    ("events", "--clusters"),
    ("export", "--format", "cameo-tsv"),
    ("articles",),
    ("articles", "show", EVIL_ID, "--format", "json"),
    ("stats",),
    ("show", "aa11bb22cc33dd44"),
    ("stories", "--format", "jsonl"),
    ("timeline", "--actor", RUSSIA.code, "--format", "json"),
    ("activity", "--actor", RUSSIA.code, "--format", "csv"),
    ("actors", "list", "--format", "jsonl"),
)
# Runs every read command in one process (one start-up), printing [exit code, stdout] of each.
READ_ALL = """
import json, sys
from click.testing import CliRunner
from newsevents.cli import cli
from newsevents.errors import StoreError
db, commands = sys.argv[1], json.loads(sys.argv[2])
results = [CliRunner().invoke(cli, ["--db", db, *command]) for command in commands]
print(json.dumps([[r.exit_code, r.stdout, r.stderr] for r in results]))
"""
# A writer that commits an actor and is killed before anything checkpoints its log.
KILLED_WRITER = f"""
import datetime as dt, os, signal, sys
from newsevents.store import Store
from tests.web.site_store import LearnedName
store = Store(sys.argv[1])
store._conn.execute("PRAGMA wal_autocheckpoint = 0")
store.upsert_actors([LearnedName({LATE_ACTOR!r}, ("Churkin",), "RUS", "GOV")], dt.date(2011, 3, 9))
os.kill(os.getpid(), signal.SIGKILL)
"""
ROOT = Path(__file__).resolve().parents[2]


def closed(db: Path) -> None:
    """Closed cleanly: the log checkpointed and removed; the file alone."""
    with Store(db) as store:  # a writer that ends normally
        store.upsert_actors([LearnedName(LATE_ACTOR, ("Churkin",), "RUS", "GOV")],
                            dt.date(2011, 3, 9))


def killed_writer(db: Path) -> None:
    """A writer killed after its commit: ``-wal`` (holding the commit) and ``-shm`` beside it."""
    subprocess.run([sys.executable, "-c", KILLED_WRITER, str(db)], cwd=ROOT, check=False)


def log_without_index(db: Path) -> None:
    """Only the ``-wal`` (a copy made without the ``-shm``): SQLite cannot open it with
    ``mode=ro`` where it cannot create the ``-shm``."""
    killed_writer(db)
    Path(f"{db}-shm").unlink()


LAYOUTS: dict[str, tuple[Callable[[Path], None], tuple[str, ...]]] = {
    "closed": (closed, ("news.db",)),
    "killed writer": (killed_writer, ("news.db", "news.db-shm", "news.db-wal")),
    "log without index": (log_without_index, ("news.db", "news.db-wal")),
}


def make_layout(folder: Path, layout: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    db = build_site_store(folder / "news.db")
    make, expected = LAYOUTS[layout]
    make(db)
    assert tuple(sorted(p.name for p in folder.iterdir())) == expected
    return db


def fingerprint(folder: Path) -> dict[str, tuple[str, int]]:
    """Each file's digest and modification time, by name."""
    return {path.name: (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(folder.iterdir())}


def read_all(db: Path, wrap: list[str]) -> list[list]:
    """[exit code, stdout, stderr] of each read command, run in one process started by the
    command prefix ``wrap``."""
    commands = json.dumps([list(command) for command in READ_COMMANDS])
    done = subprocess.run([*wrap, sys.executable, "-c", READ_ALL, str(db), commands], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def read_here(db: Path) -> list[str]:
    """The stdout of each read command, run in this process."""
    return [CliRunner().invoke(cli, ["--db", str(db), *command]).stdout
            for command in READ_COMMANDS]


def works(command: list[str]) -> bool:
    try:
        return subprocess.run(command, capture_output=True, timeout=60).returncode == 0
    except OSError:
        return False


def read_only_mount(folder: Path) -> list[str]:
    """The command prefix that runs a command with ``folder`` mounted read-only over itself."""
    if not shutil.which("unshare"):
        pytest.skip("no unshare: cannot mount a folder read-only")
    prefix = ["unshare", "--mount", "--", "sh", "-c",
              'mount --bind -o ro "$1" "$1" && shift && exec "$@"', "sh", str(folder)]
    if not works([*prefix, "sh", "-c", f"! touch '{folder}/probe' 2>/dev/null"]):
        pytest.skip("mount namespaces with a read-only bind mount are not allowed here")
    return prefix


AS_NOBODY = ("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups")


@functools.cache
def can_run_as_nobody() -> bool:
    return bool(shutil.which("setpriv")) and works(
        [*AS_NOBODY, sys.executable, "-c", "import newsevents"])


def without_write_permission(folder: Path) -> list[str]:
    """chmod 555 the folder and 444 its files; the prefix that runs a command as a user the
    permissions bind (root is not bound by them)."""
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    if os.geteuid() != 0:
        return []
    if not can_run_as_nobody():
        pytest.skip("running as root, and cannot run as another user: permissions bind nobody")
    prefix = list(AS_NOBODY)
    if works([*prefix, "sh", "-c", f"touch '{folder}/probe'"]):
        pytest.skip("the other user can still write in the folder")
    return prefix


@pytest.fixture
def scratch() -> Iterator[Path]:
    """A folder another user may reach (pytest's own are private to their owner)."""
    folder = Path(tempfile.mkdtemp(prefix="newsevents-ro-"))
    folder.chmod(0o755)
    yield folder
    for path in folder.rglob("*"):
        if path.is_dir():
            path.chmod(0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("how", [read_only_mount, without_write_permission],
                         ids=["read-only mount", "no write permission"])
def test_read_commands_work_in_a_read_only_folder_and_change_nothing(
    scratch: Path, layout: str, how: Callable[[Path], list[str]]
) -> None:
    db = make_layout(scratch / "ro", layout)
    copy = shutil.copytree(db.parent, scratch / "copy") / db.name
    before = fingerprint(db.parent)
    got = read_all(db, how(db.parent))
    assert [code for code, *_ in got] == [0] * len(READ_COMMANDS), [err for *_, err in got]
    assert [out for _, out, _ in got] == read_here(copy)  # what a writable copy gives
    assert LATE_ACTOR in got[READ_COMMANDS.index(("actors", "list", "--format", "jsonl"))][1]
    assert fingerprint(db.parent) == before


def test_report_in_a_read_only_folder_writes_its_file_elsewhere(scratch: Path) -> None:
    db = make_layout(scratch / "ro", "log without index")
    prefix = read_only_mount(db.parent)
    before = fingerprint(db.parent)
    out = scratch / "report.html"
    done = subprocess.run([*prefix, sys.executable, "-c", "from newsevents.cli import main; main()",
                           "--db", str(db), "report", "--actor", "RUS", "--output", str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "<html" in out.read_text(encoding="utf-8").lower()
    assert fingerprint(db.parent) == before


@pytest.mark.parametrize("command", READ_COMMANDS, ids=" ".join)
def test_read_commands_open_only_read_only_connections(
    command: tuple[str, ...], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The check that needs no mount and holds for root too: every connection a read command
    opens is read-only, and the database file is byte for byte and to the nanosecond as it
    was."""
    db = build_site_store(tmp_path / "news.db")
    opened: list[bool] = []
    real = database.open_connection

    def spy(path: str, timeout: float, *, read_only: bool = False):
        opened.append(read_only)
        return real(path, timeout, read_only=read_only)

    monkeypatch.setattr(database, "open_connection", spy)
    before = fingerprint(tmp_path)["news.db"]
    result = CliRunner().invoke(cli, ["--db", str(db), *command])
    assert result.exit_code == 0, result.output
    assert opened and all(opened)
    assert fingerprint(tmp_path)["news.db"] == before


def test_a_read_command_migrates_an_older_database_where_it_can_write(tmp_path: Path) -> None:
    from tests.store.test_migrations import make_version_1

    db = tmp_path / "old.db"
    make_version_1(db)
    result = CliRunner().invoke(cli, ["--db", str(db), "stats"])
    assert result.exit_code == 0, result.output
    with Store(db, read_only=True) as store:
        assert store.schema_version == database.LATEST_VERSION


def test_a_writable_folder_gets_the_usual_read_only_opening(tmp_path: Path) -> None:
    """In a writable folder the usual ``mode=ro`` opening serves; the fallbacks are for
    folders SQLite cannot write in."""
    db = make_layout(tmp_path / "w", "log without index")
    conn = connection.open_connection(str(db), 5.0, read_only=True)
    try:
        assert conn.execute("PRAGMA locking_mode").fetchone()[0] == "normal"
        assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
    finally:
        conn.close()


def test_a_hot_rollback_journal_is_not_read_past(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Where ``mode=ro`` cannot open a file beside which lies a rollback journal, reading the
    file alone would show an interrupted write half-done: the opening fails instead of falling
    back."""
    db = make_layout(tmp_path / "j", "closed")
    Path(f"{db}-journal").write_bytes(b"")

    def opening(path: str, timeout: float, parameters: str, **_: bool) -> object:
        if parameters != "mode=ro":
            return "a fallback opening"
        error = sqlite3.OperationalError("unable to open database file")
        error.sqlite_errorname = "SQLITE_CANTOPEN"  # type: ignore[attr-defined]
        raise error

    monkeypatch.setattr(connection, "_read_only_connection", opening)
    with pytest.raises(StoreError, match="cannot open database: unable to open"):
        connection.open_connection(str(db), 1.0, read_only=True)
    Path(f"{db}-journal").unlink()
    assert connection.open_connection(str(db), 1.0, read_only=True) == "a fallback opening"


def test_an_older_database_in_a_read_only_folder_is_refused_saying_what_to_do(
    scratch: Path,
) -> None:
    from tests.store.test_migrations import make_version_1

    folder = scratch / "old"
    folder.mkdir()
    make_version_1(folder / "old.db")
    prefix = read_only_mount(folder)
    done = subprocess.run([*prefix, sys.executable, "-c", "from newsevents.cli import main; main()",
                           "--db", str(folder / "old.db"), "stats"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    said = " ".join(done.stderr.split())  # the console wraps long lines
    assert done.returncode == 1
    assert "older than this newsevents" in said and "copy it to a folder" in said
    assert "Traceback" not in said
