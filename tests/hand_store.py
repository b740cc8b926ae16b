"""A small database written by hand (no spaCy model): two articles, their events, one cluster.

Shared by the tests of the read-side outputs (show, activity, report, tables).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from newsevents.models import Actor, Article, DateValue, Event, Location, Precision
from newsevents.store import Store
from tests.store.minhash_standin import band_keys, minhash

RUSSIA = Actor("Russia", "RUS", "GOV", "Russia")
CHINA = Actor("Beijing", "CHN", None, "China")
LIBYA = Actor("Tripoli", "LBY", "GOV", "Libya")
UN = Actor("the Security Council", "UNO", None, "United Nations Security Council")

TEXT = ("MOSCOW, March 3, 2011 (Wire) - Diplomats met on Monday. Russia on Tuesday rejected "
        "the draft resolution on Libya, officials said. The vote was delayed.")
VETO = "Russia on Tuesday rejected the draft resolution on Libya, officials said."
VETO_START = TEXT.index(VETO)
TRIGGER_START = TEXT.index("rejected")
ARTICLES = (
    Article("art-wire-1", TEXT, title="Russia rejects Libya draft", url="https://example.org/1",
            source="Wire", published=DateValue(dt.date(2011, 3, 3))),
    Article("art-post-2", "Russia and China rejected the draft on Libya on Tuesday, a diplomat "
            "said. Talks go on in 2011.", title="Moscow and Beijing say no",
            url="javascript:alert(1)", source="Post", published=DateValue(dt.date(2011, 3, 4))),
)


def event(event_id: str, article_id: str, sentence: str, trigger: str, start: int, **fields):
    values = dict(type="REJECT", mode=None, cameo="120", quad_class=3, intensity=-4.0,
                  actors=(RUSSIA,), recipients=(UN,), trigger=trigger, sentence=sentence,
                  sentence_index=1, char_start=start, char_end=start + len(trigger),
                  date=DateValue(dt.date(2011, 3, 1)), date_evidence="on Tuesday",
                  location=Location("New York", "USA"), confidence=0.8,
                  contexts=("diplomatic",))
    values.update(fields)
    return Event(event_id=event_id, article_id=article_id, **values)


EVENTS = {
    "art-wire-1": (
        event("aa11bb22cc33dd44", "art-wire-1", VETO, "rejected", TRIGGER_START),
        event("aa11ff00ee99aa00", "art-wire-1", "Diplomats met on Monday.", "met",
              TEXT.index("met on"), type="CONSULT", cameo="040", quad_class=1, intensity=1.0,
              sentence_index=0, actors=(), recipients=(),
              date=DateValue(dt.date(2011, 1, 1), Precision.YEAR), location=None, contexts=()),
    ),
    "art-post-2": (
        event("ee55ff66aa77bb88", "art-post-2",
              "Russia and China rejected the draft on Libya on Tuesday, a diplomat said.",
              "rejected", 17, sentence_index=0, actors=(RUSSIA, CHINA), recipients=(UN, LIBYA)),
    ),
}


def build_store(path: Path) -> Path:
    """Write the articles and events at ``path``; the two rejections are one cluster."""
    with Store(path) as store:
        store.add_articles([(a, minhash(a.text)) for a in ARTICLES], band_keys=band_keys)
        for article_id, events in EVENTS.items():
            store.replace_extraction(article_id, events, [], "hand-1")
        store.set_clusters({"aa11bb22cc33dd44": "aa11bb22cc33dd44",
                            "ee55ff66aa77bb88": "aa11bb22cc33dd44",
                            "aa11ff00ee99aa00": "aa11ff00ee99aa00"})
    return path
