"""The HTML report: names in the title, linked sources, and every value from the text escaped."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from newsevents.cli import cli
from newsevents.query import PeriodActivity
from newsevents.models import Precision, TimelineEntry
from newsevents.web.report import ReportData, link, render_report
from tests.hand_store import ARTICLES, EVENTS, build_store

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'


def hostile_report() -> str:
    article = replace(ARTICLES[0], title=f"Veto {SCRIPT}{IMG}", url=f"https://example.org/{IMG}")
    event = replace(EVENTS["art-wire-1"][0], sentence=f"Russia rejected {SCRIPT} it {IMG}.",
                    trigger="rejected")
    data = ReportData(
        title=f"Russia and {SCRIPT}",
        timeline=[TimelineEntry(dt.date(2011, 3, 1), (f"A sentence {IMG}",), (article.id,))],
        periods=[PeriodActivity("2011-03", Precision.MONTH, 1, -4.0, (0, 0, 1, 0))],
        events=[(event, article)], articles={article.id: article})
    return render_report(data)


def test_report_escapes_script_and_attribute_payloads():
    page = hostile_report()
    assert "<script" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&#34;&gt;&lt;img src=x onerror=alert(2)&gt;" in page


def test_report_links_sources_to_their_url_with_the_title():
    page = hostile_report()
    assert '<a href="https://example.org/&#34;&gt;&lt;img' in page
    assert "Veto &lt;script&gt;" in page


@pytest.mark.parametrize(("url", "expected"), [
    ("https://example.org/a", "https://example.org/a"),
    ("http://example.org/a", "http://example.org/a"),
    ("javascript:alert(1)", None),
    (" JavaScript:alert(1)", None),
    ("data:text/html,x", None),
    (None, None),
])
def test_link_only_to_web_addresses(url: str | None, expected: str | None):
    assert link(url) == expected


def test_report_page_names_the_dyad_and_links_its_sources(tmp_path: Path):
    db = build_store(tmp_path / "hand.db")
    target = tmp_path / "report.html"
    result = CliRunner().invoke(cli, ["--db", str(db), "report", "--dyad", "RUS,UNO",
                                      "--output", str(target)])
    assert result.exit_code == 0, result.output
    page = target.read_text(encoding="utf-8")
    assert "<h1>Russia and United Nations</h1>" in page and "RUS and UNO" not in page
    assert '<a href="https://example.org/1">Russia rejects Libya draft</a>' in page
    assert "javascript:" not in page  # the second article's URL is not a link
