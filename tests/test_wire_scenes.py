"""Where a 1990s wire story's events happened (#25): wire copy written for sitrep's tests in
the style of AP and Reuters stories of that decade. The hurt flown to a hospital abroad, the
town a militant comes from and "this market town" under a dateline each decided a pin's
place wrongly; a pledge to keep fighting or to fight terrorism put a clash on the map."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="w", source="w", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _where(events: list[Event]) -> set[tuple[str, str | None]]:
    return {(e.family, (e.place or {}).get("name")) for e in events}


_COLE = """ADEN, Yemen (AP) -- Suicide bombers in a small boat pulled alongside a U.S. destroyer as it refueled in this Yemeni port Thursday and set off an explosion, killing at least six sailors and injuring 35, officials said.

Wounded sailors were flown to a French military hospital in Djibouti and then to a U.S. military hospital in Landstuhl, Germany."""


def test_the_hurt_flown_to_a_hospital_abroad_are_not_hurt_there() -> None:
    events = _material(_COLE, "2000-10-12")
    assert _where(events) == {("attack", "Aden")}


_OMAGH = """OMAGH, Northern Ireland (AP) -- A car bomb tore through the crowded main street of this market town Saturday afternoon, killing 28 people in the deadliest single attack in nearly 30 years of violence in Northern Ireland.

Hospitals in Omagh, Enniskillen and Belfast appealed for blood donors. Army helicopters ferried the most badly injured to the Royal Victoria Hospital in Belfast, 70 miles to the east.

The blast came two weeks after a 500-pound car bomb devastated the center of Banbridge, injuring 35 people."""


def test_this_market_town_is_the_dateline_s_and_the_earlier_bomb_keeps_its_own_town() -> None:
    events = _material(_OMAGH, "1998-08-15")
    assert _where(events) == {("attack", "Omagh"), ("attack", "Banbridge")}
    banbridge = next(e for e in events if (e.place or {}).get("name") == "Banbridge")
    assert banbridge.date is not None and banbridge.date["value"] == "1998-08-01" and banbridge.background
    omagh = next(e for e in events if (e.place or {}).get("name") == "Omagh")
    assert omagh.date is not None and omagh.date["value"] == "1998-08-15" and omagh.actor1 is not None
    assert omagh.actor1["name"].startswith("Unidentified")  # (not the army whose helicopters carried the hurt)


def test_where_militants_come_from_and_what_their_fighters_did_in_august_are_not_the_bombing_s() -> None:
    story = """MOSCOW (AP) -- Officials have linked the bombings to Islamic militants from Chechnya, whose fighters invaded neighboring Dagestan in August. Rescuers dug through the rubble; only a few were pulled out alive."""
    assert not [e for e in _material(story, "1999-09-13") if (e.place or {}).get("name") == "Chechen Republic" or e.family == "force"]


def test_a_pledge_to_keep_fighting_or_to_fight_terrorism_is_no_clash() -> None:
    story = """NAIROBI, Kenya (Reuter) - The Rwandan Patriotic Front, which signed a peace accord with the government in Arusha, Tanzania, last August, said it would not stop fighting until the killings ended. Prime Minister Shimon Peres vowed to fight terrorism "with all means.\""""
    assert not [e for e in _material(story, "1994-04-09") if e.family in ("clash", "riot")]


def test_a_list_of_countries_workers_come_from_is_not_where_they_were_arrested() -> None:
    note = "On 7 March 2022, police arrested 33 irregular workers from Indonesia, Pakistan, Bangladesh, and Nepal during a raid at a university in Semenyih (Selangor)."
    assert _where(_material(note, "2022-03-08")) == {("detention", "Semenyih")}


def test_what_a_blast_set_on_fire_and_lost_life_savings_are_no_riot_or_killing() -> None:
    story = """COLOMBO, Jan. 31 (Xinhua) -- At least 53 people were killed when suspected Tamil Tiger rebels rammed a truck packed with explosives into the Central Bank building in Colombo on Wednesday morning, police said. The blast destroyed the bank's facade and set fire to several nearby buildings, including a hotel.

The rebels have been fighting for a separate homeland in the north and east of the island since 1983. The unrest in the south began after the collapse of pyramid investment schemes in which thousands lost their life savings."""
    assert _where(_material(story, "1996-01-31")) == {("attack", "Colombo")}


