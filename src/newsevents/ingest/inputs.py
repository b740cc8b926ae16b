"""The ingest entry point: paths, folders and globs → the right reader → Articles and Problems.

This is the edge where files meet the program, so it never raises for bad input: whatever goes
wrong with one file becomes a Problem naming it and the next file is read.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from newsevents.config import Settings
from newsevents.errors import InputError
from newsevents.ingest.csvfile import read_csv_file
from newsevents.ingest.html import read_html_file
from newsevents.ingest.records import read_json_file, read_jsonl_file, read_jsonl_stream
from newsevents.ingest.text import read_text_file
from newsevents.ingest.warc import read_warc_file
from newsevents.models import Article, Problem, Severity

Reader = Callable[[str, Settings], Iterator[Article | Problem]]

READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".text": read_text_file,
    ".html": read_html_file,
    ".htm": read_html_file,
    ".xhtml": read_html_file,
    ".jsonl": read_jsonl_file,
    ".ndjson": read_jsonl_file,
    ".json": read_json_file,
    ".csv": read_csv_file,
    ".warc": read_warc_file,
    ".warc.gz": read_warc_file,
}
STDIN_PATH = "-"
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Target:
    """A file to read; ``found`` when it came from a folder or glob rather than by name."""

    path: str
    found: bool = False


def file_type(path: str) -> str:
    """The longest known suffix of ``path`` (".warc.gz" before ".gz"), else its last suffix."""
    name = Path(path).name.casefold()
    known = [suffix for suffix in READERS if name.endswith(suffix)]
    return max(known, key=len) if known else Path(name).suffix


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_folder(root: str) -> Iterator[Target | Problem]:
    """Files under ``root``, recursively in sorted order, hidden files and folders skipped."""
    errors: list[OSError] = []
    for folder, subfolders, files in os.walk(root, onerror=errors.append):
        subfolders[:] = sorted(name for name in subfolders if not is_hidden(name))
        for name in sorted(files):
            if not is_hidden(name):
                yield Target(os.path.join(folder, name), found=True)
    for error in errors:
        yield Problem(str(error.filename or root), f"cannot read folder: {error.strerror}")


def expand(given: str) -> Iterator[Target | Problem]:
    if os.path.isdir(given):
        found = list(walk_folder(given))
        yield from found or [Problem(given, "the folder holds no files", severity=Severity.WARNING)]
    elif os.path.exists(given):
        yield Target(given)
    elif _GLOB_CHARACTERS & set(given):
        matches = _distinct_files(sorted(glob.glob(given, recursive=True)))
        if not matches:
            yield Problem(given, "no files match this pattern")
        for match in matches:
            yield from walk_folder(match) if os.path.isdir(match) else [Target(match, found=True)]
    elif os.path.islink(given):
        yield Problem(given, "a symbolic link to nothing readable (a loop, or a missing target)")
    else:
        yield Problem(given, "no such file or folder")


def input_bytes(paths: Iterable[str], enough: int) -> int:
    """The size in bytes of the files ``paths`` name (as ``iter_inputs`` finds them; ``-`` and
    what cannot be read count nothing), counted until it reaches ``enough``."""
    total = 0
    for given in paths:
        for target in expand(given) if given != "-" else ():
            if isinstance(target, Target):
                with contextlib.suppress(OSError):
                    total += os.path.getsize(target.path)
            if total >= enough:
                return total
    return total


def _distinct_files(matches: list[str]) -> list[str]:
    """Each file once: a pattern through a symbolic link that loops ("loop/**/*.txt") finds the
    same file under ever longer paths; the first (shortest-sorted) path is kept."""
    seen: set[str] = set()
    kept = []
    for match in matches:
        real = os.path.realpath(match)
        if real not in seen:
            seen.add(real)
            kept.append(match)
    return kept


def read_target(target: Target, settings: Settings) -> Iterator[Article | Problem]:
    try:
        mode = os.stat(target.path).st_mode
    except OSError as error:
        yield Problem(target.path, f"cannot read file: {error.strerror or error}")
        return
    if not stat.S_ISREG(mode):  # a FIFO would block the run forever, a device never end
        yield Problem(target.path, "not a regular file (a pipe, device or socket); skipped",
                      severity=Severity.WARNING if target.found else Severity.ERROR)
        return
    kind = file_type(target.path)
    reader = READERS.get(kind)
    if reader is None:
        shown = f"'{kind}'" if kind else "(no extension)"
        severity = Severity.WARNING if target.found else Severity.ERROR
        yield Problem(target.path, f"unsupported file type {shown}", severity=severity)
        return
    try:
        yield from reader(target.path, settings)
    except InputError as error:
        yield Problem(error.path, error.message, error.line)
    except OSError as error:
        yield Problem(target.path, f"cannot read file: {error.strerror or error}")
    except Exception as error:
        yield Problem(target.path, f"unreadable {kind} file: {type(error).__name__}: {error}")


def read_stdin(stdin: TextIO | None, settings: Settings) -> Iterator[Article | Problem]:
    """JSON Lines on standard input, read as bytes where it has them: a line that is not UTF-8
    is then decoded as cp1252 with a warning, as in a file, instead of the text stream's decoder
    failing (its locale's strict UTF-8) and losing every line after it."""
    source = stdin if stdin is not None else sys.stdin
    try:
        yield from read_jsonl_stream(getattr(source, "buffer", source), settings)
    except (OSError, UnicodeDecodeError) as error:
        yield Problem("<stdin>", f"cannot read standard input: {error}")


def iter_inputs(
    paths: Sequence[str], stdin: TextIO | None = None, settings: Settings | None = None
) -> Iterator[Article | Problem]:
    """Articles and Problems from files, folders, glob patterns and ``-`` (JSONL on stdin).

    Unsupported files met inside a folder or glob are warnings; named on their own, errors.
    """
    settings = settings or Settings()
    for given in paths:
        if given == STDIN_PATH:
            yield from read_stdin(stdin, settings)
            continue
        for item in expand(given):
            if isinstance(item, Problem):
                yield item
            else:
                yield from read_target(item, settings)
