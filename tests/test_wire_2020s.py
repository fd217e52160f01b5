"""Wire copy of the 2020s (#25): stories written for sitrep's tests in the style of AP, Reuters
and AFP reports of that decade (Mozambique 2021, Sudan 2023, Myanmar 2021, Ukraine 2022). Each
test holds a rule that one of them broke on its first read."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="w", source="w", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


_PALMA = """Islamist insurgents seize Mozambique gas hub town of Palma

MAPUTO, March 29 (Reuters) - Islamist insurgents have taken control of the northern Mozambique town of Palma after a three-day assault in which dozens of people were killed, the government said on Monday.

Government spokesman Omar Saranga said the militants attacked Palma on Wednesday afternoon, and security forces had been fighting to regain control since then.

A convoy of vehicles carrying people from a hotel in Palma was ambushed on Friday as it tried to reach the beach.

Thousands of people have fled Palma by boat and on foot to the provincial capital Pemba, aid agencies said."""


def test_a_town_the_text_calls_a_country_s_is_no_namesake_abroad() -> None:
    # The gazetteer knows Palma on Majorca, not the Mozambican town: the events are in
    # Mozambique at every mention of the name, neither in Spain nor at the dateline's
    # capital, 1,700 km to the south.
    events = _material(_PALMA, "2021-03-29")
    assert any(e.family == "territory" for e in events)
    assert {((e.place or {}).get("country_code"), (e.place or {}).get("feature")) for e in events if e.family != "displacement"} == {("MZ", "country")}


_KHARTOUM = """KHARTOUM, April 15 (Reuters) - Sudan's army and a powerful paramilitary force fought for control of the capital on Saturday, with the paramilitary Rapid Support Forces (RSF) claiming to have seized the presidential palace and the airport.

Clashes were also reported in the western region of Darfur, where the RSF has its roots.

Three employees of the WFP were killed in fighting in Kabkabiya in North Darfur on Saturday, the agency said, and it halted its operations in Sudan."""


def test_fighting_for_the_capital_is_the_dateline_s_and_fighting_told_also_elsewhere_is_its_own() -> None:
    # "the capital" under a KHARTOUM dateline is Khartoum, the clash's own place; the clashes
    # "also reported" in Darfur and the fighting in Kabkabiya, 900 km away, are not it.
    clashes = [e for e in _material(_KHARTOUM, "2023-04-15") if e.family == "clash"]
    where = {(e.place or {}).get("name"): e for e in clashes}
    assert "Khartoum" in where and (where["Khartoum"].place or {}).get("how") is None
    assert where["Khartoum"].fatalities is None
    assert any(name in where for name in ("Kabkabiya", "Kabkabiyah")), where.keys()


def test_a_crowd_outside_a_police_station_is_not_fired_on_police() -> None:
    text = "YANGON, March 27 (Reuters) - Security forces fired on a crowd outside a police station in Monywa on Saturday, residents said."
    events = [e for e in _material(text, "2021-03-27") if e.family in ("attack", "clash")]
    assert events
    assert all((e.actor2 or {}).get("type") != "state" for e in events), [e.actor2 for e in events]
    assert all(e.family == "attack" for e in events)


def test_the_uprooted_of_years_are_no_event_but_a_season_s_are() -> None:
    years = "MAPUTO, March 29 (Reuters) - The insurgency in Cabo Delgado province has killed more than 2,600 people and displaced 670,000 since 2017, according to ACLED."
    assert not [e for e in _material(years, "2021-03-29") if e.family in ("displacement", "attack")]
    season = "GENEVA (Reuters) - Hundreds of thousands of civilians have been uprooted since June in the border areas of Sudan and South Sudan, the agency said."
    assert [e for e in _material(season, "2011-11-11") if e.family == "displacement"]


_KRAMATORSK = """KRAMATORSK, Ukraine (AP) — A missile strike on a train station in eastern Ukraine killed at least 50 people on Friday, Ukrainian officials said.

