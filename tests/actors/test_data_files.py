"""Every bundled knowledge-base file loads, strictly, and holds what the resolver relies on."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pycountry
import pytest

from newsevents.actors import SECTOR_CODES, EntryKind, KnowledgeBase
from newsevents.actors.knowledge import (
    ACTORS_DATA_DIR,
    BUNDLED_FILES,
    knowledge_base_from_files,
    read_actor_file,
)
from newsevents.actors.petrarch import cameo_parts
from newsevents.actors.tables import Row, read_table
from newsevents.errors import DataFileError

ORGANIZATION_CODES = {"UNO", "NATO", "EUR", "AFU", "ARL", "GCC", "IGO", "NGO", "IMG"}
EXTRA_COUNTRY_CODES = {"XKX"}


def rows_of(name: str) -> list[Row]:
    return read_actor_file(ACTORS_DATA_DIR / name)


def country_codes() -> set[str]:
    return {row.entry.code for row in rows_of("countries.tsv") if row.entry.code}


@pytest.mark.parametrize("name", [*BUNDLED_FILES, "honorifics.tsv", "cameo_codes.tsv",
                                  "groups.tsv"])
def test_data_file_has_header_comment_and_rows(name: str) -> None:
    path = ACTORS_DATA_DIR / name
    assert path.read_text(encoding="utf-8").startswith("# ")
    table = read_table(path)
    assert table is not None and table.rows


def test_data_files_build_a_strict_knowledge_base() -> None:
    kb = knowledge_base_from_files([ACTORS_DATA_DIR / name for name in BUNDLED_FILES])
    assert len(kb) > 3000


def test_countries_cover_every_iso_country() -> None:
    iso = {country.alpha_3 for country in pycountry.countries}
    assert iso <= country_codes()
    assert country_codes() - iso == EXTRA_COUNTRY_CODES


def test_countries_have_exactly_one_name_each() -> None:
    table = read_table(ACTORS_DATA_DIR / "countries.tsv")
    assert table is not None
    names = [fields["code"] for _, fields in table.rows if fields["field"] == "name"]
    assert len(names) == len(set(names)) == len(country_codes())


def test_organization_codes_are_bodies_or_countries() -> None:
    codes = {row.entry.code for row in rows_of("organizations.tsv")}
    assert codes - ORGANIZATION_CODES <= country_codes()


def test_people_codes_are_known_actors() -> None:
    known = country_codes() | {row.entry.code for row in rows_of("organizations.tsv")}
    unknown = {row.entry.name: row.entry.code for row in rows_of("people.tsv")
               if row.entry.code not in known}
    assert unknown == {}


def test_people_offices_start_in_the_past() -> None:
    late = [row.entry.name for row in rows_of("people.tsv")
            if row.entry.start is None or row.entry.start > dt.date.today()]
    assert late == []


@pytest.mark.parametrize(
    ("person", "office", "start", "end"),
    [
        ("Dmitry Medvedev", "president", "2008-05-07", "2012-05-07"),
        ("Anatoly Serdyukov", "defence minister", "2007-02-15", "2012-11-06"),
        ("Mevlut Cavusoglu", "foreign minister", "2014-08-29", "2015-08-28"),
        ("Mevlut Cavusoglu", "foreign minister", "2015-11-24", "2023-06-04"),
        ("Ban Ki-moon", "secretary-general", "2007-01-01", "2016-12-31"),
        ("Anders Fogh Rasmussen", "secretary-general", "2009-08-01", "2014-09-30"),
        ("Jacob Zuma", "president", "2009-05-09", "2018-02-14"),
    ],
)
def test_people_hold_dated_offices(
    kb: KnowledgeBase, person: str, office: str, start: str, end: str
) -> None:
    spans = {(o.office, o.start, o.end) for o in kb.offices_for(person)}
    assert (office, dt.date.fromisoformat(start), dt.date.fromisoformat(end)) in spans


@pytest.mark.parametrize(
    ("name", "code", "sector"),
    [
        ("Muammar Gaddafi", "LBY", "GOV"),
        ("Mustafa Abdul Jalil", "LBY", "GOV"),
        ("Mahmoud Jibril", "LBY", "GOV"),
        ("Fayez al-Sarraj", "LBY", "GOV"),
        ("Khalifa Haftar", "LBY", "MIL"),
        ("Abdul Hamid Dbeibah", "LBY", "GOV"),
        ("Aguila Saleh", "LBY", "LEG"),
        ("Antonio Guterres", "UNO", "GOV"),
        ("Ghassan Salame", "UNO", "GOV"),
        ("Stephanie Williams", "UNO", "GOV"),
        ("Martin Kobler", "UNO", "GOV"),
        ("Bernardino Leon", "UNO", "GOV"),
        ("Jens Stoltenberg", "NATO", "GOV"),
        ("Mohammad Javad Zarif", "IRN", "GOV"),
        ("Sergei Lavrov", "RUS", "GOV"),
        ("Recep Tayyip Erdogan", "TUR", "GOV"),
    ],
)
def test_people_include_the_main_actors(
    kb: KnowledgeBase, name: str, code: str, sector: str
) -> None:
    entry = kb.lookup(name)
    assert entry is not None and entry.kind is EntryKind.PERSON
    assert (entry.code, entry.sector) == (code, sector)


@pytest.mark.parametrize(
    ("phrase", "sector"),
    [
        ("president", "GOV"), ("prime minister", "GOV"), ("foreign ministry", "GOV"),
        ("defence minister", "GOV"), ("defense minister", "GOV"), ("spokeswoman", "GOV"),
        ("envoy", "GOV"), ("ambassador", "GOV"), ("emir", "GOV"), ("head of state", "GOV"),
        ("troops", "MIL"), ("air force", "MIL"), ("warplanes", "MIL"), ("general", "MIL"),
        ("militias", "REB"), ("gunmen", "REB"), ("armed group", "REB"), ("jihadists", "REB"),
        ("opposition", "OPP"), ("dissidents", "OPP"), ("protesters", "CVL"),
        ("refugees", "CVL"), ("villagers", "CVL"), ("lawmakers", "LEG"), ("MPs", "LEG"),
        ("prosecutor", "JUD"), ("tribunal", "JUD"), ("party", "PTY"), ("police", "COP"),
        ("border guards", "COP"), ("spy agency", "SPY"), ("former", "ELI"),
        ("businessman", "BUS"), ("journalist", "JRN"), ("broadcaster", "JRN"),
        ("doctors", "MED"), ("imam", "REL"), ("bishop", "REL"),
    ],
)
def test_sector_words_give_plover_sectors(kb: KnowledgeBase, phrase: str, sector: str) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None and entry.kind is EntryKind.SECTOR
    assert entry.sector == sector


def test_cameo_table_maps_into_our_codes() -> None:
    parts = cameo_parts()
    assert {part.kind for part in parts.values()} == {"sector", "organization", "prefix"}
    assert all(p.ours in SECTOR_CODES for p in parts.values() if p.kind == "sector")


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        ("phrase\tsector\trank\nrebels\tXXX\tbody\n", 2, "unknown sector code 'XXX'"),
        ("phrase\tsector\trank\nrebels\tREB\tstrong\n", 2, "bad rank"),
        ("name\taliases\tcode\tsector\toffice\tstart\tend\nA B\t\tRUS\tGOV\tpm\t2011-13-01\t\n", 2,
         "bad date '2011-13-01'"),
        ("name\taliases\tcode\tsector\toffice\tstart\tend\n"
         "A B\t\tRUS\tGOV\tpm\t2012-01-01\t2011-01-01\n", 2, "ends (2011-01-01) before it starts"),
        ("code\tsector\tname\taliases\nrus\tGOV\tKremlin\t\n", 2, "bad actor code 'rus'"),
        ("code\tsector\tname\taliases\nRUS\tGOV\tKremlin\t\tmore\n", 2, "5 columns, header has 4"),
        ("code\tfield\tnames\nRUS\tcapital\tMoscow\n", 2, "country RUS has no 'name' row"),
        ("code\tfield\tnames\nRUS\tname\tRussia\nRUS\tmotto\tX\n", 3, "unknown field 'motto'"),
        ("# a comment\nwho\twhat\nx\ty\n", 1, "unknown header"),
        ("just some words\n", 1, "neither a newsevents actor TSV"),
    ],
)
def test_malformed_data_file_raises_with_line(
    tmp_path: Path, content: str, line: int, message: str
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        read_actor_file(path)
    assert (raised.value.path, raised.value.line) == (str(path), line)
    assert message in raised.value.message


@pytest.mark.parametrize(
    "content",
    [
        "code\tsector\tname\taliases\nRUS\tGOV\tKremlin\t\nUSA\tGOV\tWhite House\tKremlin\n",
        "name\taliases\tcode\tsector\toffice\tstart\tend\n"
        "A B\t\tRUS\tGOV\tpm\t2011-01-01\t\nA B\t\tRUS\tGOV\tpm\t2011-01-01\t\n",
    ],
)
def test_duplicate_names_fail_a_strict_build(tmp_path: Path, content: str) -> None:
    path = tmp_path / "dup.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError) as raised:
        knowledge_base_from_files([path])
    assert raised.value.line == 3


def test_groups_name_known_bodies_and_known_member_codes() -> None:
    kb = knowledge_base_from_files([ACTORS_DATA_DIR / name for name in BUNDLED_FILES])
    known = country_codes() | ORGANIZATION_CODES
    for name in ("Group of Seven", "Group of Eight", "the West"):
        members = kb.members(name)
        assert members and set(members) <= known, name
    assert "RUS" in kb.members("G8") or "RUS" in kb.members("Group of Eight")
    assert kb.members("Russia") == ()


def test_groups_file_rejects_an_unknown_group(tmp_path: Path) -> None:
    path = tmp_path / "groups.tsv"
    path.write_text("# test\nname\tmembers\nThe Quartet of Nowhere\tUSA|RUS\n", encoding="utf-8")
    with pytest.raises(DataFileError) as error:
        knowledge_base_from_files([ACTORS_DATA_DIR / name for name in BUNDLED_FILES],
                                  groups_path=path)
    assert error.value.line == 3
