"""Commands over events: query and export."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import click

from newsevents import export, query, render
from newsevents.cli.app import (
    Context,
    atomic_output,
    cli,
    output_stream,
    pass_context,
    raw_cells_option,
    read_db_option,
    reading,
)
from newsevents.cli.filters import event_filter_options, resolve_filter
from newsevents.formats import write_jsonl
from newsevents.models import EventFilter
from newsevents.store import Store


@cli.command()
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv", "parquet"]),
              default="table", show_default=True, help="Output format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (required for parquet).")
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (merged mentions) with its counts.")
@click.option("--wide", is_flag=True,
              help="Table: every column and whole sentences (default: short id, date, type, "
                   "actor → recipient codes, the sentence cut to fit).")
@raw_cells_option
@read_db_option
@pass_context
def events(ctx: Context, fmt: str, output: Path | None, clusters: bool, wide: bool,
           raw_cells: bool, db: Path | None, **filters) -> None:
    """Query coded events in the store.

    The table shows the first characters of each event id; `newsevents show ID` takes them.
    CSV and Parquet have the columns of `export --format csv|parquet` (docs/schema.md).

    \b
    Example:
      newsevents events --dyad RUS,LBY --since 2011-01-01 --format jsonl
      newsevents events --actor RUSGOV --type REJECT --type ACCUSE --wide
      newsevents events --clusters --since 2020-01-01 --format csv > events.csv
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with reading(ctx, db) as store:
        flt = resolve_filter(ctx, store, filters)
        records = (query.event_record(e, a, c if clusters else None)
                   for e, a, c in _rows(store, flt, clusters))
        if fmt == "table":
            render.events_table(list(records), wide=wide)
        elif fmt == "jsonl":
            with output_stream(output) as out:
                write_jsonl(records, out)
        else:
            count = _write_table(fmt, output, (export.event_row(e, a, c)
                                               for e, a, c in _rows(store, flt, clusters)),
                                 raw_cells)
            if output is not None:
                ctx.say(f"{count} events written to {output}")


@cli.command(name="export")
@event_filter_options
@click.option("--format", "fmt",
              type=click.Choice(["plover-jsonl", "cameo-tsv", "csv", "parquet"]),
              default="plover-jsonl", show_default=True,
              help="Export format (csv and parquet: the flat event table of docs/schema.md).")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (stdout if absent; required for parquet).")
@click.option("--clusters", is_flag=True,
              help="One row per real-world event (merged mentions) with its counts.")
@raw_cells_option
@read_db_option
@pass_context
def export_events(ctx: Context, fmt: str, output: Path | None, clusters: bool,
                  raw_cells: bool, db: Path | None, **filters) -> None:
    """Export events as PLOVER JSON lines, GDELT-like CAMEO TSV (one row per actor-recipient
    pair), or the flat event table as CSV or Parquet (the columns of `events --format csv`).

    \b
    Example:
      newsevents export --format cameo-tsv --output events.tsv
      newsevents export --format csv --output events.csv --dyad RUS,LBY
      newsevents export --format parquet --output events.parquet --since 2020-01-01
    """
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with reading(ctx, db) as store:
        flt = resolve_filter(ctx, store, filters)
        rows = _rows(store, flt, clusters)
        records = (export.plover_record(e, a, c) for e, a, c in rows)
        if fmt in ("csv", "parquet"):
            count = _write_table(fmt, output, (export.event_row(e, a, c) for e, a, c in rows),
                                 raw_cells)
        elif fmt == "plover-jsonl":
            with output_stream(output) as out:
                count = export.write_plover_jsonl(records, out)
        else:
            with output_stream(output) as out:
                count = export.write_cameo_tsv(
                    (r for e, a, c in rows for r in export.cameo_rows(e, a, counts=c)), out,
                    raw=raw_cells)
    ctx.say(f"{count} records exported", 0)


def _write_table(fmt: str, output: Path | None, rows: Iterator[dict], raw: bool) -> int:
    """The flat event table as CSV (to ``output`` or stdout) or Parquet (to ``output``)."""
    if fmt == "parquet":
        with atomic_output(output) as temporary:
            return export.write_event_parquet(rows, temporary)
    with output_stream(output) as out:
        return export.write_event_csv(rows, out, raw=raw)


def _rows(store: Store, flt: EventFilter, clusters: bool) -> Iterator[tuple]:
    """(event, article, counts): one per cluster with its counts, or one per mention."""
    if clusters:
        return query.clustered_events(store, flt)
    return ((e, a, export.SINGLE) for e, a in query.events_with_articles(store, flt))
