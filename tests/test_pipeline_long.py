"""An article longer than ``Settings.max_doc_chars`` is coded in parts (coding.LongArticle):
what it gives must read as one article's coding: offsets and ids in the article, sentence
numbers running on, one date, one item per article in order, a failure reported once."""

from __future__ import annotations

import pytest

from newsevents import coding, pipeline
from newsevents.config import SAMPLE_DIR, Settings
from newsevents.models import Article, Problem

pytestmark = pytest.mark.model

SMALL = Settings(max_doc_chars=4_000)


def _long_article() -> Article:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLE_DIR.glob("*.txt"))]
    return Article(id="long", title="Russia condemns strikes on Libya",
                   text="MOSCOW, March 21, 2011 - " + "\n\n".join(texts))


def test_a_long_article_is_coded_in_parts_with_article_offsets() -> None:
    article = _long_article()
    assert len(article.text) > 3 * SMALL.max_doc_chars
    [result] = pipeline.extract_all([article], SMALL)
    body = [e for e in result.events if e.sentence_index >= 0]
    assert len(body) > 10
    assert any(e.char_start > 2 * SMALL.max_doc_chars for e in body)  # later parts coded too
    for event in body:
        assert article.text[event.char_start:event.char_end] == event.trigger
        assert event.trigger in event.sentence
    assert len({e.event_id for e in result.events}) == len(result.events)
    indices = [e.sentence_index for e in sorted(body, key=lambda e: e.char_start)]
    assert indices == sorted(indices)  # numbers run on from part to part
    assert result.article.published.iso() == "2011-03-21"  # the first part dates every part
    later = [e for e in body if e.char_start > SMALL.max_doc_chars and e.date_evidence is None]
    assert later and all(e.date == result.article.published for e in later)


def test_parts_code_what_the_whole_article_codes_sentence_by_sentence() -> None:
    """Coded whole or in parts, the same triggers are found in the same places (the parts
    lose only links across their boundaries)."""
    article = _long_article()
    [whole] = pipeline.extract_all([article])
    [parts] = pipeline.extract_all([article], SMALL)
    place = {(e.char_start, e.type) for e in whole.events}
    shared = [e for e in parts.events if (e.char_start, e.type) in place]
    assert len(shared) >= 0.8 * len(whole.events)
    ids = {e.event_id for e in whole.events}
    assert all(e.event_id in ids for e in shared)  # the same place gives the same id


def test_one_item_per_article_in_order_around_a_long_one() -> None:
    short = Article(id="short", text="Turkey hosted talks on Libya in Ankara on Tuesday.")
    items = list(pipeline.extract([short, _long_article(), short], SMALL))
    assert [i.article.id for i in items if not isinstance(i, Problem)] == ["short", "long",
                                                                          "short"]


def test_a_part_that_fails_is_one_problem_and_the_next_article_goes_on(
        monkeypatch: pytest.MonkeyPatch) -> None:
    real = coding.code_article

    def failing(doc, article, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003
        if article.id == "long" and article.title is None:  # a later part
            raise RuntimeError("boom")
        return real(doc, article, *args, **kwargs)

    monkeypatch.setattr(coding, "code_article", failing)  # LongArticle codes each part
    short = Article(id="short", text="Turkey hosted talks on Libya in Ankara on Tuesday.")
    items = list(pipeline.extract([_long_article(), short], SMALL))
    assert len(items) == 2
    assert isinstance(items[0], Problem) and "boom" in items[0].message
    assert items[1].article.id == "short"
