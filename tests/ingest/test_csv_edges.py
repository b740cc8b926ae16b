"""CSV files that used to be read wrongly without a word (issue #13)."""

from __future__ import annotations

from pathlib import Path

from newsevents.ingest.inputs import iter_inputs
from newsevents.models import Article, Problem


def _read(path: Path) -> tuple[list[Article], list[Problem]]:
    items = list(iter_inputs([str(path)]))
    return ([i for i in items if isinstance(i, Article)],
            [i for i in items if isinstance(i, Problem)])


def test_an_unterminated_quote_is_a_problem_on_its_line(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text('title,text\n'
                    'One,"Russia rejected the plan on Monday, officials said."\n'
                    'Two,"Turkey hosted talks with Iran on Tuesday.\n'
                    'Three,"Egypt rejected the proposal on Friday."\n', encoding="utf-8")
    articles, problems = _read(path)
    assert [a.title for a in articles] == ["One"]  # not "Two" with two rows' text in it
    assert [(p.line, "invalid CSV" in p.message) for p in problems] == [(3, True)]


def test_a_quote_open_to_the_end_of_the_file_says_so(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text('title,text\nOne,"Russia rejected the plan.\nTwo,Turkey hosted talks.\n')
    articles, problems = _read(path)
    assert not articles
    assert [(p.line, "never closed" in p.message) for p in problems] == [(2, True)]


def test_a_repeated_column_name_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("text,text,title\nRussia rejected it.,Another text.,A title\n")
    articles, problems = _read(path)
    assert not articles
    assert "'text' more than once" in problems[0].message and problems[0].line == 1


def test_a_header_only_csv_says_it_has_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "feed.csv"
    path.write_text("title,text\n")
    articles, problems = _read(path)
    assert not articles and [p.message for p in problems] == ["the CSV has a header but no rows"]
