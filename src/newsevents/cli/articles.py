"""Commands over articles: ingest, run, extract, articles, stats, demo."""

from __future__ import annotations

import csv
import json
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from contextlib import nullcontext
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import click

from newsevents import pipeline, query, render
from newsevents.cli.app import (
    ARTICLE_COLUMNS,
    EXIT_NOTHING,
    EXIT_OK,
    Context,
    Meter,
    cli,
    db_option,
    pass_context,
    progress_bar,
    progress_bars,
    raw_cells_option,
    read_db_option,
    reading,
    report_problem,
    settings_for,
    working,
)
from newsevents.cli.scale import run_on_dask
from newsevents.config import AUTO_WORKERS, SAMPLE_DIR, Settings, cores
from newsevents.events.coder import CODER_VERSION
from newsevents.filters import MAX_LIMIT
from newsevents.formats import write_csv, write_jsonl
from newsevents.ingest import iter_inputs
from newsevents.ingest.inputs import READERS, STDIN_PATH, Target, expand, file_type
from newsevents.ingest.limits import capped_lines
from newsevents.models import Article, EventFilter, Problem, Severity
from newsevents.store import Store

if TYPE_CHECKING:
    from newsevents.workers import Pool

# --- counting inputs up front, for the progress display's total and ETA ------------------------

ONE_ARTICLE_TYPES = frozenset({".txt", ".text", ".html", ".htm", ".xhtml"})
LINE_PER_RECORD_TYPES = frozenset({".jsonl", ".ndjson"})


def is_record(item: Article | Problem) -> bool:
    """What the progress display counts: an article, or the error reported in its place."""
    return not isinstance(item, Problem) or item.severity is Severity.ERROR


def expected_records(paths: Sequence[str]) -> int | None:
    """How many records reading ``paths`` gives (see :func:`is_record`), counted without parsing;
    None where that would mean parsing (.json arrays, WARC archives) or reading stdin."""
    total = 0
    for given in paths:
        if given == STDIN_PATH:
            return None
        for target in expand(given):
            count = records_in(target)
            if count is None:
                return None
            total += count
    return total


def records_in(target: Target | Problem) -> int | None:
    if isinstance(target, Problem):
        return int(is_record(target))
    kind = file_type(target.path)
    if kind in ONE_ARTICLE_TYPES or not os.path.isfile(target.path):  # a FIFO: never opened
        return 1
    cap = Settings().max_record_bytes  # a line over it is one problem; never read whole
    try:
        if kind in LINE_PER_RECORD_TYPES:
            with open(target.path, "rb") as lines:
                return max(1, sum(1 for line in capped_lines(lines, cap)
                                  if line is None or line.strip()))  # empty: one error
        if kind == ".csv":
            with open(target.path, encoding="utf-8", errors="replace", newline="") as rows:
                lines = (line or "\n" for line in capped_lines(rows, cap))
                return max(1, sum(1 for _ in csv.reader(lines)) - 1)
    except (OSError, csv.Error):
        return None
    if kind in READERS:
        return None
    return 0 if target.found else 1  # unsupported: a warning in a folder, an error when named


def run_ingest(ctx: Context, settings: Settings, paths: tuple[str, ...]) -> pipeline.IngestReport:
    count = partial(expected_records, paths)
    with Store(settings.db_path) as store, progress_bar(ctx, "Ingesting", count) as meter:
        report = pipeline.ingest(paths, store, settings, stdin=sys.stdin,
                                 on_item=partial(on_read, ctx, meter))
    say_ingested(ctx, report)
    return report


def on_read(ctx: Context, meter: Meter, item: Article | Problem) -> None:
    if isinstance(item, Problem):
        report_problem(ctx, item)
    if is_record(item):
        meter.advance()


def say_ingested(ctx: Context, report: pipeline.IngestReport) -> None:
    ctx.say(
        f"{report.articles_read} articles read: {len(report.new)} new, "
        f"{len(report.existing)} already stored, {len(report.near_duplicates)} near duplicates; "
        f"{len(report.errors)} problems"
    )
    for copy, original, similarity in report.near_duplicates:
        ctx.say(f"  {copy} is a copy of {original} (similarity {similarity:.2f})", 1)


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@pass_context
def ingest(ctx: Context, paths: tuple[str, ...], db: Path | None) -> None:
    """Read articles from files, folders, globs or - (JSONL on stdin) into the store.

    Formats: .txt (headline first), .html/.htm, .jsonl/.json, .csv, .warc/.warc.gz.
    Exit code 0 when any article was read, 1 when none was, 2 for usage errors.

    \b
    Example:
      newsevents ingest ../shared/seeds --db x.db
      cat articles.jsonl | newsevents ingest - --db x.db
    """
    report = run_ingest(ctx, settings_for(ctx, db), paths)
    sys.exit(EXIT_OK if report.articles_read else EXIT_NOTHING)


