"""The one reader of data files: header, comments, padding, and errors that say where."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.actors import tables
from newsevents.datafiles import Table, load_table, read_table, read_words
from newsevents.errors import DataFileError


def write(tmp_path: Path, text: str, name: str = "data.tsv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_header_names_the_columns_and_rows_keep_their_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tvalue\nalpha\t1\nbeta\t2\n")
    table = read_table(path)
    assert table == Table(path, ("name", "value"), [
        (2, {"name": "alpha", "value": "1"}),
        (3, {"name": "beta", "value": "2"}),
    ])
    assert table.column("value") == ["1", "2"]


def test_comment_and_blank_lines_are_skipped_anywhere(tmp_path: Path) -> None:
    text = "# what the file is\n# Columns: name, value\n\nname\tvalue\n# a note\nalpha\t1\n\n"
    table = read_table(write(tmp_path, text))
    assert table is not None
    assert table.header == ("name", "value")
    assert table.rows == [(6, {"name": "alpha", "value": "1"})]


def test_cells_are_stripped(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "name\tvalue\n alpha \t 1\n"))
    assert table is not None and table.rows == [(2, {"name": "alpha", "value": "1"})]


def test_short_rows_are_padded_with_empty_cells(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "name\taliases\tcode\nalpha\nbeta\tb\n"))
    assert table is not None
    assert table.rows == [
        (2, {"name": "alpha", "aliases": "", "code": ""}),
        (3, {"name": "beta", "aliases": "b", "code": ""}),
    ]


def test_too_many_columns_names_file_and_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# comment\nname\tvalue\nalpha\t1\nbeta\t2\textra\n")
    with pytest.raises(DataFileError) as caught:
        read_table(path)
    assert (caught.value.path, caught.value.line) == (str(path), 4)
    assert "3 columns, header has 2" in str(caught.value)
    assert str(caught.value).startswith(f"{path}:4: ")


def test_missing_file_is_a_data_file_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "absent.tsv"
    for read in (read_table, load_table, read_words):
        with pytest.raises(DataFileError) as caught:
            read(path)
        assert caught.value.path == str(path) and "cannot read" in caught.value.message


def test_undecodable_file_is_a_data_file_error(tmp_path: Path) -> None:
    path = tmp_path / "latin1.tsv"
    path.write_bytes("name\nCaf\xe9\n".encode("latin-1"))
    with pytest.raises(DataFileError) as caught:
        read_table(path)
    assert caught.value.path == str(path)


def test_no_header_row_is_none_for_read_table(tmp_path: Path) -> None:
    assert read_table(write(tmp_path, "# only comments\n\n")) is None
    # A first line without a tab may be another format (a PETRARCH dictionary, say) ...
    assert read_table(write(tmp_path, "UNITED_STATES_\n+AMERICA_\n", "actors.txt")) is None
    # ... unless it is the header of a one-column format.
    table = read_table(write(tmp_path, "# titles\ntitle\nMr\n"))
    assert table is not None and table.header == ("title",) and table.column("title") == ["Mr"]
    assert read_table(write(tmp_path, "title\nMr\n"), one_column=()) is None


def test_load_table_raises_when_there_is_no_header_row(tmp_path: Path) -> None:
    path = write(tmp_path, "# only a comment\n")
    with pytest.raises(DataFileError) as caught:
        load_table(path)
    assert (caught.value.path, caught.value.line) == (str(path), 1)


def test_load_table_takes_any_first_line_as_the_header(tmp_path: Path) -> None:
    table = load_table(write(tmp_path, "# words\nlemma\nrun\n"))
    assert table.header == ("lemma",) and table.column("lemma") == ["run"]


def test_load_table_required_column_missing_names_the_header_line(tmp_path: Path) -> None:
    path = write(tmp_path, "# comment\nname\tnote\nalpha\tx\n")
    with pytest.raises(DataFileError) as caught:
        load_table(path, ("name", "value"))
    assert (caught.value.line, "'value'" in caught.value.message) == (2, True)


def test_load_table_required_cell_empty_names_the_row(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tvalue\talias\nalpha\t1\nbeta\n")
    assert load_table(path, ("name",)).column("value") == ["1", ""]
    with pytest.raises(DataFileError) as caught:
        load_table(path, ("name", "value"))
    assert caught.value.line == 3 and "'value'" in caught.value.message


def test_load_table_complete_rejects_short_rows(tmp_path: Path) -> None:
    path = write(tmp_path, "name\tvalue\nalpha\t1\nbeta\n")
    assert len(load_table(path).rows) == 2
    with pytest.raises(DataFileError) as caught:
        load_table(path, complete=True)
    assert caught.value.line == 3


def test_read_words_reads_one_column_in_order(tmp_path: Path) -> None:
    path = write(tmp_path, "# stop words\nword\nthe\n\n# more\nof\n", "words.txt")
    assert read_words(path) == ("the", "of")
    params = write(tmp_path, "param\tnote\nutm_*\tcampaign tags\nfbclid\n")
    assert read_words(params, "param") == ("utm_*", "fbclid")


def test_read_words_needs_its_column(tmp_path: Path) -> None:
    path = write(tmp_path, "# no header\nthe\nof\n", "words.txt")
    with pytest.raises(DataFileError) as caught:
        read_words(path)
    assert (caught.value.path, caught.value.line) == (str(path), 2)


def test_actor_tables_reexport_the_one_reader() -> None:
    assert tables.read_table is read_table and tables.Table is Table
