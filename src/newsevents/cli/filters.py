"""The options that narrow events, shared by ``events``, ``export``, ``timeline``, ``report`` and
``activity``; their values are checked and resolved by :mod:`newsevents.filters` once the
database is open (actor names resolve against what it has learned)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import click

from newsevents.actors.knowledge import load_knowledge_base
from newsevents.cli.app import Context
from newsevents.errors import FilterError
from newsevents.filters import MAX_LIMIT, PartyResolver, event_filter, vocabulary
from newsevents.models import EventFilter
from newsevents.store import Store

PARTY_HELP = "code (RUS), code+sector (RUSGOV) or name (Russia, the Kremlin, Haftar)"
DATE_HELP = "YYYY, YYYY-MM or YYYY-MM-DD"

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


def _apply(options: list[Decorator]) -> Decorator:
    def decorate(command: Callable[..., Any]) -> Callable[..., Any]:
        for option in reversed(options):
            command = option(command)
        return command
    return decorate


def _party_options(with_recipient: bool) -> list[Decorator]:
    options = [click.option("--actor", help=f"Actor: {PARTY_HELP}.")]
    if with_recipient:
        options.append(click.option("--recipient", help=f"Recipient: {PARTY_HELP}."))
    options.append(click.option("--dyad", help="Two actors, either direction, comma-separated: "
                                "RUS,LBY or Russia,Libya."))
    return options


def _date_options() -> list[Decorator]:
    return [click.option("--since", help=f"On or after ({DATE_HELP}; a year or month means "
                         "its first day)."),
            click.option("--until", help=f"On or before ({DATE_HELP}; a year or month means "
                         "its last day).")]


def event_filter_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """The options that narrow events (``events``, ``export``)."""
    types = sorted(vocabulary().types)
    return _apply([
        *_party_options(with_recipient=True),
        click.option("--type", "types", multiple=True,
                     type=click.Choice(types, case_sensitive=False),
                     help="PLOVER type; repeatable."),
        click.option("--mode", "modes", multiple=True,
                     help="PLOVER mode (aerial, disapprove, …; docs/schema.md); repeatable."),
        click.option("--quad", "quad_classes", multiple=True,
                     type=click.Choice(["1", "2", "3", "4"]),
                     help="Quad class: 1 verbal cooperation, 2 material cooperation, "
                     "3 verbal conflict, 4 material conflict; repeatable."),
        *_date_options(),
        click.option("--search", help="Words that must all occur in the event's sentence."),
        click.option("--include-negated", is_flag=True, help="Also events said not to happen."),
        click.option("--include-hypothetical", is_flag=True,
                     help="Also hedged or conditional events."),
        click.option("--limit", type=click.IntRange(min=0, max=MAX_LIMIT),
                     help="At most this many events."),
    ])(command)


def story_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """What a timeline, report or activity chart is about: an actor, a dyad and/or a topic,
    within dates."""
    return _apply([
        *_party_options(with_recipient=False),
        click.option("--query", "text", help="Topic words (full-text over articles)."),
        *_date_options(),
    ])(command)


FILTER_KEYS = ("actor", "recipient", "dyad", "types", "modes", "quad_classes", "since",
               "until", "search", "include_negated", "include_hypothetical", "limit")


def resolve_filter(ctx: Context, store: Store, options: dict[str, Any]) -> EventFilter:
    """Pop the filter options out of a command's keyword arguments; check and resolve them."""
    values = {key: options.pop(key) for key in FILTER_KEYS if key in options}
    resolver = PartyResolver(load_knowledge_base(ctx.settings.user_actor_files), store)
    try:
        return event_filter(resolver, **{k: v for k, v in values.items() if v not in (None, ())})
    except FilterError as exc:  # a wrong value is a usage error: exit 2, with the message
        raise click.UsageError(str(exc)) from exc