def test_people_named_before_fled_flee_whoever_sends_ships() -> None:
    story = "TIRANA, Albania (Reuters) - Italy said it was sending navy ships to patrol the Adriatic after hundreds of Albanians fled across the sea to the Italian port of Brindisi."
    assert {e.family for e in _material(story, "1997-03-03")} == {"displacement"}


def test_it_was_the_second_attack_counts_the_one_told_not_another() -> None:
    story = """DHAHRAN, Saudi Arabia (AP) -- A truck bomb exploded outside a housing complex for American military personnel in Khobar late Tuesday, killing at least 19 Americans.

It was the second attack on Americans in Saudi Arabia in seven months. In November, a car bomb at a U.S.-run military training center in Riyadh killed five Americans."""
    events = _material(story, "1996-06-25")
    assert sorted((e.family, (e.place or {}).get("name"), (e.date or {}).get("value")) for e in events) == [
        ("attack", "Khobar", "1996-06-25"),
        ("attack", "Riyadh", "1995-11"),
    ]


_SARAJEVO = """SARAJEVO, Bosnia and Herzegovina, Feb. 5 -- A mortar shell exploded in a crowded open-air market in the center of Sarajevo today, killing at least 66 people.

The Bosnian Serb leader, Radovan Karadzic, denied that his forces were responsible and suggested that the Muslim-led Government had shelled its own people to win sympathy abroad.

The NATO allies have threatened air strikes before but have never carried them out."""


def test_a_denial_s_other_doer_is_the_same_shelling_and_threatened_strikes_are_none() -> None:
    events = _material(_SARAJEVO, "1994-02-05")
    assert [(e.family, (e.place or {}).get("name"), e.fatalities) for e in events] == [("attack", "Sarajevo", 66)]


def test_a_leader_hanged_by_a_movement_is_a_killing() -> None:
    story = "ISLAMABAD, Sept. 27 (Xinhua) -- Former Afghan President Najibullah and his brother were hanged by the Taliban in Kabul on Friday, the reports said."
    events = _material(story, "1996-09-27")
    assert [(e.family, (e.place or {}).get("name"), (e.actor1 or {}).get("name")) for e in events] == [("attack", "Kabul", "Taliban")]


def test_the_town_of_a_verdict_told_hours_before_is_not_where_people_were_arrested() -> None:
    story = """LOS ANGELES (AP) -- Looters roamed the streets of South Central Los Angeles for a second night Thursday as rioting spread across the city.

Police said more than 1,000 people had been arrested since the violence began Wednesday night, hours after a jury in suburban Simi Valley acquitted the officers."""
    assert "Simi Valley" not in {(e.place or {}).get("name") for e in _material(story, "1992-04-30")}


def test_a_roundup_item_opening_on_another_place_takes_the_story_s_day_not_the_last_sentence_s() -> None:
    story = """MOSCOW (AP) -- Chechen gunmen released about 150 hostages from a hospital in Budyonnovsk on Saturday.

The rebels seized the hospital on Wednesday after a raid on the town in which more than 40 people were killed.

In Chechnya, Russian warplanes bombed the village of Vedeno, a rebel stronghold, Interfax reported."""
    vedeno = [e for e in _material(story, "1995-06-17") if (e.place or {}).get("name") == "Vedeno"]
    assert [(e.date or {}).get("value") for e in vedeno] == ["1995-06-17"] and not vedeno[0].background


def test_rebel_forces_entering_a_capital_take_it_and_a_participle_keeps_its_own_month() -> None:
    story = """KINSHASA, May 17 (Xinhua) -- Rebel forces led by Laurent-Desire Kabila entered Kinshasa on Saturday.

The rebels launched their offensive in eastern Zaire in October and swept across the country in seven months, capturing Kisangani in March and Lubumbashi in April."""
    taken = {(e.place or {}).get("name"): e for e in _material(story, "1997-05-17") if e.family == "territory"}
    assert set(taken) == {"Kinshasa", "Kisangani"}
    assert taken["Kinshasa"].actor1 is not None and taken["Kinshasa"].actor1["name"].startswith("Unidentified Armed Group")
    assert taken["Kisangani"].date is not None and taken["Kisangani"].date["value"] == "1997-03"