@cli.group(invoke_without_command=True)
@click.option("--search", help="Full-text query over titles and texts.")
@click.option("--limit", type=click.IntRange(min=0, max=MAX_LIMIT), default=None,
              help="At most this many articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@raw_cells_option
@read_db_option
@pass_context
def articles(ctx: Context, search: str | None, limit: int | None, fmt: str, raw_cells: bool,
             db: Path | None) -> None:
    """List stored articles, optionally matching a full-text search; `articles show ID` shows
    one, with what ingest cut from its page.

    \b
    Example:
      newsevents articles --search "contact group" --format jsonl
      newsevents articles show b22df7bc23e6578f
    """
    if click.get_current_context().invoked_subcommand is not None:
        return
    with reading(ctx, db) as store:
        records = (a.to_json() for a in query.articles(store, search=search, limit=limit))
        if fmt == "jsonl":
            write_jsonl(records, sys.stdout)
        elif fmt == "csv":
            write_csv(records, sys.stdout, ARTICLE_COLUMNS, raw=raw_cells)
        else:
            render.articles_table(list(records))


@articles.command("show")
@click.argument("article_id")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@read_db_option
@pass_context
def show_article(ctx: Context, article_id: str, fmt: str, db: Path | None) -> None:
    """One stored article: its record, and what ingest cut from its page (reader comments, page
    furniture; lines per kind).

    \b
    Example:
      newsevents articles show b22df7bc23e6578f --format json
    """
    with reading(ctx, db) as store:
        found = query.article(store, article_id)
    if found is None:
        raise click.BadParameter(f"no stored article has the id {article_id!r} "
                                 "(newsevents articles lists them)", param_hint="ARTICLE_ID")
    record = found.to_json()
    if fmt == "json":
        click.echo(json.dumps(record, ensure_ascii=False, indent=2))
        return
    cut = ", ".join(f"{kind}: {lines} lines" for kind, lines in found.cut) or "nothing"
    rows = {key: record[key] for key in ("id", "title", "source", "published",
                                         "published_source", "url", "path")}
    rows["cut from the page"] = cut
    rows["text"] = found.text[:400] + ("…" if len(found.text) > 400 else "")
    render.key_values_table(("field", "value"), {k: "" if v is None else v for k, v in rows.items()})


@cli.command()
@read_db_option
@pass_context
def stats(ctx: Context, db: Path | None) -> None:
    """Counts of what the store holds.

    \b
    Example:
      newsevents stats --db news.db
    """
    with reading(ctx, db) as store:
        counts = query.stats(store)
    render.key_values_table(("table", "rows"), counts)


@cli.command()
@db_option
@pass_context
def demo(ctx: Context, db: Path | None) -> None:
    """Run newsevents end to end on the bundled sample corpus: ingest, code, show events.

    \b
    Example:
      newsevents demo --db demo.db
    """
    settings = settings_for(ctx, db)
    ctx.say(f"Sample corpus: {SAMPLE_DIR}")
    run_ingest(ctx, settings, (str(SAMPLE_DIR),))
    run_extract(ctx, settings)
    flt = EventFilter(dyad=("RUS", "LBY"))
    with Store(settings.db_path) as store:
        records = [query.event_record(e, a) for e, a in query.events_with_articles(store, flt)]
    ctx.say(f"Events between Russia and Libya ({len(records)}), oldest first:")
    render.events_table(records)
    ctx.say(f"Explore further: newsevents --db {settings.db_path} events --help")


# --- events: extract, run, query, export --------------------------------------------------------


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@pass_context
def extract(ctx: Context, paths: tuple[str, ...]) -> None:
    """Code articles without storing them: one JSON object per article on stdout.

    Reads files, folders, globs or - (JSONL with "text" and optional "id", "title", "url",
    "published", "source") like ingest. See docs/schema.md for the record.

    \b
    Example:
      newsevents extract ../shared/seeds > events.jsonl
      echo '{"text": "Russia rejected the plan."}' | newsevents extract -
    """
    inputs = iter_inputs(paths, stdin=sys.stdin, settings=ctx.settings)
    count = 0
    with progress_bar(ctx, "Coding events", partial(expected_records, paths)) as meter:
        for item in pipeline.extract(metered_articles(ctx, inputs, meter), ctx.settings):
            meter.advance()
            if isinstance(item, Problem):
                report_problem(ctx, item)
                continue
            sys.stdout.write(json.dumps(extraction_record(item), ensure_ascii=False) + "\n")
            count += 1
    sys.exit(EXIT_OK if count else EXIT_NOTHING)


def metered_articles(
    ctx: Context, items: Iterable[Article | Problem], meter: Meter
) -> Iterator[Article]:
    """Articles pass on to coding (counted when coded); input errors are reported and counted."""
    for item in items:
        if isinstance(item, Problem):
            report_problem(ctx, item)
            if is_record(item):
                meter.advance()
        else:
            yield item


def extraction_record(result: pipeline.Extraction) -> dict:
    article = result.article.to_json()
    record = {key: article[key] for key in ("id", "title", "url", "published",
                                            "published_precision", "published_source",
                                            "published_window")}
    record["events"] = [event.to_json() for event in result.events]
    record["quotes"] = [quote.to_json() for quote in result.quotes]
    return record


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(1, 64), default=None,
              help="Processes that parse and code (default: one per CPU core when there is "
                   f"enough to code, {cores()} here); with --engine dask, local Dask worker "
                   "processes (default: one per core).")
