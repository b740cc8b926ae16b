"""Doc -> Events: who did what to whom, with flags, date, place and the sentence it came from."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Span, Token

from newsevents.events import modality
from newsevents.events.coref import PASSES, BaseResolver, Coreference
from newsevents.events.implicit import trigger_places
from newsevents.events.lexicon import Lexicon, Trigger, default_lexicon
from newsevents.events.parties import ActorResolver, Parties, parties
from newsevents.events.quotes import quote_speakers
from newsevents.events.triggers import (
    Match,
    find_matches,
    lemma_of,
    speech_verbs,
)
from newsevents.models import Article, DateValue, Event, Location, Precision
from newsevents.nlp.headlines import sentence_case
from newsevents.nlp.paragraphs import sentences as sentences_of

CODER_VERSION = "0.6"


@dataclass(frozen=True, slots=True)
class Layout:
    """Where the headline is in the parsed text. The pipeline parses a headline that the text
    does not begin with in front of it: ``shift`` characters before ``article.text``.
    Headline sentences (those starting before ``headline_end``) get sentence index -1 and
    offsets in the title; body sentences are numbered from 0 with offsets in the text."""

    headline_end: int = 0
    shift: int = 0
    original: str = ""  # the parsed text before a Title Case headline was sentence-cased

    def indices(self, doc: Doc) -> list[int]:
        found, body = [], 0
        for sentence in sentences_of(doc):
            if sentence.start_char < self.headline_end:
                found.append(-1)
            else:
                found.append(body)
                body += 1
        return found

    def in_article(self, event: Event) -> Event:
        """The event with offsets (and so its id) in article coordinates: the text's for a
        body sentence, the title's for a headline."""
        if event.sentence_index < 0:
            return replace(event, event_id=_event_id(event.article_id, f"title:{event.char_start}",
                                                     event.type))
        if not self.shift:
            return event
        start = event.char_start - self.shift
        return replace(event, char_start=start, char_end=event.char_end - self.shift,
                       event_id=_event_id(event.article_id, start, event.type))

    @classmethod
    def of(cls, article: Article, parsed: str | None = None) -> Layout:
        """The layout of ``parsed`` (by default ``headline_text(article)``): a first line of
        the text that is the title is the headline; else a title parsed in front of it."""
        title = " ".join((article.title or "").split())
        text = article.text
        lead = len(text) - len(text.lstrip())
        first_line = text[lead:].split("\n", 1)[0]
        if title and " ".join(first_line.split()) == title:
            return cls(headline_end=lead + len(first_line))
        if not title or (parsed is not None and parsed == text):
            return cls()
        return cls(headline_end=len(title), shift=len(title) + len(HEADLINE_BREAK))


HEADLINE_BREAK = "\n\n"


def headline_text(article: Article, is_name: Callable[[str], bool] | None = None) -> str:
    """The text to parse: the headline on a line of its own before the body, unless the body
    begins with it already. With ``is_name`` (a knowledge-base lookup), a Title Case headline
    is sentence-cased for the parser (``newsevents.nlp.headlines``; offsets unchanged)."""
    layout = Layout.of(article)
    if layout.shift:
        text = " ".join((article.title or "").split()) + HEADLINE_BREAK + article.text
    else:
        text = article.text
    if is_name is None or not layout.headline_end:
        return text
    start = layout.headline_end - len(text[:layout.headline_end].lstrip())
    headline = text[start:layout.headline_end]
    return text[:start] + sentence_case(headline, is_name) + text[layout.headline_end:]

# (trigger token, its sentence) -> the event's date and the words that gave it
Dater = Callable[[Token, Span], tuple[DateValue | None, str | None]]


def _location(token: Token, resolver: ActorResolver) -> Location | None:
    place = next(trigger_places(token, resolver), None)
    return Location(*place) if place else None


ALL_SIDES_CALL = ("AGREE", None, "030")
# Stances whose denial is itself an act: not supporting a deal is rejecting it.
STANCE_TYPES = frozenset({"SUPPORT"})


