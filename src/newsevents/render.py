"""Rich tables for the terminal: what the CLI shows a person (machine formats live in formats)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Column, Table

Record = Mapping[str, Any]


def _parties(actors: Sequence[Mapping[str, Any]]) -> str:
    return ", ".join(f"{a.get('code') or '?'}/{a.get('sector') or '-'}" for a in actors)


def articles_table(records: Sequence[Record], console: Console | None = None) -> None:
    table = Table("id", "published", "source", "title")
    for r in records:
        date = f"{r['published']} ({r['published_source']})" if r["published"] else ""
        title = r["title"] or (r["text"][:60] + "…")
        table.add_row(r["id"], date, r["source"] or "", title)
    (console or Console()).print(table)


def events_table(records: Sequence[Record], console: Console | None = None) -> None:
    table = Table("type", "mode", "cameo", "actor", "recipient", "trigger", "sentence")
    table.columns.insert(0, Column("date", no_wrap=True))
    for r in records:
        flags = "".join(f for f, on in (("¬", r.get("negated")), ("?", r.get("hypothetical"))) if on)
        table.add_row(r.get("date") or "", f"{r['type']}{flags}", r.get("mode") or "",
                      r["cameo"], _parties(r["actors"]), _parties(r["recipients"]),
                      r["trigger"], r["sentence"][:120])
    (console or Console()).print(table)


def key_values_table(columns: tuple[str, str], rows: Mapping[str, Any],
                     console: Console | None = None) -> None:
    table = Table(*columns)
    for key, value in rows.items():
        table.add_row(str(key), str(value))
    (console or Console()).print(table)


def records_table(records: Sequence[Record], columns: Sequence[str],
                  console: Console | None = None) -> None:
    table = Table(*columns)
    for r in records:
        table.add_row(*("" if r.get(c) is None else str(r.get(c)) for c in columns))
    (console or Console()).print(table)


def _flatten(prefix: str, value: Any) -> list[tuple[str, str]]:
    if isinstance(value, Mapping):
        return [row for key, inner in value.items()
                for row in _flatten(f"{prefix}.{key}" if prefix else str(key), inner)]
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return [(prefix if i == 0 else "", item) for i, item in enumerate(value)] or [(prefix, "-")]
    if isinstance(value, list):
        return [(prefix, f"{len(value)} items")]
    return [(prefix, f"{value:.3f}" if isinstance(value, float) else str(value))]


def metrics_table(name: str, result: Mapping[str, Any], console: Console | None = None) -> None:
    """A benchmark's nested numbers as dotted metric names (the names the eval gate uses)."""
    table = Table("metric", "value", title=name, title_justify="left")
    for metric, value in _flatten("", result):
        table.add_row(metric, value)
    (console or Console()).print(table)