@click.option("--engine", type=click.Choice(["local", "dask"]), default="local",
              show_default=True, help="local: this machine, into --db; dask: one task per "
                                      "input file on a Dask cluster, into a Parquet dataset "
                                      "(--output; docs/scale.md).")
@click.option("--scheduler", metavar="tcp://HOST:PORT", default=None,
              help="With --engine dask: the Dask scheduler to use (default: a local cluster "
                   "of --workers processes).")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="With --engine dask (required): the new dataset directory; merge it into a "
                   "database with `newsevents load`.")
@click.option("--retries", type=click.IntRange(0, 10), default=2, show_default=True,
              help="With --engine dask: times a failed input file is retried.")
@db_option
@pass_context
def run(ctx: Context, paths: tuple[str, ...], workers: int, engine: str, scheduler: str | None,
        output: Path | None, retries: int, db: Path | None) -> None:
    """Ingest articles and code their events, quotes and dates into the store.

    Re-running codes only what is new (or was coded by an older coder version).

    \b
    Example:
      newsevents run ../shared/seeds --db news.db --workers 2
      newsevents run corpus/ --engine dask --workers 4 --output news.parquet
    """
    if engine == "dask":
        sys.exit(run_on_dask(ctx, paths, output, scheduler=scheduler,
                             workers=workers or cores(), retries=retries, db=db))
    if scheduler is not None or output is not None:
        raise click.UsageError("--scheduler and --output go with --engine dask")
    settings = settings_for(ctx, db).with_(workers=workers or AUTO_WORKERS)
    with Store(settings.db_path) as store:  # its processes load the model during the ingest
        pool = pipeline.early_pool(settings, store, paths)
    with pool if pool is not None else nullcontext():
        ingested, coded = run_all(ctx, settings, paths, pool)
    ok = ingested.articles_read or coded.articles
    sys.exit(EXIT_OK if ok else EXIT_NOTHING)


def run_all(ctx: Context, settings: Settings, paths: tuple[str, ...], pool: Pool | None
            ) -> tuple[pipeline.IngestReport, pipeline.ExtractReport]:
    """Ingest and code as ``pipeline.run`` does (with ``pool``, each batch coded while the next
    is read), showing both steps; then link and place in stories."""
    ingested = pipeline.IngestReport()
    count = partial(expected_records, paths)
    with Store(settings.db_path) as store:
        with progress_bars(ctx, ("Ingesting", count), ("Coding events", None)) as meters:
            reading, coding = meters
            before = pending_count(store) if coding.shown else 0

            def batches() -> Iterator[tuple[str, ...]]:
                yield from pipeline.ingest_batches(paths, store, ingested, settings,
                                                   stdin=sys.stdin,
                                                   on_item=partial(on_read, ctx, reading))
                coding.set_total(before + len(ingested.new))

            coded = pipeline.extract_pending(store, settings, pool=pool, incoming=batches(),
                                             on_item=partial(on_coded, ctx, coding))
        say_ingested(ctx, ingested)
        if pool is not None:
            pool.release()  # its processes exit while the parent links
        link_and_place(ctx, store, coded)
    return ingested, coded


def pending_count(store: Store) -> int:
    """Articles :func:`pipeline.extract_pending` will code (the store has no COUNT for it)."""
    return len(store.pending_articles(CODER_VERSION))


def run_extract(ctx: Context, settings: Settings) -> pipeline.ExtractReport:
    with Store(settings.db_path) as store:
        with progress_bar(ctx, "Coding events", partial(pending_count, store)) as meter:
            report = pipeline.extract_pending(store, settings,
                                              on_item=partial(on_coded, ctx, meter))
        link_and_place(ctx, store, report)
    return report


def on_coded(ctx: Context, meter: Meter, item: pipeline.Extraction | Problem) -> None:
    if isinstance(item, Problem):
        report_problem(ctx, item)
    meter.advance()


def link_and_place(ctx: Context, store: Store, report: pipeline.ExtractReport) -> None:
    """Link reports of the same event, place articles in stories, and say what coding did."""
    with working(ctx, "Linking reports of the same event …"):
        linked = pipeline.link_events(store)
    with working(ctx, "Placing articles in stories …"):
        placed = pipeline.cluster_stories(store)
    ctx.say(f"{report.articles} articles coded: {report.events} events, {report.quotes} quotes; "
            f"{linked} mentions merged with reports of the same event elsewhere; "
            f"{placed} articles placed in stories; {len(report.problems)} problems")