Pavlo Kyrylenko, the governor of the Donetsk region, said about 4,000 people were at the station in Kramatorsk when the rockets hit in the morning. Russia's Defense Ministry denied it had carried out the strike and said the Tochka-U missiles used were only employed by Ukrainian forces.

The remains of a large rocket with the words "for the children" painted in Russian lay near the main building. "This is yet another horrific atrocity committed by Russia," von der Leyen said. Russia has refocused its campaign on the Donbas."""


def test_a_strike_in_the_east_of_the_land_under_a_town_s_dateline_there_is_one_pin_at_the_town() -> None:
    # "in eastern Ukraine" under a KRAMATORSK dateline (a town in the east, not a capital) is
    # Kramatorsk; "the rockets", "the Tochka-U missiles" retell the strike; a rocket's remains
    # are no attack; Russia, named as a side, is not where the story happens.
    attacks = [e for e in _material(_KRAMATORSK, "2022-04-08") if e.family == "attack"]
    assert [(e.place or {}).get("name") for e in attacks] == ["Kramatorsk"]
    assert attacks[0].fatalities == 50


def test_the_east_of_a_land_is_not_a_capital_s_dateline_town() -> None:
    text = "KYIV, Ukraine (AP) — A missile strike on a train station in eastern Ukraine killed at least 50 people on Friday, officials said."
    attacks = [e for e in _material(text, "2022-04-08") if e.family == "attack"]
    assert [(e.place or {}).get("feature") for e in attacks] == ["country"]


def test_people_set_upon_in_an_ambush_are_attacked_not_rioting() -> None:
    text = "MAPUTO, March 29 (Reuters) - A convoy of 17 vehicles carrying people from a hotel in Pemba was ambushed on Friday as it tried to reach the beach, according to security sources."
    events = _material(text, "2021-03-29")
    assert [(e.kind, (e.actor2 or {}).get("type")) for e in events] == [("attack.civilians", "civilians")]


def test_thousands_killed_in_the_fighting_are_a_war_s_dead_not_the_dateline_s() -> None:
    text = "ADDIS ABABA (AFP) - Thousands of people are believed to have been killed in the fighting, and more than 40,000 refugees have fled into neighbouring Sudan."
    assert not [e for e in _material(text, "2020-11-28") if e.family in ("attack", "clash", "riot")]


def test_a_resolve_to_fight_and_a_fight_to_regain_are_no_happenings() -> None:
    vow = 'ADDIS ABABA (AFP) - "Their brutality can only make us more determined to fight these invaders to the last," the TPLF leader said.'
    assert not _material(vow, "2020-11-28")
    goal = "MAPUTO (Reuters) - The militants attacked Palma on Wednesday, and security forces had been fighting to regain control since then."
    assert "territory" not in {e.family for e in _material(goal, "2021-03-29")}


_MOISE = """PORT-AU-PRINCE, Haiti (AP) — Haitian President Jovenel Moïse was assassinated early Wednesday when a group of unidentified people attacked his private residence in the hills above Port-au-Prince, the interim prime minister said.

First lady Martine Moïse was shot and wounded in the overnight attack and was hospitalized, interim Prime Minister Claude Joseph said in a statement. He called the killing a "hateful, inhumane and barbaric act" and said the police and army had the situation under control.

