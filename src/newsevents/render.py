"""Rich tables for the terminal: what the CLI shows a person (machine formats live in formats).

Tables fit the console they are printed on: 80 columns when output is not a terminal (rich's
default) as well as a wide window. Short columns never wrap; the one long text column (a
sentence, a title, a label) is shortened at a word boundary with "…", so a row stays one line.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich import box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from newsevents.models import Actor, Article, DateSource, DateValue, Event, Precision

if TYPE_CHECKING:
    from newsevents.query import ArticleView, EventView

Record = Mapping[str, Any]
SHORT_ID = 8  # characters of an event id in tables; `newsevents show` takes any unique start
SOURCE_WIDTH = 20  # characters of an outlet's name in the articles table
# An article id keeps 16 characters (a content hash has 16); a longer one given by the input
# ends in "…", and the part shown is enough for `newsevents show`, which takes a unique start.
ID_WIDTH = 16
CELL_WIDTH = 24  # characters of the other cells of a generic table, at most
FLEX_MIN = 20  # the long column keeps at least this many characters, however narrow the console
ELLIPSIS = "…"
LINE_BREAKS = str.maketrans("\t\n\r\v\f", "     ")  # one space each: offsets hold


def date_label(value: str | DateValue | None, *, short: bool = False) -> str:
    """A date as people read it: days, months and years as ISO (2011-05-16, 2011-05, 2011); an
    ISO week (2011-W20) as the week of its Monday ("week of 2011-05-16", short "wk 2011-05-16")."""
    if value is None or value == "":
        return ""
    try:
        date = value if isinstance(value, DateValue) else DateValue.parse(value)
    except ValueError:
        return str(value)
    if date.precision is Precision.WEEK:
        return f"{'wk' if short else 'week of'} {date.day.isoformat()}"
    return date.iso()


def shorten(text: str, width: int, keep: tuple[int, int] | None = None) -> tuple[str, int]:
    """``text`` in at most ``width`` characters, cut at word boundaries with "…"; when ``keep``
    (a span, e.g. the trigger) would fall outside, the window moves to show it. Returns the
    text and ``offset``: character ``i`` of ``text`` is character ``i - offset`` of the result."""
    text = text.translate(LINE_BREAKS)
    if len(text) <= width:
        return text, 0
    width = max(width, 3)
    start = _window_start(text, width, keep) if keep and keep[1] > width - 1 else 0
    head = ELLIPSIS if start else ""
    room = width - len(head)
    if len(text) - start <= room:
        return head + text[start:], start - len(head)
    room -= len(ELLIPSIS)
    cut = text.rfind(" ", start, start + room + 1)
    least = max(start + room // 2, keep[1] if keep else 0)
    end = cut if cut >= least else start + room
    return head + text[start:end].rstrip() + ELLIPSIS, start - len(head)


def _window_start(text: str, width: int, keep: tuple[int, int]) -> int:
    """Where a window of ``width`` showing ``keep`` about a third of the way in begins: at a
    word when that still shows all of ``keep``."""
    room = width - 2 * len(ELLIPSIS)
    start = max(1, keep[0] - max(0, room - (keep[1] - keep[0])) // 3)
    before, after = text.rfind(" ", 0, start) + 1, text.find(" ", start) + 1
    if before > 0 and keep[1] <= before + room:
        return before
    return after if 0 < after <= keep[0] and keep[1] <= after + room else keep[0]


def _table() -> Table:
    """Light lines only, no outer edge: more room for text in 80 columns."""
    return Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, collapse_padding=True,
                 header_style="bold")


def _flex_width(console: Console, fixed: Sequence[int]) -> int:
    """Room left for the long column beside columns of these widths (padding and rules too)."""
    overhead = 2 * len(fixed)  # between two columns: a space and the (blank) rule
    return max(FLEX_MIN, console.width - sum(fixed) - overhead)


def _width(cells: Sequence[str], header: str) -> int:
    return max([len(header), *(len(c) for c in cells)])


def _print(table: Table, console: Console | None) -> None:
    (console or Console()).print(table)


# --- events --------------------------------------------------------------------------------------


def _codes(actors: Sequence[Mapping[str, Any]], *, sector: bool = True) -> str:
    return ";".join((a.get("code") or "?") + ((a.get("sector") or "") if sector else "")
                    for a in actors)


def _side(actors: Sequence[Mapping[str, Any]]) -> str:
    """One side of a dyad in few characters: RUSGOV; RUS;TUR for two; RUS;TUR+1 for three;
    - for none."""
    if len(actors) <= 1:
        return _codes(actors) or "-"
    codes = list(dict.fromkeys(a.get("code") or "?" for a in actors))
    return ";".join(codes) if len(codes) <= 2 else ";".join(codes[:2]) + f"+{len(codes) - 2}"


def _names(actors: Sequence[Mapping[str, Any]]) -> str:
    return ";".join(a.get("name") or a.get("text") or "?" for a in actors)


def _flags(r: Record) -> str:
    """¬ for a negated event, ? for a hypothetical one."""
    return "".join(f for f, on in (("¬", r.get("negated")), ("?", r.get("hypothetical"))) if on)


def _trigger_span(r: Record) -> tuple[int, int] | None:
    sentence, trigger = r.get("sentence") or "", r.get("trigger") or ""
    where = sentence.find(trigger) if trigger else -1
    return (where, where + len(trigger)) if where >= 0 else None


def _marked(text: str, offset: int, span: tuple[int, int] | None, style: str) -> Text:
    """``text`` (which starts at ``offset`` of the original) with ``span`` styled where shown."""
    shown = Text(text)
    if span is not None:
        start, end = span[0] - offset, span[1] - offset
        if 0 <= start < end <= len(text):
            shown.stylize(style, start, end)
    return shown


def events_table(records: Sequence[Record], console: Console | None = None, *,
                 wide: bool = False) -> None:
    """Events as ``newsevents events`` records (``query.event_record``), one line each.

    Compact (default): short event id, date, type (¬ negated, ? hypothetical), actor → recipient
    as codes, and the sentence shortened around its trigger (bold). ``wide``: every column of
    the event table scheme a person reads, sentences whole; when output is not a terminal the
    lines are as long as they need to be.
    """
    console = console or Console()
    if wide:
        _events_wide(records, console)
        return
    rows = [(str(r.get("event_id") or "")[:SHORT_ID],
             date_label(r.get("date"), short=True), f"{r.get('type') or ''}{_flags(r)}",
             f"{_side(r.get('actors') or [])} → {_side(r.get('recipients') or [])}")
            for r in records]
    headers = ("id", "date", "type", "actor → recipient")
    widths = [_width([row[i] for row in rows], h) for i, h in enumerate(headers)]
    room = _flex_width(console, widths)
    table = _table()
    for header in headers:
        table.add_column(header, no_wrap=True)
    table.add_column("sentence", no_wrap=True, overflow="ellipsis")
    for row, r in zip(rows, records, strict=True):
        text, offset = shorten(r.get("sentence") or "", room, _trigger_span(r))
        table.add_row(*row, _marked(text, offset, _trigger_span(r), "bold"))
    console.print(table)


WIDE_SENTENCE = 40  # the sentence column of a wide table is never narrower
WIDE_COLUMNS = ("event_id", "event_date", "event_type", "event_mode", "cameo", "actor_code",
                "actor_name", "recipient_code", "recipient_name", "trigger", "sentence",
                "article_id")  # the order of a wide table's columns


def _events_wide(records: Sequence[Record], console: Console) -> None:
    rows = []
    for r in records:
        actors, recipients = r.get("actors") or [], r.get("recipients") or []
        rows.append((str(r.get("event_id") or ""), date_label(r.get("date")),
                     f"{r.get('type') or ''}{_flags(r)}", r.get("mode") or "",
                     r.get("cameo") or "", _codes(actors), _names(actors), _codes(recipients),
                     _names(recipients), r.get("trigger") or "", str(r.get("article_id") or "")))
    columns = tuple(c for c in WIDE_COLUMNS if c != "sentence")
    widths = [_width([row[i] for row in rows], c) for i, c in enumerate(columns)]
    sentences = [len(r.get("sentence") or "") for r in records]
    table = _table()
    for column in columns[:-1]:
        table.add_column(column, no_wrap=True)
    table.add_column("sentence", min_width=WIDE_SENTENCE, overflow="fold")
    table.add_column(columns[-1], no_wrap=True)
    for row, r in zip(rows, records, strict=True):
        sentence = _marked((r.get("sentence") or "").translate(LINE_BREAKS), 0, _trigger_span(r),
                           "bold")
        table.add_row(*row[:-1], sentence, row[-1])
    # whole sentences on one line each where output is not a terminal; on a terminal they wrap
    # inside their column, which is never squeezed below WIDE_SENTENCE characters
    fixed = sum(widths) + 2 * len(widths)
    if console.is_terminal:
        width = max(console.width, fixed + WIDE_SENTENCE)
    else:
        width = fixed + max([WIDE_SENTENCE, *sentences])
    if width != console.width:
        console = Console(file=console.file, width=width, force_terminal=console.is_terminal,
                          color_system=console.color_system and "auto", no_color=console.no_color)
    console.print(table)


# --- articles and generic records ----------------------------------------------------------------


def articles_table(records: Sequence[Record], console: Console | None = None) -> None:
    """Articles as ``Article.to_json()`` records: id, published, source, and the title (or the
    first words of the text) shortened to the room left."""
    console = console or Console()
    rows = [(shorten(r["id"], ID_WIDTH)[0], date_label(r.get("published"), short=True),
             shorten(r.get("source") or "", SOURCE_WIDTH)[0]) for r in records]
    headers = ("id", "published", "source")
    widths = [_width([row[i] for row in rows], h) for i, h in enumerate(headers)]
    room = _flex_width(console, widths)
    table = _table()
    for header in headers:
        table.add_column(header, no_wrap=True, overflow="ellipsis")
    table.add_column("title", no_wrap=True, overflow="ellipsis")
    for row, r in zip(rows, records, strict=True):
        table.add_row(*row, shorten(r.get("title") or r.get("text") or "", room)[0])
    console.print(table)


def key_values_table(columns: tuple[str, str], rows: Mapping[str, Any],
                     console: Console | None = None) -> None:
    table = Table(*columns)
    for key, value in rows.items():
        table.add_row(str(key), str(value))
    _print(table, console)


def records_table(records: Sequence[Record], columns: Sequence[str],
                  console: Console | None = None) -> None:
    """One line per record; the last column, if too long for the console, is shortened at a
    word boundary (put the long text column last); the others keep CELL_WIDTH characters."""
    console = console or Console()
    cells = [[shorten("" if r.get(c) is None else str(r.get(c)), CELL_WIDTH)[0]
              for c in columns[:-1]] + ["" if r.get(columns[-1]) is None else str(r.get(columns[-1]))]
             for r in records]
    widths = [_width([row[i] for row in cells], c) for i, c in enumerate(columns)]
    room = _flex_width(console, widths[:-1])
    table = _table()
    for column in columns:
        table.add_column(column, no_wrap=True, overflow="ellipsis")
    for row in cells:
        table.add_row(*row[:-1], shorten(row[-1], room)[0])
    console.print(table)


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
    _print(table, console)


# --- one event or one article (`newsevents show`) ------------------------------------------------

MARK = ("[[", "]]")  # around a trigger where output has no styles (not a terminal)
TRIGGER_STYLE = "bold underline"


def _details(rows: Sequence[tuple[str, str | Text]]) -> Table:
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in rows:
        if value:
            grid.add_row(key, value)
    return grid


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"


def _marked_spans(text: str, spans: Sequence[tuple[int, int]], console: Console) -> Text:
    """``text`` with each span bold and underlined, or between [[ ]] where output is plain."""
    spans = sorted({s for s in spans if 0 <= s[0] < s[1] <= len(text)})
    kept = [s for i, s in enumerate(spans) if i == 0 or s[0] >= spans[i - 1][1]]
    if console.is_terminal:
        shown = Text(text)
        for start, end in kept:
            shown.stylize(TRIGGER_STYLE, start, end)
        return shown
    for start, end in reversed(kept):
        text = f"{text[:start]}{MARK[0]}{text[start:end]}{MARK[1]}{text[end:]}"
    return Text(text)


def _party(actor: Actor) -> str:
    codes = f"{actor.code or '?'}/{actor.sector or '-'}"
    said = f' — "{actor.text}"' if actor.text and actor.text != actor.name else ""
    via = f" (for {actor.resolved_from!r})" if actor.resolved_from else ""
    return f"{actor.name or actor.text or '?'} [{codes}]{said}{via}"


def _article_rows(article: Article) -> list[tuple[str, str]]:
    published = date_label(article.published)
    if published and article.published_source is not DateSource.NONE:
        published += f" ({article.published_source.value})"
    return [("article", article.id), ("title", article.title or ""),
            ("source", article.source or ""), ("url", article.url or ""),
            ("published", published)]


def event_view(view: EventView, console: Console | None = None) -> None:
    """What ``newsevents show EVENT_ID`` prints."""
    console = console or Console()
    console.print(Text(f"Event {view.event.event_id}", style="bold"))
    console.print(_details(_event_rows(view.event)))
    _context(view, console)
    if view.article is not None:
        console.print(Text("\nArticle", style="bold"))
        console.print(_details(_article_rows(view.article)))
    _cluster(view, console)


def _event_rows(e: Event) -> list[tuple[str, str]]:
    flags = [f for f, on in (("negated", e.negated), ("hypothetical", e.hypothetical)) if on]
    kind = e.type + (f" / {e.mode}" if e.mode else "") + (f" ({', '.join(flags)})" if flags else "")
    date = f"{date_label(e.date)} ({e.date.precision.value})" if e.date else "undated"
    date += f', from "{e.date_evidence}"' if e.date_evidence else ""
    place = e.location
    return [
        ("type", kind),
        ("CAMEO", f"{e.cameo}, quad class {e.quad_class}, intensity {e.intensity:+.1f}, "
                  f"confidence {e.confidence:.2f}"),
        *[("actor", _party(a)) for a in e.actors],
        *[("recipient", _party(a)) for a in e.recipients],
        ("date", date),
        ("location", f"{place.name} ({place.country})" if place and place.country
         else place.name if place else ""),
        ("trigger", e.trigger), ("contexts", ", ".join(e.contexts)),
    ]


def _context(view: EventView, console: Console) -> None:
    """The sentence before, the event's own (trigger marked), and the one after."""
    context, index = view.context, view.event.sentence_index
    where = "headline" if index < 0 else f"sentence {index + 1}"
    console.print(Text(f"\nIn context ({where} of the article)", style="bold"))
    sentence = _marked_spans(context.sentence, [context.trigger] if context.trigger else [],
                             console)
    for part in (context.before, sentence, context.after):
        if part:
            shown = part if isinstance(part, Text) else Text(part, "dim")
            console.print(Padding(shown, (0, 0, 0, 2)))


