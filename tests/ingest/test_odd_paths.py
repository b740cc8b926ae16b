"""Odd things in an input folder: a FIFO, a folder named like a file, a symbolic-link loop, a
file name with a line break (issue #13). None may hang the run or lose the other files."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsevents.ingest.inputs import expand, iter_inputs
from newsevents.models import Article, Problem

BODY = "Talks\n\nRussia rejected the plan on Monday, officials said.\n"
posix = pytest.mark.skipif(os.name != "posix", reason="FIFOs and symlinks as on POSIX")


def _read(*paths: str) -> tuple[list[Article], list[Problem]]:
    items = list(iter_inputs(list(paths)))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


@posix
def test_a_fifo_in_a_folder_is_skipped_with_a_problem_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(BODY)
    os.mkfifo(tmp_path / "pipe.txt")
    articles, problems = _read(str(tmp_path))  # would block forever if the FIFO were opened
    assert len(articles) == 1
    assert [("pipe.txt" in p.path, "not a regular file" in p.message) for p in problems] == [
        (True, True)]


def test_an_empty_folder_named_like_a_file_gets_a_message(tmp_path: Path) -> None:
    (tmp_path / "dir.txt").mkdir()
    _, problems = _read(str(tmp_path / "dir.txt"))
    assert [p.message for p in problems] == ["the folder holds no files"]


@posix
def test_a_pattern_through_a_symlink_loop_reads_each_file_once(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "back").symlink_to("..")
    (tmp_path / "a" / "x.txt").write_text(BODY)
    targets = [t for t in expand(str(tmp_path / "**" / "*.txt")) if not isinstance(t, Problem)]
    assert len(targets) == 1


@posix
def test_a_dangling_or_looping_link_is_named_as_such(tmp_path: Path) -> None:
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    _, problems = _read(str(tmp_path / "loop.txt"))
    assert "symbolic link" in problems[0].message


@posix
def test_a_file_name_with_a_line_break_is_read(tmp_path: Path) -> None:
    (tmp_path / "new\nline.txt").write_text(BODY)
    articles, problems = _read(str(tmp_path))
    assert len(articles) == 1 and not problems


def test_a_problem_line_is_one_line() -> None:
    problem = Problem("inbox/new\nline.txt", "bad\r\nthing", 3)
    assert str(problem) == "inbox/new\\nline.txt:3: error: bad\\r\\nthing"