Later Wednesday, police said they had killed four suspected assassins in a gunbattle and detained two others."""


def test_the_overnight_attack_retells_the_assassination_and_the_police_who_killed_the_assassins_are_not_its_doers() -> None:
    attacks = [e for e in _material(_MOISE, "2021-07-07") if e.family == "attack"]
    assert len(attacks) == 1
    assert (attacks[0].date or {}).get("value") == "2021-07-07"
    assert (attacks[0].actor1 or {}).get("type") != "state" and (attacks[0].actor2 or {}).get("type") != "state"


def test_a_war_s_dead_are_no_event_s_toll() -> None:
    text = (
        "BAKU, Azerbaijan (Reuters) - Azerbaijan's defence ministry said Armenian forces had attacked its positions in the Fuzuli district on Saturday. "
        "More than 400 people have been killed since fighting over the mountain enclave erupted on Sept. 27, the worst violence in the region "
        "since a 1991-94 war that killed about 30,000 people."
    )
    # (the 400 dead since Sept. 27 may stand as the fighting's running toll, as the gold counts
    # "uprooted since June"; the old war's 30,000 are nobody's, and never added to them)
    tolls = {e.fatalities for e in _material(text, "2020-10-11") if e.fatalities}
    assert not tolls - {400}, tolls


def test_a_square_named_for_a_province_is_in_the_town_told() -> None:
    text = "CALI, Colombia (AP) — In Bogota, a small group attacked a police station near the central Bolivar Square on Monday and set it on fire, officials said."
    events = _material(text, "2021-05-03")
    assert events and {(e.place or {}).get("name") for e in events} == {"Bogota"}


def test_a_tax_withdrawn_is_no_retreat_and_the_unrest_s_toll_is_no_protest_s() -> None:
    text = (
        "CALI, Colombia (AP) — Police fired tear gas at protesters in the city on Monday, and the death toll from the unrest rose to at least 24. "
        "Protesters have blocked highways across Colombia since the protests began on April 28 over a proposed tax increase, which President Ivan Duque withdrew on Sunday."
    )
    events = _material(text, "2021-05-03")
    assert "force" not in {e.family for e in events}
    assert not [e for e in events if e.fatalities == 24]


_JANGEBE = """ABUJA, Feb 26 (Reuters) - Gunmen kidnapped 317 girls from a boarding school in northwest Nigeria's Zamfara state on Friday, police said.

The attackers stormed the Government Girls Science Secondary School in the town of Jangebe at around 1 a.m., police spokesman Mohammed Shehu said.

