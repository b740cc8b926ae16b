"""``newsevents serve``: the web app and JSON API over a database, read-only (docs/web.md)."""

from __future__ import annotations

import ipaddress
from pathlib import Path

import click

from newsevents.cli.app import Context, cli, db_option, pass_context, settings_for

LOOPBACK_NAMES = ("localhost",)


@cli.command()
@db_option
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; the default answers this machine only.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@pass_context
def serve(ctx: Context, db: Path | None, host: str, port: int) -> None:
    """Browse the database in a web browser: search, events with filters and downloads, actor,
    dyad, story and article pages, and a JSON API under /api (OpenAPI at /openapi.json).

    The database is opened read-only: nothing the app does can change it, and `run` may add
    to it meanwhile. Every page works offline (no scripts or fonts from elsewhere).

    \b
    Example:
      newsevents serve --db news.db
      newsevents serve --db news.db --port 8080   # then open http://127.0.0.1:8080/
    """
    import uvicorn  # here, not at the top: `newsevents --help` stays fast

    from newsevents.web.app import create_app

    settings = settings_for(ctx, db)
    app = create_app(settings.db_path, actor_files=settings.user_actor_files)
    if not is_loopback(host):
        ctx.say(f"[yellow]warning:[/] listening on {host}: anyone who can reach this address "
                "can read the whole database", -1)
    ctx.say(f"serving {settings.db_path} (read-only) at http://{host}:{port}/ — Ctrl+C stops")
    uvicorn.run(app, host=host, port=port, log_level="info" if ctx.verbosity > 0 else "warning")


def is_loopback(host: str) -> bool:
    """Whether ``host`` answers only this machine (127.0.0.1, ::1, localhost)."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False
