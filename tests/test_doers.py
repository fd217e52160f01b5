"""Who did it: a coalition the text does not name is NATO's only where NATO fought (#25)."""

from __future__ import annotations

from typing import Any

from sitrep.events.corefer import one_per_event
from sitrep.model import Event
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


def test_one_force_told_twice_is_no_two_sides() -> None:
    # Two mentions of one shooting: the second read the police as the one shot at.
    police = {"name": "Police Forces of United States", "type": "state", "inter": 1, "country_code": "US"}
    text = "Officers shot a teenager in Cincinnati on Saturday. The commissioner said this shooting was lawful."
    place = {"name": "Cincinnati", "geonameid": 4508722, "lat": 39.1, "lon": -84.5, "country_code": "US", "feature": "city"}
    date = {"value": "2013-03-09", "precision": "day", "how": "text", "text": "Saturday"}

    def mention(trigger: str, actor1: dict[str, Any] | None, actor2: dict[str, Any] | None) -> Event:
        at = text.index(trigger)
        s_start = text.rfind(". ", 0, at) + 2 if text.rfind(". ", 0, at) >= 0 else 0
        evidence = [{"article_id": "t", "start": s_start, "end": len(text), "text": text[s_start:], "trigger": {"start": at, "end": at + len(trigger), "text": trigger}}]
        return Event(id=trigger, kind="attack.civilians", family="attack", acled=None, plover=None, actor1=actor1, actor2=actor2,
                     place=dict(place), date=dict(date), modality="asserted", evidence=evidence)  # fmt: skip

    told_again = {**police, "text": "the commissioner"}  # (the same force, read from other words)
    (joined,) = one_per_event([mention("shot", {**police, "text": "Officers"}, None), mention("shooting", None, told_again)], text)
    assert (joined.actor1 or {}).get("name") == "Police Forces of United States" and joined.actor2 is None


def test_a_states_bombs_are_its_forces_and_a_bomb_alone_is_unnamed() -> None:
    assert _doer("More than 40 people died when Israeli bombs hit a UN school in Jabaliya refugee camp.", "2009-01-07") == "Military Forces of Israel"
    assert _doer("Police said a bomb hit a market in Peshawar, killing five.", "2009-01-07") == "Unidentified Armed Group (Pakistan)"


def test_civilians_fire_no_missiles() -> None:
    # "The civilian death toll": the dead, not who fired; the missiles' doer goes unnamed.
    text = "The civilian death toll in Gaza rose sharply, with more than 40 Palestinians killed after missiles exploded outside a UN school."
    events = [e for e in material_events(text, "2009-01-06") if e.kind == "attack.shelling"]
    assert events and all((e.actor1 or {}).get("type") != "civilians" for e in events)


def test_a_hostage_is_no_abductor() -> None:
    text = "The gunman was captured in Gwinnett County after a woman he took hostage alerted the police on Saturday."
    events = [e for e in material_events(text, "2005-03-13") if e.kind == "abduction"]
    assert events and all((e.actor1 or {}).get("type") != "civilians" for e in events)
    assert any((e.actor2 or {}).get("type") == "civilians" for e in events)


def test_the_by_after_a_noun_of_an_act_names_its_doer() -> None:
    """"air strikes by the army on RSF positions": the army struck; the RSF were struck."""
    (event,) = material_events("Residents reported air strikes by the army on RSF positions in Khartoum on Thursday.", "2023-06-15")
    assert (event.actor1 or {}).get("name") == "Military Forces of Sudan"
    assert (event.actor2 or {}).get("name") == "Rapid Support Forces"
    killing = [e for e in material_events("The killing of a student by police in Athens on Saturday sparked riots.", "2008-12-08") if e.family == "attack"]
    assert [(e.actor1 or {}).get("name") for e in killing] == ["Police Forces of Greece"]


def test_a_relative_clause_set_off_by_commas_names_no_doer() -> None:
    """"The Sudanese army, which fought the RSF for weeks, shelled Omdurman": the army shelled it;
    "Rebels, who were backed by Turkey, attacked Syrian troops": the rebels attacked."""
    assert _doer("The Sudanese army, which fought the RSF for weeks, shelled Omdurman on Monday.", "2020-01-13") == "Military Forces of Sudan"
    (clash,) = material_events("Rebels, who were backed by Turkey, attacked Syrian troops in Idlib on Monday.", "2020-01-13")
    assert (clash.actor2 or {}).get("name") == "Military Forces of Syria"
    assert (clash.actor1 or {}).get("name") != "Military Forces of Syria"
    # A relative clause with the act in it keeps its own doer.
    assert "Police Forces of Nigeria" in [(e.actor1 or {}).get("name") for e in material_events("Police arrested a man who attacked a woman in Kano on Monday.", "2020-01-13")]


def test_forces_striking_targets_is_a_strike_by_them() -> None:
    """"struck targets near Kharkiv", "struck Hamas targets": a strike, and whom it names inside is hit."""
    (strike,) = material_events("Russian forces struck targets near Kharkiv on Monday.", "2020-01-14")
    assert strike.kind == "attack.airstrike" and (strike.place or {}).get("name") == "Kharkiv"
    (gaza,) = material_events("Israel struck Hamas targets in Gaza overnight.", "2020-01-14")
    assert (gaza.actor1 or {}).get("name") != "Hamas Movement"
    assert material_events("The storm hit coastal towns in Florida on Monday.", "2020-01-14") == []
