"""Wire copy of 2008-2010 (#25): stories written for sitrep's tests in the style of AP and
Reuters reports of that time (Lhasa 2008, Urumqi 2009, Mumbai 2008, Georgia 2008). Each test
holds a rule that one of them broke on its first read."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="w", source="w", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


_LHASA = """BEIJING (AP) — Chinese troops patrolled the streets of Lhasa on Saturday, a day after the Tibetan capital was engulfed by violent anti-government protests.

State media said 10 people were killed in Friday's riots, most of them shop workers trapped when rioters set fire to stores. The Tibetan government-in-exile in Dharamsala, India, said at least 30 Tibetans had been killed.

In Kathmandu, Nepalese police beat and detained dozens of Tibetan exiles who tried to march on the United Nations office."""


def test_a_toll_killed_in_the_riots_is_the_riots_and_a_speaker_s_seat_is_no_scene() -> None:
    # "10 people were killed in Friday's riots": the riots' dead (one event, Friday's), not an
    # attack of Saturday; "the government-in-exile in Dharamsala said": where it speaks, not
    # where anyone was killed; exiles stopped before their march are arrested, not no event.
    events = _material(_LHASA, "2008-03-15")
    riots = [e for e in events if e.family == "riot"]
    assert riots and riots[0].fatalities == 10 and (riots[0].date or {}).get("value") == "2008-03-14", [(e.kind, e.date, e.fatalities) for e in riots]
    assert not any((e.place or {}).get("name") == "Dharamsala" for e in events), [(e.kind, e.place) for e in events]
    assert not any(e.family == "attack" and (e.date or {}).get("value") == "2008-03-15" for e in events)
    assert any(e.family == "detention" and (e.place or {}).get("name") == "Kathmandu" for e in events)


def test_the_crowd_s_attack_told_as_a_participle_of_the_riot_is_the_riot() -> None:
    # "clashed with police ..., setting fire to vehicles and attacking bystanders": one riot,
    # not an attack on bystanders by the police the sentence named last.
    text = "URUMQI, China (AP) — Thousands of Uighurs clashed with police in Urumqi on Sunday, overturning barricades, setting fire to vehicles and attacking Han Chinese bystanders, witnesses said."
    events = _material(text, "2009-07-06")
    assert [e.family for e in events] == ["riot"], [(e.kind, e.actor1) for e in events]


def test_a_town_s_toll_is_one_its_own_sentence_gives_not_one_carried_there() -> None:
    # The attacks on "India's financial capital killed at least 101"; the four gunmen the police
    # killed and the 14 officers who died are placed in Mumbai only by the sentences before:
    # they do not replace the attacks' toll.
    text = """MUMBAI, Nov 27 (Reuters) - Indian commandos stormed two luxury hotels in Mumbai on Thursday to free hostages held by Islamist gunmen, a day after a wave of coordinated attacks on India's financial capital killed at least 101 people.

Gunmen armed with assault rifles and grenades attacked at least 10 sites late on Wednesday, including two hotels and the main railway station.

Police said they had killed four gunmen and arrested nine suspects. The city's anti-terrorism chief was among 14 police officers killed."""
    attacks = [e for e in _material(text, "2008-11-27") if e.family == "attack" and (e.date or {}).get("value") == "2008-11-26"]
    assert [e.fatalities for e in attacks] == [101], [(e.kind, e.place, e.fatalities) for e in attacks]


def test_a_region_troops_came_from_does_not_outrank_the_town_they_took() -> None:
    # "crossed from Abkhazia ... and took control of the town of Zugdidi": Zugdidi was taken.
    text = "TBILISI, Aug 12 (Reuters) - Russian troops also crossed on Monday from Abkhazia, Georgia's other rebel region, into western Georgia and took control of the town of Zugdidi, Georgian officials said."
    taken = [e for e in _material(text, "2008-08-12") if e.family == "territory"]
    assert [(e.place or {}).get("name") for e in taken] == ["Zugdidi"], [e.place for e in taken]


_FALLUJAH = """BAGHDAD, Iraq (AP) — U.S. Marines and Iraqi troops fought their way into the heart of Fallujah on Tuesday, seizing the city's main mosque in the second day of a major offensive against the insurgent stronghold.

Hospital officials in the city said at least 12 civilians were killed when a shell hit a house in the Jolan neighborhood.

In Baghdad, a car bomb exploded near a police patrol in the western district of Mansour, killing four people, police said.

Gunmen in Mosul attacked two police stations and set them on fire, and insurgents ambushed a convoy near Ramadi, killing three Iraqi national guardsmen, officials said."""


