"""The word lists in data/temporal: every file loads, and malformed ones say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.errors import DataFileError
from newsevents.temporal.lexicon import TEMPORAL_DIR, lexicon, read_table


def test_lexicon_loads_every_data_file() -> None:
    lex = lexicon()
    assert lex.months["march"] == 3 and lex.month_abbrs["sept"] == 9
    assert lex.weekdays["wednesday"] == 3 and lex.weekday_abbrs["thurs"] == 4
    assert lex.seasons["summer"] == ("SU", 7)
    assert lex.parts["early"] == "START"
    assert lex.numbers["several"] is None and lex.numbers["twelve"] == 12
    assert lex.units["decade"].factor == 10
    assert lex.refs["now"][0] == "PRESENT_REF"
    assert lex.holidays["christmas"] == (12, 25)
    assert lex.tense["will"] == "FUTURE"
    assert "people" in lex.count_nouns
    assert lex.quantifiers["more than"] == ("MORE_THAN", "BEFORE")
    assert lex.quantifiers["up to"] == ("EQUAL_OR_LESS", None)


@pytest.mark.parametrize("path", sorted(TEMPORAL_DIR.glob("*.tsv")), ids=lambda p: p.name)
def test_data_file_has_header_comment_and_rows(path: Path) -> None:
    assert path.read_text(encoding="utf-8").startswith("# ")
    assert read_table(path)


def test_read_table_reports_the_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text("# a comment\nname\tvalue\nok\t1\nbroken\n", encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_table(path)
    assert caught.value.line == 4


def test_read_table_needs_a_header(tmp_path: Path) -> None:
    path = tmp_path / "empty.tsv"
    path.write_text("# only a comment\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        read_table(path)