def test_the_dead_of_riots_are_the_riot_s_and_an_accord_providing_for_a_withdrawal_is_no_withdrawal() -> None:
    story = """JERUSALEM, Oct. 9 -- The clashes were the worst since September 1996, when more than 70 people were killed in riots in Jerusalem.

Israel and the Palestinians signed an agreement in January providing for the withdrawal of Israeli troops from most of Hebron."""
    told = sorted((e.family, e.fatalities) for e in _material(story, "1997-10-09") if e.family in ("riot", "attack", "force"))
    assert told == [("riot", 70)]


def test_police_beating_demonstrators_to_break_up_a_rally_is_one_protest_with_intervention() -> None:
    story = "BELGRADE, Yugoslavia (AP) -- Police beat hundreds of demonstrators with truncheons Sunday as they tried to break up a rally against President Slobodan Milosevic in central Belgrade."
    assert [e.kind for e in _material(story, "1996-12-22")] == ["protest.intervention"]


def test_a_separate_islamic_state_is_an_aim_not_the_group_and_a_plan_s_withdrawal_is_none() -> None:
    story = """MANILA, Dec. 30 (Xinhua) -- Police said they suspected Muslim rebels of the Moro Islamic Liberation Front, who have been fighting for a separate Islamic state in the southern Philippines.

In Moscow, President Boris Yeltsin met his security council. The plan calls for a ceasefire and the withdrawal of Russian troops from Chechnya."""
    assert _material(story, "2000-12-30") == []


def test_houses_set_on_fire_by_the_attackers_are_the_massacre_s_and_its_dead_a_paragraph_on() -> None:
    story = """ALGIERS, Aug. 29 (Xinhua) -- Armed men killed 98 people in a night-long massacre in the village of Rais, security sources said Friday.

The attackers arrived in trucks late Thursday, cut the throats of villagers and set houses on fire, witnesses said."""
    assert [e.family for e in _material(story, "1997-08-29")] == ["attack"]
    riots = """JAKARTA, Indonesia, May 14 -- Rioters burned and looted hundreds of shops and cars across Jakarta today.

Thick black smoke rose over the city as mobs set fire to shopping centers and banks. Soldiers in armored vehicles patrolled major roads.

At least 12 people were killed, according to hospital officials, and dozens were injured."""
    # (the soldiers patrolling are a deployment of their own; the dead are the riot's, no attack)
    assert [(e.family, e.fatalities) for e in _material(riots, "1998-05-14") if e.family != "deployment"] == [("riot", 12)]


def test_bodies_pulled_raise_the_bombing_s_toll_and_the_blast_an_arrest_counts_from_is_no_new_one() -> None:
    story = """OKLAHOMA CITY (AP) -- Rescuers pulled three more bodies from the rubble of the federal building Saturday, raising the death toll from Wednesday's bombing to 81.

He was arrested 90 minutes after the blast by a state trooper who stopped him near Perry, 60 miles north of here."""
    attacks = [e for e in _material(story, "1995-04-22") if e.family == "attack"]
    assert [(e.fatalities, (e.date or {}).get("value")) for e in attacks] == [(81, "1995-04-19")]


def test_arms_carried_are_no_grenade_attack_and_killings_told_last_week_are_of_that_week() -> None:
    story = """KIGALI, Rwanda (AP) -- Hutu militiamen armed with machetes and grenades killed at least 300 Tutsi refugees who had sought shelter in a church, survivors said Thursday.

The killings took place over two days last week, the survivors told aid workers who reached the town on Wednesday."""
    events = _material(story, "1994-05-05")
    assert [(e.kind, e.fatalities, (e.date or {}).get("value")) for e in events] == [("attack.civilians", 300, "1994-04")]


def test_a_mother_of_12_is_no_toll_of_12() -> None:
    story = "NEW YORK (AP) -- Zurana Horton, 34, a mother of 12, was fatally shot in 2011 while picking up her daughter from school."
    assert [e.fatalities for e in _material(story, "2013-04-12")] != [12]


