"""Where each event of a sentence happened: listed towns, and times named by earlier events (#25)."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str = "1998-08-18") -> list[Event]:
    raw = RawArticle(id="t", source="t", text=text, published=published)
    return [e for e in extract(clean(raw, assume_clean=True)).events if e.layer == "material"]


def test_a_blast_in_two_listed_cities_is_two_events_without_the_shared_toll() -> None:
    events = _material(
        "The near-simultaneous blasts at the U.S. embassies in Nairobi and Dar es Salaam, Tanzania, "
        "on Aug. 7 killed 257 people."
    )
    bombings = {e.place["name"]: e for e in events if e.family == "attack" and e.place}
    assert set(bombings) == {"Nairobi", "Dar es Salaam"}
    assert all(e.fatalities is None for e in bombings.values()), "257 is both cities' toll, not one's"
    assert bombings["Dar es Salaam"].actor1 is not None
    assert "Tanzania" in bombings["Dar es Salaam"].actor1["name"]


def test_a_town_and_its_qualifier_are_one_scene() -> None:
    events = _material("Police shot and killed a teenager in East Flatbush, Brooklyn, on Saturday night.")
    assert len([e for e in events if e.family == "attack"]) == 1


def test_the_day_of_the_attacks_does_not_move_the_attacks() -> None:
    events = _material(
        "A truck bomb exploded outside the U.S. Embassy in Nairobi on Aug. 7. "
        "A suspect was arrested in Karachi, Pakistan, on Aug. 7, the day of the attacks."
    )
    places = sorted((e.family, e.place["name"]) for e in events if e.place)
    assert ("detention", "Karachi") in places
    assert ("attack", "Karachi") not in places


def test_a_statement_in_a_release_frees_no_prisoner() -> None:
    events = _material("The reward was announced Tuesday, a spokesman in Nairobi said in a release.")
    assert not any(e.family == "release" for e in events)
