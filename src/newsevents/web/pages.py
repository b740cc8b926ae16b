"""The HTML pages: home and search, events, actor, dyad, stories, story, article, event.

Each handler opens the database read-only, asks :mod:`newsevents.query` (the API asks the same
functions), shapes the answer with :mod:`newsevents.web.views` and renders one template. A wrong
filter value raises ``FilterError`` and an unknown id ``UnknownIdError``; ``app`` turns them
into a 400 or 404 page that says what was wrong.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from markupsafe import Markup

from newsevents import query
from newsevents.errors import UnknownIdError
from newsevents.filters import event_filter, vocabulary
from newsevents.models import Article, Event, EventFilter
from newsevents.store import Store
from newsevents.web.charts import MonthHref, activity_chart
from newsevents.web.params import (
    DEFAULT_PAGE,
    EventParams,
    Limit,
    Offset,
    Since,
    Text,
    Until,
    blank_to_none,
    event_params,
)
from newsevents.web.report import link
from newsevents.web.site import SiteDep
from newsevents.web import views
from newsevents.web.views import article_row, event_row, href, period_row

router = APIRouter(include_in_schema=False)
SEARCH_HITS = 20  # articles and events the home page lists for a search
LISTED = 50  # events the actor and dyad pages list before linking to the events page
TIMELINE_DATES, PER_DATE = 12, 2
DOWNLOADS = ("csv", "jsonl", "parquet")


def _chart(periods: list[query.PeriodActivity], month_href: MonthHref | None = None) -> Markup:
    return Markup(activity_chart(periods, month_href))  # noqa: S704 - SVG escaped by charts


def _month_of_store(month: str) -> str:
    return href("/events", [("since", month), ("until", month)])


def _rows(store: Store, events: Iterable[Event]) -> list[dict]:
    """Event rows with their articles (each article read once)."""
    cache: dict[str, Article | None] = {}
    rows = []
    for event in events:
        if event.article_id not in cache:
            cache[event.article_id] = query.article(store, event.article_id)
        rows.append(event_row(event, cache[event.article_id]))
    return rows


@router.get("/", response_class=HTMLResponse)
def home(site: SiteDep, q: Text = None) -> HTMLResponse:
    """Search over articles and event sentences; the store's counts and monthly chart."""
    q = blank_to_none(q)
    with site.store() as store:
        stats, types = query.stats(store), query.count_by_type(store, EventFilter())
        periods = query.activity(store, EventFilter())
        hits = None
        if q is not None:
            flt = EventFilter(search=q, limit=SEARCH_HITS)
            hits = {"articles": [article_row(a) for a in
                                 query.articles(store, search=q, limit=SEARCH_HITS)],
                    "article_total": query.count_articles(store, q),
                    "events": _rows(store, query.events(store, flt)),
                    "event_total": query.count_events(store, flt),
                    "events_href": href("/events", [("search", q)])}
    return site.page("home.html", q=q or "", stats=stats, types=types, hits=hits,
                     chart=_chart(periods, _month_of_store))


