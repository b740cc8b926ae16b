"""What every request of the web app shares: the database (opened read-only, once per request,
in the thread that answers it), the actor knowledge base and the page templates.

Templates are Jinja2 with autoescaping on for every file, so any value from the articles is
escaped; the only markup inserted as is are the SVG charts, which :mod:`newsevents.web.charts`
builds with its own escaping.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from fastapi import Depends, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from newsevents import __version__
from newsevents.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsevents.filters import PartyResolver
from newsevents.store import Store
from newsevents.web.charts import QUAD_COLOURS, QUAD_NAMES
from newsevents.web.report import link
from newsevents.web.views import actor_href, article_href, event_href, href, segment


class Site:
    """The database the app serves and what it reads with it."""

    def __init__(self, db_path: str | Path, actor_files: Sequence[Path] = ()) -> None:
        self.db_path = Path(db_path)
        self.kb: KnowledgeBase = load_knowledge_base(tuple(actor_files))
        with self.store():  # a missing, foreign or outdated database fails here, at start
            pass

    @contextmanager
    def store(self) -> Iterator[Store]:
        """The database, read-only, for one request (a connection belongs to its thread)."""
        with Store(self.db_path, read_only=True) as store:
            yield store

    def resolver(self, store: Store) -> PartyResolver:
        """Names to codes, with the actors this database has learned (read at each request:
        a writer may have added some since)."""
        return PartyResolver(self.kb, store)

    def page(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        page = environment().get_template(template).render(**context)
        return HTMLResponse(page, status_code=status)


def site_of(request: Request) -> Site:
    return request.app.state.site


SiteDep = Annotated[Site, Depends(site_of)]


@cache
def environment() -> Environment:
    env = Environment(loader=PackageLoader("newsevents.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.globals.update(_GLOBALS)
    return env


_GLOBALS: Mapping[str, Any] = {
    "version": __version__, "link": link, "href": href, "segment": segment,
    "actor_href": actor_href, "article_href": article_href, "event_href": event_href,
    "legend": list(zip(QUAD_COLOURS, QUAD_NAMES, strict=True)), "quad_names": QUAD_NAMES,
}
