"""Commands over stories: stories, timeline, report."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import click

from newsevents import query, render
from newsevents.actors.knowledge import load_knowledge_base
from newsevents.cli.app import (
    Context,
    atomic_output,
    cli,
    pass_context,
    read_db_option,
    reading,
)
from newsevents.cli.filters import resolve_filter, story_options
from newsevents.formats import write_csv, write_jsonl
from newsevents.models import EventFilter
from newsevents.store import Store
from newsevents.web.charts import activity_chart
from newsevents.web.report import ReportData, render_report


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="Output format.")
@read_db_option
@pass_context
def stories(ctx: Context, fmt: str, db: Path | None) -> None:
    """Stories: articles about the same story, grouped as they arrive (see `run`).

    jsonl: one {"story_id", "label", "first_date", "last_date", "article_ids"} per story.

    \b
    Example:
      newsevents stories --db news.db --format jsonl
    """
    with reading(ctx, db) as store:
        records = [{"story_id": s.story_id, "label": s.label,
                    "first_date": s.first_date and s.first_date.isoformat(),
                    "last_date": s.last_date and s.last_date.isoformat(),
                    "article_ids": list(s.article_ids)} for s in store.iter_stories()]
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        for record in records:
            record["articles"] = len(record["article_ids"])
        render.records_table(records, ("story_id", "first_date", "last_date", "articles", "label"))


def _story_filter(ctx: Context, store: Store, actor: str | None, dyad: str | None,
                  since: str | None, until: str | None) -> EventFilter:
    return resolve_filter(ctx, store, {"actor": actor, "dyad": dyad, "since": since,
                                       "until": until})


def _story_title(actor: str | None, dyad: tuple[str, str] | None, text: str | None) -> str:
    """What the report is about, in names: "Russia and Libya", not "RUS and LBY"."""
    kb = load_knowledge_base()
    parts = [f"{query.party_name(kb, dyad[0])} and {query.party_name(kb, dyad[1])}"] if dyad \
        else []
    parts += [query.party_name(kb, actor)] if actor else []
    parts += [f'"{text}"'] if text else []
    return " · ".join(parts) or "All stored news"


@cli.command()
@story_options
@click.option("--max-dates", type=click.IntRange(1), default=10, show_default=True,
              help="How many dates (L).")
@click.option("--per-date", type=click.IntRange(1), default=2, show_default=True,
              help="Sentences per date (K).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text",
              show_default=True, help="Output format.")
@read_db_option
@pass_context
def timeline(ctx: Context, actor: str | None, dyad: str | None, text: str | None,
             since: str | None, until: str | None, max_dates: int,
             per_date: int, fmt: str, db: Path | None) -> None:
    """The most important dates of a story, each with its most central sentences and sources.

    \b
    Example:
      newsevents timeline --dyad RUS,LBY --max-dates 12 --per-date 2
      newsevents timeline --query "contact group" --format json
    """
    with reading(ctx, db) as store:
        flt = _story_filter(ctx, store, actor, dyad, since, until)
        entries = query.timeline(store, flt, text=text, max_dates=max_dates, per_date=per_date)
        if fmt == "html":
            data = _report_data(store, flt, text, entries, _story_title(flt.actor, flt.dyad, text))
            sys.stdout.write(render_report(data))
            return
    if fmt == "json":
        sys.stdout.write(json.dumps(query.timeline_record(entries), ensure_ascii=False) + "\n")
        return
    for entry in entries:
        click.echo(entry.date.isoformat())
        for sentence in entry.sentences:
            click.echo(f"  - {sentence}")
        click.echo(f"    sources: {', '.join(entry.sources)}")


def _report_data(store: Store, flt: EventFilter, text: str | None,
                 entries: list, title: str) -> ReportData:
    if text:
        flt = replace(flt, search=text) if not (flt.actor or flt.dyad) else flt
    pairs = list(query.events_with_articles(store, flt))
    articles = {a.id: a for a in query.story_articles(store, flt, text)}
    return ReportData(title, entries, query.activity(store, flt), pairs, articles)


@cli.command()
@story_options
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.html"), show_default=True, help="HTML file to write.")
@click.option("--max-dates", type=click.IntRange(1), default=12, show_default=True,
              help="Timeline dates.")
@read_db_option
@pass_context
def report(ctx: Context, actor: str | None, dyad: str | None, text: str | None,
           since: str | None, until: str | None, output: Path, max_dates: int,
           db: Path | None) -> None:
    """Write a self-contained HTML report: timeline, monthly chart, event table with sources.

    \b
    Example:
      newsevents report --dyad RUS,LBY --output russia-libya.html
    """
    with reading(ctx, db) as store:
        flt = _story_filter(ctx, store, actor, dyad, since, until)
        entries = query.timeline(store, flt, text=text, max_dates=max_dates, per_date=2)
        data = _report_data(store, flt, text, entries, _story_title(flt.actor, flt.dyad, text))
    with atomic_output(output) as temporary:
        temporary.write_text(render_report(data), encoding="utf-8")
    ctx.say(f"report written to {output} ({len(data.events)} events, {len(entries)} dates)")


@cli.command()
@story_options
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "svg"]), default="table",
              show_default=True, help="A table, CSV rows, or an SVG chart.")
@read_db_option
@pass_context
def activity(ctx: Context, actor: str | None, dyad: str | None, text: str | None,
             since: str | None, until: str | None, fmt: str,
             db: Path | None) -> None:
    """Events and summed PLOVER intensity per month for an actor or dyad (the dyad view).

    Events dated to a day, week or month count in their month; events known only to the year
    count in a row of their own for that year ("2011 (year only)"; precision "year" in CSV),
    never in January. CSV columns: period, precision, events, intensity and the four quad
    classes.

    \b
    Example:
      newsevents activity --dyad RUS,LBY
      newsevents activity --actor TUR --format svg > turkey.svg
    """
    with reading(ctx, db) as store:
        flt = _story_filter(ctx, store, actor, dyad, since, until)
        if text:
            flt = replace(flt, search=text)
        periods = query.activity(store, flt)
    if fmt == "svg":
        sys.stdout.write(activity_chart(periods) + "\n")
        return
    if fmt == "csv":
        records = [{"period": p.period, "precision": p.precision.value, "events": p.events,
                    "intensity": p.intensity, **dict(zip(QUAD_KEYS, p.by_quad, strict=True))}
                   for p in periods]
        write_csv(records, sys.stdout, ("period", "precision", "events", "intensity", *QUAD_KEYS))
    else:
        records = [{"period": p.label, "events": p.events, "intensity": f"{p.intensity:+.1f}",
                    **dict(zip(QUAD_HEADERS, p.by_quad, strict=True))} for p in periods]
        render.records_table(records, ("period", "events", "intensity", *QUAD_HEADERS))


QUAD_KEYS = ("verbal_coop", "material_coop", "verbal_conflict", "material_conflict")
QUAD_HEADERS = ("verb.coop", "mat.coop", "verb.confl", "mat.confl")  # fit 80 columns