def test_gunmen_in_army_uniforms_who_round_up_villagers_and_open_fire_are_one_attack_by_unnamed_men() -> None:
    story = "SRINAGAR, India (AP) -- About a dozen gunmen dressed in army uniforms entered the village of Wandhama, 20 miles north of Srinagar, rounded up the residents and opened fire, said police officer Ashok Kumar."
    events = _material(story, "1998-01-30")
    assert [(e.kind, (e.actor1 or {}).get("name"), (e.actor2 or {}).get("name")) for e in events] == [
        ("attack.civilians", "Unidentified Armed Group (India)", None)
    ]


def test_a_capability_a_fad_that_died_a_helicopter_crash_and_talks_on_a_blockade_are_no_events() -> None:
    story = """WASHINGTON (AP) -- Iraq is believed to have the ability to deliver chemical weapons in artillery shells or, perhaps, atop Soviet-made Frog7 missiles.

In addition, 73 soldiers were killed en route to Lebanon when two military helicopters crashed last February.

On Tuesday, the United States and Soviet Union conferred in Washington on putting an anti-Iraq naval blockade under a United Nations umbrella.

But as the craze died, Coleco failed to come up with another winner and filed for bankruptcy-law protection in July 1988."""
    assert _material(story, "1991-02-25") == []


def test_guarantees_aims_tallies_and_references_to_a_known_offensive_are_no_events() -> None:
    story = """JERUSALEM (AP) -- Mordechai said he was willing to withdraw troops in exchange for guarantees that Israel would not be attacked.

In Saudi Arabia, today is the eighth day of Desert Shield, the operation designed to confront an estimated 200,000 Iraqi soldiers now in Kuwait.

Of the eight victims, three were stabbed, two were strangled, two were beaten to death and one was asphyxiated, he said.

President Clinton says he and Blair will stand together not just on Iraq but also on arresting the terrorists suspected of blowing up Pan Am flight 103 over Scotland.

There were more accounts of people fleeing from the villages near where the offensive was taking place."""
    assert {e.family for e in _material(story, "1998-03-06")} <= {"force", "displacement"}


def test_an_act_named_as_what_an_embargo_punishes_is_no_capture_on_the_embargo_s_day() -> None:
    story = "UNITED NATIONS (AP) -- The U.N. Security Council on Aug. 6 ordered a global embargo on trade with Iraq as punishment for seizing Kuwait."
    assert [e for e in _material(story, "1990-08-15") if e.family == "territory"] == []


def test_killings_over_five_years_cases_of_murdered_women_and_a_withdrawal_sanctions_may_force_are_no_events() -> None:
    story = """NEWARK, N.J. -- A new Essex County task force began delving Thursday into the slayings of 14 black women over the last five years in the Newark area, as officials acknowledged that they needed to work harder to solve the cases of murdered women.

Bush, however, says he sees no short-term hope for a diplomatic solution to the gulf crisis at least until economic sanctions force Saddam to withdraw his army."""
    assert _material(story, "1998-04-03") == []


def test_a_paragraph_of_the_hurt_after_a_rally_broken_up_is_its_hurt_not_an_attack() -> None:
    story = """BELGRADE, Yugoslavia (AP) -- Police beat hundreds of demonstrators with truncheons Sunday as they tried to break up a rally against President Slobodan Milosevic in central Belgrade.

At least 50 people were injured, including several journalists, according to the opposition Zajedno coalition."""
    assert [e.family for e in _material(story, "1996-12-22")] == ["protest"]


def test_youth_angry_at_a_killing_are_not_its_doers() -> None:
    story = "ATHENS, Greece (AP) -- Across Athens, high schools and universities are under occupation by students and other youth angry at the Dec. 6 killing of Alexandros Grigoropoulos."
    killings = [e for e in _material(story, "2008-12-13") if e.family == "attack"]
    assert killings and all((e.actor1 or {}).get("type") != "civilians" for e in killings)


def test_a_front_that_speaks_of_its_forces_took_the_town_not_the_state() -> None:
    story = "KIGALI, Rwanda (AP) -- The Rwandan Patriotic Front said its forces had captured the town of Rwamagana, 30 miles east of Kigali."
    taken = [e for e in _material(story, "1994-05-05") if e.family == "territory"]
    assert [((e.actor1 or {}).get("name"), (e.actor1 or {}).get("type")) for e in taken] == [("Rwandan Patriotic Front", "rebel")]


def test_the_location_of_a_cache_told_as_false_information_is_no_cache_found() -> None:
    story = "TEL AVIV (AP) -- She said she gave the Amir brothers false information regarding the location of a weapons and ammunition cache when they asked her to help organize such a cache."
    assert _material(story, "1998-02-27") == []