Parents gathered outside the school on Friday as security forces searched the area. In Jangebe, angry youths pelted journalists and security officials with stones."""


def test_a_story_filed_from_the_capital_about_a_state_is_in_that_state() -> None:
    # Filed from Abuja, the story is in Zamfara: its unplaced riot is there (500 km away), and
    # storming a school to take its girls takes no territory.
    events = _material(_JANGEBE, "2021-02-26")
    assert "territory" not in {e.family for e in events}
    assert [(e.place or {}).get("name") for e in events if e.family == "riot"] == ["Zamfara"]


def test_two_suicide_bombers_are_one_attack_and_bombers_on_foot_fly_no_jets() -> None:
    text = (
        "KABUL, Afghanistan (AP) — Two suicide bombers and gunmen attacked crowds of Afghans flocking to Kabul's airport on Thursday, officials said. "
        "One of the bombers struck people standing in a canal near the Abbey Gate. The second bomber detonated his explosives near a hotel about 200 meters away."
    )
    attacks = [e for e in _material(text, "2021-08-26") if e.family == "attack"]
    assert len(attacks) == 1 and attacks[0].kind != "attack.airstrike"


def test_the_sound_of_fighting_a_camp_s_name_and_the_battle_for_a_town_are_no_events_of_their_own() -> None:
    text = (
        "GOMA, Congo (Reuters) - M23 rebels said on Monday they had taken control of Goma, the largest city in eastern Congo. "
        "Gunfire and explosions were heard near the airport early on Monday, witnesses said. "
        "Thousands of prisoners escaped from Munzenze prison during the fighting, a U.N. official said. "
        "On Friday, the group attacked the Kanyaruchinya displacement camp north of the city, killing at least 40 people."
    )
    events = _material(text, "2025-01-27")
    assert "clash" not in {e.family for e in events} and "displacement" not in {e.family for e in events}
    assert not [e for e in events if e.kind == "attack.bombing"]


def test_men_rounded_up_and_executed_are_the_soldiers_victims() -> None:
    text = "BAMAKO, April 5 (Reuters) - Witnesses said soldiers rounded up hundreds of men in Moura and executed them in small groups."
    events = [e for e in _material(text, "2022-04-05") if e.family in ("attack", "riot")]
    assert [(e.kind, (e.actor1 or {}).get("type")) for e in events] == [("attack.civilians", "state")]


def test_the_days_news_keeps_its_day_beside_a_start_told_weeks_before() -> None:
    text = (
        "ADDIS ABABA (AFP) - The TPLF's leader told Reuters that federal forces had shelled Mekele earlier in the day. "
        "Abiy launched the offensive on November 4, accusing the TPLF of attacking a federal army base in Tigray."
    )
    shelled = [e for e in _material(text, "2020-11-28") if e.kind == "attack.shelling"]
    assert [(e.date or {}).get("value") for e in shelled] == ["2020-11-28"]


def test_a_war_s_running_tally_is_no_event_and_a_hospital_hit_again_is_the_same_strike() -> None:
    text = (
        "PORT SUDAN, Sudan (AP) — The Rapid Support Forces shelled the main hospital in El Fasher, killing at least nine patients on Saturday, a doctors' group said. "
        "The Saudi Hospital was hit by artillery shells and a drone strike, the Sudan Doctors Network said. "
        "The war between the army and the RSF, which erupted in April 2023, has killed tens of thousands of people and displaced more than 11 million."
    )
    events = _material(text, "2025-01-25")
    assert [((e.place or {}).get("name"), e.fatalities) for e in events] == [("El Fasher", 9)]


def test_a_day_counted_back_to_a_recalled_capture_is_not_the_story_s_day() -> None:
    text = (
        "BEIRUT, Dec 5 (Reuters) - Syrian rebels said on Thursday they had captured the central city of Hama, a week after they seized Aleppo in a lightning offensive.\n\n"
        "Rebels released detainees from Hama's central prison, videos posted online showed. Russian and Syrian warplanes struck rebel-held areas near Hama, killing at least 20 people, rescue workers said."
    )
    later = [e for e in _material(text, "2024-12-05") if e.family in ("release", "attack")]
    assert later and all((e.date or {}).get("value") == "2024-12-05" for e in later), [(e.kind, e.date) for e in later]


def test_soldiers_removing_a_president_from_power_is_a_coup_and_daily_fire_is_no_day_s_clash() -> None:
    coup = "NIAMEY, July 26 (Reuters) - Soldiers in Niger said late on Wednesday they had removed President Mohamed Bazoum from power."
    assert [e.kind for e in _material(coup, "2023-07-26")] == ["other"]
    daily = (
        "BEIRUT (AP) — Hezbollah and Israel have exchanged fire almost daily since the Israel-Hamas war began in October. "
        "On Monday, an Israeli strike on a car in the southern town of Bint Jbeil killed two Hezbollah fighters."
    )
    assert [(e.place or {}).get("name") for e in _material(daily, "2024-09-17")] == ["Bint Jbeil"]


def test_the_dead_of_days_of_clashes_are_no_day_s_toll() -> None:
    text = (
        "DHAKA, July 20 (Reuters) - Bangladesh imposed a nationwide curfew on Saturday after days of clashes between police and students "
        "protesting against quotas in government jobs, in which at least 105 people have been killed, according to hospital data."
    )
    assert all(e.fatalities != 105 for e in _material(text, "2024-07-20"))


def test_protesters_who_attack_embassies_and_set_fires_riot() -> None:
    text = (
        "KINSHASA (Reuters) - In the capital Kinshasa, protesters attacked the embassies of Rwanda, France, Belgium and the United States "
        "on Tuesday, setting fires and looting, and police fired tear gas to disperse them."
    )
    events = _material(text, "2025-01-28")
    assert "attack" not in {e.family for e in events} and "riot" in {e.family for e in events}
