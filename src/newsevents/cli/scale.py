"""Commands for corpora beyond one machine: `run --engine dask` (its body) and `load`."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from click.core import ParameterSource

from newsevents import dataset, distributed, pipeline
from newsevents.cli.app import (
    EXIT_NOTHING,
    EXIT_OK,
    Context,
    cli,
    db_option,
    pass_context,
    progress_bar,
    report_problem,
    settings_for,
    working,
)
from newsevents.store import Store


def run_on_dask(ctx: Context, paths: tuple[str, ...], output: Path | None, *,
                scheduler: str | None, workers: int, retries: int, db: Path | None) -> int:
    """`run --engine dask`: code the inputs on a cluster into a dataset; the exit code."""
    if output is None:
        raise click.UsageError("--engine dask writes a Parquet dataset: give --output DIR")
    known = None
    if db is not None:  # code as `run` into it would: with the actors it has learned
        with Store.for_reading(db) as store:
            known = pipeline.known_actors(store)
    given = click.get_current_context().get_parameter_source("workers")
    if scheduler is not None and given is ParameterSource.COMMANDLINE:
        raise click.UsageError("--workers starts a local cluster; with --scheduler the "
                               "cluster's own workers run the tasks")
    with progress_bar(ctx, "Coding input files", None, unit="files") as meter:

        def on_outcome(outcome: distributed.Outcome) -> None:
            meter.advance()
            if not outcome.done:
                ctx.say(f"[red]{outcome.partition.path}: failed: {outcome.error}[/]", -1)
                return
            for problem in outcome.problems:
                report_problem(ctx, problem)

        report = distributed.run(paths, output, ctx.settings, scheduler=scheduler,
                                 workers=workers, retries=retries, on_outcome=on_outcome,
                                 known=known)
    for problem in report.input_problems:
        report_problem(ctx, problem)
    done = len(report.outcomes) - len(report.failed)
    ctx.say(f"{done} of {len(report.outcomes)} input files coded, {len(report.failed)} failed; "
            f"{report.articles_coded} articles coded, {report.articles_failed} not; "
            f"{sum(o.events for o in report.outcomes)} events, "
            f"{sum(o.quotes for o in report.outcomes)} quotes; dataset in {report.output}")
    ctx.say(f"Merge it into a database: newsevents load {report.output} --db PATH")
    return EXIT_OK if report.articles_coded else EXIT_NOTHING


@cli.command()
@click.argument("dataset_dir", metavar="DATASET",
                type=click.Path(exists=True, file_okay=False, path_type=Path))
@db_option
@pass_context
def load(ctx: Context, dataset_dir: Path, db: Path | None) -> None:
    """Merge a dataset written by `run --engine dask` into the store, then link reports of
    the same event and place articles in stories.

    Stores what `run` would have stored from the same files; loading twice adds nothing.
    Input files the dataset lacks (failed partitions) are listed.

    \b
    Example:
      newsevents load news.parquet --db news.db
    """
    settings = settings_for(ctx, db)
    with Store(settings.db_path) as store, working(ctx, "Loading the dataset …"):
        report = dataset.load(dataset_dir, store, settings)
    for entry in report.failed_partitions:
        ctx.say(f"[red]{entry['file']}: not in the dataset: {entry['error']}[/]", -1)
    ingested, coded = report.ingested, report.coded
    ctx.say(f"{ingested.articles_read} articles read: {len(ingested.new)} new, "
            f"{len(ingested.existing)} already stored, {len(ingested.near_duplicates)} near "
            f"duplicates; {coded.articles} articles' extractions stored: {coded.events} events, "
            f"{coded.quotes} quotes, {len(coded.problems)} failures of the coder recorded; "
            f"{report.linked} mentions merged with reports of the same "
            f"event elsewhere; {report.placed} articles placed in stories; "
            f"{len(report.failed_partitions)} input files missing")
    if report.other_coder:
        ctx.say(f"{report.other_coder} articles were coded by another coder version: "
                "`newsevents run` codes them again")
    sys.exit(EXIT_OK if ingested.articles_read else EXIT_NOTHING)
