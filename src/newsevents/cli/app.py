"""The click group, its shared options and the one place that turns errors into exit codes."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from newsevents.config import Settings
from newsevents.errors import NewsEventsError
from newsevents.models import Article, Problem, Severity

ARTICLE_COLUMNS = (
    "id", "url", "source", "title", "text", "published", "published_precision",
    "published_source", "published_window", "path", "language",
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


def settings_for(ctx: Context, db: Path | None) -> Settings:
    return ctx.settings if db is None else ctx.settings.with_(db_path=db)


@contextmanager
def progress_bar(ctx: Context, label: str) -> Iterator[Progress | None]:
    if ctx.verbosity < 0 or not err.is_terminal:
        yield None
        return
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
               TextColumn("{task.completed} items"), TimeElapsedColumn())
    with Progress(*columns, console=err, transient=True) as progress:
        progress.add_task(label, total=None)
        yield progress


def report_problem(ctx: Context, problem: Problem) -> None:
    if problem.severity is Severity.ERROR or ctx.verbosity >= 0:
        ctx.say(f"[{'red' if problem.severity is Severity.ERROR else 'yellow'}]{problem}[/]", -1)



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


def articles_only(ctx: Context, items: Iterable[Article | Problem]) -> Iterator[Article]:
    """Articles pass on (streamed); problems are reported as they come."""
    for item in items:
        if isinstance(item, Problem):
            report_problem(ctx, item)
        else:
            yield item


def parse_dyad(_ctx: click.Context, _param: click.Parameter, value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    parts = [part.strip() for part in value.split(",")]
    if len(parts) != 2 or not all(parts):
        raise click.BadParameter("give two actors separated by a comma, e.g. RUS,LBY")
    return parts[0], parts[1]



@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    if path is None:
        yield sys.stdout
        return
    with path.open("w", encoding="utf-8", newline="") as handle:
        yield handle