def _type_and_code(
    token: Token, trigger: Trigger, future: bool, lexicon: Lexicon
) -> tuple[str, str | None, str]:
    """A planned act is coded as PLOVER asks (types.tsv `future`): intentions to cooperate as
    AGREE, an announced withdrawal as CONCEDE, an intention to attack or sanction as THREATEN.
    An appeal to all sides of a conflict is a call for settlement: AGREE (PLOVER)."""
    if trigger.type == "REQUEST" and token.pos_ == "VERB" and modality.addresses_all_sides(token):
        return ALL_SIDES_CALL
    plan = lexicon.types[trigger.type].future if future else None
    if plan is not None:
        return plan[0], None, plan[1]
    return trigger.type, trigger.mode, trigger.cameo


def _trigger_extent(token: Token) -> tuple[int, int, str]:
    parts = [token] + [c for c in token.children if c.dep_ == "prt"]
    start = min(t.idx for t in parts)
    end = max(t.idx + len(t) for t in parts)
    span = token.doc.char_span(start, end)  # Doc.text rebuilds the whole text: avoid it
    return start, end, span.text if span is not None else token.text


def _confidence(match: Match, found: Parties, hedged: bool) -> float:
    score = 0.45 + 0.1 * min(match.trigger.specificity, 2)
    score += 0.2 if found.recipients else 0.0
    score -= 0.2 if hedged else 0.0
    return round(max(0.05, min(score, 0.95)), 2)


def moved(event: Event, chars: int, sentences: int) -> Event:
    """An event coded in a later part of a long article (``nlp.pieces.Part``) in article
    coordinates: ``chars`` characters and ``sentences`` body sentences further on, with the id
    its offset in the article gives."""
    start = event.char_start + chars
    return replace(event, char_start=start, char_end=event.char_end + chars,
                   sentence_index=event.sentence_index + sentences,
                   event_id=_event_id(event.article_id, start, event.type))


def _event_id(article_id: str, start: int | str, event_type: str) -> str:
    return hashlib.blake2b(f"{article_id}:{start}:{event_type}".encode(), digest_size=8).hexdigest()


def _default_dater(article: Article) -> Dater:
    def dater(token: Token, sentence: Span) -> tuple[DateValue | None, str | None]:
        return article.published, None

    return dater


def code_match(
    match: Match, sentence: Span, index: int, article: Article, resolver: ActorResolver,
    lexicon: Lexicon, dater: Dater,
) -> Event | None:
    """One event from one trigger match, or None when no actor can be named."""
    found = parties(match, resolver)
    if not found.actors:
        return None
    token = match.token
    hypothetical = modality.is_hypothetical(token, speech_verbs(), lemma_of)
    future = modality.is_future(token, speech_verbs(), lemma_of)
    negated = modality.is_negated(token)
    refused = lexicon.types[match.trigger.type].refused
    stance = match.trigger.type in STANCE_TYPES and (
        not hypothetical or modality.cannot(token))
    if negated and refused is not None and ((future and not hypothetical) or stance):
        # "will not meet", "said it would not release them", "they do not support / cannot
        # back the deal": a refusal, which did happen
        event_type, cameo, mode = refused
        negated = hypothetical = False
    else:
        event_type, mode, cameo = _type_and_code(token, match.trigger, future, lexicon)
    if _home_visit(event_type, mode, found):
        return None  # "the Libyan premier arrived in Tripoli": a journey home is no visit
    info = lexicon.types[event_type]
    start, end, trigger_text = _trigger_extent(token)
    date, evidence = dater(token, sentence)
    if _background(date, evidence, article):
        return None  # ANNOTATION.md: history older than a year before the article is no news
    return Event(
        event_id=_event_id(article.id, start, event_type),
        article_id=article.id,
        type=event_type,
        mode=mode,
        cameo=cameo,
        quad_class=info.quad_class,
        intensity=info.intensity_for(mode),
        actors=found.actors,
        recipients=found.recipients,
        trigger=trigger_text,
        sentence=sentence.text.strip(),  # spaCy keeps the paragraph break after the last word
        sentence_index=index,
        char_start=start,
        char_end=end,
        negated=negated,
        hypothetical=hypothetical,
        date=date,
        date_evidence=evidence,
        location=_location(token, resolver),
        confidence=_confidence(match, found, hypothetical),
        contexts=match.trigger.contexts,
    )


BACKGROUND_DAYS = 366


