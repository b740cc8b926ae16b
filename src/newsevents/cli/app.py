"""The click group, its shared options and the one place that turns errors into exit codes."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import TextIO

import click
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    Progress,
    ProgressColumn,
    SpinnerColumn,
    Task,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from newsevents.config import Settings
from newsevents.errors import NewsEventsError
from newsevents.ingest.article import valid_text
from newsevents.models import Problem, Severity
from newsevents.store import Store

ARTICLE_COLUMNS = (
    "id", "url", "source", "title", "text", "published", "published_precision",
    "published_source", "published_window", "path", "language",
)
EXIT_OK, EXIT_NOTHING, EXIT_USAGE, EXIT_INTERRUPTED = 0, 1, 2, 130
DEBUG_VARIABLE = "NEWSEVENTS_DEBUG"  # set: unexpected errors show their traceback

err = Console(stderr=True)


class Context:
    """Options shared by every command, resolved once into :class:`Settings`."""

    def __init__(self, db: Path, verbosity: int) -> None:
        self.settings = Settings(db_path=db)
        self.verbosity = verbosity

    def say(self, message: str, level: int = 0) -> None:
        if self.verbosity >= level:  # a file name that is not UTF-8 cannot be printed as is
            err.print(valid_text(message), highlight=False, soft_wrap=True)


pass_context = click.make_pass_decorator(Context)
raw_cells_option = click.option(
    "--raw-cells", is_flag=True,
    help="In CSV/TSV, write text that begins with = + - @ as it is (by default it gets a "
    "leading ' so that a spreadsheet shows it instead of running it as a formula).")
db_option = click.option(
    "--db", type=click.Path(dir_okay=False, path_type=Path), default=None,
    help="SQLite database file (default ./newsevents.db).",
)
read_db_option = click.option(
    "--db", type=click.Path(path_type=Path), default=None,
    help="SQLite database file (default ./newsevents.db), or a dataset folder written by "
         "`run --engine dask`.",
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
def reading(ctx: Context, db: Path | None) -> Iterator[Store]:
    """The store a read command asks: the database opened read-only, or a dataset folder
    (``run --engine dask --output``) loaded into a temporary database first."""
    from newsevents import dataset  # pyarrow: only for a dataset

    settings = settings_for(ctx, db)
    if not dataset.is_dataset(settings.db_path):
        with Store.for_reading(settings.db_path) as store:
            yield store
        return
    with ExitStack() as stack:
        with working(ctx, f"Reading the dataset {settings.db_path} …"):
            store = stack.enter_context(dataset.as_store(settings.db_path, settings))
        yield store


# --- progress on stderr: counts, rate and ETA; only for a person watching a terminal ------------


class CountColumn(ProgressColumn):
    """'12/200 articles', or '12 articles' while the total is unknown (stdin)."""

    def render(self, task: Task) -> Text:
        done = int(task.completed)
        shown = f"{done}/{int(task.total)}" if task.total is not None else str(done)
        return Text(f"{shown} {task.fields.get('unit', 'items')}", style="progress.download")


class RateColumn(ProgressColumn):
    """Items per second, or per minute when slower than one a second (the count names the unit)."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        if speed is None:
            return Text("")
        rate = f"{speed:.1f}/s" if speed >= 1 else f"{speed * 60:.1f}/min"
        return Text(rate, style="progress.data.speed")


class EtaColumn(TimeRemainingColumn):
    """Time left, labelled; nothing while the total is unknown."""

    def render(self, task: Task) -> Text:
        if task.total is None:
            return Text("")
        return Text.assemble("ETA ", super().render(task))


def progress_display(console: Console, get_time: Callable[[], float] | None = None) -> Progress:
    """The one progress layout every long command shares (``get_time`` lets tests fake a clock);
    it fits an 80-column terminal."""
    columns = (SpinnerColumn(), TextColumn("{task.description}"), BarColumn(bar_width=20),
               CountColumn(), RateColumn(), TimeElapsedColumn(), EtaColumn())
    return Progress(*columns, console=console, transient=True, get_time=get_time)


def shows_progress(ctx: Context, console: Console) -> bool:
    """Progress is for a person at a terminal: never with --quiet, in a pipe or in a log file."""
    return ctx.verbosity >= 0 and console.is_terminal


