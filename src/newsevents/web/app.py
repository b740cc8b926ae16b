"""The web app over a newsevents database: server-rendered pages, a JSON API under ``/api`` and
the OpenAPI document at ``/openapi.json`` (docs/web.md). ``newsevents serve`` runs it.

Read-only by construction: every request opens the database with SQLite's ``mode=ro``
(``Store(read_only=True)``), so nothing the app does can change it. This module is the one place
that turns errors into HTTP answers: a wrong filter value is a 400 and an unknown id a 404, each
with its message (JSON under ``/api``, a page elsewhere); a malformed parameter is a 422; an
unexpected error is a 500 that says so without a traceback.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response

from newsevents import __version__
from newsevents.errors import FilterError, NewsEventsError, StoreError, UnknownIdError
from newsevents.web import api, downloads, pages
from newsevents.web.site import Site

JSON_PREFIXES = ("/api/", "/openapi")
INTERNAL = "internal error: the server could not answer this request (its log says why)"


def create_app(db_path: str | Path, *, actor_files: Sequence[Path] = ()) -> FastAPI:
    """The app serving the database at ``db_path``; ``actor_files`` as ``--actors``.

    Raises :class:`~newsevents.errors.StoreError` at once for a missing file, one that is not
    a newsevents database, or one whose schema this code would first have to migrate.
    """
    app = FastAPI(title="newsevents", version=__version__, docs_url=None, redoc_url=None,
                  description="Political event data coded from news articles (read-only).")
    app.state.site = Site(db_path, actor_files)
    app.include_router(api.router)
    app.include_router(downloads.router)
    app.include_router(pages.router)
    _add_error_handlers(app)
    return app


def _add_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(FilterError, _filter_error)
    app.add_exception_handler(UnknownIdError, _unknown_id)
    app.add_exception_handler(StoreError, _store_error)
    app.add_exception_handler(NewsEventsError, _other_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(404, _http_error)
    app.add_exception_handler(405, _http_error)
    app.add_exception_handler(Exception, _internal_error)


def error_response(request: Request, status: int, message: str) -> Response:
    """``{"detail": message}`` for the API, an HTML page for a person."""
    if request.url.path.startswith(JSON_PREFIXES):
        return JSONResponse({"detail": message}, status_code=status)
    site: Site = request.app.state.site
    return site.page("error.html", status=status, status_code=status, message=message)


def filter_message(exc: FilterError) -> str:
    """The filter error as the web names its parameters: ``since``, not ``--since``."""
    hint = f" Close matches: {', '.join(exc.suggestions)}." if exc.suggestions else ""
    return f"{exc.option.lstrip('-')} {exc.value!r}: {exc.message}.{hint}"


async def _filter_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, FilterError)
    return error_response(request, 400, filter_message(exc))


async def _unknown_id(request: Request, exc: Exception) -> Response:
    return error_response(request, 404, str(exc))


async def _store_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 503, f"the database cannot be read now: {exc}")


async def _other_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 400, str(exc))


async def _invalid_request(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    problems = [f"{'.'.join(str(p) for p in error['loc'][1:]) or error['loc'][0]}: "
                f"{error['msg']}" for error in exc.errors()]
    return error_response(request, 422, "; ".join(problems) or "invalid request")


async def _http_error(request: Request, exc: Exception) -> Response:
    status = getattr(exc, "status_code", 404)
    message = "no such page" if status == 404 else "method not allowed"
    return error_response(request, status, message)


async def _internal_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 500, INTERNAL)