@router.get("/events", response_class=HTMLResponse)
def events_page(site: SiteDep, params: Annotated[EventParams, Depends(event_params)],
                limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> HTMLResponse:
    """The filtered events, a page at a time; the filters live in the address."""
    with site.store() as store:
        flt = params.to_filter(site.resolver(store), limit=limit, offset=offset)
        total = query.count_events(store, flt)
        rows = [event_row(e, a) for e, a in query.events_with_articles(store, flt)]
    pairs = list(params.pairs())
    back = max(0, offset - limit)
    pages = {"previous": href("/events", [*pairs, ("limit", limit), ("offset", back)])
             if offset > 0 else None,
             "next": href("/events", [*pairs, ("limit", limit), ("offset", offset + limit)])
             if limit and offset + limit < total else None}
    vocab = vocabulary()
    return site.page(
        "events.html", params=params, rows=rows, total=total, first=offset + 1,
        last=offset + len(rows), limit=limit, pages=pages,
        downloads={fmt: href(f"/events.{fmt}", pairs) for fmt in DOWNLOADS},
        types=sorted(vocab.types), modes=sorted(vocab.modes))


@router.get("/actor/{name:path}", response_class=HTMLResponse)
def actor_page(site: SiteDep, name: str) -> HTMLResponse:
    """An actor's events as actor and as target, partners, activity, names and offices."""
    with site.store() as store:
        value = site.resolver(store).resolve(name, "actor")
        profile = query.actor_profile(store, site.kb, value)
        as_actor = _rows(store, profile.as_actor[:LISTED])
        as_target = _rows(store, profile.as_target[:LISTED])
    record = views.profile_record(profile, site.kb)
    return site.page(
        "actor.html", name=record["name"], value=value, profile=record,
        as_actor=as_actor, as_target=as_target, chart=_chart(list(profile.activity)),
        periods=[period_row(p) for p in profile.activity],
        all_as_actor=href("/events", [("actor", value)]),
        all_as_target=href("/events", [("recipient", value)]),
        partner_href=lambda partner: f"/dyad/{views.segment(value)}/{views.segment(partner)}")


@router.get("/dyad/{a}/{b}", response_class=HTMLResponse)
def dyad_page(site: SiteDep, a: str, b: str, since: Since = None,
              until: Until = None) -> HTMLResponse:
    """Two actors' relations by month (click a month for its events) and their timeline."""
    with site.store() as store:
        flt = event_filter(site.resolver(store), dyad=(a, b), since=blank_to_none(since),
                           until=blank_to_none(until))
        periods = query.activity(store, flt)
        entries = query.timeline(store, flt, max_dates=TIMELINE_DATES, per_date=PER_DATE)
        sources = {s: query.article(store, s) for entry in entries for s in entry.sources}
        total = query.count_events(store, flt)
        rows = [event_row(e, art) for e, art in
                query.events_with_articles(store, replace(flt, limit=LISTED))]
    first, second = (query.party_name(site.kb, value) for value in flt.dyad or (a, b))
    coop = sum(sum(p.by_quad[:2]) for p in periods)
    conflict = sum(sum(p.by_quad[2:]) for p in periods)
    return site.page(
        "dyad.html", first=first, second=second, total=total, coop=coop, conflict=conflict,
        chart=_chart(periods, lambda month: views.dyad_month_href(a, b, month)),
        periods=[period_row(p) for p in periods], rows=rows,
        timeline=views.timeline_rows(entries, sources),
        all_events=href("/events", [("dyad", f"{a},{b}"), ("since", since), ("until", until)]))


@router.get("/stories", response_class=HTMLResponse)
def stories_page(site: SiteDep, limit: Limit = DEFAULT_PAGE, offset: Offset = 0) -> HTMLResponse:
    with site.store() as store:
        found = query.stories(store)
    shown = found[offset:offset + limit]
    return site.page("stories.html", stories=[views.story_record(s) for s in shown],
                     total=len(found), first=offset + 1, last=offset + len(shown),
                     next=href("/stories", [("limit", limit), ("offset", offset + limit)])
                     if limit and offset + limit < len(found) else None)


@router.get("/story/{story_id}", response_class=HTMLResponse)
def story_page(site: SiteDep, story_id: str) -> HTMLResponse:
    """A story's articles by outlet and date, its merged events with their source counts, and
    its timeline."""
    with site.store() as store:
        found = query.story(store, story_id)
        if found is None:
            raise UnknownIdError(story_id, f"no story has the id {story_id!r}")
        articles = {i: query.article(store, i) for i in found.article_ids}
        merged = query.story_events(store, found)
        entries = query.story_timeline(store, found, max_dates=TIMELINE_DATES, per_date=PER_DATE)
    by_outlet: dict[str, list[dict]] = {}
    for art in sorted((a for a in articles.values() if a is not None), key=_outlet_order):
        by_outlet.setdefault(art.source or "(outlet unknown)", []).append(article_row(art))
    return site.page(
        "story.html", story=views.story_record(found), by_outlet=by_outlet,
        events=[{**event_row(e, art), "counts": counts} for e, art, counts in merged],
        timeline=views.timeline_rows(entries, articles))


def _outlet_order(article: Article) -> tuple:
    day = article.published.day if article.published else dt.date.max
    return article.source or "", article.published is None, day, article.id


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article_page(site: SiteDep, article_id: str) -> HTMLResponse:
    """The text with triggers and quotes marked, its date and where it came from, and links to
    the other reports of each of its events."""
    with site.store() as store:
        found = query.article(store, article_id)
        if found is None:
            raise UnknownIdError(article_id, f"no article has the id {article_id!r}")
        view = query.article_view(store, found)
        quoted = [q.text for q in query.quotes(store, found.id)]
        others = {e.event_id: _other_reports(store, e) for e in view.events}
    title = found.title or ""  # headline events' offsets are in the title
    return site.page(
        "article.html", article=found, row=article_row(found),
        url=link(found.url),
        title_runs=views.marked(title, view.events, quoted, headline=True),
        text_runs=views.marked(found.text, view.events, quoted, headline=False),
        events=[{**event_row(e, found), "others": others[e.event_id]} for e in view.events],
        quotes=quoted)


def _other_reports(store: Store, event: Event) -> list[dict]:
    """The articles of the other mentions of the event's cluster."""
    return [article_row(other) if other is not None else
            {"title": mention.article_id, "outlet": None,
             "href": views.article_href(mention.article_id)}
            for mention, other in query.event_view(store, event).cluster]


@router.get("/event/{event_id}", response_class=HTMLResponse)
def event_page(site: SiteDep, event_id: str) -> Response:
    """One event (or the only one whose id begins so) in its context, with its other reports."""
    with site.store() as store:
        found = query.find(store, event_id)
    if isinstance(found, query.ArticleView):
        return RedirectResponse(views.article_href(found.article.id), status_code=303)
    context = found.context
    trigger = context.trigger or (0, 0)
    return site.page(
        "event.html", row=event_row(found.event, found.article), event=found.event,
        before=context.before, after=context.after,
        sentence=(context.sentence[:trigger[0]], context.sentence[trigger[0]:trigger[1]],
                  context.sentence[trigger[1]:]),
        counts=found.counts,
        others=[event_row(o, a) for o, a in found.cluster])