class Meter:
    """One task of a progress display; does nothing when no display is shown."""

    def __init__(self, progress: Progress | None = None, task: TaskID | None = None,
                 total: int | None = None) -> None:
        self._progress, self._task, self._total, self._done = progress, task, total, 0

    @property
    def shown(self) -> bool:
        return self._progress is not None

    def advance(self, steps: int = 1) -> None:
        if self._progress is None or self._task is None:
            return
        self._done += steps
        if self._total is not None and self._done > self._total:  # the count was an estimate
            self._total = self._done
            self._progress.update(self._task, total=self._total)
        self._progress.advance(self._task, steps)

    def set_total(self, total: int) -> None:
        """The total, once it is known (or known better)."""
        if self._progress is None or self._task is None:
            return
        self._total = max(total, self._done)
        self._progress.update(self._task, total=self._total)


@contextmanager
def progress_bar(
    ctx: Context, label: str, count: Callable[[], int | None] | None = None, unit: str = "articles"
) -> Iterator[Meter]:
    """A live count, rate and ETA on stderr; ``count`` gives the total, and is only called (it
    may read every input once) when the display is shown. Without a total: count and rate."""
    with progress_bars(ctx, (label, count), unit=unit) as (meter,):
        yield meter


@contextmanager
def progress_bars(
    ctx: Context, *bars: tuple[str, Callable[[], int | None] | None], unit: str = "articles"
) -> Iterator[tuple[Meter, ...]]:
    """:func:`progress_bar` for steps that run at once (``run`` codes while it reads): one
    line each, in one display."""
    if not shows_progress(ctx, err):
        yield tuple(Meter() for _ in bars)
        return
    totals = [count() if count is not None else None for _, count in bars]
    with progress_display(err) as progress:
        yield tuple(Meter(progress, progress.add_task(label, total=total, unit=unit), total)
                    for (label, _), total in zip(bars, totals, strict=True))


@contextmanager
def working(ctx: Context, label: str) -> Iterator[None]:
    """A spinner for a step that has no count (linking, clustering)."""
    if not shows_progress(ctx, err):
        yield
        return
    with err.status(label):
        yield


def report_problem(ctx: Context, problem: Problem) -> None:
    if problem.severity is Severity.ERROR or ctx.verbosity >= 0:
        colour = "red" if problem.severity is Severity.ERROR else "yellow"
        ctx.say(f"[{colour}]{escape(str(problem))}[/]", -1)  # a path may hold "[...]"



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
    except click.exceptions.Abort:  # click's form of Ctrl-C (KeyboardInterrupt) and of EOF
        err.print("Interrupted.")
        sys.exit(EXIT_INTERRUPTED)
    except NewsEventsError as exc:
        err.print(f"[red]error:[/] {escape(valid_text(str(exc)) or '')}", highlight=False,
                  soft_wrap=True)  # one line, however long: scripts read it
        sys.exit(EXIT_NOTHING)
    except KeyboardInterrupt:
        err.print("Interrupted.")
        sys.exit(EXIT_INTERRUPTED)
    except Exception as exc:  # noqa: BLE001 - the last edge: one line, never a traceback
        if os.environ.get(DEBUG_VARIABLE):
            raise
        err.print(f"[red]internal error:[/] {escape(valid_text(repr(exc)) or '')}. This is a "
                  f"bug in newsevents: please report it with the command that caused it "
                  f"({DEBUG_VARIABLE}=1 shows the traceback).", highlight=False, soft_wrap=True)
        sys.exit(EXIT_NOTHING)


@contextmanager
def output_stream(path: Path | None) -> Iterator[TextIO]:
    """stdout, or a file written whole or not at all (:func:`atomic_output`)."""
    if path is None:
        yield sys.stdout
        return
    with atomic_output(path) as temporary, temporary.open("w", encoding="utf-8",
                                                          newline="") as handle:
        yield handle


@contextmanager
def atomic_output(path: Path) -> Iterator[Path]:
    """A temporary file beside ``path`` that becomes ``path`` only when the writing succeeded:
    a full disk or a failure half-way leaves no partial file. A folder that does not exist, or
    cannot be written, is one clear error."""
    if not path.parent.is_dir():
        raise NewsEventsError(f"{path}: the folder {path.parent} does not exist")
    temporary = path.with_name(f".{path.name}.{os.getpid()}.part")
    try:
        yield temporary
        os.replace(temporary, path)
    except OSError as exc:
        raise NewsEventsError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        temporary.unlink(missing_ok=True)
