"""Layout clues: datelines and comment stamps."""

from __future__ import annotations

import pytest

from newsevents.temporal import find_timexes
from newsevents.temporal.stamps import comment_stamps, is_dateline


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ROME Feb 21 -LRB- Reuters -RRB- - Berlusconi spoke on Monday .", True),
        ("BENGHAZI, Libya, March 8 (Reuters) - Rebels held Brega.", True),
        ("MOSCOW, July 13 - Russia declined.", True),
        ("Mar 1 - Clinton warned of civil war.", True),
        ("Rebels took the town on March 17 - witnesses said.", False),
        ("The vote on March 17 (a Thursday) was close.", False),
    ],
)
def test_is_dateline_reads_wire_openers(text: str, expected: bool) -> None:
    first = find_timexes(text, None)[0]
    assert is_dateline(text, first) is expected


def test_comment_stamps_need_two_distinct_date_times() -> None:
    lone = "Rebels advanced. " * 80 + "7:01 pm ET February 11 , 2013 RETWEET"
    assert comment_stamps(find_timexes(lone, None)) == []
    two = lone + "\nFebruary 12 , 2013 at 9:00 am | Reply"
    assert len(comment_stamps(find_timexes(two, None))) == 2
