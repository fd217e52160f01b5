"""Who did it: a coalition the text does not name is NATO's only where NATO fought (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def _doer(text: str, published: str) -> str | None:
    (event,) = material_events(text, published)
    return (event.actor1 or {}).get("name")


def test_coalition_troops_are_natos_in_afghanistan_only() -> None:
    assert _doer("Coalition troops clashed with insurgents in Kandahar on Monday.", "2010-04-06") == "NATO: North Atlantic Treaty Organization"
    assert _doer("Coalition troops clashed with militiamen in Basra on Monday.", "2004-04-06") == "Coalition Forces"
    assert _doer("NATO aircraft struck targets near Tripoli on Monday.", "2011-04-06") == "NATO: North Atlantic Treaty Organization"


def test_a_security_force_is_the_host_states_not_natos() -> None:
    assert _doer("A security force killed two militants in Maiduguri on Monday.", "2014-04-06") == "Military Forces of Nigeria"


def test_the_farc_before_the_peace_deal_is_the_farc_and_its_dissidents_after() -> None:
    assert _doer("FARC guerrillas kidnapped a mayor in Cauca province on Sunday.", "2007-03-06") == "FARC: Revolutionary Armed Forces of Colombia"
    assert _doer("FARC dissidents attacked a police post in Cauca on Sunday.", "2019-03-06") == "FARC Dissidents"


def test_an_army_before_its_states_independence_is_the_old_states() -> None:
    events = material_events("Government troops regained control of the town of Bentiu after heavy fighting on Monday.", "2007-03-06")
    assert {(e.place or {}).get("country_code") for e in events} == {"SD"}
    assert {(e.actor1 or {}).get("name") for e in events} == {"Military Forces of Sudan"}


def test_troops_that_pound_positions_shell_them() -> None:
    (event,) = material_events("Ethiopian troops backed by tanks pounded insurgent positions in northern Mogadishu on Monday.", "2007-03-06")
    assert (event.kind, (event.actor1 or {}).get("name")) == ("attack.shelling", "Military Forces of Ethiopia")


def test_gunmen_who_storm_a_police_station_attack_the_police_and_take_no_town() -> None:
    events = material_events("Gunmen stormed a police station in Quetta late on Monday.", "2007-03-06")
    assert [(e.kind, (e.actor1 or {}).get("name"), (e.actor2 or {}).get("name")) for e in events] == [
        ("clash.armed", "Unidentified Armed Group (Pakistan)", "Police Forces of Pakistan")
    ]


def test_the_doer_of_a_second_verb_is_the_clauses_subject_not_what_the_first_verb_took() -> None:
    events = material_events("M23 rebels clashed against the FARDC near Bunagana on Monday and took control of the town.", "2022-06-25")
    assert [(e.kind, (e.actor1 or {}).get("name")) for e in events] == [
        ("territory.capture", "M23: March 23 Movement"), ("clash.armed", "M23: March 23 Movement")
    ]
    # A subject named with an article stays the doer.
    (raid,) = material_events("The army raided a village near Mandalay on Monday and arrested 12 men.", "2022-02-15")
    assert (raid.actor1 or {}).get("name") == "Military Forces of Myanmar"


def test_police_firing_live_bullets_at_supporters_protesting_is_one_excessive_force_event() -> None:
    events = material_events("Police in Mombasa fired live bullets at opposition supporters protesting the election results.", "2007-12-31")
    assert [(e.kind, (e.actor1 or {}).get("name")) for e in events] == [("protest.excessive", "Police Forces of Kenya")]
    # Tear gas is an intervention, no excessive force.
    gassed = material_events("Police fired tear gas at opposition supporters protesting in Mombasa on Monday.", "2007-12-31")
    assert [e.kind for e in gassed] == ["protest.intervention"]


def test_an_aid_or_un_aircraft_is_no_air_force() -> None:
    text = (
        "Bombs hit the refugee camp at Malakal on Thursday. Just as a UN helicopter carrying food aid landed at the camp, "
        "there was a loud explosion."
    )
    assert not any("Air Force" in str((e.actor1 or {}).get("name")) for e in material_events(text, "2011-11-11"))
    assert _doer("Helicopters fired rockets at rebel positions near Kadugli on Thursday.", "2011-11-11") == "Military Forces of Sudan Air Force"


def test_one_man_beating_a_guard_is_no_mob() -> None:
    text = "Mr. Harlan escaped on March 2, 2006, as he was taken to a hearing in Atlanta. He beat a guard and took her gun."
    assert [e.kind for e in material_events(text, "2008-12-13")] == ["attack.civilians"]
    assert [e.kind for e in material_events("Angry residents beat him to death in Kano on Monday.", "2008-12-13")] == ["riot.mob"]
