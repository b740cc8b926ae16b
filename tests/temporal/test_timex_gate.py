"""The time-expression scan runs a rule only on stretches holding one of its own trigger words
(timex.rule_words). That is a speed-up, so it must find exactly what running every rule on
every stretch finds: checked on real articles and on generated word salads of trigger words."""

from __future__ import annotations

import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.temporal import timex


def every_rule_everywhere(text: str) -> list[tuple[int, int, int]]:
    return sorted((rank, m.start(), m.end()) for start, end, _ in timex._segments(text)
                  for rank, rule in enumerate(timex.all_rules())
                  for m in rule.pattern.finditer(text, start, end))


def gated(text: str) -> list[tuple[int, int, int]]:
    return sorted((rank, m.start(), m.end()) for rank, _, m in timex._matches.__wrapped__(text))


def test_gate_finds_what_every_rule_finds_on_real_articles(shared: Path) -> None:
    for name in ("dev/articles.jsonl", "dev/more/articles.jsonl"):
        for line in (shared / name).open(encoding="utf-8"):
            text = json.loads(line)["text"]
            assert gated(text) == every_rule_everywhere(text)


def test_a_word_spelled_in_parts_by_a_pattern_still_opens_its_rule() -> None:
    # "week(?:end)?" in a pattern: "this weekend" must reach the rule that reads it
    text = "Ministers will meet this weekend and again next weekends."
    assert gated(text) == every_rule_everywhere(text)
    assert [t.text for t in timex.find_timexes(text)][:1] == ["this weekend"]


WORDS = sorted(timex.trigger_words()) + ["the", "of", "on", "in", "ago", "later", "early", "mid",
                                          "late", "last", "next", "this", "a", "and", ",", "-"]
TOKENS = st.one_of(st.sampled_from(WORDS), st.integers(0, 3000).map(str),
                   st.sampled_from(["2011-03-17", "17/03/2011", "3.17.2011", "10:30", "1990s"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(TOKENS, min_size=1, max_size=14), st.booleans())
def test_gate_finds_what_every_rule_finds_on_word_salads(words: list[str], title: bool) -> None:
    text = " ".join(w.title() if title else w for w in words)
    assert gated(text) == every_rule_everywhere(text)
