"""Fighting told beside air strikes, and one strike told in two nearby towns (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def test_a_fight_with_a_verb_of_its_own_beside_air_strikes_is_its_own_clash() -> None:
    events = material_events("Heavy fighting continued around Idlib on Monday and air strikes hit villages across the province.", "2018-02-21")
    assert {e.kind for e in events} == {"clash.armed", "attack.airstrike"}


def test_killed_in_clashes_beside_a_strike_stays_the_strike_s_toll() -> None:
    events = material_events("Israeli jets struck Gaza City on Tuesday, killing 12 people in clashes with militants.", "2009-01-07")
    assert [e.kind for e in events] == ["attack.airstrike"]


def test_one_strike_told_in_two_nearby_towns_is_two_events() -> None:
    # Douma and Harasta lie a few kilometres apart: still two scenes the sentence names.
    events = material_events("Government warplanes struck the towns of Douma and Harasta on Tuesday, killing 20 people.", "2018-02-21")
    assert sorted((e.place or {}).get("name") for e in events if e.kind == "attack.airstrike") == ["Douma", "Harasta"]


def test_bare_clashes_in_a_story_of_air_strikes_are_fighting_not_a_brawl() -> None:
    events = material_events("Clashes were continuing in Aleppo, and there were reports of air strikes on the town of Douma.", "2018-02-21")
    clashes = [e for e in events if e.family in ("clash", "riot")]
    assert [(e.kind, (e.place or {}).get("name")) for e in clashes] == [("clash.armed", "Aleppo")]
    # With no word of armed force in the story, a brawl stays a brawl.
    brawl = material_events("Clashes continued in Athens as youths hurled stones.", "2008-12-10")
    assert [e.kind for e in brawl] == ["riot.mob"]


def test_a_district_the_gazetteer_lacks_is_not_the_next_clause_s_town() -> None:
    text = "Residents of Damascus stayed indoors on Tuesday. Clashes were continuing in Jobar, and there were reports of airstrikes on the town of Douma."
    places = {e.kind: (e.place or {}).get("name") for e in material_events(text, "2018-02-21")}
    assert places == {"attack.airstrike": "Douma", "clash.armed": "Damascus"}
