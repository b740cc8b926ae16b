"""Events per month by the precision their dates have: year-only events are not January's."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.query import PeriodActivity, activity_of
from newsevents.models import DateValue, Precision
from newsevents.web.charts import activity_chart
from tests.hand_store import EVENTS, build_store

BASE = EVENTS["art-wire-1"][0]


def dated(value: str | None, quad: int = 3, intensity: float = -4.0):
    return replace(BASE, date=DateValue.parse(value) if value else None, quad_class=quad,
                   intensity=intensity)


def periods(*values: str | None) -> list[tuple[str, str, int]]:
    return [(p.period, p.precision.value, p.events) for p in activity_of(dated(v) for v in values)]


def test_activity_year_only_events_get_their_own_row_not_january():
    assert periods("2016", "2016-01-20", "2016-06") == [
        ("2016-01", "month", 1), ("2016-06", "month", 1), ("2016", "year", 1)]


def test_activity_month_precision_counts_in_its_month():
    assert periods("2011-03", "2011-03-31") == [("2011-03", "month", 2)]


def test_activity_week_counts_in_the_month_of_its_thursday():
    # 2011-W09 runs Monday 28 February to Sunday 6 March: most of it is March
    assert periods("2011-W09") == [("2011-03", "month", 1)]


def test_activity_undated_events_count_nowhere():
    assert periods(None, "2011") == [("2011", "year", 1)]


def test_activity_sums_intensity_and_quads():
    (row,) = activity_of([dated("2011-03", 1, 2.5), dated("2011-03-02", 4, -9.0)])
    assert (row.intensity, row.by_quad) == (-6.5, (1, 0, 0, 1))


def test_chart_fills_empty_months_and_names_year_only_counts():
    svg = activity_chart([
        PeriodActivity("2011-01", Precision.MONTH, 1, 1.0, (1, 0, 0, 0)),
        PeriodActivity("2011-04", Precision.MONTH, 2, -2.0, (0, 0, 2, 0)),
        PeriodActivity("2011", Precision.YEAR, 5, 3.0, (5, 0, 0, 0)),
    ])
    assert svg.count("<title>2011-0") == 4 * 4 + 4  # 4 months × 4 quads, 4 intensity bars
    assert "known only to the year: 2011: 5" in svg


def test_activity_csv_has_period_and_precision(tmp_path: Path):
    db = build_store(tmp_path / "hand.db")
    out = CliRunner().invoke(cli, ["--db", str(db), "activity", "--format", "csv"]).stdout
    rows = [(r["period"], r["precision"], r["events"]) for r in csv.DictReader(io.StringIO(out))]
    assert rows == [("2011-03", "month", "2"), ("2011", "year", "1")]


def test_activity_table_labels_year_only_rows(tmp_path: Path):
    db = build_store(tmp_path / "hand.db")
    out = CliRunner().invoke(cli, ["--db", str(db), "activity"]).stdout
    assert "2011 (year only)" in out and "2011-01" not in out
    assert max(len(line) for line in out.splitlines()) <= 80


def test_activity_a_day_in_january_is_still_january():
    assert periods("2011-01-01") == [("2011-01", "month", 1)]