def test_a_capital_dateline_s_story_is_the_town_its_lead_names_and_each_town_keeps_its_attack() -> None:
    # Filed from Baghdad, the story is Fallujah's (its lead names it first): the shell that hit
    # a house "in the city" is Fallujah's, not Baghdad's, nor the Mosul attack told later; the
    # gunmen who attacked police stations "and set them on fire" attacked (no mob), in Mosul.
    events = _material(_FALLUJAH, "2004-11-09")
    shell = [e for e in events if e.kind == "attack.shelling"]
    assert [(e.place or {}).get("name") for e in shell] == ["Fallujah"], [(e.kind, e.place) for e in events]
    assert {(e.place or {}).get("name") for e in events} >= {"Fallujah", "Baghdad", "Mosul", "Ramadi"}
    assert not any(e.family == "riot" for e in events)


def test_gunmen_who_dragged_men_out_and_shot_one_dead_are_the_doers() -> None:
    # "Hamas gunmen dragged Fatah men out ... and shot at least one dead": Hamas killed (not a
    # mob of the men dragged out; "shot at least" is no "shot at").
    text = "GAZA CITY, June 14 (Reuters) - Witnesses said Hamas gunmen dragged Fatah men out of the Preventive Security building and shot at least one dead in the street."
    events = _material(text, "2007-06-14")
    assert [(e.family, (e.actor1 or {}).get("name")) for e in events] == [("attack", "Hamas Movement")], [(e.kind, e.actor1) for e in events]


_BEIRUT = """BEIRUT, Lebanon (AP) — Israeli warplanes pounded Beirut's southern suburbs and destroyed bridges across Lebanon on Saturday, while Hezbollah guerrillas fired rockets deep into Israel, hitting the port city of Haifa and killing eight people.

An Israeli air strike on the southern village of Marwaheen killed 20 people as they fled in a convoy, Lebanese security officials said.

Israel began its offensive on Wednesday after Hezbollah fighters crossed the border and captured two Israeli soldiers.

Thousands of foreigners were evacuated by sea from Beirut."""


def test_a_while_clause_shares_its_day_an_unknown_village_is_the_story_s_land_and_a_flashback_s_day_stays_there() -> None:
    # "pounded Beirut on Saturday, while Hezbollah fired rockets ... hitting Haifa": Saturday's
    # rockets (not Wednesday's raid); "an Israeli air strike on the southern village of
    # Marwaheen" (a village the gazetteer lacks) is in Lebanon, not Israel; the evacuation after
    # "Israel began its offensive on Wednesday" is the story's day, not Wednesday.
    events = _material(_BEIRUT, "2006-07-16")
    haifa = [e for e in events if (e.place or {}).get("name") == "Haifa" and e.family == "attack"]
    assert haifa and (haifa[0].date or {}).get("value") == "2006-07-15", [(e.kind, e.date) for e in haifa]
    strike = [e for e in events if e.fatalities == 20]
    assert strike and (strike[0].place or {}).get("country_code") == "LB", [e.place for e in strike]
    evacuated = [e for e in events if e.family == "evacuation"]
    assert evacuated and all((e.date or {}).get("value") != "2006-07-12" for e in evacuated), [e.date for e in evacuated]


def test_another_source_s_count_of_the_same_dead_is_no_second_event() -> None:
    # "State media said 10 were killed in Friday's riots. The government-in-exile in Dharamsala
    # said at least 30 had been killed": one riot, its toll disputed, not a second pin.
    events = _material(_LHASA, "2008-03-15")
    # ("Chinese troops patrolled the streets of Lhasa on Saturday" is a deployment of its own)
    lhasa = [e for e in events if (e.place or {}).get("name") == "Lhasa" and e.family != "deployment"]
    assert [e.family for e in lhasa] == ["riot"], [(e.kind, e.fatalities) for e in lhasa]


def test_a_hostage_crisis_ended_on_friday_began_days_before_and_was_held_by_the_hostage_takers() -> None:
    # "commandos stormed a school ..., ending a three-day hostage crisis" on Friday: the
    # hostages were taken on Wednesday (the day the next sentence tells), by the militants, not
    # the commandos; one abduction, not one on Friday and another on Wednesday.
    text = """BESLAN, Russia (AP) — Russian commandos stormed a school seized by heavily armed militants after explosions tore through the building Friday, ending a three-day hostage crisis in which at least 250 people were killed, officials said.

The militants, who seized the school on Wednesday morning as pupils and parents gathered for the first day of classes, held more than 1,000 people hostage in the school gymnasium."""
    held = [e for e in _material(text, "2004-09-03") if e.family == "abduction"]
    assert [(e.date or {}).get("value") for e in held] == ["2004-09-01"], [(e.date, e.actor1) for e in held]
    assert (held[0].actor1 or {}).get("type") != "state"


