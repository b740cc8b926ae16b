"""Benchmark helpers of evaluation/events.py that need no model."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from newsevents.evaluation import registry
from newsevents.evaluation.events import (
    DEV_BATCHES,
    DevCase,
    _dev_fits,
    _triples,
    _unit_passes,
    details,
    event_line,
    from_gold_sentence,
    petrarch_key,
    score_dev,
    sentence_fits,
)
from newsevents.evaluation.scoring import PRF, greedy_pairs
from newsevents.models import Actor, Article, DateValue, Event


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


# --- dev batches: article-level and sentence-level fits ---------------------------------------

TITLE = "Turkey  shoots down Russian jet"
BODY = ("Turkey shot down a Russian jet on Tuesday. Russia condemned the attack. "
        "Later, Turkey shot down a Russian jet again.")
FIRST, SECOND = "Turkey shot down a Russian jet on Tuesday.", "Russia condemned the attack."
TR, RU_MIL = Actor("Turkey", "TUR"), Actor("a Russian jet", "RUS", "MIL")
ARTICLE = Article(id="a", text=BODY, title=TITLE)
SHOT_DOWN = {"type": "ASSAULT", "actor": ["TUR"], "recipient": ["RUS"], "trigger": "shot down",
             "sentence": FIRST}


def assault(char_start: int, sentence: str = FIRST, sentence_index: int = 0,
            date: DateValue | None = None) -> Event:
    """A coded ASSAULT TUR -> RUS whose trigger starts at ``char_start``."""
    return Event(event_id=f"e{char_start}", article_id="a", type="ASSAULT", mode=None,
                 cameo="190", quad_class=4, intensity=-10.0, actors=(TR,), recipients=(RU_MIL,),
                 trigger="shot down", sentence=sentence, sentence_index=sentence_index,
                 char_start=char_start, char_end=char_start + 9, date=date)


IN_FIRST = assault(BODY.index("shot down"), date=DateValue(dt.date(2015, 11, 24)))
IN_LAST = assault(BODY.rindex("shot down"), "Later, Turkey shot down a Russian jet again.", 2)
FROM_TITLE = assault(TITLE.index("shoots"), TITLE, -1)


def test_sentence_fits_accepts_the_event_from_the_gold_sentence():
    assert sentence_fits(ARTICLE)(IN_FIRST, SHOT_DOWN)


def test_sentence_fits_rejects_the_same_event_from_another_sentence():
    assert not sentence_fits(ARTICLE)(IN_LAST, SHOT_DOWN)


def test_sentence_fits_still_requires_the_article_level_fit():
    assert not sentence_fits(ARTICLE)(IN_FIRST, {**SHOT_DOWN, "recipient": ["UKR"]})


def test_from_gold_sentence_accepts_a_headline_event_when_the_gold_is_the_title():
    headline_gold = {**SHOT_DOWN, "sentence": "Turkey shoots down Russian jet"}
    assert from_gold_sentence(FROM_TITLE, headline_gold, ARTICLE)


def test_from_gold_sentence_rejects_a_headline_event_for_a_body_sentence():
    assert not from_gold_sentence(FROM_TITLE, SHOT_DOWN, ARTICLE)


def test_from_gold_sentence_rejects_a_body_event_for_the_title():
    headline_gold = {**SHOT_DOWN, "sentence": "Turkey shoots down Russian jet"}
    assert not from_gold_sentence(IN_FIRST, headline_gold, ARTICLE)


def test_from_gold_sentence_accepts_any_repeat_of_a_gold_sentence():
    text = f"{SECOND} Turkey denied it. {SECOND}"
    later = assault(text.rindex("condemned"), SECOND, 2)
    assert from_gold_sentence(later, {**SHOT_DOWN, "sentence": SECOND}, Article(id="a", text=text))


def test_from_gold_sentence_falls_back_to_sentence_containment_when_gold_is_not_in_the_text():
    retyped = {**SHOT_DOWN, "sentence": "Turkey  shot down a Russian jet\non Tuesday."}
    assert from_gold_sentence(IN_FIRST, retyped, ARTICLE)
    assert not from_gold_sentence(IN_LAST, retyped, ARTICLE)


@pytest.mark.parametrize(("gold", "fits"), [
    (SHOT_DOWN, True),
    ({**SHOT_DOWN, "sentence": SECOND}, True),  # the sentence plays no part at article level
    ({**SHOT_DOWN, "type": "COERCE", "alt": "ASSAULT"}, True),
    ({**SHOT_DOWN, "type": "COERCE"}, False),
    ({**SHOT_DOWN, "recipient": ["UKR"]}, False),
    ({**SHOT_DOWN, "actor": ["RUS"], "recipient": []}, False),
    ({**SHOT_DOWN, "actor": ["SYR", "TUR"], "recipient": None}, True),
])
def test_dev_fits_matches_type_or_alt_and_party_codes_anywhere_in_the_article(gold, fits):
    assert _dev_fits(IN_LAST, gold) is fits


def test_score_dev_sentence_variant_is_stricter_than_article_level():
    case = DevCase(ARTICLE, (SHOT_DOWN,), (IN_LAST,))
    scores = score_dev([case])
    assert (scores["events"]["tp"], scores["sentence"]["tp"]) == (1, 0)


def test_score_dev_matches_each_gold_event_at_most_once():
    case = DevCase(ARTICLE, (SHOT_DOWN,), (IN_FIRST, IN_LAST))
    assert score_dev([case])["events"] == PRF(1, 1, 0).as_dict()


def test_score_dev_reports_per_type_at_article_level():
    case = DevCase(ARTICLE, (SHOT_DOWN,), (IN_LAST,))
    assert score_dev([case])["per_type"] == {"ASSAULT": PRF(1, 0, 0).as_dict()}


def test_greedy_pairs_give_each_system_item_to_one_gold_item():
    assert greedy_pairs(["x", "y"], ["x", "x", "y"], lambda s, g: s == g) == [(0, 0), (1, 2)]


def test_details_list_misses_other_sentence_matches_and_false_positives():
    missed = {**SHOT_DOWN, "type": "ACCUSE", "actor": ["RUS"], "recipient": ["TUR"],
              "sentence": SECOND}
    stray = dataclasses.replace(IN_FIRST, type="COERCE")
    lines = details([DevCase(ARTICLE, (SHOT_DOWN, missed), (IN_LAST, stray))])
    assert [line.split(":")[0] for line in lines] == [
        "a Turkey shoots down Russian jet", "  miss", "  other sentence", "  false positive"]


def test_details_keep_each_error_on_one_line():
    stray = dataclasses.replace(IN_FIRST, type="COERCE", actors=(Actor("Turkey\n\nsaid", "TUR"),))
    lines = details([DevCase(ARTICLE, (), (stray,))])
    assert len(lines) == 2 and "Turkey said" in lines[1]


def test_details_skip_articles_without_errors():
    assert details([DevCase(ARTICLE, (SHOT_DOWN,), (IN_FIRST,))]) == []


def test_registry_scores_both_dev_batches_in_the_events_group():
    known = registry()
    assert {name: (known[name][0], known[name][2]) for name in DEV_BATCHES} == {
        "events-dev": ("events", ("dev/articles.jsonl", "dev/gold_events.jsonl")),
        "events-dev-more": ("events", ("dev/more/articles.jsonl", "dev/more/gold_events.jsonl"))}


def test_registry_has_the_coreference_pass_benchmark():
    from newsevents.evaluation import registry

    group, _, inputs = registry()["coref-passes"]
    assert group == "events"
    assert "dev/more/gold_events.jsonl" in inputs
