"""The ``newsevents`` command line: each command parses options and calls one library function."""

from __future__ import annotations

import sys
import datetime as dt
import json
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsevents import evaluation, export, pipeline, query, render
from newsevents.actors import read_petrarch_actors, write_user_tsv
from newsevents.config import SAMPLE_DIR, Settings, shared_dir
from newsevents.evaluation import gate
from newsevents.errors import NewsEventsError
from newsevents.formats import write_csv, write_jsonl, write_parquet
from newsevents.ingest import iter_inputs
from newsevents.models import Article, DateValue, EventFilter, Problem, Severity
from newsevents.store import Store
from newsevents.temporal import find_timexes
from newsevents.web.report import ReportData, render_report

ARTICLE_COLUMNS = (
    "id", "url", "source", "title", "text", "published", "published_precision",
    "published_source", "path", "language",
)
EXIT_OK, EXIT_NOTHING, EXIT_USAGE = 0, 1, 2

err = Console(stderr=True)


class Context:
    """Options shared by every command, resolved once into :class:`Settings`."""

    def __init__(self, db: Path, verbosity: int) -> None:
        self.settings = Settings(db_path=db)
        self.verbosity = verbosity

    def say(self, message: str, level: int = 0) -> None:
        if self.verbosity >= level:
            err.print(message, highlight=False, soft_wrap=True)


pass_context = click.make_pass_decorator(Context)
db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite database file (default ./newsevents.db).",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", "db", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("newsevents.db"), show_default=True, help="SQLite database file.")
@click.option("--actors", "actor_files", multiple=True,
              type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Extra actor list (our TSV or a PETRARCH dictionary); repeatable.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and results.")
@click.option("-v", "--verbose", count=True, help="Print more detail (repeat for more).")
@click.version_option(package_name="newsevents")
@click.pass_context
def cli(ctx: click.Context, db: Path, actor_files: tuple[Path, ...], quiet: bool,
        verbose: int) -> None:
    """Turn news articles into dated, sourced political event data.

    \b
    Example:
      newsevents run articles/ --db news.db
      newsevents events --db news.db --dyad RUS,LBY --format jsonl
    """
    ctx.obj = Context(db, -1 if quiet else verbose)
    ctx.obj.settings = ctx.obj.settings.with_(user_actor_files=actor_files)


def _settings(ctx: Context, db: Path | None) -> Settings:
    return ctx.settings if db is None else ctx.settings.with_(db_path=db)


@contextmanager
def _progress(ctx: Context, label: str) -> Iterator[Progress | None]:
    if ctx.verbosity < 0 or not err.is_terminal:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} items"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task(label, total=None)
        yield progress


def _report_problem(ctx: Context, problem: Problem) -> None:
    if problem.severity is Severity.ERROR or ctx.verbosity >= 0:
        ctx.say(f"[{'red' if problem.severity is Severity.ERROR else 'yellow'}]{problem}[/]", -1)


def run_ingest(ctx: Context, settings: Settings, paths: tuple[str, ...]) -> pipeline.IngestReport:
    with Store(settings.db_path) as store, _progress(ctx, "Ingesting") as progress:

        def on_item(item: Article | Problem) -> None:
            if isinstance(item, Problem):
                _report_problem(ctx, item)
            if progress is not None:
                progress.advance(progress.task_ids[0])

        report = pipeline.ingest(paths, store, settings, stdin=sys.stdin, on_item=on_item)
    ctx.say(
        f"{report.articles_read} articles read: {len(report.new)} new, "
        f"{len(report.existing)} already stored, {len(report.near_duplicates)} near duplicates; "
        f"{len(report.errors)} problems"
    )
    for copy, original, similarity in report.near_duplicates:
        ctx.say(f"  {copy} is a copy of {original} (similarity {similarity:.2f})", 1)
    return report


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
    report = run_ingest(ctx, _settings(ctx, db), paths)
    sys.exit(EXIT_OK if report.articles_read else EXIT_NOTHING)


@cli.command()
@click.option("--search", help="Full-text query over titles and texts.")
@click.option("--limit", type=int, default=None, help="At most this many articles.")
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl", "csv"]), default="table",
              show_default=True, help="Output format.")
