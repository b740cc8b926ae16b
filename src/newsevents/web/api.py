"""The JSON API under ``/api``: the pages' questions, answered as data (docs/web.md lists every
endpoint with an example). The same :mod:`newsevents.query` functions and filters as the pages;
records as the CLI writes them (``query.event_record`` is a line of ``events --format jsonl``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query

from newsevents import query
from newsevents.errors import UnknownIdError
from newsevents.filters import event_filter
from newsevents.models import EventFilter
from newsevents.web.params import (
    DEFAULT_PAGE,
    MAX_DATES,
    MAX_PER_DATE,
    EventParams,
    Limit,
    Offset,
    Since,
    Text,
    Until,
    blank_to_none,
    event_params,
)
from newsevents.web.site import SiteDep
from newsevents.web.views import (
    article_summary,
    period_record,
    profile_record,
    story_record,
)

router = APIRouter(prefix="/api", tags=["api"])
Json = dict[str, Any]
Dates = Annotated[int, Query(ge=1, le=MAX_DATES, description="Timeline dates.")]
PerDate = Annotated[int, Query(ge=1, le=MAX_PER_DATE, description="Sentences per date.")]


@router.get("/stats")
def stats(site: SiteDep) -> Json:
    """Row counts, events by PLOVER type and the whole store's monthly activity."""
    with site.store() as store:
        flt = EventFilter()
        return {"counts": query.stats(store),
                "types": [{"type": t, "events": n} for t, n in query.count_by_type(store, flt)],
                "activity": [period_record(p) for p in query.activity(store, flt)]}


@router.get("/search")
def search(site: SiteDep, q: Annotated[str, Query(description="Words that must all occur.")],
           limit: Limit = 20) -> Json:
    """Articles (titles and texts) and events (sentences) with all the words of ``q``."""
    with site.store() as store:
        flt = EventFilter(search=q, limit=limit)
        return {
            "query": q,
            "articles": {"total": query.count_articles(store, q),
                         "items": [article_summary(a) for a in
                                   query.articles(store, search=q, limit=limit)]},
            "events": {"total": query.count_events(store, flt),
                       "items": [query.event_record(e, a)
                                 for e, a in query.events_with_articles(store, flt)]},
        }


@router.get("/events")
def events(site: SiteDep, params: Annotated[EventParams, Depends(event_params)],
           limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Json:
    """A page of the events matching the filters, by date: ``total`` counts them all."""
    with site.store() as store:
        flt = params.to_filter(site.resolver(store), limit=limit, offset=offset)
        return {"total": query.count_events(store, flt), "limit": limit, "offset": offset,
                "events": [query.event_record(e, a)
                           for e, a in query.events_with_articles(store, flt)]}


@router.get("/actor/{name:path}")
def actor(site: SiteDep, name: str) -> Json:
    """What the actor page shows: counts in both roles, partners ranked, monthly activity, the
    names it was seen under, its knowledge-base entries and learned actors."""
    with site.store() as store:
        value = site.resolver(store).resolve(name, "actor")
        return profile_record(query.actor_profile(store, site.kb, value), site.kb)


@router.get("/dyad/{a}/{b}")
def dyad(site: SiteDep, a: str, b: str, since: Since = None, until: Until = None,
         max_dates: Dates = 12, per_date: PerDate = 2) -> Json:
    """The pair's activity per month (either direction) and their timeline."""
    with site.store() as store:
        flt = event_filter(site.resolver(store), dyad=(a, b), since=blank_to_none(since),
                           until=blank_to_none(until))
        periods = query.activity(store, flt)
        entries = query.timeline(store, flt, max_dates=max_dates, per_date=per_date)
        total = query.count_events(store, replace(flt, limit=None))
    parties = flt.dyad or (a, b)
    return {"dyad": list(parties), "names": [query.party_name(site.kb, p) for p in parties],
            "events": total, "activity": [period_record(p) for p in periods],
            **query.timeline_record(entries)}


@router.get("/stories")
def stories(site: SiteDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> Json:
    with site.store() as store:
        found = query.stories(store)
    return {"total": len(found), "limit": limit, "offset": offset,
            "stories": [story_record(s) for s in found[offset:offset + limit]]}


@router.get("/story/{story_id}")
def story(site: SiteDep, story_id: str, max_dates: Dates = 12, per_date: PerDate = 2) -> Json:
    """The story, its articles, its events merged across them (with their counts) and its
    timeline."""
    with site.store() as store:
        found = query.story(store, story_id)
        if found is None:
            raise UnknownIdError(story_id, f"no story has the id {story_id!r}")
        articles = [a for a in (query.article(store, i) for i in found.article_ids) if a]
        merged = query.story_events(store, found)
        entries = query.story_timeline(store, found, max_dates=max_dates, per_date=per_date)
    return {**story_record(found), "articles": [article_summary(a) for a in articles],
            "events": [query.event_record(e, a, c) for e, a, c in merged],
            **query.timeline_record(entries)}


@router.get("/articles")
def articles(site: SiteDep, q: Text = None, limit: Limit = DEFAULT_PAGE,
             offset: Offset = 0) -> Json:
    """Articles, oldest first (without their texts); ``q`` searches titles and texts."""
    q = blank_to_none(q)
    with site.store() as store:
        return {"total": query.count_articles(store, q), "limit": limit, "offset": offset,
                "articles": [article_summary(a) for a in
                             query.articles(store, search=q, limit=limit, offset=offset)]}


@router.get("/article/{article_id}")
def article(site: SiteDep, article_id: str) -> Json:
    """The article (its text included), its events and its quotes."""
    with site.store() as store:
        found = query.article(store, article_id)
        if found is None:
            raise UnknownIdError(article_id, f"no article has the id {article_id!r}")
        view = query.article_view(store, found)
        quotes = query.quotes(store, found.id)
    return {"article": found.to_json(),
            "events": [query.event_record(e, found) for e in view.events],
            "quotes": [q.to_json() for q in quotes]}


@router.get("/event/{event_id}")
def event(site: SiteDep, event_id: str) -> Json:
    """One event (an id or its unique start) with its sentence's neighbours and the other
    reports of it."""
    with site.store() as store:
        found = query.find(store, event_id)
    if isinstance(found, query.ArticleView):
        raise UnknownIdError(event_id, f"{event_id!r} is an article: see "
                             f"/api/article/{found.article.id}")
    context = found.context
    return {"event": query.event_record(found.event, found.article, found.counts),
            "context": {"before": context.before, "sentence": context.sentence,
                        "trigger": list(context.trigger) if context.trigger else None,
                        "after": context.after},
            "other_reports": [query.event_record(e, a) for e, a in found.cluster]}
