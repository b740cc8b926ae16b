"""CSV that Python's csv module reads back with its default settings, however long a text."""

from __future__ import annotations

import csv
import io

from newsevents.formats import CSV_CELL_LIMIT, csv_cell, write_csv


def test_write_csv_long_text_reads_back_with_default_field_size_limit():
    text = ("word " * 27_000).strip()  # 135 kB, over csv.field_size_limit()'s 131072
    assert len(text) > csv.field_size_limit()
    out = io.StringIO()
    write_csv([{"id": "a1", "text": text}], out, ("id", "text"))
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["id"] == "a1" and len(row["text"]) <= CSV_CELL_LIMIT


def test_csv_cell_says_it_was_cut_and_how_long_the_text_was():
    cell = csv_cell("abc " * 100, limit=120)
    assert len(cell) <= 120 and cell.endswith("[cut: 400 characters in all; --format jsonl "
                                              "has the whole text]")
    assert cell.startswith("abc abc") and " ab " not in cell


def test_csv_cell_leaves_short_text_and_other_values_alone():
    assert [csv_cell(v, limit=10) for v in ("short", 12345678901, None)] == [
        "short", 12345678901, None]


def test_write_csv_nested_values_are_json_text():
    out = io.StringIO()
    write_csv([{"id": "a1", "cut": {"comments": 3}}], out, ("id", "cut"))
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["cut"] == '{"comments": 3}'
