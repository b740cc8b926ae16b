"""The progress display on stderr: counts, rate and ETA for a person at a terminal, nothing else."""

from __future__ import annotations

import io
import json
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from newsevents.cli import app, articles, cli
from newsevents.cli.app import Context, progress_display, shows_progress
from newsevents.cli.articles import expected_records, is_record
from newsevents.cli.tools import benchmark_counter
from newsevents.config import Settings
from newsevents.evaluation import SEED_FILES
from newsevents.ingest import iter_inputs


def terminal() -> Console:
    return Console(file=io.StringIO(), force_terminal=True, width=160, color_system=None)


def ticking(step: float) -> Iterator[float]:
    now = 0.0
    while True:
        yield now
        now += step


def rendered(total: int | None, done: int, seconds_each: float, unit: str = "articles") -> str:
    """The display after ``done`` items, one every ``seconds_each`` seconds of a fake clock."""
    console = terminal()
    clock = ticking(seconds_each)
    progress = progress_display(console, get_time=lambda: next(clock))
    task = progress.add_task("Coding events", total=total, unit=unit)
    for _ in range(done):
        progress.advance(task)
    console.print(progress.get_renderable())
    return console.file.getvalue()


def test_progress_display_shows_count_of_total_rate_and_eta():
    shown = rendered(total=200, done=10, seconds_each=0.5)
    assert "Coding events" in shown
    assert "10/200 articles" in shown
    assert "2.0/s" in shown
    assert "ETA 0:01:35" in shown  # 190 left at 2 a second


def test_progress_display_without_a_total_shows_count_and_rate_but_no_eta():
    shown = rendered(total=None, done=10, seconds_each=0.5)
    assert "10 articles" in shown
    assert "/200" not in shown
    assert "2.0/s" in shown
    assert "ETA" not in shown


def test_progress_display_gives_slow_rates_per_minute():
    assert "2.0/min" in rendered(total=5, done=3, seconds_each=30, unit="benchmarks")


@pytest.mark.parametrize(("verbosity", "is_terminal", "shown"), [
    (0, True, True),
    (1, True, True),
    (-1, True, False),   # --quiet
    (0, False, False),   # a pipe or a log file
])
def test_shows_progress_only_at_a_terminal_without_quiet(
    tmp_path: Path, verbosity: int, is_terminal: bool, shown: bool
):
    console = Console(file=io.StringIO(), force_terminal=is_terminal)
    assert shows_progress(Context(tmp_path / "x.db", verbosity), console) is shown


@pytest.mark.parametrize(("quiet", "shown"), [((), True), (("-q",), False)])
def test_ingest_progress_at_a_terminal_unless_quiet(
    mixed_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    quiet: tuple[str, ...], shown: bool,
):
    console = terminal()
    monkeypatch.setattr(app, "err", console)
    CliRunner().invoke(cli, [*quiet, "ingest", str(mixed_folder), "--db", str(tmp_path / "x.db")])
    assert ("5/5 articles" in console.file.getvalue()) is shown


def test_ingest_in_a_pipe_shows_no_progress_and_counts_nothing_up_front(
    mixed_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    def no_counting(paths: object) -> int:
        raise AssertionError("inputs counted for a display nobody sees")

    monkeypatch.setattr(articles, "expected_records", no_counting)
    result = CliRunner().invoke(cli, ["ingest", str(mixed_folder), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 0, result.output
    assert "Ingesting" not in result.output
    assert "2 articles read" in result.output


def write_folder(root: Path, files: dict[str, str]) -> Path:
    root.mkdir()
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


RECORD = json.dumps({"text": "Egypt called for a ceasefire in Libya on Sunday, officials said."})
FOLDERS = {
    "text and html": {"a.txt": "Talks\n\nTurkey hosted talks in Ankara on Tuesday.\n",
                      "b.html": "<html><body><p>Egypt called for a ceasefire.</p></body></html>"},
    "jsonl with blank lines": {"feed.jsonl": f"{RECORD}\n\n{RECORD}\n  \n{{broken\n"},
    "empty jsonl": {"feed.jsonl": ""},
    "csv with a multi-line text": {
        "feed.csv": 'id,text\n1,"Egypt called for a ceasefire.\nOfficials said so."\n'
                    '2,Turkey hosted talks in Ankara on Tuesday.\n'},
    "unsupported file in a folder": {"notes.md": "# notes", "a.txt": "Egypt called for talks.\n"},
}


@pytest.mark.parametrize("files", FOLDERS.values(), ids=FOLDERS.keys())
def test_expected_records_counts_what_reading_gives(tmp_path: Path, files: dict[str, str]):
    folder = write_folder(tmp_path / "inbox", files)
    read = sum(is_record(item) for item in iter_inputs([str(folder)]))
    assert expected_records([str(folder)]) == read


def test_expected_records_of_the_mixed_folder(mixed_folder: Path):
    assert expected_records([str(mixed_folder)]) == 5


@pytest.mark.parametrize("name", ["-", "crawl.warc.gz", "list.json"])
def test_expected_records_is_unknown_for_stdin_warc_and_json(tmp_path: Path, name: str):
    if name != "-":
        (tmp_path / name).write_bytes(b"[]")
        name = str(tmp_path / name)
    assert expected_records([name]) is None


def test_eval_numbers_each_benchmark_it_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for relative in SEED_FILES:  # the inputs of "seeds" and "seed-dates" only
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text("x")
    console = terminal()
    monkeypatch.setattr(app, "err", console)
    on_start = benchmark_counter(Context(tmp_path / "x.db", 0), "all", tmp_path)
    on_start("running seed-dates …")
    on_start("running seeds …")
    lines = console.file.getvalue().splitlines()
    assert lines == ["running seed-dates … (1 of 2)", "running seeds … (2 of 2)"]


@pytest.mark.model
@pytest.mark.parametrize("workers", [[], ["--workers", "2"]])  # ingest, then code; or both at once
def test_run_and_extract_count_against_their_totals_at_a_terminal(
    mixed_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, workers: list[str]
):
    console = terminal()
    monkeypatch.setattr(app, "err", console)
    result = CliRunner().invoke(cli, ["run", str(mixed_folder), "--db", str(tmp_path / "x.db"),
                                      *workers])
    assert "2 articles coded" in result.output + console.file.getvalue()
    shown = console.file.getvalue()
    assert "5/5 articles" in shown  # ingest: two articles and three errors in their place
    assert "Coding events" in shown and "2/2 articles" in shown  # the two pending articles
    console = terminal()
    monkeypatch.setattr(app, "err", console)
    CliRunner().invoke(cli, ["extract", str(mixed_folder)])
    assert "5/5 articles" in console.file.getvalue()


@pytest.mark.parametrize(("name", "head", "expected"), [
    ("feed.jsonl", "", 2), ("feed.csv", "id,text\n", 2)])
def test_counting_for_the_progress_display_never_reads_a_huge_line_whole(
        tmp_path: Path, name: str, head: str, expected: int) -> None:
    cap = Settings().max_record_bytes
    huge = "x" * (6 * cap)  # a bomb line: one problem
    path = tmp_path / name
    path.write_text(f"{head}{huge}\n{RECORD if name.endswith('jsonl') else '2,Talks.'}\n",
                    encoding="utf-8")
    del huge
    tracemalloc.start()
    try:
        assert expected_records([str(path)]) == expected
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 3 * cap, peak  # a chunk of the cap at a time, never the 6 caps of the line
