"""Doc -> Events: who did what to whom, with flags, date, place and the sentence it came from."""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from spacy.tokens import Doc, Span, Token

from newsevents.events import modality
from newsevents.events.implicit import trigger_places
from newsevents.events.lexicon import Lexicon, Trigger, default_lexicon
from newsevents.events.parties import ActorResolver, Parties, parties
from newsevents.events.triggers import (
    Match,
    find_matches,
    lemma_of,
    speech_verbs,
)
from newsevents.models import Article, DateValue, Event, Location

CODER_VERSION = "0.5"

# (trigger token, its sentence) -> the event's date and the words that gave it
Dater = Callable[[Token, Span], tuple[DateValue | None, str | None]]


def _location(token: Token, resolver: ActorResolver) -> Location | None:
    place = next(trigger_places(token, resolver), None)
    return Location(*place) if place else None


ALL_SIDES_CALL = ("AGREE", None, "030")


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


def _event_id(article_id: str, start: int, event_type: str) -> str:
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
    if negated and future and not hypothetical and refused is not None:
        # "will not meet", "said it would not release them": a refusal, which did happen
        event_type, cameo, mode = refused
        negated = False
    else:
        event_type, mode, cameo = _type_and_code(token, match.trigger, future, lexicon)
    info = lexicon.types[event_type]
    start, end, trigger_text = _trigger_extent(token)
    date, evidence = dater(token, sentence)
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


def _event_key(event: Event) -> tuple:
    return (
        event.type,
        frozenset(a.code for a in event.actors),
        frozenset(a.code for a in event.recipients),
        event.negated,
        event.hypothetical,
        event.date.iso() if event.date else None,
    )


def extract_events(
    doc: Doc,
    article: Article,
    resolver: ActorResolver,
    *,
    lexicon: Lexicon | None = None,
    dater: Dater | None = None,
) -> list[Event]:
    """Every event the article states, once each: a restatement of the same coded event
    (same type, parties, flags and date) later in the article is not repeated."""
    lexicon = lexicon or default_lexicon()
    dater = dater or _default_dater(article)

    def is_actor(token: Token) -> bool:
        actor = resolver.resolve(token)
        return actor is not None and actor.code is not None

    events: dict[tuple, Event] = {}
    for index, sentence in enumerate(doc.sents):
        for match in find_matches(sentence, lexicon, is_actor):
            event = code_match(match, sentence, index, article, resolver, lexicon, dater)
            if event is not None:
                events.setdefault(_event_key(event), event)
    return list(events.values())
