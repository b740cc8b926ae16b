"""newsevents.filters: the user's filter values checked and resolved (no model, no store)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors.knowledge import bundled_knowledge_base
from newsevents.errors import FilterError
from newsevents.filters import (
    PartyResolver,
    checked_modes,
    checked_quads,
    checked_types,
    event_filter,
    period_end,
    period_start,
)


@pytest.fixture(scope="module")
def resolver() -> PartyResolver:
    return PartyResolver(bundled_knowledge_base())


@pytest.mark.parametrize(("value", "start", "end"), [
    ("2011", dt.date(2011, 1, 1), dt.date(2011, 12, 31)),
    ("2011-03", dt.date(2011, 3, 1), dt.date(2011, 3, 31)),
    ("2012-02", dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
    ("2011-03-17", dt.date(2011, 3, 17), dt.date(2011, 3, 17)),
    (dt.date(2011, 3, 17), dt.date(2011, 3, 17), dt.date(2011, 3, 17)),
])
def test_a_period_is_a_year_a_month_or_a_day(value, start: dt.date, end: dt.date) -> None:
    assert (period_start(value), period_end(value)) == (start, end)


@pytest.mark.parametrize("value", ["2011-13", "2011-02-30", "March 2011", "11-03-17", ""])
def test_a_malformed_date_is_an_error_that_shows_the_forms(value: str) -> None:
    with pytest.raises(FilterError, match="YYYY, YYYY-MM or YYYY-MM-DD"):
        period_start(value)


@pytest.mark.parametrize(("name", "resolved"), [
    ("RUS", "RUS"),
    ("rus", "RUS"),
    ("RUSGOV", "RUSGOV"),
    ("Russia", "RUS"),
    ("Russian Federation", "RUS"),
    ("the Kremlin", "RUSGOV"),  # a seat of power: the government
    ("NATO", "NATO"),
    ("Haftar", "Khalifa Haftar"),  # a person: their canonical name
])
def test_actors_resolve_from_codes_and_names(resolver: PartyResolver, name: str,
                                             resolved: str) -> None:
    assert resolver.resolve(name) == resolved


def test_an_unknown_actor_is_an_error_listing_close_names(resolver: PartyResolver) -> None:
    with pytest.raises(FilterError) as error:
        resolver.resolve("Rusia")
    assert "Russia (RUS)" in error.value.suggestions
    assert "Russia (RUS)" in str(error.value)


def test_a_kind_of_actor_is_not_an_actor(resolver: PartyResolver) -> None:
    with pytest.raises(FilterError, match="kind of actor"):
        resolver.resolve("rebels")


def test_an_unknown_code_is_an_error(resolver: PartyResolver) -> None:
    with pytest.raises(FilterError, match="no known actor"):
        resolver.resolve("QQX")


def test_the_dyad_takes_names_on_both_sides(resolver: PartyResolver) -> None:
    flt = event_filter(resolver, dyad="Russia, Libya")
    assert flt.dyad == ("RUS", "LBY")
    assert event_filter(resolver, dyad=("Russia", "LBY")).dyad == ("RUS", "LBY")


def test_a_dyad_needs_two_actors(resolver: PartyResolver) -> None:
    with pytest.raises(FilterError, match="two actors"):
        event_filter(resolver, dyad="RUS")


def test_since_after_until_is_an_error(resolver: PartyResolver) -> None:
    with pytest.raises(FilterError, match="after --until"):
        event_filter(resolver, since="2012", until="2011-06")


def test_a_month_filter_covers_the_whole_month(resolver: PartyResolver) -> None:
    flt = event_filter(resolver, since="2011-03", until="2011-03")
    assert (flt.since, flt.until) == (dt.date(2011, 3, 1), dt.date(2011, 3, 31))


def test_types_are_checked_and_upper_cased() -> None:
    assert checked_types(["reject", "ASSAULT"]) == ("REJECT", "ASSAULT")
    with pytest.raises(FilterError) as error:
        checked_types(["ATTACK"])
    assert "ASSAULT" in str(error.value) and "REJECT" in str(error.value)


def test_modes_are_checked() -> None:
    assert checked_modes(["Aerial"]) == ("aerial",)
    with pytest.raises(FilterError, match="aerial"):
        checked_modes(["aireal"])


def test_quad_classes_are_one_to_four() -> None:
    assert checked_quads(["4", 1]) == (4, 1)
    with pytest.raises(FilterError, match="material conflict"):
        checked_quads(["5"])
