"""build_timeline on small hand-made dated documents (no model, no temporal resolution)."""

from __future__ import annotations

import datetime as dt

from newsevents.stories import DatedDoc, DatedSentence, build_timeline, rank_days

MAR = {day: dt.date(2011, 3, day) for day in range(1, 32)}


def doc(article_id: str, published: dt.date, *sentences: tuple[str, tuple[dt.date, ...]]
        ) -> DatedDoc:
    dated, offset = [], 0
    for text, days in sentences:
        dated.append(DatedSentence(text, offset, offset + len(text), days))
        offset += len(text) + 1
    return DatedDoc(article_id, published, tuple(dated))


VOTE_DOCS = [
    doc("a", MAR[20], ("The Security Council voted for a no-fly zone over Libya on Thursday .",
                       (MAR[17],))),
    doc("b", MAR[21], ("Thursday 's Security Council vote authorised strikes on Libya .",
                       (MAR[17],))),
    doc("c", MAR[22], ("Diplomats recalled how the Council vote on Libya passed on Thursday .",
                       (MAR[17],))),
    doc("d", MAR[10], ("France recognised the rebel council in Benghazi on Saturday .",
                       (MAR[5],))),
]


def test_rank_days_puts_the_most_referred_day_first() -> None:
    assert rank_days(VOTE_DOCS)[0] == MAR[17]


def test_rank_days_counts_an_article_once_per_day() -> None:
    repeated = doc("e", MAR[11], *[(f"Saturday item {i} about Benghazi rebels .", (MAR[5],))
                                   for i in range(5)])
    assert rank_days([*VOTE_DOCS, repeated])[0] == MAR[17]


def test_rank_days_keeps_inside_since_until() -> None:
    assert MAR[17] not in rank_days(VOTE_DOCS, since=MAR[18])


def test_build_timeline_picks_the_most_mentioned_date() -> None:
    entries = build_timeline(VOTE_DOCS, max_dates=1, per_date=1)
    assert [entry.date for entry in entries] == [MAR[17]]


def test_build_timeline_respects_per_date() -> None:
    entries = build_timeline(VOTE_DOCS, max_dates=1, per_date=2)
    assert len(entries[0].sentences) == 2


def test_build_timeline_lists_sources_of_chosen_sentences() -> None:
    entry = build_timeline(VOTE_DOCS, max_dates=1, per_date=1)[0]
    chosen = {d.article_id for d in VOTE_DOCS for s in d.sentences if s.text in entry.sentences}
    assert set(entry.sources) == chosen


def test_build_timeline_orders_entries_by_date() -> None:
    entries = build_timeline(VOTE_DOCS, max_dates=3, per_date=1)
    assert [entry.date for entry in entries] == sorted(entry.date for entry in entries)


def test_build_timeline_tells_a_day_by_the_next_days_leads() -> None:
    lead = "Rebels captured the oil port of Ras Lanuf after heavy fighting ."
    docs = [doc("x", MAR[8], (lead, ())),
            doc("y", MAR[20], ("Ras Lanuf fell Monday .", (MAR[7],)))]  # too short to use
    entries = build_timeline(docs, max_dates=1, per_date=1)
    assert [(entry.date, entry.sentences) for entry in entries] == [(MAR[7], (lead,))]


def test_build_timeline_skips_near_duplicate_sentences() -> None:
    text = "NATO jets bombed the compound in Tripoli overnight , officials said ."
    docs = [doc("a", MAR[25], (text, (MAR[25],)), (text.replace("jets", "planes"), (MAR[25],)),
                ("Rebels in Ajdabiya waited for reinforcements from Benghazi .", (MAR[25],)))]
    sentences = build_timeline(docs, max_dates=1, per_date=2)[0].sentences
    assert "Rebels in Ajdabiya waited for reinforcements from Benghazi ." in sentences


def test_build_timeline_with_query_ignores_other_articles() -> None:
    other = [doc(f"o{i}", MAR[2], ("Protesters filled the square in Cairo on Wednesday .",
                                   (MAR[2],))) for i in range(5)]
    entries = build_timeline([*VOTE_DOCS, *other], max_dates=1, per_date=1, query="Libya")
    assert [entry.date for entry in entries] == [MAR[17]]


def test_build_timeline_of_nothing_is_empty() -> None:
    assert build_timeline([], max_dates=5, per_date=2) == []
