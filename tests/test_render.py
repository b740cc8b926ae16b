"""Terminal tables: one line per row in 80 columns, sentences cut at words, ids shown."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from newsevents.models import Article, DateSource, DateValue
from newsevents.render import (
    SHORT_ID,
    articles_table,
    date_label,
    events_table,
    records_table,
    shorten,
)

LONG = ("The UN Security Council on Saturday unanimously agreed to impose sanctions on Libyan "
        "leader Muammar Gaddafi, his family and senior aides over the violent crackdown on "
        "protesters that began in mid-February.")


def record(**fields: object) -> dict:
    base = {
        "event_id": "e39180d0a8aa1ff1", "type": "SANCTION", "mode": None, "cameo": "163",
        "date": "2011-02-26", "negated": False, "hypothetical": False, "trigger": "impose",
        "sentence": LONG, "article_id": "14fc2444d95fee3d",
        "actors": [{"text": "The UN Security Council", "code": "UNO", "sector": "GOV",
                    "name": "United Nations Security Council"}],
        "recipients": [{"text": "Gaddafi", "code": "LBY", "sector": "GOV",
                        "name": "Muammar Gaddafi"}],
    }
    return base | fields


def printed(draw, *args, width: int = 80, **kwargs) -> list[str]:
    """What ``draw`` prints on a console that is not a terminal (as when piped)."""
    out = io.StringIO()
    draw(*args, Console(file=out, width=width), **kwargs)
    return out.getvalue().splitlines()


def test_events_table_is_one_line_per_event_within_80_columns():
    lines = printed(events_table, [record(), record(event_id="14c1684c1b266f4a")])
    assert len(lines) == 4  # header, rule, two events
    assert max(len(line) for line in lines) <= 80


def test_events_table_shows_the_start_of_the_event_id():
    (row,) = printed(events_table, [record()])[2:]
    assert row.startswith("e39180d0"[:SHORT_ID] + " ") and "e39180d0a" not in row


def test_events_table_shows_actor_and_recipient_codes():
    (row,) = printed(events_table, [record()])[2:]
    assert "UNOGOV → LBYGOV" in row


def test_events_table_cuts_the_sentence_at_a_word_with_an_ellipsis():
    (row,) = printed(events_table, [record(trigger="agreed")])[2:]
    shown = row.split("  ")[-1].strip()
    assert shown.endswith("…")
    assert shown[:-1].split()[-1] in LONG.split()  # the last word shown is whole


def test_events_table_keeps_a_late_trigger_in_view():
    (row,) = printed(events_table, [record(trigger="crackdown")])[2:]
    assert "crackdown" in row


def test_events_table_wide_has_every_column_and_whole_sentences_when_piped():
    lines = printed(events_table, [record()], wide=True)
    assert lines[0].split() == ["event_id", "event_date", "event_type", "event_mode", "cameo",
                                "actor_code", "actor_name", "recipient_code", "recipient_name",
                                "trigger", "sentence", "article_id"]
    assert LONG in lines[2] and "14fc2444d95fee3d" in lines[2]


def test_events_table_wide_on_a_terminal_wraps_only_the_sentence():
    out = io.StringIO()
    events_table([record()], Console(file=out, width=100, force_terminal=True,
                                     color_system=None), wide=True)
    text = out.getvalue()
    assert "United Nations Security Council" in text  # names not cut or folded
    assert " ".join(text.split()).count("violent crackdown") == 1


@pytest.mark.parametrize(("value", "short", "expected"), [
    ("2011-W20", False, "week of 2011-05-16"),
    ("2011-W20", True, "wk 2011-05-16"),
    ("2011-05-16", False, "2011-05-16"),
    ("2011-05", False, "2011-05"),
    ("2011", True, "2011"),
    (None, False, ""),
])
def test_date_label_reads_weeks_as_their_monday(value: str | None, short: bool, expected: str):
    assert date_label(value, short=short) == expected


@pytest.mark.parametrize(("text", "width", "expected"), [
    ("short enough", 20, "short enough"),
    ("one two three four five", 12, "one two…"),
    ("unbreakable" * 3, 10, "unbreakab…"),
    ("line\nbreak", 20, "line break"),
])
def test_shorten_cuts_at_words(text: str, width: int, expected: str):
    assert shorten(text, width)[0] == expected


def test_shorten_moves_the_window_to_show_the_span():
    text = "alpha beta gamma delta epsilon zeta eta theta iota kappa"
    start = text.index("iota")
    shown, offset = shorten(text, 20, (start, start + 4))
    assert len(shown) <= 20 and shown.startswith("…") and shown[start - offset:][:4] == "iota"


def test_articles_table_is_one_line_per_article_within_80_columns():
    article = Article("14fc2444d95fee3d", "Text.", title=LONG, source="Meridian News Agency",
                      published=DateValue.parse("2011-W20"),
                      published_source=DateSource.INFERRED)
    lines = printed(articles_table, [article.to_json()])
    assert len(lines) == 3 and max(len(line) for line in lines) <= 80
    assert "14fc2444d95fee3d" in lines[2] and "wk 2011-05-16" in lines[2]
    assert lines[2].rstrip().endswith("…")


def test_records_table_shortens_the_last_column_to_fit():
    records = [{"story_id": "s-14fc2444d95fee3d", "label": LONG}]
    lines = printed(records_table, records, ("story_id", "label"))
    assert len(lines) == 3 and max(len(line) for line in lines) <= 80


def test_articles_table_long_ids_keep_a_start_that_show_can_find():
    article = Article("mna-2020-06-14-lavrov-shoigu-istanbul", "Text.", title="Talks put off")
    (row,) = printed(articles_table, [article.to_json()])[2:]
    assert row.startswith("mna-2020-06-14-…") and len(row) <= 80
