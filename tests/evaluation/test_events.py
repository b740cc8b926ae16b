"""Benchmark helpers of evaluation/events.py that need no model."""

from __future__ import annotations

from newsevents.evaluation.events import _triples, _unit_passes, event_line, petrarch_key
from newsevents.models import Actor, Event


def event(actors, recipients, cameo="040", **flags) -> Event:
    return Event(event_id="e", article_id="a", type="CONSULT", mode=None, cameo=cameo,
                 quad_class=1, intensity=2.5, actors=actors, recipients=recipients,
                 trigger="met", sentence="s", sentence_index=0, char_start=0, char_end=3, **flags)


US, RU, CH = Actor("the US", "USA"), Actor("Russia", "RUS"), Actor("Switzerland", "CHE")


def test_triples_of_joint_event_are_distinct_ordered_pairs():
    joint = (US, RU, CH)
    assert sorted(_triples(event(joint, joint))) == sorted(
        (a, b, "040") for a in ("USA", "RUS", "CHE") for b in ("USA", "RUS", "CHE") if a != b)


def test_triples_without_recipient_have_empty_target():
    assert _triples(event((US,), ())) == [("USA", "---", "040")]


def test_petrarch_key_reads_bodies_and_sectors():
    assert [petrarch_key(c) for c in ("RUSGOV", "IGOUNO", "NATO", None)] == [
        "RUS", "UNO", "NATO", "---"]


def test_unit_case_passes_on_root_and_dyad_levels():
    row = {"expected_events": [{"source": "USAGOV", "target": "RUS", "code": "042"}],
           "expect_no_events": False}
    coded = [event((US,), (RU,), cameo="040")]
    assert _unit_passes(row, coded, "root") and _unit_passes(row, coded, "dyad")
    assert not _unit_passes(row, coded, "exact")


def test_unit_case_without_events_passes_only_when_nothing_is_coded():
    row = {"expected_events": [], "expect_no_events": True}
    assert _unit_passes(row, [], "root")
    assert not _unit_passes(row, [event((US,), ())], "root")


def test_event_line_marks_implicit_recipients_and_flags():
    line = event_line(event((US,), (Actor("", "RUS"),), hypothetical=True))
    assert "RUS/- (implicit)" in line and line.endswith("HYPOTHETICAL")
