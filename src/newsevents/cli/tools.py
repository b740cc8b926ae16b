"""Commands for actor lists, time expressions and benchmarks."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

import click

from newsevents import evaluation, render
from newsevents.actors import read_petrarch_actors, write_user_tsv
from newsevents.cli.app import (
    EXIT_NOTHING,
    EXIT_OK,
    Context,
    cli,
    pass_context,
    read_db_option,
    reading,
)
from newsevents.config import shared_dir
from newsevents.evaluation import gate
from newsevents.formats import write_jsonl
from newsevents.models import DateValue
from newsevents.temporal import find_timexes


@cli.group()
def actors() -> None:
    """Actor lists: import PETRARCH dictionaries, list actors learned from articles.

    \b
    Example:
      newsevents actors import Phoenix.Countries.actors.txt --output my_actors.tsv
      newsevents --actors my_actors.tsv run articles/
    """


@actors.command(name="import")
@click.argument("source", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True,
              help="Our actor TSV to write (then pass it with --actors).")
@pass_context
def import_actors(ctx: Context, source: Path, output: Path) -> None:
    """Convert a PETRARCH/Phoenix actor dictionary into a newsevents actor TSV.

    \b
    Example:
      newsevents actors import PETR.Validate.actors.txt --output validate.tsv
    """
    count = write_user_tsv(read_petrarch_actors(source), output)
    ctx.say(f"{count} actor entries written to {output}")


@actors.command(name="list")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="Output format.")
@read_db_option
@pass_context
def list_actors(ctx: Context, fmt: str, db: Path | None) -> None:
    """Actors learned from articles, with first and last seen dates.

    \b
    Example:
      newsevents actors list --db news.db
    """
    with reading(ctx, db) as store:
        records = [{"name": a.name, "code": a.code, "sector": a.sector, "aliases": list(a.aliases),
                    "first_seen": a.first_seen and a.first_seen.isoformat(),
                    "last_seen": a.last_seen and a.last_seen.isoformat(),
                    "mentions": a.mentions, "origin": a.origin}
                   for a in store.known_actors()]
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        render.records_table(records, ("name", "code", "sector", "first_seen", "last_seen",
                                       "mentions"))


@cli.command()
@click.argument("source", type=click.File("r", encoding="utf-8"), default="-")
@click.option("--dct", type=click.DateTime(["%Y-%m-%d"]), help="The document's date (YYYY-MM-DD).")
def timex(source: TextIO, dct: dt.datetime | None) -> None:
    """Time expressions in a text, normalised against its date: one JSON line each.

    Each line is {"start", "end", "text", "type", "value"} with character offsets into the text.

    \b
    Example:
      echo "Russia on Wednesday turned down the offer." | newsevents timex --dct 2011-07-13
    """
    anchor = DateValue(dct.date()) if dct else None
    write_jsonl((t.to_json() for t in find_timexes(source.read(), anchor)), sys.stdout)


def runnable_benchmarks(which: str, shared: Path) -> list[str]:
    """The benchmarks :func:`evaluation.run_selected` will run: those whose inputs exist."""
    return [name for name, (_, _, inputs) in evaluation.select(which).items()
            if all((shared / path).exists() for path in inputs)]


def benchmark_counter(ctx: Context, which: str, shared: Path) -> Callable[[str], None]:
    """An ``on_start`` that numbers the lines: 'running events-dev … (2 of 9)'."""
    total = len(runnable_benchmarks(which, shared))
    started = 0

    def on_start(message: str) -> None:
        nonlocal started
        started += 1
        ctx.say(f"{message} ({started} of {total})")

    return on_start


@cli.command(name="eval")
@click.argument("which", default="all")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--check", is_flag=True, help="Exit 1 when a metric falls below its floor.")
@click.option("--floors", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("bench/floors.json"), show_default=True, help="Floors file.")
@click.option("--details", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the misses and false positives of the events-dev* benchmarks here.")
@pass_context
def evaluate(
    ctx: Context, which: str, fmt: str, check: bool, floors: Path, details: Path | None
) -> None:
    """Run the benchmarks on the gold data in ../shared (or $NEWSEVENTS_SHARED).

    WHICH is a group (events, dates, timelines, ingest, all) or one benchmark's name.

    \b
    Example:
      newsevents eval events
      newsevents eval all --format json --check
      newsevents eval events-dev-more --details misses.txt
    """
    if check and not floors.is_file():
        raise click.UsageError(f"floors file {floors} not found: run from a checkout of "
                               "newsevents or pass --floors FILE")
    results = evaluation.run_selected(which, ctx.settings, shared_dir(),
                                      on_start=benchmark_counter(ctx, which, shared_dir()))
    if fmt == "json":
        sys.stdout.write(json.dumps(results, indent=1) + "\n")
    else:
        for name, result in results.items():
            render.metrics_table(name, result)
    if details is not None:
        lines = evaluation.dev_details(which, ctx.settings, shared_dir())
        details.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
        ctx.say(f"{len(lines)} detail lines written to {details}")
    if check:
        failed = gate.check_all(results, floors, shared_dir())
        for line in failed:
            ctx.say(f"[red]{line}[/]", -1)
        sys.exit(EXIT_NOTHING if failed else EXIT_OK)