def _background(date: DateValue | None, evidence: str | None, article: Article) -> bool:
    """Does the event's own time expression put all of it more than a year before the
    article ("stepped down in 2007" in a 2022 story)? Dates taken from the article are not."""
    if date is None or not evidence or article.published is None:
        return False
    last_day = _period_end(date)
    return (article.published.day - last_day).days > BACKGROUND_DAYS


def _period_end(date: DateValue) -> dt.date:
    """The last day of the period a date names (a year ends on 31 December)."""
    if date.precision is Precision.YEAR:
        return dt.date(date.day.year, 12, 31)
    if date.precision is Precision.MONTH:
        following = dt.date(date.day.year + date.day.month // 12, date.day.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    if date.precision is Precision.WEEK:
        return date.day + dt.timedelta(days=6)
    return date.day


def _home_visit(event_type: str, mode: str | None, found: Parties) -> bool:
    """A visit to one's own country ("the premier arrived in Tripoli"); a meeting of two sides
    of one country ("demonstrators received government ministers") is none."""
    own = {a.code for a in found.actors}
    sectors = {a.sector for a in found.actors}
    return (event_type == "CONSULT" and mode == "visit" and bool(found.recipients)
            and all(a.code in own and (a.sector is None or a.sector in sectors)
                    for a in found.recipients))


def _event_key(event: Event) -> tuple:
    """Restatements of one event share trigger lemma, type, parties and flags; two meetings
    in one article ("met Lavrov ... talks with Cavusoglu") stay two."""
    return (
        event.type,
        frozenset(a.code for a in event.actors),
        frozenset(a.code for a in event.recipients),
        event.negated,
        event.hypothetical,
    )


def extract_events(
    doc: Doc,
    article: Article,
    resolver: BaseResolver,
    *,
    lexicon: Lexicon | None = None,
    dater: Dater | None = None,
    layout: Layout = Layout(),
    coref_passes: frozenset[str] = PASSES,
) -> list[Event]:
    """Every event the article states, once each: a restatement of the same coded event
    (same trigger lemma, type, parties and flags, and no other date) later in the article is
    not repeated, and a headline event (sentence index -1, see :class:`Layout`) is dropped
    when the body states it too."""
    lexicon = lexicon or default_lexicon()
    dater = dater or _default_dater(article)
    coref = with_coreference(doc, resolver, coref_passes)

    def is_actor(token: Token) -> bool:
        actor = coref.resolve(token)
        return actor is not None and actor.code is not None

    events: dict[tuple, list[Event]] = {}
    for index, sentence in zip(layout.indices(doc), sentences_of(doc), strict=True):
        for match in find_matches(sentence, lexicon, is_actor):
            event = code_match(match, sentence, index, article, coref, lexicon, dater)
            if event is not None and index < 0 and layout.original:
                event = _as_written(event, sentence, layout.original)
            if event is not None:
                bucket = events.setdefault((lemma_of(match.token), *_event_key(event)), [])
                _keep_once(bucket, layout.in_article(event))
    return _without_repeated_headline([e for bucket in events.values() for e in bucket])


def _as_written(event: Event, sentence: Span, original: str) -> Event:
    """A headline event in the words of the headline as written, not as sentence-cased."""
    return replace(event, sentence=original[sentence.start_char:sentence.end_char].strip(),
                   trigger=original[event.char_start:event.char_end])


def _keep_once(bucket: list[Event], event: Event) -> None:
    """Add the event unless it restates one of the bucket (same trigger lemma, type, parties
    and flags): a restatement is the same event unless both name different dates ("met on
    Monday ... met again on Friday"). The body's statement wins over the headline's."""
    for position, kept in enumerate(bucket):
        if kept.date == event.date or not (kept.date_evidence and event.date_evidence):
            if kept.sentence_index < 0 <= event.sentence_index:
                bucket[position] = event
            return
    bucket.append(event)


def _without_repeated_headline(events: list[Event]) -> list[Event]:
    body = {_event_key(e) for e in events if e.sentence_index >= 0}
    return [e for e in events if e.sentence_index >= 0 or _event_key(e) not in body]


def with_coreference(doc: Doc, resolver: BaseResolver,
                     passes: frozenset[str] = PASSES) -> Coreference:
    """The article's resolver with coreference, the speakers of its quotations known."""
    if isinstance(resolver, Coreference):
        return resolver
    coref = Coreference(doc, resolver, passes)
    coref.set_speakers(quote_speakers(doc, coref))
    return coref