def test_an_elsewhere_item_takes_the_story_s_day_and_a_police_chief_who_told_it_is_no_target() -> None:
    story = """BAGHDAD, Iraq (AP) -- A car bomb exploded outside the Jordanian Embassy in Baghdad on Thursday, killing at least 11 people.

U.S. officials said the attack was the deadliest in the Iraqi capital since Baghdad fell to American forces on April 9.

Elsewhere, a U.S. soldier was killed and three were wounded when their convoy was ambushed near Fallujah, the military said."""
    fallujah = [e for e in _material(story, "2003-08-07") if (e.place or {}).get("name") == "Fallujah"]
    assert fallujah and all((e.date or {}).get("value") == "2003-08-07" and not e.background for e in fallujah)
    ghazni = "KABUL, Nov. 16 (Xinhua) -- A French woman working for the UN refugee agency was shot dead on Sunday in Ghazni. Two gunmen on a motorcycle opened fire on her car in the city's bazaar, Ghazni police chief said."
    assert [(e.actor2 or {}).get("type") for e in _material(ghazni, "2003-11-16") if e.family == "attack"] != ["state"]


def test_mourners_marching_are_a_protest_when_police_detain_bombing_suspects_the_next_sentence() -> None:
    story = """NAJAF, Iraq (AP) -- Thousands of mourners marched through the streets of Najaf on Saturday, chanting against the U.S.-led occupation and demanding security. Some blamed loyalists of Saddam Hussein for the attack.

Iraqi police said they had detained four men, two of them Iraqis, in connection with the bombing."""
    assert [e.kind for e in _material(story, "2003-08-30") if e.family == "protest"] == ["protest"]


def test_an_earlier_item_is_its_own_event_and_a_militant_s_past_series_is_none() -> None:
    story = """GAZA CITY, Palestinian Territories (AFP) - Israeli helicopter gunships fired missiles at a car in Gaza City on Monday, killing a senior Hamas militant, Palestinian security sources said.

The Israeli army confirmed the strike, saying the militant was behind a series of suicide bombings inside Israel.

Earlier Monday, Israeli troops shot dead a Palestinian gunman who tried to infiltrate the Jewish settlement of Netzarim in the central Gaza Strip, the army said."""
    told = sorted((e.family, (e.place or {}).get("name")) for e in _material(story, "2003-06-09") if not e.background)
    assert told == [("attack", "Gaza City"), ("clash", "Gaza Strip")]


def test_a_town_named_to_measure_from_is_not_the_scene_and_a_war_fought_since_1996_is_no_clash() -> None:
    story = """KATHMANDU, Feb. 1 (Xinhua) -- Maoist rebels attacked a district headquarters in western Nepal on Saturday night, officials said.

Hundreds of rebels stormed the headquarters of Myagdi district, about 200 km west of Kathmandu, and set fire to government offices, according to the Home Ministry.

The Maoists have been fighting since 1996 to overthrow the constitutional monarchy."""
    events = _material(story, "2004-02-01")
    assert "Kathmandu" not in {(e.place or {}).get("name") for e in events}
    assert not [e for e in events if e.family == "clash" and e.background]


def test_men_rounded_up_and_lined_against_a_wall_before_the_shooting_are_the_massacre_s() -> None:
    story = """SRINAGAR, India (Reuters) - Gunmen shot dead 35 Sikh villagers in Indian Kashmir on Monday night, police said.

The attackers rounded up the men of Chattisinghpora village in Anantnag district, lined them up against a wall and opened fire, a police officer said."""
    assert not [e for e in _material(story, "2000-03-21") if e.family in ("abduction", "detention")]


def test_a_base_the_gazetteer_lacks_is_in_the_dateline_s_country_not_its_town() -> None:
    story = """COLOMBO, Sri Lanka (Reuters) - Tamil Tiger rebels overran the strategic Elephant Pass military base on Saturday after a week of fierce fighting, the military said."""
    taken = [e for e in _material(story, "2000-04-23") if e.family == "territory"]
    assert taken and {((e.place or {}).get("name"), (e.place or {}).get("how")) for e in taken} == {("Sri Lanka", "country")}