def test_hostages_held_by_gunmen_were_taken_by_the_gunmen() -> None:
    text = "MUMBAI, Nov 27 (Reuters) - Indian commandos stormed two luxury hotels in Mumbai on Thursday to free hostages held by Islamist gunmen."
    held = [e for e in _material(text, "2008-11-27") if e.family == "abduction"]
    assert held and all((e.actor1 or {}).get("type") == "unidentified" and (e.actor2 or {}).get("type") != "unidentified" for e in held), [(e.actor1, e.actor2) for e in held]


def test_police_firing_on_a_crowd_told_with_its_size_is_force_against_protesters() -> None:
    # "opened fire on tens of thousands of pro-democracy protesters ..., killing at least three":
    # one event of force against a protest, not a protest and an attack beside it.
    text = "KATHMANDU, Nepal (AP) — Police opened fire on tens of thousands of pro-democracy protesters defying a curfew on the outskirts of Kathmandu on Thursday, killing at least three people, witnesses said."
    events = _material(text, "2006-04-20")
    assert [e.kind for e in events] == ["protest.excessive"], [(e.kind, e.fatalities) for e in events]


_ABIDJAN = """ABIDJAN, Ivory Coast (AP) — Forces loyal to Alassane Ouattara launched an assault on Abidjan on Thursday after sweeping across the country in three days and seizing the political capital, Yamoussoukro, residents said.

On Wednesday, pro-Ouattara fighters took the cocoa port of San Pedro without a fight. The U.N. said at least 462 people have been killed since the disputed Nov. 28 election."""


def test_a_capital_seized_is_taken_a_fight_elsewhere_is_not_its_and_a_toll_since_an_election_is_the_land_s() -> None:
    # "seizing the political capital, Yamoussoukro": a capture (no "without a fight" of its
    # own: San Pedro's was); "462 killed since the disputed Nov. 28 election": the country's
    # crisis, from the election, not San Pedro's dead.
    events = _material(_ABIDJAN, "2011-03-31")
    taken = {(e.place or {}).get("name"): e.kind for e in events if e.family == "territory"}
    assert taken.get("Yamoussoukro") == "territory.capture" and taken.get("San Pedro") == "territory.handover", taken
    toll = [e for e in events if e.fatalities == 462]
    assert [((e.place or {}).get("feature"), (e.date or {}).get("value")) for e in toll] == [("country", "2010-11-28")], [(e.place, e.date) for e in toll]


def test_a_captured_bomb_maker_is_an_arrest_and_no_one_hurt_is_no_event() -> None:
    # "captured a Taliban improvised explosive device leader": an arrest, not a bombing; "No
    # women or children were injured": no one was.
    text = """KABUL, Afghanistan (Dec. 21, 2010) — Afghan and coalition forces captured a Taliban improvised explosive device leader during an operation in Logar province yesterday.

No women or children were injured or detained during the operation."""
    events = _material(text, "2010-12-21")
    assert any(e.family == "detention" for e in events) and not any(e.family == "attack" for e in events), [(e.kind, e.evidence[0]["text"][:40]) for e in events]


def test_fire_on_a_rally_and_the_riot_after_it_are_two_events_and_a_source_s_name_is_no_scene() -> None:
    # "opened fire on thousands of opposition supporters at a rally, killing at least 58":
    # excessive force against a protest; the barricades youths set up "after the shooting" are
    # a riot of their own, not a reason to recode the shooting as rioting.
    text = """CONAKRY, Guinea (Reuters) - Guinean security forces opened fire on thousands of opposition supporters at a rally in a Conakry stadium on Monday, killing at least 58 people, witnesses said.

After the shooting, groups of youths set up barricades and burned tyres in the suburbs of Conakry, residents said."""
    kinds = sorted(e.kind for e in _material(text, "2009-09-29"))
    assert kinds == ["protest.excessive", "riot"], kinds
    # "according to the Erawan emergency centre": where the count comes from, not where they died.
    told = "BANGKOK, May 19 (Reuters) - Thai troops stormed a protest camp in central Bangkok on Wednesday. At least five people were killed in the assault, according to the Erawan emergency centre."
    assert all((e.place or {}).get("name") == "Bangkok" for e in _material(told, "2010-05-19"))


def test_rioting_that_killed_and_a_brawl_where_workers_were_killed_carry_their_own_dead() -> None:
    # "Ethnic rioting in Xinjiang killed 140 people": the riot's dead, not an attack of its own;
    # "a brawl last month at a toy factory ..., where two workers were killed": the brawl's.
    text = """URUMQI, China (AP) — Ethnic rioting in China's far western Xinjiang region killed 140 people, state media said Monday.

The violence began as a protest over a brawl last month at a toy factory in southern China's Guangdong province, where two Uighur workers were killed by Han Chinese colleagues."""
    events = _material(text, "2009-07-06")
    assert not any(e.kind == "attack.civilians" for e in events), [(e.kind, e.place, e.date) for e in events]
    assert sorted(e.fatalities or 0 for e in events if e.family == "riot") == [2, 140]
