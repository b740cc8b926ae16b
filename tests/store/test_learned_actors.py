"""upsert_actors / known_actors: learned actors merged sighting by sighting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from newsevents.store import Store, StoredActor, actor_key

MARCH_1, MARCH_9, APRIL_2 = dt.date(2011, 3, 1), dt.date(2011, 3, 9), dt.date(2011, 4, 2)


@dataclass(frozen=True, slots=True)
class Sighting:
    """Stands in for ``newsevents.actors.LearnedActor`` (same attributes, plus one it ignores)."""

    name: str
    aliases: tuple[str, ...] = ()
    code: str | None = None
    sector: str | None = None
    confidence: float = 0.9


JALIL = Sighting("Mustafa Abdul Jalil", ("Jalil",), "LBY", "REB")


def only(store: Store) -> StoredActor:
    (actor,) = store.known_actors()
    return actor


@pytest.mark.parametrize(
    ("name", "key"),
    [("Mustafa Abdul Jalil", "mustafa abdul jalil"), ("  Vladimir\tPUTIN ", "vladimir putin")],
)
def test_actor_key_casefolds_and_collapses_whitespace(name: str, key: str) -> None:
    assert actor_key(name) == key


def test_upsert_actors_inserts_new(store: Store) -> None:
    store.upsert_actors([JALIL], MARCH_1)
    assert store.known_actors() == [
        StoredActor("Mustafa Abdul Jalil", ("Jalil",), "LBY", "REB", MARCH_1, MARCH_1, 1, "learned")
    ]


def test_upsert_actors_merges_same_normalised_name(store: Store) -> None:
    store.upsert_actors([JALIL], MARCH_9)
    store.upsert_actors([Sighting("mustafa  abdul JALIL", ("Abdel Jalil", "jalil"))], MARCH_1)
    actor = only(store)
    assert actor.name == "Mustafa Abdul Jalil"
    assert actor.aliases == ("Jalil", "Abdel Jalil")
    assert actor.mentions == 2


def test_upsert_actors_widens_first_and_last_seen(store: Store) -> None:
    store.upsert_actors([JALIL], MARCH_9)
    store.upsert_actors([JALIL], MARCH_1)
    store.upsert_actors([JALIL], APRIL_2)
    store.upsert_actors([JALIL], MARCH_9)
    actor = only(store)
    assert (actor.first_seen, actor.last_seen, actor.mentions) == (MARCH_1, APRIL_2, 4)


def test_upsert_actors_undated_sighting_keeps_dates(store: Store) -> None:
    store.upsert_actors([JALIL], None)
    assert (only(store).first_seen, only(store).last_seen) == (None, None)
    store.upsert_actors([JALIL], MARCH_9)
    store.upsert_actors([JALIL], None)
    assert (only(store).first_seen, only(store).last_seen) == (MARCH_9, MARCH_9)


def test_upsert_actors_keeps_stored_codes_fills_missing(store: Store) -> None:
    store.upsert_actors([Sighting("Jalil", code="LBY")], MARCH_1)
    store.upsert_actors([Sighting("Jalil", code="EGY", sector="REB")], MARCH_1)
    assert (only(store).code, only(store).sector) == ("LBY", "REB")


def test_upsert_actors_repeat_in_one_call_counts_twice(store: Store) -> None:
    store.upsert_actors([JALIL, Sighting("JALIL"), JALIL], MARCH_1)
    names = [(actor.name, actor.mentions) for actor in store.known_actors()]
    assert names == [("JALIL", 1), ("Mustafa Abdul Jalil", 2)]


def test_upsert_actors_origin_kept_from_first_sighting(store: Store) -> None:
    store.upsert_actors([JALIL], MARCH_1, origin="user")
    store.upsert_actors([JALIL], MARCH_9)
    assert only(store).origin == "user"


@pytest.mark.parametrize(
    ("sighting", "origin", "message"),
    [(Sighting("  "), "learned", "non-blank"), (JALIL, "guessed", "origin")],
)
def test_upsert_actors_refuses_whole_call(
    store: Store, sighting: Sighting, origin: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        store.upsert_actors([Sighting("Gaddafi"), sighting], MARCH_1, origin=origin)
    assert store.known_actors() == []


def test_upsert_actors_many_in_one_call(store: Store) -> None:
    sightings = [Sighting(f"Person {i}", (f"P{i}",)) for i in range(1200)]
    store.upsert_actors(sightings, MARCH_1)
    store.upsert_actors(sightings, MARCH_9)
    actors = store.known_actors()
    assert len(actors) == 1200
    assert {actor.mentions for actor in actors} == {2}
    assert store.stats()["actors"] == 1200


def test_upsert_actors_accepts_the_actors_package_learned_actor(store: Store) -> None:
    from newsevents.actors import LearnedActor  # the contract LearnedLike mirrors

    store.upsert_actors([LearnedActor("Mustafa Abdul Jalil", ("Jalil",), "LBY", "REB")], MARCH_1)
    assert only(store) == StoredActor(
        "Mustafa Abdul Jalil", ("Jalil",), "LBY", "REB", MARCH_1, MARCH_1, 1, "learned"
    )
