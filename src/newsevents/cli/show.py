"""``newsevents show ID``: one event or one article, whichever the id names."""

from __future__ import annotations

from pathlib import Path

import click

from newsevents import query, render
from newsevents.cli.app import Context, cli, pass_context, read_db_option, reading


@cli.command()
@click.argument("ident", metavar="ID")
@read_db_option
@pass_context
def show(ctx: Context, ident: str, db: Path | None) -> None:
    """Show one event or one article by its id, or by the first characters of it as tables
    print them.

    An event: its type, CAMEO code, parties with names and codes, date and the words it came
    from, its sentence between the sentences around it (trigger marked), its article, and the
    other reports of the same real-world event (its cluster). An article: its record and text
    with each event's trigger marked ([[...]] when output is not a terminal), then its events.

    \b
    Example:
      newsevents show e39180d0
      newsevents show 14fc2444d95fee3d --db news.db
    """
    with reading(ctx, db) as store:
        found = query.find(store, ident)
    if isinstance(found, query.EventView):
        render.event_view(found)
        return
    records = [query.event_record(event, found.article) for event in found.events]
    render.article_view(found, records)
