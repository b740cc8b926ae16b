"""The PETRARCH/Phoenix actor-dictionary importer, on small samples and on the real files."""

from __future__ import annotations

import datetime as dt
import logging
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsevents.actors import (
    EntryKind,
    KBEntry,
    load_knowledge_base,
    read_petrarch_actors,
    write_user_tsv,
)
from newsevents.actors.petrarch import CodeSpan, decode_code, parse_code_span, parse_day
from newsevents.errors import DataFileError

SAMPLE = """\
# a comment line
<!-- a block comment
[NOT_A_CODE] still inside the block -->
ARNOR_  [ARN]  # trailing comment
+FORNOST
+ARNORIAN+NORTH_KINGDOM
GONDOR [GON]
ADEN_ABYAN_ISLAMIC_ARMY_(AAIA)_ [YEMREB]

GOLLUM  # pas 27 Apr 03
+SMEAGOL
\t[HOB < 950601]
\t[HOBGOV 19950601 - 19990815]
\t[HOBREB > 990816]
JAVIER_DE_CUELLAR_\t[IGOUNO 820101-911231] [ELI]
BOROMIR  [---]
"""


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("USAGOV", ("USA", "GOV")), ("RUSMIL", ("RUS", "MIL")), ("AFGGOVAGR", ("AFG", "GOV")),
        ("PSEREBHMS", ("PSE", "REB")), ("PSEHMSGOV", ("PSE", "GOV")), ("HOBCIV", ("HOB", "CVL")),
        ("USAMED", ("USA", "JRN")), ("ARN", ("ARN", None)), ("pse", ("PSE", None)),
        ("IGOWSTNAT", ("NATO", None)), ("IGOEUREEC", ("EUR", None)), ("IGOMEAARL", ("ARL", None)),
        ("IGOAFRAFU", ("AFU", None)), ("IGOUNOREFHCR", ("UNO", None)), ("UNO", ("UNO", None)),
        ("IGOCOPITP", ("IGO", "COP")), ("NGOHRIAMN", ("NGO", None)), ("MNCUSA", ("MNC", None)),
        ("ELI", (None, "ELI")), ("CIV", ("CIV", None)), ("CIVGOV", ("CIV", "GOV")),
        ("ELR/GAL", ("ELR/GAL", None)), ("NATO", ("NATO", None)),
        ("---", None), ("+++", None),
    ],
)
def test_decode_code_splits_country_and_sector(code: str, expected: tuple | None) -> None:
    assert decode_code(code) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("950601", dt.date(1995, 6, 1)), ("000101", dt.date(2000, 1, 1)),
        ("140130", dt.date(2014, 1, 30)), ("19270101", dt.date(1927, 1, 1)),
        ("20130119", dt.date(2013, 1, 19)),
    ],
)
def test_parse_day_reads_both_widths(text: str, expected: dt.date) -> None:
    assert parse_day(text) == expected


@given(st.dates(min_value=dt.date(1931, 1, 1), max_value=dt.date(2030, 12, 31)))
def test_parse_day_round_trips_six_and_eight_digits(day: dt.date) -> None:
    assert parse_day(day.strftime("%y%m%d")) == parse_day(day.strftime("%Y%m%d")) == day


