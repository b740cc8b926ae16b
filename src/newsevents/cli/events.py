"""Commands over events: query and export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from newsevents import export, query, render
from newsevents.cli.app import (
    Context,
    cli,
    db_option,
    output_stream,
    parse_dyad,
    pass_context,
    settings_for,
)
from newsevents.formats import write_csv, write_jsonl, write_parquet
from newsevents.models import EventFilter
from newsevents.store import Store


def event_filter_options(command):  # noqa: ANN001, ANN201 - a click decorator
    """The options that narrow events, shared by ``events``, ``export`` and ``timeline``."""
    options = [
        click.option("--actor", help="Actor code (RUS), code+sector (RUSGOV) or name."),
        click.option("--recipient", help="Recipient code, code+sector or name."),
        click.option("--dyad", callback=parse_dyad, help="Two actors, either direction: RUS,LBY."),
        click.option("--type", "types", multiple=True, help="PLOVER type; repeatable."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Events on or after."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Events on or before."),
        click.option("--search", help="Words that must all occur in the event's sentence."),
        click.option("--include-negated", is_flag=True, help="Also events said not to happen."),
        click.option("--include-hypothetical", is_flag=True,
                     help="Also hedged or conditional events."),
        click.option("--limit", type=click.IntRange(min=0), help="At most this many events."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _event_filter(options: dict) -> EventFilter:
    since, until = options.pop("since"), options.pop("until")
    return EventFilter(
        actor=options.pop("actor"), recipient=options.pop("recipient"), dyad=options.pop("dyad"),
        types=tuple(t.upper() for t in options.pop("types")),
        since=since.date() if since else None, until=until.date() if until else None,
        search=options.pop("search"), include_negated=options.pop("include_negated"),
        include_hypothetical=options.pop("include_hypothetical"), limit=options.pop("limit"),
    )


EVENT_COLUMNS = (
    "event_id", "date", "date_precision", "type", "mode", "cameo", "quad_class", "intensity",
    "actors", "recipients", "location", "trigger", "sentence", "negated", "hypothetical",
    "confidence", "article_id", "article_title", "published",
)


@cli.command()
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]),
              default="table", show_default=True, help="Output format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (required for parquet).")
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (merged mentions) with its counts.")
@db_option
@pass_context
def events(ctx: Context, fmt: str, output: Path | None, clusters: bool, db: Path | None,
           **filters) -> None:
    """Query coded events in the store.

    \b
    Example:
      newsevents events --dyad RUS,LBY --since 2011-01-01 --format jsonl
      newsevents events --actor RUSGOV --type REJECT --type ACCUSE
      newsevents events --clusters --since 2020-01-01 --format jsonl
    """
    flt = _event_filter(filters)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with Store(settings_for(ctx, db).db_path) as store:
        records = (query.event_record(e, a, c if clusters else None)
                   for e, a, c in _rows(store, flt, clusters))
        if fmt == "table":
            render.events_table(list(records))
        elif fmt == "parquet":
            count = write_parquet(records, output, EVENT_COLUMNS)
            ctx.say(f"{count} events written to {output}")
        else:
            with output_stream(output) as out:
                (write_jsonl(records, out) if fmt == "jsonl"
                 else write_csv(records, out, EVENT_COLUMNS))



@cli.command(name="export")
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "cameo-tsv", "parquet"]),
              default="plover-jsonl", show_default=True, help="Export format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (stdout if absent; required for parquet).")
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (merged mentions) with its counts.")
@db_option
@pass_context
def export_events(ctx: Context, fmt: str, output: Path | None, clusters: bool,
                  db: Path | None, **filters) -> None:
    """Export events as PLOVER JSON lines, GDELT-like CAMEO TSV or Parquet (PLOVER columns).

    \b
    Example:
      newsevents export --format cameo-tsv --output events.tsv
      newsevents export --format parquet --output events.parquet --since 2020-01-01
    """
    flt = _event_filter(filters)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with Store(settings_for(ctx, db).db_path) as store:
        rows = _rows(store, flt, clusters)
        records = (export.plover_record(e, a, c) for e, a, c in rows)
        if fmt == "parquet":
            count = export.write_plover_parquet(records, output)
        elif fmt == "plover-jsonl":
            with output_stream(output) as out:
                count = export.write_plover_jsonl(records, out)
        else:
            with output_stream(output) as out:
                count = export.write_cameo_tsv(
                    (r for e, a, c in rows for r in export.cameo_rows(e, a, counts=c)), out)
    ctx.say(f"{count} records exported", 0)


def _rows(store: Store, flt: EventFilter, clusters: bool) -> Iterator[tuple]:
    """(event, article, counts): one per cluster with its counts, or one per mention."""
    if clusters:
        return query.clustered_events(store, flt)
    return ((e, a, export.SINGLE) for e, a in query.events_with_articles(store, flt))
