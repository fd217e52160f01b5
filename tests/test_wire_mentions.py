"""Which mentions of a wire story are one event, and whose toll is whose (#25): stories written for
sitrep's tests in the style of AP and Reuters copy of the 1990s and 2000s. The story's news of
Sunday was joined to a raid told as of July 12, a month's tally of the dead was given to one
downing, a village's dead to the strikes near another town, and two states' withdrawals to one."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="m", source="m", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _day(e: Event) -> str:
    return str((e.date or {}).get("value"))


_BEIRUT = """BEIRUT, Lebanon (AP) -- Israeli warplanes pounded southern Lebanon on Sunday, while Hezbollah guerrillas fired more than 140 rockets into northern Israel, wounding 12 people in the port city of Haifa.

Prime Minister Fuad Saniora canceled a planned meeting with U.S. Secretary of State Condoleezza Rice, who arrived in Jerusalem on Saturday.

Hundreds of protesters stormed the U.N. headquarters in downtown Beirut, smashing windows and setting fires.

The fighting began July 12, when Hezbollah guerrillas crossed into Israel, killed three soldiers and captured two others."""


def test_the_story_s_news_is_not_joined_to_the_raid_it_began_with_and_a_visitor_s_day_is_not_the_riot_s() -> None:
    events = _material(_BEIRUT, "2006-07-30")
    haifa = [e for e in events if (e.place or {}).get("name") == "Haifa"]
    assert haifa and all(_day(e) == "2006-07-30" for e in haifa)
    assert any(_day(e) == "2006-07-12" for e in events if e.family in ("attack", "clash", "abduction"))
    assert {_day(e) for e in events if e.family in ("riot", "protest")} == {"2006-07-30"}


_KIGALI = """KIGALI, Rwanda (AP) -- Rebels captured Kigali's airport on Sunday after heavy fighting, as government troops fled south toward Gitarama.

The violence erupted after the plane carrying President Juvenal Habyarimana was shot down near Kigali airport on April 6.

Aid agencies estimate that as many as 200,000 people have been killed in the past month.

The U.N. Security Council voted Tuesday to send 5,500 peacekeepers. Belgium withdrew its contingent after 10 of its soldiers were killed on April 7."""


def test_a_month_s_tally_is_no_event_and_no_toll_of_the_downing_and_two_states_withdrawals_are_two() -> None:
    events = _material(_KIGALI, "1994-05-22")
    assert all((e.fatalities or 0) < 1000 for e in events)
    fled = [e for e in events if e.family == "force" and (e.place or {}).get("name") == "Gitarama"]
    assert fled and all(_day(e) == "1994-05-22" and (e.actor2 or {}).get("name") != "Military Forces of Belgium" for e in fled)


def test_a_village_s_dead_told_of_the_bombing_are_the_village_s_own_event() -> None:
    story = """MOSCOW (Reuters) - Russian warplanes bombed rebel positions south of Grozny on Thursday, the Interfax news agency reported. Chechen officials said the bombing killed 17 civilians in the village of Urus-Martan."""
    events = _material(story, "1999-11-12")
    assert {((e.place or {}).get("name"), e.fatalities) for e in events if e.family == "attack" and e.fatalities} == {("Urus-Martan", 17)}


def test_an_earlier_event_told_after_the_act_keeps_its_own_month() -> None:
    story = """MOSCOW (Reuters) - Moscow sent troops into Chechnya on Oct. 1 after apartment bombings in Moscow in September killed nearly 300 people."""
    events = _material(story, "1999-11-12")
    assert {_day(e) for e in events if e.family == "attack"} == {"1999-09"}
    assert {_day(e) for e in events if e.family == "deployment"} == {"1999-10-01"}


_RAIS = """ALGIERS, Algeria (AP) -- Armed men slit the throats of 98 villagers in an overnight massacre south of Algiers, hospital officials said Saturday.

The attackers, believed to be members of the Armed Islamic Group, stormed the village shortly after midnight, survivors said. They abducted at least 20 young women before fleeing into the nearby mountains.

The massacre came less than a month after 64 people were killed in a similar attack in the Blida region.

More than 60,000 people have been killed since the army canceled legislative elections in January 1992."""


def test_a_massacre_keeps_its_own_dead_and_neither_a_month_before_nor_years_of_war_are_its() -> None:
    events = _material(_RAIS, "1997-08-30")
    assert [e.fatalities for e in events if e.family == "attack"] == [98]
    assert not [e for e in events if e.family in ("displacement", "territory")]  # (the raiders' getaway, their storming: the massacre's)


_CHIAPAS = """SAN CRISTOBAL DE LAS CASAS, Mexico (Reuters) - Mexican army troops pushed rebels out of this colonial town on Sunday after four days of fighting, officials said.

The Zapatista National Liberation Army seized San Cristobal and three other towns in the southern state of Chiapas on New Year's Day.

Witnesses said soldiers executed five suspected rebels in the market of Ocosingo, one of the towns the rebels had held. Suspected rebels also killed three peasants near Ocosingo."""


def test_a_day_the_calendar_names_dates_its_act_and_an_act_told_after_a_past_perfect_is_later() -> None:
    events = _material(_CHIAPAS, "1994-01-09")
    assert {_day(e) for e in events if e.family == "territory" and e.kind == "territory.capture"} == {"1994-01-01"}
    assert all(_day(e) >= "1994-01-05" for e in events if (e.place or {}).get("name") == "Ocosingo")
    assert 3 in {e.fatalities for e in events}


def test_rebels_taking_a_town_s_airport_is_a_capture_of_its_own_not_part_of_the_fighting() -> None:
    story = """Rebels Capture Key Town in Eastern Congo

KINSHASA, August 23 (Xinhua) -- Rebels fighting to oust President Laurent Kabila have captured the town of Kisangani in eastern Congo after two days of fighting with government troops, a rebel spokesman said Sunday.

The spokesman said the rebels took control of the town's airport on Saturday."""
    days = {_day(e) for e in _material(story, "1998-08-23") if e.family == "territory"}
    assert "1998-08-22" in days


def test_a_war_fought_over_years_is_no_clash() -> None:
    story = """MOSCOW (Reuters) - Russia fought a disastrous 1994-96 war in Chechnya that left tens of thousands dead."""
    assert not [e for e in _material(story, "1999-11-12") if e.family == "clash"]
