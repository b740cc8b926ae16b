"""The web app's test database: the hand-built store of ``tests/hand_store.py`` plus what the pages
need besides (a story, quotes, a learned actor) and an article written by an attacker, whose
title, text, outlet, URL and actor names carry script and attribute payloads. No spaCy model.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

from newsevents.models import Actor, Article, DateValue, Quote, Story
from newsevents.store import Store
from tests.hand_store import RUSSIA, build_store, event
from tests.store.minhash_standin import band_keys, minhash

SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'
SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
IMG_ESCAPED = "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;"
EVIL_ID = "art-evil-3"
EVIL_EVENT = "cc99dd88ee77ff66"
QUOTED = "We will never accept it"
EVIL_TEXT = (f"Libya accused Russia {IMG} of meddling on Friday. "
             f'"{QUOTED}," said the {SCRIPT} spokesman.')
EVIL_SENTENCE = f"Libya accused Russia {IMG} of meddling on Friday."
EVIL_ACTOR = Actor(IMG, None, None, SCRIPT)
EVIL = Article(EVIL_ID, EVIL_TEXT, title=f"Accusations {SCRIPT} {IMG}",
               url="javascript:alert(1)", source=f"Evil {SCRIPT}",
               published=DateValue(dt.date(2011, 5, 6)))
STORY = Story("story-1", f"Libya veto {SCRIPT}", dt.date(2011, 3, 3), dt.date(2011, 3, 4),
              ("art-wire-1", "art-post-2"))
LIBYA = Actor("Libya", "LBY", "GOV", "Libya")


@dataclass(frozen=True)
class LearnedName:
    """A sighting in the shape ``Store.upsert_actors`` takes."""

    name: str
    aliases: tuple[str, ...]
    code: str | None
    sector: str | None


def build_site_store(path: Path) -> Path:
    """The hand store, a story over its two articles, and the attacker's article with one
    ACCUSE event (Libya → Russia, and the payload actor) and one quote."""
    build_store(path)
    accusation = event(EVIL_EVENT, EVIL_ID, EVIL_SENTENCE, "accused", EVIL_TEXT.index("accused"),
                       type="ACCUSE", cameo="112", quad_class=3, intensity=-3.0,
                       actors=(LIBYA,), recipients=(RUSSIA, EVIL_ACTOR), sentence_index=0,
                       date=DateValue(dt.date(2011, 5, 6)), date_evidence="on Friday")
    with Store(path) as store:
        store.add_articles([(EVIL, minhash(EVIL.text))], band_keys=band_keys)
        store.replace_extraction(EVIL_ID, [accusation],
                                 [Quote(EVIL_ID, LIBYA, QUOTED, 1)], "hand-1")
        store.save_stories([(STORY, {"libya": 1.0})])
        store.upsert_actors([LearnedName("Vassily Nebenzia", ("Nebenzia",), "RUS", "GOV")],
                            dt.date(2011, 3, 3))
    return path


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, unescaped as a browser reads them, and
    the text of each ``<h1>``."""

    def __init__(self, page: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.headings: list[str] = []
        self._in_h1 = False
        self.feed(page)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))
        self._in_h1 = self._in_h1 or tag == "h1"
        if tag == "h1":
            self.headings.append("")

    def handle_endtag(self, tag: str) -> None:
        self._in_h1 = self._in_h1 and tag != "h1"

    def handle_data(self, data: str) -> None:
        if self._in_h1:
            self.headings[-1] += data

    def find(self, tag: str, cls: str | None = None) -> list[dict[str, str]]:
        return [attrs for name, attrs in self.tags
                if name == tag and (cls is None or cls in attrs.get("class", "").split())]


def event_rows(page: str) -> list[tuple[str, str]]:
    """(event id, data-date) of each ``<tr class="event">`` of ``<table id="events">``."""
    table = page[page.index('<table id="events">'):]
    table = table[:table.index("</table>")]
    parsed = Elements(table)
    dates = [row["data-date"] for row in parsed.find("tr", "event")]
    ids = [a["href"].removeprefix("/event/") for a in parsed.find("a", "id")]
    assert len(ids) == len(dates)
    return list(zip(ids, dates, strict=True))