def _cluster(view: EventView, console: Console) -> None:
    e = view.event
    if e.cluster_id is None:
        console.print(Text("\nNot merged with other reports yet (no cluster).", style="dim"))
        return
    mentions, sources, articles = view.counts or (1, 1, 1)
    console.print(Text(f"\nCluster {e.cluster_id}: {_plural(mentions, 'mention')}, "
                       f"{_plural(sources, 'source')}, {_plural(articles, 'article')}",
                       style="bold"))
    if not view.cluster:
        console.print(Text("  no other report of this event", style="dim"))
        return
    records = [{"id": other.event_id[:SHORT_ID], "date": date_label(other.date, short=True),
                "article": other.article_id,
                "title": (article.title or article.text) if article else ""}
               for other, article in view.cluster]
    records_table(records, ("id", "date", "article", "title"), console)


def article_view(view: ArticleView, records: Sequence[Record],
                 console: Console | None = None) -> None:
    """What ``newsevents show ARTICLE_ID`` prints: the article with every trigger marked, then
    its events (``records``: as ``query.event_record`` gives them) as a table."""
    console = console or Console()
    article = view.article
    console.print(Text(f"Article {article.id}", style="bold"))
    console.print(_details(_article_rows(article)[1:] + [("path", article.path or "")]))
    title_spans = [(e.char_start, e.char_end) for e in view.events if e.sentence_index < 0]
    body_spans = [(e.char_start, e.char_end) for e in view.events if e.sentence_index >= 0]
    console.print()
    if article.title:
        console.print(_marked_spans(article.title, title_spans, console), style="bold")
    console.print(_marked_spans(article.text, body_spans, console))
    console.print(Text(f"\n{_plural(len(view.events), 'event')}", style="bold"))
    if records:
        events_table(records, console)