@db_option
@pass_context
def articles(ctx: Context, search: str | None, limit: int | None, fmt: str, db: Path | None) -> None:
    """List stored articles, optionally matching a full-text search.

    \b
    Example:
      newsevents articles --search "contact group" --format jsonl
    """
    with Store(_settings(ctx, db).db_path) as store:
        records = (a.to_json() for a in query.articles(store, search=search, limit=limit))
        if fmt == "jsonl":
            write_jsonl(records, sys.stdout)
        elif fmt == "csv":
            write_csv(records, sys.stdout, ARTICLE_COLUMNS)
        else:
            render.articles_table(list(records))


@cli.command()
@db_option
@pass_context
def stats(ctx: Context, db: Path | None) -> None:
    """Counts of what the store holds.

    \b
    Example:
      newsevents stats --db news.db
    """
    with Store(_settings(ctx, db).db_path) as store:
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
    settings = _settings(ctx, db)
    ctx.say(f"Sample corpus: {SAMPLE_DIR}")
    run_ingest(ctx, settings, (str(SAMPLE_DIR),))
    run_extract(ctx, settings)
    flt = EventFilter(dyad=("RUS", "LBY"))
    with Store(settings.db_path) as store:
        records = [query.event_record(e, a) for e, a in query.events_with_articles(store, flt)]
    ctx.say(f"Events between Russia and Libya ({len(records)}), oldest first:")
    render.events_table(records)
    ctx.say(f"Explore further: newsevents --db {settings.db_path} events --help")


