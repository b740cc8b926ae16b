"""Issue #13's disk cases end to end: an --output on a full disk, and a folder the user may
not read. Each runs the real command in a child process (a tiny tmpfs in a mount namespace for
the full disk; another user for the permissions, which do not bind root)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.hand_store import build_store
from tests.reliability.test_readonly import AS_NOBODY, can_run_as_nobody, works

CLI = [sys.executable, "-c", "from newsevents.cli import main; main()"]
LINUX = pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="Linux namespaces")


def on_a_full_disk(folder: Path) -> list[str]:
    """The prefix that runs a command with a full 8 kB tmpfs mounted on ``folder``."""
    if not shutil.which("unshare"):
        pytest.skip("no unshare: cannot mount a small file system")
    prefix = ["unshare", "--mount", "--", "sh", "-c",
              'mount -t tmpfs -o size=8k tmpfs "$1" && '
              'head -c 8192 /dev/zero > "$1/filler" 2>/dev/null; shift && exec "$@"',
              "sh", str(folder)]
    if not works([*prefix, "sh", "-c", f"! echo x > '{folder}/probe'"]):
        pytest.skip("mount namespaces with a tmpfs are not allowed here")
    return prefix


@LINUX
@pytest.mark.parametrize("command", [
    ["export", "--format", "plover-jsonl"], ["export", "--format", "csv"],
    ["events", "--format", "jsonl"], ["report"]])
def test_an_output_on_a_full_disk_is_one_error_line_and_no_file(
        tmp_path: Path, command: list[str]) -> None:
    db = build_store(tmp_path / "news.db")
    full = tmp_path / "full"
    full.mkdir()
    prefix = on_a_full_disk(full)
    target = full / "out.txt"
    listing = f"; ls -a '{full}'"
    shell = " ".join(f"'{part}'" for part in [*CLI, *command, "--db", str(db),
                                               "--output", str(target)])
    done = subprocess.run([*prefix, "sh", "-c", f"{shell}; echo rc=$?{listing}"],
                          capture_output=True, text=True, timeout=120)
    assert "rc=1" in done.stdout, (done.stdout, done.stderr)
    errors = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(errors) == 1 and "No space left on device" in errors[0], done.stderr
    assert "Traceback" not in done.stderr
    left = set(done.stdout.split("rc=1", 1)[1].split())
    assert left == {".", "..", "filler"}, left  # neither the file nor its temporary part


@LINUX
def test_a_folder_the_user_may_not_read_is_named_as_such(tmp_path: Path) -> None:
    if os.geteuid() == 0 and not can_run_as_nobody():
        pytest.skip("running as root, and cannot run as another user")
    shared = Path("/tmp") / f"newsevents-perm-{os.getpid()}"
    shared.mkdir()
    try:
        locked = shared / "locked"
        locked.mkdir()
        (locked / "a.txt").write_text("Russia condemned the strikes on Libya.\n")
        locked.chmod(0o000)
        shared.chmod(0o777)
        prefix = list(AS_NOBODY) if os.geteuid() == 0 else []
        done = subprocess.run([*prefix, *CLI, "ingest", str(locked), "--db",
                               str(shared / "n.db")], capture_output=True, text=True, timeout=120)
        assert done.returncode == 1, done.stderr
        assert f"{locked}: error: cannot read folder: Permission denied" in done.stderr
        assert "no such file" not in done.stderr.lower()
    finally:
        (shared / "locked").chmod(0o755)
        shutil.rmtree(shared)
