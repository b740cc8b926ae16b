"""hint_window: the stretch most date hints agree on, with a soft end."""

from __future__ import annotations

import datetime as dt

from newsevents.temporal.hints import END_GRACE, DateBound, hint_window

BUSH = DateBound(dt.date(2001, 1, 20), dt.date(2009, 1, 20), "President Bush")
OBAMA = DateBound(dt.date(2009, 1, 20), dt.date(2017, 1, 20), "President Obama")
MEDVEDEV = DateBound(dt.date(2008, 5, 7), dt.date(2012, 5, 7), "President Dmitry Medvedev")


def test_hint_window_is_none_without_hints() -> None:
    assert hint_window([]) is None


def test_hint_window_intersects_agreeing_hints_and_softens_the_end() -> None:
    window = hint_window([OBAMA, MEDVEDEV])
    assert window is not None
    assert (window.start, window.end) == (OBAMA.start, MEDVEDEV.end + END_GRACE)
    assert set(window.agreeing) == {OBAMA, MEDVEDEV}


def test_hint_window_does_not_meet_terms_that_only_touch() -> None:
    window = hint_window([BUSH, OBAMA])  # tied: the window spans both, not the handover day
    assert window is not None
    assert (window.start, window.end) == (BUSH.start, OBAMA.end + END_GRACE)


def test_hint_window_follows_the_majority() -> None:
    clinton = DateBound(dt.date(2009, 1, 21), dt.date(2013, 2, 1), "Secretary of State Clinton")
    window = hint_window([BUSH, OBAMA, MEDVEDEV, clinton])
    assert window is not None
    assert (window.start, window.end) == (clinton.start, MEDVEDEV.end + END_GRACE)
    assert "President Bush" not in window.evidence()


def test_hint_window_counts_a_repeated_range_once() -> None:
    window = hint_window([BUSH, BUSH, OBAMA])
    assert window is not None and window.start == BUSH.start
