"""The ``newsevents`` command line: each command parses options and calls one library function.

``app`` holds the click group and what every command shares; the other modules add the commands
of one family each (importing them registers the commands).
"""

from newsevents.cli import articles, events, scale, serve, show, stories, tools  # noqa: F401 - registers commands
from newsevents.cli.app import cli, main

__all__ = ["cli", "main"]
