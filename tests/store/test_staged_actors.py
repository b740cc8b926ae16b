"""Learned actors staged with their article's extraction and merged when the coding pass ends:
never known before the merge, merged in an order given by their content alone."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.models import Article
from newsevents.store import AddReport, Store
from newsevents.store.learned import Sighting, merge_sightings

from tests.store.test_learned_actors import JALIL, MARCH_1, MARCH_9, APRIL_2, Sighting as Seen

Add = Callable[..., AddReport]


@pytest.fixture
def articles(add: Add) -> None:
    add(*(Article(name, f"Text of article {name}.") for name in "abc"))


def stage(store: Store, article_id: str, *actors: Seen, seen: dt.date | None = MARCH_1) -> None:
    store.replace_extraction(article_id, [], [], "coder-1", learned=actors, seen=seen)


def test_staged_sightings_are_not_known_until_merged(store: Store, articles: None) -> None:
    stage(store, "a", JALIL)
    assert (store.known_actors(), store.staged_sightings()) == ([], 1)
    assert store.merge_learned_actors() == 1
    assert [(a.name, a.mentions) for a in store.known_actors()] == [(JALIL.name, 1)]
    assert store.staged_sightings() == 0


def test_recoding_an_article_replaces_its_staged_sightings(store: Store, articles: None) -> None:
    stage(store, "a", JALIL, Seen("Abdel Hafiz Ghoga", code="LBY"))
    stage(store, "a", JALIL)  # the same article coded again: its old sightings go
    store.merge_learned_actors()
    assert [(a.name, a.mentions) for a in store.known_actors()] == [(JALIL.name, 1)]


def test_a_failed_replacement_stages_nothing(store: Store, articles: None) -> None:
    with pytest.raises(ValueError, match="non-blank name"):
        stage(store, "a", JALIL, Seen("  "))
    assert store.staged_sightings() == 0 and store.extraction_version("a") is None


def test_merge_widens_a_known_actor(store: Store, articles: None) -> None:
    store.upsert_actors([JALIL], MARCH_9)
    stage(store, "a", Seen("MUSTAFA abdul Jalil", ("Abdel Jalil",), "EGY"), seen=MARCH_1)
    stage(store, "b", JALIL, seen=APRIL_2)
    store.merge_learned_actors()
    (actor,) = store.known_actors()
    assert (actor.name, actor.code, actor.first_seen, actor.last_seen, actor.mentions) == (
        JALIL.name, "LBY", MARCH_1, APRIL_2, 3)
    assert actor.aliases == ("Jalil", "Abdel Jalil")


def test_staged_sightings_go_with_their_article(store: Store, articles: None,
                                                 peek: Callable[[str], list[tuple]]) -> None:
    stage(store, "a", JALIL)
    store._conn.execute("DELETE FROM articles WHERE id = 'a'")
    assert peek("SELECT count(*) FROM learned_sightings") == [(0,)]


SIGHTINGS = [
    Sighting("Abdel Hafiz Ghoga", ("Ghoga",), "LBY", "REB", MARCH_9),
    Sighting("abdel hafiz GHOGA", ("Hafiz Ghoga",), "LBY", "GOV", MARCH_1),
    Sighting("Abdel Hafiz Ghoga", (), None, None, None),
    Sighting("ABDEL HAFIZ GHOGA", ("Ghoga",), "LBYREB", None, APRIL_2),
]


def test_merge_sightings_earliest_sighting_names_and_codes() -> None:
    merged = merge_sightings(None, SIGHTINGS)
    assert merged is not None
    assert (merged.name, merged.code, merged.sector) == ("abdel hafiz GHOGA", "LBY", "GOV")
    assert (merged.first_seen, merged.last_seen, merged.mentions) == (MARCH_1, APRIL_2, 4)
    assert merged.aliases == ("Hafiz Ghoga", "Ghoga")


def test_merge_sightings_does_not_depend_on_their_order() -> None:
    results = {merge_sightings(None, order) for order in itertools.permutations(SIGHTINGS)}
    assert len(results) == 1


names = st.sampled_from(["Ghoga", "GHOGA", "Abdel Ghoga", "Jalil", "jalil"])
sightings = st.builds(Sighting, names, st.lists(names, max_size=2).map(tuple),
                      st.sampled_from([None, "LBY", "EGY"]), st.sampled_from([None, "REB", "GOV"]),
                      st.sampled_from([None, MARCH_1, MARCH_9]))


@settings(max_examples=60, deadline=None)
@given(st.lists(sightings, min_size=1, max_size=6), st.randoms(use_true_random=False))
def test_merge_sightings_any_order_same_row(found: list[Sighting], rng: random.Random) -> None:
    shuffled = list(found)
    rng.shuffle(shuffled)
    assert merge_sightings(None, shuffled) == merge_sightings(None, found)
