"""KnowledgeBase: lookups in normal form, dated offices, and the user's extra files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz, process

from newsevents.actors import EntryKind, KnowledgeBase, load_knowledge_base
from newsevents.errors import DataFileError


@pytest.mark.parametrize(
    ("phrase", "code", "sector", "kind"),
    [
        ("Russia", "RUS", "GOV", EntryKind.COUNTRY),
        ("the Russian Federation", "RUS", "GOV", EntryKind.COUNTRY),
        ("the US", "USA", "GOV", EntryKind.COUNTRY),
        ("the U.S.", "USA", "GOV", EntryKind.COUNTRY),
        ("the United States", "USA", "GOV", EntryKind.COUNTRY),
        ("America", "USA", "GOV", EntryKind.COUNTRY),
        ("the UK", "GBR", "GOV", EntryKind.COUNTRY),
        ("Britain", "GBR", "GOV", EntryKind.COUNTRY),
        ("Ivory Coast", "CIV", "GOV", EntryKind.COUNTRY),
        ("Cote d'Ivoire", "CIV", "GOV", EntryKind.COUNTRY),
        ("Turkey", "TUR", "GOV", EntryKind.COUNTRY),
        ("Türkiye", "TUR", "GOV", EntryKind.COUNTRY),
        ("the DRC", "COD", "GOV", EntryKind.COUNTRY),
        ("North Korea", "PRK", "GOV", EntryKind.COUNTRY),
        ("Kosovo", "XKX", "GOV", EntryKind.COUNTRY),
        ("Palestine", "PSE", "GOV", EntryKind.COUNTRY),
        ("Russians", "RUS", None, EntryKind.COUNTRY),
        ("Libyan", "LBY", None, EntryKind.COUNTRY),
        ("Turk", "TUR", None, EntryKind.COUNTRY),
        ("American", "USA", None, EntryKind.COUNTRY),
        ("Moscow", "RUS", "GOV", EntryKind.PLACE),
        ("the Kremlin", "RUS", "GOV", EntryKind.PLACE),
        ("the White House", "USA", "GOV", EntryKind.PLACE),
        ("the Pentagon", "USA", "GOV", EntryKind.PLACE),
        ("the State Department", "USA", "GOV", EntryKind.PLACE),
        ("Downing Street", "GBR", "GOV", EntryKind.PLACE),
        ("the Elysee", "FRA", "GOV", EntryKind.PLACE),
        ("Kiev", "UKR", "GOV", EntryKind.PLACE),
        ("Kyiv", "UKR", "GOV", EntryKind.PLACE),
        ("Benghazi", "LBY", None, EntryKind.PLACE),
        ("Brussels", "EUR", "GOV", EntryKind.ORGANIZATION),
        ("the UN", "UNO", "GOV", EntryKind.ORGANIZATION),
        ("UNSMIL", "UNO", "GOV", EntryKind.ORGANIZATION),
        ("the Security Council", "UNO", "GOV", EntryKind.ORGANIZATION),
        ("NATO", "NATO", "GOV", EntryKind.ORGANIZATION),
        ("the African Union", "AFU", "GOV", EntryKind.ORGANIZATION),
        ("League of Arab States", "ARL", "GOV", EntryKind.ORGANIZATION),
        ("IAEA", "IGO", "GOV", EntryKind.ORGANIZATION),
        ("ICC", "IGO", "JUD", EntryKind.ORGANIZATION),
        ("Red Cross", "NGO", "NGO", EntryKind.ORGANIZATION),
        ("Human Rights Watch", "NGO", "NGO", EntryKind.ORGANIZATION),
        ("Ban", "UNO", "GOV", EntryKind.PERSON),
        ("Qadhafi", "LBY", "GOV", EntryKind.PERSON),
        ("Serdiukov", "RUS", "GOV", EntryKind.PERSON),
        ("Mevlüt Çavuşoğlu", "TUR", "GOV", EntryKind.PERSON),
        ("foreign ministry", None, "GOV", EntryKind.SECTOR),
        ("Latin America", None, None, EntryKind.PLACE),
    ],
)
def test_lookup_finds_names_in_any_spelling(
    kb: KnowledgeBase, phrase: str, code: str | None, sector: str | None, kind: EntryKind
) -> None:
    entry = kb.lookup(phrase)
    assert entry is not None
    assert (entry.code, entry.sector, entry.kind) == (code, sector, kind)


@pytest.mark.parametrize("phrase", ["Gotham", "the", "", "Mr"])
def test_lookup_unknown_is_none(kb: KnowledgeBase, phrase: str) -> None:
    assert kb.lookup(phrase) is None


@pytest.mark.parametrize(
    ("phrase", "name", "code"),
    [("Brussels", "Brussels", "BEL"), ("Tripoli", "Tripoli", "LBY"), ("Libya", "Libya", "LBY"),
     ("the Hague", "The Hague", "NLD"), ("the Sahel", "Sahel", None)],
)
def test_lookup_place_reads_locations(
    kb: KnowledgeBase, phrase: str, name: str, code: str | None
) -> None:
    entry = kb.lookup_place(phrase)
    assert entry is not None and (entry.name, entry.code) == (name, code)


def test_lookup_place_skips_demonyms(kb: KnowledgeBase) -> None:
    assert kb.lookup_place("Russian") is None


def test_offices_for_lists_every_office_in_order(kb: KnowledgeBase) -> None:
    offices = [(o.office, o.start.year) for o in kb.offices_for("Putin") if o.start]
    assert offices == [("prime minister", 1999), ("president", 2000), ("prime minister", 2008),
                       ("president", 2012)]


NTC_CHAIR = "chairman of the National Transitional Council"


@pytest.mark.parametrize(
    ("name", "day", "office", "sector"),
    [
        ("Putin", "2010-06-01", "prime minister", "GOV"),
        ("Putin", "2013-06-01", "president", "GOV"),
        ("Medvedev", "2010-06-01", "president", "GOV"),
        ("Medvedev", "2024-06-01", "prime minister", "ELI"),
        ("Mustafa Abdul Jalil", "2011-04-01", NTC_CHAIR, "REB"),
        ("Mustafa Abdul Jalil", "2011-12-01", NTC_CHAIR, "GOV"),
        ("Sisi", "2005-01-01", "defence minister", "GOV"),
    ],
)
def test_lookup_on_a_date_picks_that_days_office(
    kb: KnowledgeBase, name: str, day: str, office: str, sector: str
) -> None:
    entry = kb.lookup(name, on=dt.date.fromisoformat(day))
    assert entry is not None and (entry.office, entry.sector) == (office, sector)


def test_lookup_without_a_date_prefers_the_current_office(kb: KnowledgeBase) -> None:
    entry = kb.lookup("Putin")
    assert entry is not None and entry.office == "president" and entry.end is None


def test_name_of_gives_canonical_names(kb: KnowledgeBase) -> None:
    names = (kb.name_of("RUS"), kb.name_of("UNO"), kb.name_of("ZZZ"))
    assert names == ("Russia", "United Nations", None)


def test_load_knowledge_base_caches_the_bundled_part() -> None:
    assert load_knowledge_base() is load_knowledge_base()


def test_user_tsv_adds_and_overrides_entries(tmp_path: Path) -> None:
    extra = tmp_path / "mine.tsv"
    extra.write_text(
        "# my actors\nname\taliases\tcode\tsector\tkind\tstart\tend\n"
        "Abdel Hafiz Ghoga\tGhoga\tLBY\tREB\tperson\t2011-03-05\t2012-01-22\n"
        "Benghazi\t\tLBY\tREB\tplace\t\t\n",
        encoding="utf-8",
    )
    kb = load_knowledge_base([extra])
    ghoga, benghazi = kb.lookup("Ghoga"), kb.lookup("Benghazi")
    assert ghoga is not None and (ghoga.code, ghoga.sector) == ("LBY", "REB")
    assert benghazi is not None and benghazi.sector == "REB"
    assert kb.lookup("Kremlin") is not None
    assert load_knowledge_base().lookup("Ghoga") is None


def test_user_file_in_a_bundled_format_is_accepted(tmp_path: Path) -> None:
    extra = tmp_path / "words.tsv"
    extra.write_text("phrase\tsector\trank\nthuwwar\tREB\tbody\n", encoding="utf-8")
    entry = load_knowledge_base([extra]).lookup("thuwwar")
    assert entry is not None and entry.sector == "REB"


def test_petrarch_dictionary_is_detected_by_content(tmp_path: Path) -> None:
    extra = tmp_path / "actors.txt"
    extra.write_text("ARNOR_ [ARN]\n+FORNOST\nGONDOR [GON]\n", encoding="utf-8")
    kb = load_knowledge_base([extra])
    assert [kb.lookup(n).code for n in ("Arnor", "Fornost", "Gondor")] == ["ARN", "ARN", "GON"]


def test_unreadable_user_file_raises(tmp_path: Path) -> None:
    with pytest.raises(DataFileError):
        load_knowledge_base([tmp_path / "missing.tsv"])


@settings(max_examples=300, deadline=None)
@given(name=st.one_of(
    st.sampled_from(load_knowledge_base().person_keys()),
    st.text(alphabet="abcdeghiklmnorstuyz ", min_size=1, max_size=24)),
    typo=st.text(alphabet="aeiouy", max_size=2), cutoff=st.sampled_from([60.0, 88.0, 100.0]))
def test_closest_person_is_the_best_of_every_person_key(name: str, typo: str,
                                                        cutoff: float) -> None:
    """Comparing only keys of a length that can reach the cutoff finds what comparing all finds
    (the same key and score, the first of equals)."""
    kb = load_knowledge_base()
    key = name[: len(name) // 2] + typo + name[len(name) // 2:]
    every = process.extractOne(key, kb.person_keys(), scorer=fuzz.ratio, score_cutoff=cutoff)
    expected = (every[0], every[1]) if every is not None else None
    assert kb.closest_person(key, cutoff) == expected
