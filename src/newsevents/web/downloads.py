"""The events page's downloads: every event matching its filters (no page limit) as the CSV or
Parquet event table of :mod:`newsevents.export` or as the JSON lines of
``newsevents events --format jsonl``, the same files the CLI writes for the same filters.

The file is built in memory and sent whole, in the thread that read the database.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from enum import StrEnum
from typing import Annotated

from fastapi import APIRouter, Depends
from fastapi.responses import Response

from newsevents import export, query
from newsevents.formats import write_jsonl
from newsevents.models import Article, Event
from newsevents.web.params import EventParams, event_params
from newsevents.web.site import SiteDep

router = APIRouter(tags=["downloads"])
Pairs = Iterable[tuple[Event, Article | None]]


class FileFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


def _csv(pairs: Pairs) -> bytes:
    out = io.StringIO(newline="")
    export.write_event_csv((export.event_row(e, a) for e, a in pairs), out)
    return out.getvalue().encode("utf-8")


def _jsonl(pairs: Pairs) -> bytes:
    out = io.StringIO()
    write_jsonl((query.event_record(e, a) for e, a in pairs), out)
    return out.getvalue().encode("utf-8")


def _parquet(pairs: Pairs) -> bytes:
    out = io.BytesIO()
    rows = (export.event_row(e, a) for e, a in pairs)
    export.write_event_parquet(rows, out)  # type: ignore[arg-type] - pyarrow takes a stream too
    return out.getvalue()


WRITERS: dict[FileFormat, tuple[Callable[[Pairs], bytes], str]] = {
    FileFormat.CSV: (_csv, "text/csv; charset=utf-8"),
    FileFormat.JSONL: (_jsonl, "application/x-ndjson; charset=utf-8"),
    FileFormat.PARQUET: (_parquet, "application/vnd.apache.parquet"),
}


@router.get("/events.{fmt}", response_class=Response)
def download(site: SiteDep, fmt: FileFormat,
             params: Annotated[EventParams, Depends(event_params)]) -> Response:
    """Every event matching the filters (those of ``/api/events``), as a file."""
    write, media_type = WRITERS[fmt]
    with site.store() as store:
        flt = params.to_filter(site.resolver(store))
        body = write(query.events_with_articles(store, flt))
    return Response(body, media_type=media_type,
                    headers={"Content-Disposition": f'attachment; filename="events.{fmt}"'})