def main() -> None:
    """Console entry point: library errors become one line on stderr and exit code 1."""
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.UsageError as exc:
        exc.show()
        sys.exit(EXIT_USAGE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        err.print("Aborted.")
        sys.exit(EXIT_NOTHING)
    except NewsEventsError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        sys.exit(EXIT_NOTHING)


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
    articles = _articles_only(ctx, iter_inputs(paths, stdin=sys.stdin, settings=ctx.settings))
    count = 0
    for item in pipeline.extract(articles, ctx.settings):
        if isinstance(item, Problem):
            _report_problem(ctx, item)
            continue
        sys.stdout.write(json.dumps(extraction_record(item), ensure_ascii=False) + "\n")
        count += 1
    sys.exit(EXIT_OK if count else EXIT_NOTHING)


def _articles_only(ctx: Context, items: Iterable[Article | Problem]) -> Iterator[Article]:
    """Articles pass on (streamed); problems are reported as they come."""
    for item in items:
        if isinstance(item, Problem):
            _report_problem(ctx, item)
        else:
            yield item


def extraction_record(result: pipeline.Extraction) -> dict:
    article = result.article.to_json()
    record = {key: article[key] for key in ("id", "title", "url", "published",
                                            "published_precision", "published_source")}
    record["events"] = [event.to_json() for event in result.events]
    record["quotes"] = [quote.to_json() for quote in result.quotes]
    return record


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Parser processes (spaCy nlp.pipe n_process).")
@db_option
@pass_context
def run(ctx: Context, paths: tuple[str, ...], workers: int, db: Path | None) -> None:
    """Ingest articles and code their events, quotes and dates into the store.

    Re-running codes only what is new (or was coded by an older coder version).

    \b
    Example:
      newsevents run ../shared/seeds --db news.db --workers 2
    """
    settings = _settings(ctx, db).with_(workers=workers)
    ingested = run_ingest(ctx, settings, paths)
    coded = run_extract(ctx, settings)
    ok = ingested.articles_read or coded.articles
    sys.exit(EXIT_OK if ok else EXIT_NOTHING)


def run_extract(ctx: Context, settings: Settings) -> pipeline.ExtractReport:
    with Store(settings.db_path) as store, _progress(ctx, "Coding events") as progress:

        def on_item(item: pipeline.Extraction | Problem) -> None:
            if isinstance(item, Problem):
                _report_problem(ctx, item)
            if progress is not None:
                progress.advance(progress.task_ids[0])

        report = pipeline.extract_pending(store, settings, on_item=on_item)
        linked = pipeline.link_events(store)
        placed = pipeline.cluster_stories(store)
    ctx.say(f"{report.articles} articles coded: {report.events} events, {report.quotes} quotes; "
            f"{linked} mentions merged with reports of the same event elsewhere; "
            f"{placed} articles placed in stories; {len(report.problems)} problems")
    return report


def _dyad(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("give two actors separated by a comma, e.g. RUS,LBY")
    return parts[0], parts[1]


def event_filter_options(command):  # noqa: ANN001, ANN201 - a click decorator
    """The options that narrow events, shared by ``events``, ``export`` and ``timeline``."""
    options = [
        click.option("--actor", help="Actor code (RUS), code+sector (RUSGOV) or name."),
        click.option("--recipient", help="Recipient code, code+sector or name."),
        click.option("--dyad", callback=_dyad, help="Two actors, either direction: RUS,LBY."),
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
@db_option
@pass_context
def events(ctx: Context, fmt: str, output: Path | None, db: Path | None, **filters) -> None:
    """Query coded events in the store.

    \b
    Example:
      newsevents events --dyad RUS,LBY --since 2011-01-01 --format jsonl
      newsevents events --actor RUSGOV --type REJECT --type ACCUSE
    """
    flt = _event_filter(filters)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with Store(_settings(ctx, db).db_path) as store:
        records = (query.event_record(e, a) for e, a in query.events_with_articles(store, flt))
        if fmt == "table":
            render.events_table(list(records))
        elif fmt == "parquet":
            count = write_parquet(records, output, EVENT_COLUMNS)
            ctx.say(f"{count} events written to {output}")
        else:
            with _output_stream(output) as out:
                (write_jsonl(records, out) if fmt == "jsonl"
                 else write_csv(records, out, EVENT_COLUMNS))


@contextmanager
def _output_stream(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle


@cli.command(name="export")
@event_filter_options
@click.option("--format", "fmt", type=click.Choice(["plover-jsonl", "cameo-tsv", "parquet"]),
              default="plover-jsonl", show_default=True, help="Export format.")
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file (stdout if absent; required for parquet).")
@db_option
@pass_context
def export_events(ctx: Context, fmt: str, output: Path | None, db: Path | None, **filters) -> None:
    """Export events as PLOVER JSON lines, GDELT-like CAMEO TSV or Parquet (PLOVER columns).

    \b
    Example:
      newsevents export --format cameo-tsv --output events.tsv
      newsevents export --format parquet --output events.parquet --since 2020-01-01
    """
    flt = _event_filter(filters)
    if fmt == "parquet" and output is None:
        raise click.UsageError("--format parquet needs --output FILE")
    with Store(_settings(ctx, db).db_path) as store:
        pairs = query.events_with_articles(store, flt)
        if fmt == "parquet":
            count = export.write_plover_parquet((export.plover_record(e, a) for e, a in pairs),
                                                output)
        else:
            with _output_stream(output) as out:
                count = (export.write_plover_jsonl((export.plover_record(e, a) for e, a in pairs), out)
                         if fmt == "plover-jsonl" else
                         export.write_cameo_tsv((r for e, a in pairs for r in export.cameo_rows(e, a)),
                                                out))
    ctx.say(f"{count} records exported", 0)


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="Output format.")
@db_option
@pass_context
def stories(ctx: Context, fmt: str, db: Path | None) -> None:
    """Stories: articles about the same story, grouped as they arrive (see `run`).

    jsonl: one {"story_id", "label", "first_date", "last_date", "article_ids"} per story.

    \b
    Example:
      newsevents stories --db news.db --format jsonl
    """
    with Store(_settings(ctx, db).db_path) as store:
        records = [{"story_id": s.story_id, "label": s.label,
                    "first_date": s.first_date and s.first_date.isoformat(),
                    "last_date": s.last_date and s.last_date.isoformat(),
                    "article_ids": list(s.article_ids)} for s in store.iter_stories()]
    if fmt == "jsonl":
        write_jsonl(records, sys.stdout)
    else:
        for record in records:
            record["articles"] = len(record["article_ids"])
        render.records_table(records, ("first_date", "last_date", "articles", "label", "story_id"))


def story_options(command):  # noqa: ANN001, ANN201 - a click decorator
    """What a timeline or report is about: an actor, a dyad and/or a topic, within dates."""
    options = [
        click.option("--actor", help="Actor code (RUS), code+sector (RUSGOV) or name."),
        click.option("--dyad", callback=_dyad, help="Two actors, either direction: RUS,LBY."),
        click.option("--query", "text", help="Topic words (full-text over articles)."),
        click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="From this day."),
        click.option("--until", type=click.DateTime(["%Y-%m-%d"]), help="Up to this day."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _story_filter(actor: str | None, dyad: tuple[str, str] | None, since: dt.datetime | None,
                  until: dt.datetime | None) -> EventFilter:
    return EventFilter(actor=actor, dyad=dyad, since=since.date() if since else None,
                       until=until.date() if until else None)


def _story_title(actor: str | None, dyad: tuple[str, str] | None, text: str | None) -> str:
    parts = ([f"{dyad[0]} and {dyad[1]}"] if dyad else []) + ([actor] if actor else [])
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
@db_option
@pass_context
def timeline(ctx: Context, actor: str | None, dyad: tuple[str, str] | None, text: str | None,
             since: dt.datetime | None, until: dt.datetime | None, max_dates: int,
             per_date: int, fmt: str, db: Path | None) -> None:
    """The most important dates of a story, each with its most central sentences and sources.

    \b
    Example:
      newsevents timeline --dyad RUS,LBY --max-dates 12 --per-date 2
      newsevents timeline --query "contact group" --format json
    """
    flt = _story_filter(actor, dyad, since, until)
    with Store(_settings(ctx, db).db_path) as store:
        entries = query.timeline(store, flt, text=text, max_dates=max_dates, per_date=per_date)
        if fmt == "html":
            data = _report_data(store, flt, text, entries, _story_title(actor, dyad, text))
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
    titles = {a.id: a.title or a.text[:80] for a in query.story_articles(store, flt, text)}
    return ReportData(title, entries, query.monthly_activity(store, flt), pairs, titles)


@cli.command()
@story_options
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("report.html"), show_default=True, help="HTML file to write.")
@click.option("--max-dates", type=click.IntRange(1), default=12, show_default=True,
              help="Timeline dates.")
@db_option
@pass_context
def report(ctx: Context, actor: str | None, dyad: tuple[str, str] | None, text: str | None,
           since: dt.datetime | None, until: dt.datetime | None, output: Path, max_dates: int,
           db: Path | None) -> None:
    """Write a self-contained HTML report: timeline, monthly chart, event table with sources.

    \b
    Example:
      newsevents report --dyad RUS,LBY --output russia-libya.html
    """
    flt = _story_filter(actor, dyad, since, until)
    with Store(_settings(ctx, db).db_path) as store:
        entries = query.timeline(store, flt, text=text, max_dates=max_dates, per_date=2)
        data = _report_data(store, flt, text, entries, _story_title(actor, dyad, text))
    output.write_text(render_report(data), encoding="utf-8")
    ctx.say(f"report written to {output} ({len(data.events)} events, {len(entries)} dates)")


# --- actors, time expressions, benchmarks -------------------------------------------------------


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
@db_option
@pass_context
def list_actors(ctx: Context, fmt: str, db: Path | None) -> None:
    """Actors learned from articles, with first and last seen dates.

    \b
    Example:
      newsevents actors list --db news.db
    """
    with Store(_settings(ctx, db).db_path) as store:
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


@cli.command(name="eval")
@click.argument("which", default="all")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True, help="Output format.")
@click.option("--check", is_flag=True, help="Exit 1 when a metric falls below its floor.")
@click.option("--floors", type=click.Path(dir_okay=False, path_type=Path),
              default=Path("bench/floors.json"), show_default=True, help="Floors file.")
@pass_context
def evaluate(ctx: Context, which: str, fmt: str, check: bool, floors: Path) -> None:
    """Run the benchmarks on the gold data in ../shared (or $NEWSEVENTS_SHARED).

    WHICH is a group (events, dates, timelines, all) or one benchmark's name.

    \b
    Example:
      newsevents eval events
      newsevents eval all --format json --check
    """
    results = evaluation.run_selected(which, ctx.settings, shared_dir(), on_start=ctx.say)
    if fmt == "json":
        sys.stdout.write(json.dumps(results, indent=1) + "\n")
    else:
        for name, result in results.items():
            render.metrics_table(name, result)
    if check:
        failed = gate.check_all(results, floors, shared_dir())
        for line in failed:
            ctx.say(f"[red]{line}[/]", -1)
        sys.exit(EXIT_NOTHING if failed else EXIT_OK)
