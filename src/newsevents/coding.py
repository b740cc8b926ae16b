"""Coding one parsed article: its publication date (when it has none), actors, events and
quotes, as a pure function (:func:`code_article`), and an article too long for one Doc coded
part by part (:class:`LongArticle`). ``pipeline.extract`` parses and batches; the spaCy
component (``component.py``) calls :func:`code_article` on a Doc it is given.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from newsevents.actors import ArticleActors, KBEntry, KnowledgeBase, LearnedActor
from newsevents.actors.offices import office_bounds
from newsevents.config import Settings
from newsevents.events import syntax
from newsevents.events.coder import Dater, Layout, extract_events, headline_text, moved
from newsevents.events.quotes import extract_quotes
from newsevents.models import Article, DateValue, Event, Quote
from newsevents.nlp.paragraphs import doc_text
from newsevents.nlp.paragraphs import sentences as sentences_of
from newsevents.nlp.pieces import Part
from newsevents.temporal import DateBound, date_for_span, find_timexes, infer_published
from newsevents.temporal.hints import hint_window

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def with_publication_date(article: Article, doc: Doc, kb: KnowledgeBase) -> Article:
    """An undated article gets the narrowest date its text honestly supports, office holders
    named with their titles bounding it ("President Dmitry Medvedev": 2008-2012)."""
    if article.published is not None:
        return article
    hints = [DateBound(b.start, b.end, b.evidence) for b in office_bounds(doc, kb)]
    value, source = infer_published(doc_text(doc), None, hints)  # the text parsed: one scan
    if value is not None:
        return replace(article, published=value, published_source=source)
    window = hint_window(hints)  # no date to claim: keep the range the office holders allow
    return replace(article, published_window=(window.start, window.end)) if window else article


def event_dater(doc: Doc, dct: DateValue | None) -> Dater:
    """Dates events by a time expression in their own clause, else by the article date."""
    text = doc_text(doc)
    timexes = [(t, span) for t in find_timexes(text, dct)
               if (span := doc.char_span(t.start, t.end, alignment_mode="expand")) is not None]
    starts = [span.start for _, span in timexes]  # in text order: a sentence's are a slice

    def dater(token: Token, sentence: Span) -> tuple[DateValue | None, str | None]:
        inside = timexes[bisect_left(starts, sentence.start):bisect_left(starts, sentence.end)]
        own = [t for t, span in inside if syntax.governs(token, span.root)]
        trigger = (token.idx, token.idx + len(token))
        bounds = (sentence.start_char, sentence.end_char)
        return date_for_span(own, trigger, bounds, dct, text)

    return dater


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything coded from one article; ``article`` carries its (possibly inferred) date."""

    article: Article
    events: tuple[Event, ...]
    quotes: tuple[Quote, ...]
    learned: tuple[LearnedActor, ...] = ()


def code_article(
    doc: Doc, article: Article, kb: KnowledgeBase, known: Mapping[str, KBEntry] | None = None,
    settings: Settings = Settings(), *, infer_date: bool = True,
) -> Extraction:
    """Pure: one parsed article in, its events, quotes and learned actors out (and, unless
    ``infer_date`` is False, the date its text supports when it has none)."""
    article = with_publication_date(article, doc, kb) if infer_date else article
    on = article.published.day if article.published else None
    resolver = ArticleActors.build(doc, kb, known or {}, on=on)
    dater = event_dater(doc, article.published)
    text = doc_text(doc)
    layout = Layout.of(article, text)
    original = headline_text(article)
    if original != text and len(original) == len(text):  # a sentence-cased Title Case headline
        layout = replace(layout, original=original)
    events = extract_events(doc, article, resolver, dater=dater, layout=layout,
                            coref_passes=settings.coref_passes)
    quotes = extract_quotes(doc, resolver, article.id, layout.indices(doc))
    return Extraction(article, tuple(events), tuple(quotes), tuple(resolver.learned()))


class LongArticle:
    """An article longer than ``settings.max_doc_chars``, coded part by part so that no Doc
    of it all is ever held: the first part (with the headline) dates it; each later part is
    coded with that date and with the actors the parts before it taught, and its events and
    quotes are moved to article offsets and sentence numbers (``coder.moved``)."""

    def __init__(self, article: Article, kb: KnowledgeBase, known: Mapping[str, KBEntry],
                 settings: Settings) -> None:
        self.article = article
        self.kb, self.known, self.settings = kb, dict(known), settings
        self.dated = article
        self.events: list[Event] = []
        self.quotes: list[Quote] = []
        self.learned: dict[str, LearnedActor] = {}
        self.shift = 0  # characters of the headline parsed before article.text
        self.sentences = 0  # body sentences in the parts so far

    def add(self, doc: Doc, part: Part) -> None:
        if part.index == 0:
            result = code_article(doc, self.article, self.kb, self.known, self.settings)
            self.dated = result.article
            layout = Layout.of(self.article, doc_text(doc))
            self.shift = layout.shift
            self.sentences = sum(1 for index in layout.indices(doc) if index >= 0)
            self._keep(result, 0, 0)
            return
        text = doc_text(doc)
        piece = replace(self.dated, text=text, title=None)
        known = {**self.known, **{a.name: a.to_entry() for a in self.learned.values()}}
        result = code_article(doc, piece, self.kb, known, self.settings, infer_date=False)
        self._keep(result, part.offset - self.shift, self.sentences)
        self.sentences += len(sentences_of(doc))

    def _keep(self, result: Extraction, chars: int, sentences: int) -> None:
        self.events += [moved(e, chars, sentences) for e in result.events]
        self.quotes += [replace(q, sentence_index=q.sentence_index + sentences)
                        for q in result.quotes]
        for actor in result.learned:
            self.learned.setdefault(actor.name, actor)

    def extraction(self) -> Extraction:
        return Extraction(self.dated, tuple(self.events), tuple(self.quotes),
                          tuple(self.learned.values()))
