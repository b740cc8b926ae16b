"""The ``newsevents`` command line: each command parses options and calls one library function."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import click
from rich.console import Console
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from newsevents import pipeline, query
from newsevents.config import SAMPLE_DIR, Settings
from newsevents.errors import NewsEventsError
from newsevents.formats import write_csv, write_jsonl
from newsevents.models import Article, Problem, Severity
from newsevents.store import Store

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
@click.option("-q", "--quiet", is_flag=True, help="Print only errors and results.")
@click.option("-v", "--verbose", count=True, help="Print more detail (repeat for more).")
@click.version_option(package_name="newsevents")
@click.pass_context
def cli(ctx: click.Context, db: Path, quiet: bool, verbose: int) -> None:
    """Turn news articles into dated, sourced political event data.

    \b
    Example:
      newsevents ingest articles/ --db news.db
      newsevents articles --db news.db --search Libya
    """
    ctx.obj = Context(db, -1 if quiet else verbose)


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
            _print_articles_table(list(records))


def _print_articles_table(records: list[dict]) -> None:
    table = Table("id", "published", "source", "title", show_lines=False)
    for r in records:
        date = f"{r['published'] or ''} ({r['published_source']})" if r["published"] else ""
        title = r["title"] or (r["text"][:60] + "…")
        table.add_row(r["id"], date, r["source"] or "", title)
    Console().print(table)


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
    table = Table("table", "rows")
    for name, count in counts.items():
        table.add_row(name, str(count))
    Console().print(table)


@cli.command()
@db_option
@pass_context
def demo(ctx: Context, db: Path | None) -> None:
    """Run newsevents end to end on the bundled sample corpus.

    \b
    Example:
      newsevents demo --db demo.db
    """
    settings = _settings(ctx, db)
    ctx.say(f"Sample corpus: {SAMPLE_DIR}")
    run_ingest(ctx, settings, (str(SAMPLE_DIR),))
    with Store(settings.db_path) as store:
        _print_articles_table([a.to_json() for a in query.articles(store)])


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
