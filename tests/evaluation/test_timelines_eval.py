"""Timeline metrics on hand-made examples, and the Timeline17 Libya benchmark (shared data).

Expected stems were checked against ROUGE-1.5.5's own Perl stemmer; expected scores are worked
out by hand in the comments.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.evaluation.rouge import (
    porter_stem,
    quick_rouge1_f1,
    rouge_counts,
    rouge_stem,
    rouge_tokens,
)
from newsevents.evaluation.timelines import (
    T17_LIBYA,
    align_many_to_one,
    align_rouge,
    concat_rouge,
    date_prf,
    TimelineTask,
    leave_one_topic_out,
    read_gold_timeline,
    report,
    run_timelines,
    topic_of,
)

MAR = {day: dt.date(2011, 3, day) for day in range(1, 32)}


@pytest.mark.parametrize(
    ("word", "stem"),
    [("caresses", "caress"), ("ponies", "poni"), ("relational", "relat"), ("agreed", "agre"),
     ("hopping", "hop"), ("yelling", "yell"), ("hopeful", "hope"), ("electrical", "electr"),
     ("adjustment", "adjust"), ("conditional", "condit"), ("yesterday", "yesterdai")],
)
def test_porter_stem_matches_rouge_perl(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


@pytest.mark.parametrize(("word", "stem"), [("government", "govern"),
                                            ("replacement", "replac")])
def test_porter_stem_takes_ment_after_ement_rule(word: str, stem: str) -> None:
    assert porter_stem(word) == stem  # ROUGE's change to step 4


@pytest.mark.parametrize(("word", "base"), [("fought", "fight"), ("crises", "crisis"),
                                            ("denied", "deny"), ("customer", "customer")])
def test_rouge_stem_maps_irregular_forms_to_base(word: str, base: str) -> None:
    assert rouge_stem(word) == base


def test_rouge_tokens_drop_stop_words_and_punctuation_and_stem() -> None:
    tokens = rouge_tokens(["The Rebels attacked the city of Misrata , Reuters said ."])
    assert tokens == ["rebel", "attack", "citi", "misrata"]


def test_rouge_tokens_keep_short_words_unstemmed_and_split_hyphens() -> None:
    assert rouge_tokens(["Pro-Gaddafi troops won the war"]) == ["pro", "gaddafi", "troop", "won",
                                                                 "war"]


def test_rouge1_counts_clipped_unigram_hits() -> None:
    # system: gaddafi forc shell misrata fridai; reference: forc loyal gaddafi shell port citi
    # misrata -> 4 shared unigrams
    counts = rouge_counts(["Gaddafi forces shelled Misrata on Friday ."],
                          ["Forces loyal to Gaddafi shelled the port city of Misrata ."], 1)
    assert (counts.hits, counts.system, counts.reference) == (4, 5, 7)


def test_rouge2_counts_bigrams_across_sentences() -> None:
    # "rebel advanc" "advanc troop" "troop retreat": the middle bigram spans two sentences
    counts = rouge_counts(["rebels advance .", "troops retreat ."], ["advance troops"], 2)
    assert (counts.hits, counts.system, counts.reference) == (1, 3, 1)


def test_rouge_counts_clip_repeated_ngrams() -> None:
    counts = rouge_counts(["war war war"], ["war"], 1)
    assert (counts.hits, counts.system, counts.reference) == (1, 3, 1)


def test_quick_rouge1_f1_keeps_case_and_drops_punctuation() -> None:
    # system Rebels won (the comma and period dropped); reference rebels won: one match of two
    assert quick_rouge1_f1(["Rebels , won ."], ["rebels won"]) == pytest.approx(0.5)


def test_date_prf_counts_exact_days() -> None:
    system = {MAR[1]: ["a"], MAR[2]: ["b"], MAR[3]: ["c"]}
    gold = {MAR[2]: ["b"], MAR[3]: ["c"], MAR[4]: ["d"], MAR[5]: ["e"]}
    assert date_prf(system, gold) == pytest.approx((2 / 3, 2 / 4))


def test_concat_rouge_ignores_dates() -> None:
    counts = concat_rouge({MAR[1]: ["rebels hold town"]}, {MAR[9]: ["rebels hold town"]}, 1)
    assert counts.hits == counts.system == counts.reference == 3


TOY_SYSTEM = {MAR[1]: ["rebels take town"], MAR[10]: ["nato strikes tripoli"]}
TOY_GOLD = {MAR[2]: ["rebels take the town"], MAR[9]: ["nato bombs tripoli"],
            MAR[20]: ["ceasefire declared"]}


def test_align_many_to_one_maps_each_date_to_its_cheapest() -> None:
    # Mar 1 -> Mar 2: (1 - 1/2) x (1 - 6/7) = 0.07; Mar 10 -> Mar 9: (1 - 1/2) x (1 - 2/3) = 0.17;
    # Mar 20 has no overlap, so only distance counts: Mar 10 (0.91) beats Mar 1 (0.95)
    assert align_many_to_one(TOY_SYSTEM, TOY_GOLD) == ([0, 1], [0, 1, 1])


def test_align_many_to_one_lets_content_beat_distance() -> None:
    # Mar 5 -> Mar 4 costs (1 - 1/2) x 1 = 0.5; Mar 5 -> Mar 9 costs (1 - 1/5) x 0 = 0
    system = {MAR[5]: ["nato bombs tripoli"]}
    gold = {MAR[4]: ["rebels take town"], MAR[9]: ["nato bombs tripoli"]}
    assert align_many_to_one(system, gold)[0] == [1]


def test_align_rouge_discounts_hits_by_date_distance() -> None:
    # 3 unigram hits one day apart count 3 / 2 of 3 system and 3 gold unigrams
    scores = align_rouge({MAR[1]: ["rebels hold town"]}, {MAR[2]: ["rebels hold town"]})
    assert scores[1] == pytest.approx((0.5, 0.5))


def test_align_rouge_of_identical_timelines_is_perfect() -> None:
    scores = align_rouge(TOY_GOLD, TOY_GOLD)
    assert scores[1] == pytest.approx((1.0, 1.0)) and scores[2] == pytest.approx((1.0, 1.0))


def test_report_averages_precision_and_recall_before_f1() -> None:
    score = {"date": (1.0, 0.0), "concat_r1": (0, 0), "concat_r2": (0, 0), "ar1": (1.0, 0.0),
             "ar2": (0, 0)}
    mirrored = {**score, "date": (0.0, 1.0), "ar1": (0.0, 1.0)}
    averaged = report([score, mirrored])
    assert averaged["ar1"]["f1"] == 0.5 and averaged["date_f1"] == 0.5


def test_read_gold_timeline_reads_dates_and_sentences(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    path.write_text("2011-03-17\nThe Council votes .\nStrikes are authorised .\n"
                    + "-" * 32 + "\n2011-03-19\nStrikes begin .\n" + "-" * 32 + "\n")
    assert read_gold_timeline(path) == {
        MAR[17]: ("The Council votes .", "Strikes are authorised ."),
        MAR[19]: ("Strikes begin .",)}


def test_read_gold_timeline_leaves_out_a_block_with_no_date(tmp_path: Path) -> None:
    path = tmp_path / "tl.txt"
    path.write_text("2011-04-0\nJury selection begins .\n" + "-" * 32
                    + "\n2011-03-19\nStrikes begin .\n" + "-" * 32 + "\n")
    assert read_gold_timeline(path) == {MAR[19]: ("Strikes begin .",)}


def test_the_two_libya_timelines_are_one_topic() -> None:
    assert topic_of(TimelineTask("LibyaWar_cnn/tl6", {}, ())) == "LibyaWar"
    assert topic_of(TimelineTask("LibyaWar_reuters/tl5", {}, ())) == "LibyaWar"
    assert topic_of(TimelineTask("MJ_bbc/bbc.co.uk", {}, ())) == "MJ"


def test_leave_one_topic_out_scores_each_topic_with_choices_made_without_it() -> None:
    from newsevents.stories import date_document
    from newsevents.stories.timeline import DEFAULT_PARAMS, TimelineParams

    def task(name: str, day: int) -> TimelineTask:
        text = f"Troops entered the town on March {day}, officials said on Friday."
        doc = date_document(f"{name}/1", text, MAR[day])
        return TimelineTask(name, {MAR[day]: ("Troops entered the town .",)}, (doc,))

    tasks = [task("Alpha_x/t", 3), task("Beta_y/t", 5), task("Gamma_z/t", 7)]
    result = leave_one_topic_out(tasks, grid=(DEFAULT_PARAMS, TimelineParams(3, 0, 0.4)))
    assert set(result["topics"]) == {"Alpha", "Beta", "Gamma"}
    assert result["held_out"]["date_f1"] == 1.0


@pytest.mark.shared
def test_run_timelines_beats_pubcount_on_t17_libya(shared: Path) -> None:
    """The whole benchmark, both tasks and both systems (about 10 s on two cores)."""
    if not (shared / T17_LIBYA).is_dir():
        pytest.skip(f"{T17_LIBYA} not found under {shared}")
    result = run_timelines(shared)
    ours, baseline = result["average"]["ours"], result["average"]["pubcount"]
    assert set(result["tasks"]) == {"LibyaWar_cnn/tl6", "LibyaWar_reuters/tl5"}
    assert ours["ar1"]["f1"] > baseline["ar1"]["f1"] and ours["ar2"]["f1"] > baseline["ar2"]["f1"]
