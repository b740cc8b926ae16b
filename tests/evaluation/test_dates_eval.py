"""The date benchmarks of evaluation/dates.py and evaluation/tempeval.py: scorers on hand-made input, the three run_*
functions on small slices of ../shared (skipped, saying why, without it)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from newsevents.evaluation import dates, tempeval
from newsevents.models import DateValue, Precision, TimeExpression, TimexType

T17 = Path("external") / "t17_libya"
TEMPEVAL = Path("external") / "tempeval3" / "te3-platinum"


def need(shared: Path, relative: Path | str) -> Path:
    path = shared / relative
    if not path.exists():
        pytest.skip(f"{path} not found (set NEWSEVENTS_SHARED)")
    return path


def month(y: int, m: int) -> DateValue:
    return DateValue(dt.date(y, m, 1), Precision.MONTH)


@pytest.mark.parametrize(
    ("guess", "expected"),
    [
        (DateValue(dt.date(2011, 3, 17)), True),
        (DateValue(dt.date(2011, 3, 16)), False),
        (DateValue(dt.date(2011, 3, 14), Precision.WEEK), True),
        (month(2011, 3), True),
        (month(2011, 4), False),
        (DateValue(dt.date(2011, 1, 1), Precision.YEAR), True),
    ],
)
def test_holds_checks_the_answered_period(guess: DateValue, expected: bool) -> None:
    assert dates.holds(guess, dt.date(2011, 3, 17)) is expected


def test_grade_counts_rates_and_honesty_per_outlet() -> None:
    root = Path("t17/LibyaWar_cnn/InputDocs/2011-03-17")
    pages = [dates.DatedPage(root / f"{i}.htm.txt", dt.date(2011, 3, 17), "") for i in range(4)]
    answers = [DateValue(dt.date(2011, 3, 17)), DateValue(dt.date(2011, 3, 18)),
               month(2011, 4), None]
    result = dates.grade(pages, answers)
    assert (result["exact_day"], result["within_1_day"], result["same_month"]) == (0.25, 0.5, 0.5)
    assert result["no_date"] == 1 and result["answered"] == 3
    assert result["honesty"] == round(1 / 3, 4)
    assert result["by_precision"]["month"] == {"answers": 1, "honesty": 0.0}
    assert result["by_outlet"]["cnn"]["articles"] == 4


def test_match_relaxed_uses_each_expression_once() -> None:
    gold = (tempeval.Gold(0, 6, "Friday", "DATE", "x"), tempeval.Gold(7, 13, "Monday", "DATE", "y"))
    system = [TimeExpression(0, 13, "Friday Monday", TimexType.DATE, "x")]
    assert len(tempeval.match_relaxed(gold, system)) == 1


@pytest.mark.shared
def test_read_timeml_keeps_gold_offsets_and_mods(shared: Path) -> None:
    need(shared, TEMPEVAL)
    documents = tempeval.tempeval_documents(shared)
    assert len(documents) == 20 and all(doc.dct is not None for doc in documents)
    assert all(doc.text[g.start : g.end] == g.text for doc in documents for g in doc.gold)
    assert sum(g.mod is not None for doc in documents for g in doc.gold) == 10


@pytest.mark.shared
def test_run_tempeval3_reports_sane_figures(shared: Path) -> None:
    need(shared, TEMPEVAL)
    result = tempeval.run_tempeval3(shared)
    assert result["documents"] == 20 and result["gold"] == 138
    for name in ("strict", "relaxed"):
        assert 0.5 <= result[name]["f1"] <= 1.0
    assert result["strict"]["f1"] <= result["relaxed"]["f1"]
    assert 0.5 <= result["value"]["f1"] <= result["relaxed"]["f1"]
    assert 0 <= result["mod"]["correct"] <= result["mod"]["gold"]
    assert result["anchors"]["heideltime_value_f1"] == 0.776


@pytest.fixture()
def t17_slice(shared: Path, tmp_path: Path) -> Path:
    """Six Timeline17 pages (three per outlet) copied into a shared-shaped temporary folder."""
    source = need(shared, T17)
    for outlet in ("LibyaWar_cnn", "LibyaWar_reuters"):
        pages = sorted((source / outlet / "InputDocs").glob("2011-03-2*/*.txt"))[:3]
        for page in pages:
            target = tmp_path / T17 / outlet / "InputDocs" / page.parent.name / page.name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(page, target)
    return tmp_path


@pytest.mark.shared
@pytest.mark.model
def test_run_pubdate_t17_grades_text_only_and_hinted(t17_slice: Path) -> None:
    result = dates.run_pubdate_t17(t17_slice, stride=2)
    assert result["text_only"]["articles"] == 6
    assert result["hinted"]["articles"] == 3 and result["hinted"]["stride"] == 2
    assert result["text_only_sample"]["articles"] == 3
    for run in ("text_only", "hinted", "text_only_sample"):
        figures = result[run]
        assert 0.0 <= figures["exact_day"] <= figures["within_1_day"] <= 1.0
        assert figures["answered"] + figures["no_date"] == figures["articles"]
        assert 0.0 <= figures["honesty"] <= 1.0
        assert set(figures["by_outlet"]) <= {"cnn", "reuters"}
    assert "latest_explicit_is_day" in result["text_only"]["baselines"]


@pytest.mark.shared
@pytest.mark.model
def test_run_seed_dates_claims_no_more_than_the_text_pins(shared: Path) -> None:
    need(shared, "seeds")
    result = dates.run_seed_dates(shared)
    files = result["files"]
    assert len(files) == 5
    first = files["000_d6a28646b835d821.txt"]
    assert (first["date"], first["precision"], first["source"]) == ("2011-07-13", "day", "dateline")
    assert first["evidence"].startswith('dateline "13th July 2011')
    for name, found in files.items():
        assert found["evidence"], name
        if name != "000_d6a28646b835d821.txt":  # no dateline: never a day the text does not pin
            assert found["precision"] != "day", name
    assert result["dated"] == sum(f["date"] is not None for f in files.values())
