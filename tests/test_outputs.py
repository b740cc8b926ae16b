"""Output files: written whole or not at all; spreadsheet formulas neutralised (issue #13)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

from newsevents.cli.app import atomic_output, output_stream
from newsevents.errors import NewsEventsError
from newsevents.export import write_cameo_tsv
from newsevents.formats import inert, write_csv


@pytest.mark.parametrize(("value", "written"), [
    ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
    ("+1 555", "'+1 555"), ("-rebels", "'-rebels"), ("@SUM(A1)", "'@SUM(A1)"),
    ("Russia's plan", "Russia's plan"), (-9.0, -9.0), (None, None),
])
def test_formula_like_text_gets_an_apostrophe(value, written) -> None:
    assert inert(value) == written


def test_csv_and_tsv_neutralise_unless_raw() -> None:
    rows = [{"title": "=cmd|' /C calc'!A0", "n": -2.0}]
    safe, raw = io.StringIO(), io.StringIO()
    write_csv(rows, safe, ("title", "n"))
    write_csv(rows, raw, ("title", "n"), raw=True)
    assert next(csv.DictReader(io.StringIO(safe.getvalue())))["title"].startswith("'=")
    assert next(csv.DictReader(io.StringIO(raw.getvalue())))["title"].startswith("=")
    tsv = io.StringIO()
    write_cameo_tsv([{"Sentence": "=1+1"}], tsv)
    assert "\t'=1+1" in tsv.getvalue() or "'=1+1" in tsv.getvalue()


def test_a_failed_write_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    with pytest.raises(RuntimeError), output_stream(target) as out:
        out.write("half a file")
        raise RuntimeError("disk full, say")
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_a_missing_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(NewsEventsError, match="does not exist"), \
            atomic_output(tmp_path / "no" / "such" / "out.csv"):
        pass


def test_a_finished_write_replaces_the_file(tmp_path: Path) -> None:
    target = tmp_path / "events.csv"
    target.write_text("old")
    with output_stream(target) as out:
        out.write("new")
    assert target.read_text() == "new" and sorted(p.name for p in tmp_path.iterdir()) == [
        "events.csv"]