@pytest.mark.parametrize("text", ["9008223", "201005011", "951301", "abc"])
def test_parse_day_rejects_malformed(text: str) -> None:
    with pytest.raises(ValueError):
        parse_day(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("USAGOV", CodeSpan("USA", "GOV")),
        ("HOB < 950601", CodeSpan("HOB", None, None, dt.date(1995, 6, 1))),
        ("HOBGOV 19950601 - 19990815",
         CodeSpan("HOB", "GOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15))),
        ("IGOUNO  >070201", CodeSpan("UNO", None, dt.date(2007, 2, 1))),
        ("---", None),
    ],
)
def test_parse_code_span_reads_date_restrictions(text: str, expected: CodeSpan | None) -> None:
    assert parse_code_span(text) == expected


@pytest.mark.parametrize("text", ["HOBGOV 990815-950601", "HOBGOV 20121204", "HOB > 9008223"])
def test_parse_code_span_rejects_unreadable_dates(text: str) -> None:
    with pytest.raises(ValueError):
        parse_code_span(text)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "sample.actors.txt"
    path.write_text(SAMPLE, encoding="utf-8")
    return path


def test_read_petrarch_actors_reads_heads_synonyms_and_codes(sample: Path) -> None:
    entries = {(e.name, e.start): e for e in read_petrarch_actors(sample)}
    arnor = entries[("Arnor", None)]
    assert (arnor.code, arnor.kind, arnor.aliases) == ("ARN", EntryKind.COUNTRY,
                                                       ("Fornost", "Arnorian", "North Kingdom"))
    army = entries[("Aden Abyan Islamic Army", None)]
    assert (army.code, army.sector, army.aliases) == ("YEM", "REB", ("AAIA",))
    assert "Not A Code" not in {e.name for e in entries.values()}
    assert "Boromir" not in {e.name for e in entries.values()}


def test_read_petrarch_actors_keeps_dated_codes_as_offices(sample: Path) -> None:
    gollum = sorted((e for e in read_petrarch_actors(sample) if e.name == "Gollum"),
                    key=lambda e: e.start or dt.date.min)
    assert [(e.sector, e.start, e.end) for e in gollum] == [
        (None, None, dt.date(1995, 6, 1)),
        ("GOV", dt.date(1995, 6, 1), dt.date(1999, 8, 15)),
        ("REB", dt.date(1999, 8, 16), None),
    ]
    assert {e.kind for e in gollum} == {EntryKind.PERSON}


def test_read_petrarch_actors_sector_only_code_keeps_the_body(sample: Path) -> None:
    cuellar = [e for e in read_petrarch_actors(sample) if e.name == "Javier De Cuellar"]
    assert [(e.code, e.sector) for e in cuellar] == [("UNO", None), ("UNO", "ELI")]


@pytest.mark.parametrize(
    ("content", "line"),
    [("+SYNONYM_FIRST\nARNOR [ARN]\n", 1), ("\t[ARN]\nARNOR [ARN]\n", 1)],
)
def test_read_petrarch_actors_rejects_misplaced_lines(
    tmp_path: Path, content: str, line: int
) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        list(read_petrarch_actors(path))
    assert raised.value.line == line


def test_read_petrarch_actors_skips_unreadable_code_unless_strict(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "typo.txt"
    path.write_text("GONDOR [GON]\nDENETHOR [GONGOV 9008223-911221]\n", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        names = [e.name for e in read_petrarch_actors(path)]
    assert names == ["Gondor"]
    assert "typo.txt:2: cannot read actor code" in caplog.text
    with pytest.raises(DataFileError) as raised:
        list(read_petrarch_actors(path, strict=True))
    assert raised.value.line == 2


def test_write_user_tsv_round_trips_through_the_loader(sample: Path, tmp_path: Path) -> None:
    out = tmp_path / "user.tsv"
    written = write_user_tsv(read_petrarch_actors(sample), out)
    assert written == 8
    kb = load_knowledge_base([out])
    assert kb.lookup("Fornost").code == "ARN"
    assert kb.lookup("Smeagol", on=dt.date(1997, 1, 1)).sector == "GOV"


def test_write_user_tsv_drops_duplicate_rows(tmp_path: Path) -> None:
    entry = KBEntry("ARN", None, "Arnor", EntryKind.COUNTRY)
    assert write_user_tsv([entry, entry], tmp_path / "x.tsv") == 1


@pytest.mark.shared
def test_phoenix_countries_import_without_error(shared: Path, tmp_path: Path) -> None:
    path = shared / "external/petrarch2-dictionaries/Phoenix.Countries.actors.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    entries = list(read_petrarch_actors(path))
    assert len(entries) > 1000
    kb = load_knowledge_base([path])
    assert kb.lookup("Kabul").code == "AFG"
    karzai = kb.lookup("Hamid Karzai", on=dt.date(2005, 1, 1))
    assert (karzai.code, karzai.sector) == ("AFG", "GOV")
    out = tmp_path / "phoenix.tsv"
    assert write_user_tsv(entries, out) > 1000
    assert load_knowledge_base([out]).lookup("Kabul").code == "AFG"


@pytest.mark.shared
@pytest.mark.parametrize(
    "name", ["Phoenix.International.actors.txt", "Phoenix.MilNonState.actors.txt"]
)
def test_phoenix_dictionaries_import(shared: Path, name: str) -> None:
    path = shared / "external/petrarch2-dictionaries" / name
    if not path.is_file():
        pytest.skip(f"{path} not found")
    assert len(list(read_petrarch_actors(path))) > 500


@pytest.mark.shared
@pytest.mark.parametrize(
    ("name", "day", "code", "sector"),
    [
        ("Arnor", None, "ARN", None),
        ("Gondor", None, "GON", None),
        ("Minas Tirith", None, "GON", None),
        ("Smeagol", "1990-01-01", "HOB", None),
        ("Sam Gamgee", "2010-01-10", "ORC", None),
        ("Sam Gamgee", "2009-06-01", "HOB", "MIL"),
        ("Sam Gamgee", "2012-12-01", "HOB", "GOV"),
        ("Interpol", None, "IGO", "COP"),
        ("European Union", None, "IGO", None),
    ],
)
def test_petrarch_validation_actors_resolve(
    shared: Path, name: str, day: str | None, code: str, sector: str | None
) -> None:
    path = shared / "external/petrarch2-validation/PETR.Validate.actors.txt"
    if not path.is_file():
        pytest.skip(f"{path} not found")
    kb = load_knowledge_base([path])
    entry = kb.lookup(name, on=dt.date.fromisoformat(day) if day else None)
    assert entry is not None and (entry.code, entry.sector) == (code, sector)
