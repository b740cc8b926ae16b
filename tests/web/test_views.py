"""The pure shaping of the pages: text cut into marked runs, addresses built from user values."""

from __future__ import annotations

import pytest

from newsevents.web.views import dyad_month_href, href, quote_spans, text_runs


@pytest.mark.parametrize(("text", "triggers", "quotes", "expected"), [
    ("no marks", [], [], [("no marks", None, False)]),
    ("Russia rejected it.", [(7, 15, "e1")], [],
     [("Russia ", None, False), ("rejected", "e1", False), (" it.", None, False)]),
    ('He said "we reject it" today', [(12, 18, "e2")], [(9, 21)],
     [('He said "', None, False), ("we ", None, True), ("reject", "e2", True),
      (" it", None, True), ('" today', None, False)]),
    ("abc", [(1, 9, "bad")], [(2, 1)], [("abc", None, False)]),  # spans that do not fit
    ("", [], [], []),
])
def test_text_runs_mark_triggers_and_quotes(text, triggers, quotes, expected):
    runs = text_runs(text, triggers, quotes)
    assert [(r["text"], r["event"], r["quote"]) for r in runs] == expected
    assert "".join(r["text"] for r in runs) == text


def test_quote_spans_find_each_quotation_once_and_skip_the_missing():
    assert quote_spans(["we reject", "absent", ""], 'He said "we reject it"') == [(9, 18)]


@pytest.mark.parametrize(("first", "second", "expected"), [
    ("RUS", "LBY", "/events?dyad=RUS,LBY&since=2011-03&until=2011-03"),
    ("Russia", "the Kremlin", "/events?dyad=Russia,the%20Kremlin&since=2011-03&until=2011-03"),
    ("a&b=c", "x/y#", "/events?dyad=a%26b%3Dc,x%2Fy%23&since=2011-03&until=2011-03"),
])
def test_dyad_month_href_encodes_each_party(first: str, second: str, expected: str):
    assert dyad_month_href(first, second, "2011-03") == expected


def test_href_leaves_out_empty_values_and_encodes_the_rest():
    assert href("/events", [("actor", ""), ("dyad", "RUS,LBY"), ("since", None)]) == (
        "/events?dyad=RUS%2CLBY")
    assert href("/events", []) == "/events"
