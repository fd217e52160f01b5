"""Who did it and where, in 1990s wire copy (#25): stories written for sitrep's tests in the style
of AP and Reuters copy of that decade. A group of the time (the Khmer Rouge, the Army of God) was
read as a state's army or as no one, a toll of the 1970s was given to a killing of 1996, a town
named "opposite" a province was placed in the province, and a coup was no event at all."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="g", source="g", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


_HOWES = """SIEM REAP, Cambodia (AP) -- A resistance commander said Thursday he has sent a team to recover the remains of a British mine clearance expert kidnapped and presumed killed by Khmer Rouge guerrillas almost two years ago.

He said the expert had been killed within a week of his capture by a faction loyal to Pol Pot. Pol Pot is blamed for the deaths of as many as 1.7 million Cambodians when the group held power in the late 1970s."""


def test_coordinated_participles_share_their_doer_and_a_toll_of_the_1970s_is_not_a_1996_killing_s() -> None:
    events = _material(_HOWES, "1998-02-19")
    taken = [e for e in events if e.family == "abduction"]
    assert taken and all((e.actor1 or {}).get("name") == "Khmer Rouge" for e in taken)
    assert all(e.fatalities is None or e.fatalities < 1000 for e in events if e.family == "attack")


def test_a_movement_named_an_army_is_not_the_state_s_army_and_who_claims_an_attack_is_its_doer() -> None:
    story = """ATLANTA (AP) -- The Army of God claimed responsibility for the bombing of an abortion clinic in Atlanta on Thursday, the FBI said."""
    assert {(e.actor1 or {}).get("name") for e in _material(story, "1997-01-17") if e.family == "attack"} == {"Army of God"}
    story = """JERUSALEM (Reuter) - Hamas claimed responsibility for the bombing of a bus in Jerusalem on Sunday, police said."""
    assert {(e.actor1 or {}).get("name") for e in _material(story, "1996-02-25") if e.family == "attack"} == {"Hamas Movement"}


def test_a_city_a_country_s_words_describe_is_the_scene_and_a_province_across_the_border_is_not() -> None:
    story = """LAGOS, Nigeria (AP) -- Riot police deployed in Nigeria's southern commercial capital Lagos on Tuesday to break up an opposition rally."""
    assert {(e.place or {}).get("name") for e in _material(story, "1998-03-03") if e.family == "deployment"} == {"Lagos"}
    story = """PHNOM PENH, Cambodia (AP) -- Royalist troops have held the border stronghold, just opposite the Thai province of Surin, against repeated attacks by government troops since Tuesday."""
    assert "Surin" not in {(e.place or {}).get("name") for e in _material(story, "1998-02-19")}


def test_a_coup_is_an_event_but_a_protest_against_the_coup_and_a_diplomatic_coup_are_not_one() -> None:
    story = """NIAMEY, Niger (Reuter) - Soldiers staged a coup in Niamey on Saturday, seizing the presidential palace, witnesses said."""
    assert [(e.kind, (e.place or {}).get("name")) for e in _material(story, "1996-01-27") if e.kind == "other"] == [("other", "Niamey")]
    story = """YANGON, Myanmar (AP) -- Thousands held a protest against the military coup in Yangon on Sunday. The deal was hailed as a diplomatic coup for the government."""
    assert not [e for e in _material(story, "2021-02-07") if e.kind == "other"]


def test_a_craft_s_model_between_its_country_and_it_keeps_the_country_and_the_others_killed_count() -> None:
    story = """GAZA CITY (AFP) - An Israeli F-16 warplane dropped a one-ton bomb on a residential building in Gaza City early Tuesday, killing Hamas military chief Salah Shehadeh and 14 other people, Palestinian officials said."""
    strikes = [e for e in _material(story, "2002-07-23") if e.family == "attack"]
    assert strikes and all(str((e.actor1 or {}).get("name")).startswith("Military Forces of Israel") for e in strikes)
    assert {e.fatalities for e in strikes} == {14}


_FREETOWN = """FREETOWN, Sierra Leone (AP) -- West African peacekeepers drove rebels out of the center of Freetown on Monday, a spokesman for the Nigerian-led force said.

The rebels of the Revolutionary United Front, who swept into the capital on Jan. 6, burned whole neighborhoods as they retreated to the eastern suburbs, residents said.

President Ahmad Tejan Kabbah, who fled to neighboring Guinea last year when soldiers ousted him in a coup, said he would not negotiate."""


def test_peacekeepers_and_the_group_a_who_clause_hangs_on_are_doers_and_a_refuge_is_no_scene() -> None:
    events = _material(_FREETOWN, "1999-01-19")
    doers = {(e.family, _day_of(e), (e.actor1 or {}).get("name")) for e in events if e.family == "territory"}
    assert ("territory", "1999-01-18", "Peacekeepers (Sierra Leone)") in doers
    assert ("territory", "1999-01-06", "RUF: Revolutionary United Front") in doers
    assert {(e.place or {}).get("name") for e in events if e.kind == "other"} == {"Freetown"}


def _day_of(e: Event) -> str:
    return str((e.date or {}).get("value"))


def test_a_town_before_a_demonym_is_still_a_town_and_a_conditional_threat_is_no_strike() -> None:
    story = """SARAJEVO, Bosnia-Herzegovina (AP) -- A Bosnian Serb shell slammed into a marketplace in downtown Sarajevo on Monday, killing at least 37 people, U.N. officials said.

Hours later, NATO warned that it would respond with air strikes if the Serbs did not withdraw their heavy weapons.

In the besieged eastern enclave of Gorazde, Serb forces shelled the town center, killing two people, the Bosnian army said."""
    events = _material(story, "1995-08-28")
    assert ("Gorazde", "1995-08-28") in {((e.place or {}).get("name"), _day_of(e)) for e in events if e.family == "attack"}
    assert not [e for e in events if e.kind == "attack.airstrike"]


def test_a_pilot_captured_is_taken_not_a_town_and_abbreviations_do_not_hide_the_dead() -> None:
    story = """MOGADISHU, Somalia (Reuters) - Eighteen U.S. soldiers were killed and 75 wounded in a fierce battle with Somali militiamen in southern Mogadishu, the Pentagon said on Monday.

Aideed's militia said it had captured a U.S. helicopter pilot."""
    events = _material(story, "1993-10-04")
    assert 18 in {e.fatalities for e in events}
    assert [e.family for e in events if "captured" in str(e.evidence[0]["text"])] == ["abduction"]
