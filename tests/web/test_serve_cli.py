"""``newsevents serve``: what it hands uvicorn, the databases it refuses before listening, and
that the rest of the CLI does not pay for importing the web stack."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import uvicorn
from click.testing import CliRunner
from fastapi import FastAPI

from newsevents.cli import cli
from newsevents.cli.serve import is_loopback
from tests.store.test_migrations import make_version_1
from tests.web.site_store import build_site_store


@pytest.fixture()
def served(monkeypatch: pytest.MonkeyPatch) -> dict:
    """What ``uvicorn.run`` was called with (nothing listens)."""
    calls: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **options: calls.update(app=app, **options))
    return calls


def test_serve_binds_to_this_machine_by_default(tmp_path: Path, served: dict):
    db = build_site_store(tmp_path / "site.db")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert isinstance(served["app"], FastAPI)
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert "read-only" in result.output and "warning" not in result.output


def test_serve_warns_when_listening_beyond_this_machine(tmp_path: Path, served: dict):
    db = build_site_store(tmp_path / "site.db")
    result = CliRunner().invoke(cli, ["serve", "--db", str(db), "--host", "0.0.0.0",
                                      "--port", "9000"])
    assert result.exit_code == 0, result.output
    assert (served["host"], served["port"]) == ("0.0.0.0", 9000)
    assert "anyone who can reach this address" in result.output


@pytest.mark.parametrize(("host", "expected"), [
    ("127.0.0.1", True), ("::1", True), ("localhost", True), ("127.0.0.2", True),
    ("0.0.0.0", False), ("192.168.1.5", False), ("example.org", False),
])
def test_is_loopback(host: str, expected: bool):
    assert is_loopback(host) is expected


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: None, "no such database"),
    (lambda p: p.write_text("not a database"), "not a SQLite database"),
    (make_version_1, "older than this newsevents"),
])
def test_serve_refuses_a_database_it_cannot_serve_before_listening(tmp_path: Path, served: dict,
                                                                   make, message: str):
    path = tmp_path / "x.db"
    make(path)
    result = CliRunner().invoke(cli, ["serve", "--db", str(path)])
    assert result.exit_code != 0 and not served
    assert message in str(result.exception)


def test_cli_help_does_not_import_the_web_stack():
    code = ("import sys; from newsevents.cli import cli; "
            "print(sorted(m for m in ('fastapi', 'uvicorn', 'starlette') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_serve_is_in_the_cli_help():
    assert "serve" in CliRunner().invoke(cli, ["--help"]).output
