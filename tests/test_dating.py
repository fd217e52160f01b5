"""Which date and which happening a mention in a whole article is (#25)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract
from tests.conftest import EVAL, need_shared


def _annotate(text: str, published: str) -> list[Event]:
    raw = RawArticle(id="t", source="t", text=text, published=published)
    return extract(clean(raw, assume_clean=True)).events


def _record(rid: str) -> dict[str, Any]:
    path = need_shared(EVAL / "events_articles.dev.jsonl")
    return next(json.loads(line) for line in path.open(encoding="utf-8") if f'"{rid}"' in line)


def _day(events: list[Event], kind: str) -> str | None:
    e = next(e for e in events if e.kind == kind)
    return e.date["value"] if e.date else None


def test_a_date_written_onto_an_event_noun_is_that_events() -> None:
    # Published on a Thursday: "Saturday's shooting" was five days before the arrests.
    events = _annotate(
        "On Wednesday, two police officers involved in Saturday's shooting were arrested in Athens.",
        "2008-12-11",
    )
    assert _day(events, "detention.arrest") == "2008-12-10"
    assert _day(events, "attack.civilians") == "2008-12-06"


def test_a_recalled_event_keeps_its_own_month() -> None:
    events = _annotate("Last month's bombing in Athens killed three people.", "2008-12-11")
    assert _day(events, "attack.bombing") == "2008-11"


def test_a_wave_told_by_its_length_starts_that_many_days_before() -> None:
    events = _annotate(
        "Athens was calm on Sunday after eight days of the worst riots Greece has seen in decades.",
        "2008-12-14",
    )
    wave = next(e for e in events if e.family == "riot").date or {}
    assert (wave.get("value"), wave.get("precision")) == ("2008-12-06", "day")
    events = _annotate(
        "Protesters poured into the streets of Brooklyn on the third night of rioting.",
        "2013-03-13",
    )
    assert next(e.date or {} for e in events if e.family == "riot").get("value") == "2013-03-11"


def test_the_days_of_a_campaign_so_far_count_the_day_told() -> None:
    # "the 12 days of the offensive" up to a Wednesday: the offensive's first day is the 12th back, counting the Wednesday.
    events = _annotate("Some 600 people have been killed so far in the 12 days of the Israeli offensive in Rafah.", "2009-01-07")
    assert [(e.kind, (e.date or {}).get("value")) for e in events if e.layer == "material"] == [("clash.armed", "2008-12-27")]
    # After the days of fighting, the Wednesday is not one of them.
    events = _annotate("Rafah was quiet on Wednesday after 12 days of fighting.", "2009-01-07")
    assert [(e.kind, (e.date or {}).get("value")) for e in events if e.layer == "material"] == [("clash.armed", "2008-12-26")]


def test_fighting_that_rages_is_a_war_not_a_brawl() -> None:
    events = _annotate("Fighting raged in Malakal on Monday.", "2011-11-12")
    assert [(e.kind, (e.date or {}).get("value")) for e in events if e.layer == "material"] == [("clash.armed", "2011-11-07")]
    for text in ("Fighting flared in the Orasje pocket on Monday.", "Bihac was quiet on Monday after a week of fighting."):
        assert [e.kind for e in _annotate(text, "1995-07-12") if e.layer == "material"] == ["clash.armed"]
    # Fans who fight outside a stadium are a mob, not a war.
    assert [e.kind for e in _annotate("Fighting erupted between rival fans outside the stadium in Bihac.", "1995-07-12") if e.layer == "material"] == ["riot.mob"]


def test_a_planned_weekday_is_the_coming_one() -> None:
    events = _annotate("More demonstrations are planned for Monday outside parliament in Athens.", "2008-12-14")
    protest = next(e for e in events if e.family == "protest")
    assert protest.modality == "planned" and protest.date and protest.date["value"] == "2008-12-15"


def test_goals_and_talk_of_truces_are_not_events() -> None:
    events = _annotate(
        "The regime's end game is to capture the oil fields near Bentiu. Gordon Brown hoped a "
        "ceasefire could be arranged soon. Israel has insisted that any truce must stop the rockets.",
        "2011-11-10",
    )
    assert not [e for e in events if e.layer == "material" and e.family in ("territory", "agreement")]
    # A truce that was reached is an agreement, dated by its sentence.
    events = _annotate(
        "On 19 June 2008, a six-month Egypt-brokered truce agreement was reached between Hamas and Israel.",
        "2009-01-07",
    )
    assert _day(events, "agreement") == "2008-06-19"


def test_people_who_gathered_to_protest_did_protest() -> None:
    events = _annotate(
        "On 3 May 2022, around 200 residents gathered in Goma to protest against insecurity.",
        "2022-05-04",
    )
    assert any(e.family == "protest" and e.modality != "hypothetical" for e in events)


def test_a_peaceful_vigil_in_a_week_of_riots_stays_a_protest() -> None:
    events = _annotate_record("ecb+/19_9ecb")
    vigil = [e for e in events if "sit-down demonstration" in e.evidence[0]["text"]]
    assert vigil and all(e.family == "protest" for e in vigil)
    assert any(e.family == "riot" for e in events)


def _annotate_record(rid: str) -> list[Event]:
    from sitrep.evaluate.articles import annotate_record

    return annotate_record(_record(rid))


def test_a_camp_named_like_a_city_abroad_is_not_put_there() -> None:
    # "Yida" (a refugee camp in South Sudan the gazetteer lacks) is also an old name of Jeddah:
    # nothing else in the article is in Saudi Arabia, so no event is put in Jeddah.
    for rid in ("ecb+/41_8ecbplus", "ecb+/41_10ecbplus", "ecb+/41_4ecbplus"):
        events = _annotate_record(rid)
        assert events and not any(e.place and e.place.get("country_code") == "SA" for e in events)


def test_a_shooting_recalled_in_passing_does_not_date_the_riot_told_after_it() -> None:
    # 19_9ecbplus leads with Monday night's vigil-turned-riot, then recalls Saturday night's
    # shooting; "What started as a march, soon turned into a riot" is Monday's riot again.
    events = _annotate_record("ecb+/19_9ecbplus")
    riots = [e for e in events if e.family == "riot"]
    assert riots and all((e.date or {}).get("value") != "2013-03-09" for e in riots)
    shooting = next(e for e in events if e.kind == "attack.civilians")
    assert (shooting.date or {}).get("value") == "2013-03-09"


def test_a_sentence_without_a_day_keeps_the_lead_events_day() -> None:
    events = _annotate(
        "Rioters attacked a police station in Athens on Saturday. Police arrested 20 youths.", "2008-12-14"
    )
    assert _day(events, "detention.arrest") == "2008-12-13"


def test_capturing_a_person_is_an_arrest_and_a_country_that_bombs_is_the_doer() -> None:
    events = _annotate(
        "KABUL, Afghanistan (May 24, 2011) A combined Afghan and coalition security force captured a "
        "Hezb-e Islami Gulbuddin facilitator in Sabari district, Khost province, yesterday.",
        "2011-05-24",
    )
    assert any(e.kind == "detention.arrest" for e in events) and not any(e.family == "territory" for e in events)
    events = _annotate("GAZA CITY (AP) -- Israel bombed a UN school in Gaza on Tuesday, killing 40 people.", "2009-01-07")
    bombing = next(e for e in events if e.family == "attack")
    assert (bombing.actor1 or {}).get("name") == "Military Forces of Israel"
    assert (bombing.place or {}).get("country_code") != "IL"


def test_a_capital_that_speaks_and_an_office_abroad_are_not_the_scene() -> None:
    events = _annotate_record("ecb+/41_6ecb")  # "Brussels condemns Israeli bombing of UN school."
    assert not any((e.place or {}).get("name") == "Brussels" for e in events if e.layer == "material")
    events = _annotate(
        "Susan Rice, U.S. Ambassador to the United Nations, said Sudan bombed the Yida camp in South Sudan on Thursday.",
        "2011-11-11",
    )
    assert not any((e.place or {}).get("country_code") == "US" for e in events if e.layer == "material")
    events = _annotate(
        "Although Israel said its return fire landed outside the school in Jabalia, witnesses described "
        "a series of blasts that killed 40 people on Tuesday.",
        "2009-01-07",
    )
    assert not any((e.place or {}).get("country_code") == "IL" for e in events if e.layer == "material")


def test_a_headline_at_country_level_takes_the_place_the_body_gives() -> None:
    # "Greece rocked by more clashes over teenager's shooting." then the clashes in Athens.
    events = _annotate_record("ecb+/19_1ecb")
    clash = next(e for e in events if any(x["start"] == 0 and x["trigger"]["text"] == "clashes" for x in e.evidence))
    assert (clash.place or {}).get("feature") == "city" and (clash.place or {}).get("country_code") == "GR"


def test_until_and_later_tell_the_past_too() -> None:
    events = _annotate(
        "On Wednesday tensions seemed to be decreasing until the teen's sister was arrested in Brooklyn.",
        "2013-03-14",
    )
    assert _day(events, "detention.arrest") == "2013-03-13"


def test_what_happened_during_a_dated_event_shares_its_day() -> None:
    events = _annotate("Police said they made 86 arrests in Athens over the course of Saturday's protests.", "2008-12-14")
    assert _day(events, "detention.arrest") == "2008-12-13"


def test_what_marred_a_dated_event_shares_its_day() -> None:
    events = _annotate(
        "Then came the anger: a Monday evening vigil in Brooklyn marred by an unruly young mob thrashing its way "
        "through local businesses; a second protest the next night; and another on Wednesday night.",
        "2013-03-14",
    )
    assert _day(events, "riot.mob") == "2013-03-11"


def test_the_next_night_counts_from_the_day_told_before() -> None:
    # From the sentence before ...
    events = _annotate("Protesters gathered in Brooklyn on Monday. A second protest followed the next night.", "2013-03-14")
    assert sorted(str((e.date or {}).get("value")) for e in events if e.family == "protest") == ["2013-03-11", "2013-03-12"]
    # ... and from a day told before it in its own sentence, not a later one; "a second protest" is one more.
    events = _annotate("Then came the anger: a Monday evening vigil in Brooklyn; a second protest the next night; and another on Wednesday night.", "2013-03-14")
    assert sorted(str((e.date or {}).get("value")) for e in events if e.family == "protest") == ["2013-03-11", "2013-03-12"]


def test_a_year_written_onto_a_definite_event_noun_dates_it_and_its_town_is_its_own() -> None:
    text = (
        "Gunmen killed 130 people in Paris on Friday. "
        "Almost a week after the deadliest attack on EU soil since the Madrid bombings in 2004, ministers met in Brussels."
    )
    events = _annotate(text, "2015-11-19")
    bombings = [e for e in events if e.kind == "attack.bombing"]
    assert [((e.place or {}).get("name"), (e.date or {}).get("value")) for e in bombings] == [("Madrid", "2004")]
    # the deadliest attack is not in Madrid (the town is written onto the bombings)
    assert not [e for e in events if e.kind == "attack.civilians" and (e.place or {}).get("name") == "Madrid"]
    # "on trial for rape in 2005": the year is the trial's, not the rape's
    assert not [e for e in _annotate("He was on trial for rape in 2005 in an Atlanta courtroom when he grabbed a gun.", "2008-12-13") if e.kind == "attack.sexual" and (e.date or {}).get("value") == "2005"]


def test_foiled_attacks_did_not_happen_but_a_foiled_protest_did() -> None:
    assert not [e for e in _annotate("Implicated in four out of six foiled attacks this year, he joined IS in Syria.", "2015-11-19") if e.family == "attack"]
    assert [e for e in _annotate("On 4 March 2022, at least 50 people were injured when police foiled the protest in Dhaka.", "2022-03-05") if e.family == "protest"]


def test_a_day_before_a_said_aside_is_what_was_said() -> None:
    # ("On Friday, the UN said the camp was shelled" dates the telling; ", she said," is an aside.)
    events = _annotate("Two years ago, she said, soldiers detained her brother at a checkpoint near Hebron.", "2014-05-02")
    assert _day(events, "detention.arrest") == "2012"


def test_riot_police_are_no_riot_and_troops_moving_in_are_a_deployment() -> None:
    events = _annotate("Riot police in full riot gear stood outside the parliament in Athens on Tuesday.", "2008-12-11")
    assert not any(e.family == "riot" for e in events)
    events = _annotate("Protesters threw two petrol bombs at the main courthouse in Athens on Tuesday.", "2008-12-11")
    assert any(e.family == "riot" for e in events) and not any(e.kind == "attack.grenade" for e in events)
    events = _annotate("Tanks and troops also moved on the southern town of Khan Yunis on Tuesday.", "2009-01-07")
    assert any(e.kind == "deployment" for e in events)


def test_an_agencys_protest_is_a_complaint_not_a_crowd() -> None:
    events = _annotate(
        'The UN protested at a "complete absence of accountability" for the shelling of its school in Jabalia. '
        "Anti-NATO protesters held a demonstration in Valladolid on Tuesday.",
        "2009-01-07",
    )
    complaint = next(e for e in events if "UN protested" in e.evidence[0]["text"] and e.family != "attack")
    assert complaint.layer == "speech" and complaint.kind == "accuse"
    assert any(e.family == "protest" and e.layer == "material" and "Valladolid" in e.evidence[0]["text"] for e in events)


def test_a_year_of_its_own_beats_the_day_before_and_a_wave_start_dates_no_story() -> None:
    events = _annotate(
        "Sudan bombed the camp in Unity state on Thursday. Some 2 million people died in the north-south "
        "civil war, waged for all but a few years since 1955 over religion and oil.",
        "2011-11-10",
    )
    died = [e for e in events if "since 1955" in e.evidence[0]["text"] and e.layer == "material"]
    assert died and all((e.date or {}).get("value") == "1955" for e in died)
    events = _annotate(
        "The killing sparked five days of riots across Greece. Protesters threw petrol bombs at the courthouse in Athens.",
        "2008-12-11",
    )
    assert all((e.date or {}).get("value") != "2008-12-06" for e in events if "courthouse" in e.evidence[0]["text"])


def test_an_accident_and_a_tally_of_past_arrests_are_no_events() -> None:
    events = _annotate(
        "His older brother was killed in a car accident in Brooklyn two years ago. Gray had been arrested "
        "three times since October in Brooklyn.",
        "2013-03-12",
    )
    assert not [e for e in events if e.layer == "material"]
    events = _annotate(
        "On 21 January 2022, in Yangon, the F2Y attacked military forces with remote-controlled mines three times on Na Wa Day road.",
        "2022-01-22",
    )
    assert any(e.kind == "attack.bombing" for e in events)


def test_a_recalled_event_is_flagged_background_and_todays_is_not() -> None:
    events = _annotate(
        "Rioters attacked a police station in Athens on Saturday. Last month's bombing in Athens killed three people.",
        "2008-12-14",
    )
    riot = next(e for e in events if e.family == "riot")
    bombing = next(e for e in events if e.kind == "attack.bombing")
    assert not riot.background and bombing.background
    assert bombing.to_json()["background"] is True and bombing.to_json()["material"] is True


def test_imagined_bombs_shops_and_a_speakers_paper_are_not_on_the_map() -> None:
    events = _annotate_record("ecb+/41_2ecb")  # "Imagine ... a massive air bombardment ... on downtown Sydney"
    assert not any((e.place or {}).get("country_code") == "AU" for e in events if e.layer == "material")
    events = _annotate_record("ecb+/19_5ecbplus")  # "inside the McDonald's", "stormed a McDonald's"
    assert not any((e.place or {}).get("name") == "McDonald" for e in events)
    events = _annotate_record("ecb+/19_1ecbplus")  # "according to Danny Gold of Metropolis"
    assert not any((e.place or {}).get("name") == "Metropolis" for e in events)
    events = _annotate_record("ecb+/41_9ecbplus")  # "... disturbing to the United States"
    assert not any((e.place or {}).get("country_code") == "US" for e in events if e.layer == "material")


def test_a_border_named_is_no_scene_and_the_main_city_beats_its_country() -> None:
    events = _annotate_record("ecb+/19_6ecb")  # Greece named most, Athens twice: unplaced sentences are Athens's
    fallback = [e for e in events if (e.place or {}).get("how") == "article"]
    assert fallback and all((e.place or {}).get("name") == "Athens" for e in fallback)


def test_the_dateline_town_places_a_story_whose_body_names_none() -> None:
    events = _annotate(
        "KABUL, Afghanistan (AP) _ A suicide bomber struck a crowded market on Tuesday, killing 12 people, officials said.",
        "2011-05-24",
    )
    bombing = next(e for e in events if e.family == "attack")
    assert (bombing.place or {}).get("name") == "Kabul"
    events = _annotate(
        "GAZA CITY (AP) -- The military said it had bombed more smuggling tunnels across the border with Egypt on Tuesday.",
        "2009-01-07",
    )
    assert not any((e.place or {}).get("country_code") == "EG" for e in events if e.layer == "material")


def test_going_to_lengths_is_no_future_and_inciting_a_riot_is_a_charge() -> None:
    events = _annotate(
        "Its assertion it is going to extraordinary lengths has been undermined by a tank firing on a "
        "building in Gaza used by Israeli troops, killing four of them, on Monday.",
        "2009-01-07",
    )
    assert all((e.date or {}).get("value") == "2009-01-05" for e in events if e.layer == "material")
    events = _annotate("He had previously been charged in Brooklyn with grand larceny and inciting a riot.", "2013-03-12")
    assert not any(e.family == "riot" for e in events)


def test_prior_arrests_are_counted_not_told_and_a_telling_day_does_not_lead() -> None:
    events = _annotate_record("ecb+/19_10ecbplus")
    assert not any("prior arrests" in e.evidence[0]["text"] for e in events if e.layer == "material")
    # "Yesterday, the police explained that officers shot ...": yesterday is when they explained.
    assert not any((e.date or {}).get("how") == "lead" and (e.date or {}).get("text") == "Yesterday" for e in events)


def test_a_country_named_as_written_is_no_adjective_and_us_led_forces_are_no_place() -> None:
    events = _annotate(
        "The Pentagon said it is to deploy around 3,000 troops to Afghanistan immediately to evacuate embassy staff. "
        "The conflict has escalated since May, when US-led forces began the final stage of their withdrawal.",
        "2021-08-13",
    )
    deployment = next(e for e in events if e.kind == "deployment")
    assert (deployment.place or {}).get("country_code") == "AF"
    assert not any((e.place or {}).get("country_code") == "US" for e in events if e.layer == "material")


def test_a_list_of_countries_places_no_later_arrest_in_one_of_them() -> None:
    # The protests spread to each country listed (one protest each: test_scenes); the arrests
    # "across the continent" are not put in the Netherlands.
    events = _annotate(
        "Riots shook Athens on Friday. And as solidarity protests spread to neighboring Turkey, as well as Germany, "
        "Spain, Italy, Russia, Denmark and the Netherlands, dozens of arrests have been made across the continent.",
        "2008-12-12",
    )
    assert not any((e.place or {}).get("country_code") == "NL" for e in events if e.family == "detention")
    assert any((e.place or {}).get("country_code") == "NL" for e in events if e.family == "protest")


def test_eventness_cues_live_in_a_data_file_each_with_a_source() -> None:
    from importlib import resources

    from sitrep.events.lexicon import cues

    path = resources.files("sitrep") / "data" / "events" / "cues.tsv"
    rows = [ln.split("\t") for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip() and not ln.startswith("#")]
    assert rows and all(len(r) == 4 and r[1] in ("i", "-") and len(r[3].strip()) > 20 for r in rows)
    assert set(cues()) == {r[0] for r in rows}
    assert cues()["accident_after"].match(" in a car accident")


def test_a_town_named_for_a_distance_written_32km_is_no_scene() -> None:
    events = _annotate("One rocket made the deepest strike yet into Israel, about 32km from Tel Aviv, on Tuesday.", "2009-01-08")
    assert not any((e.place or {}).get("name") == "Tel Aviv" for e in events if e.layer == "material")


def test_a_memorials_day_is_not_the_blasts() -> None:
    events = _annotate(
        "A truck bomb exploded outside the U.S. Embassy in Dar es Salaam on Aug. 7. Hundreds of mourners "
        "attended a memorial service in Dar es Salaam on Sunday for the 10 people killed in the blast there.",
        "1998-08-28",
    )
    blasts = [e for e in events if e.family == "attack"]
    assert blasts and all((e.date or {}).get("value") == "1998-08-07" for e in blasts)


def test_a_day_before_who_said_it_is_the_happenings_and_a_day_told_to_someone_is_the_tellings() -> None:
    # Published on Thursday 8 January 2009: Tuesday is the 6th, "last night" the 7th.
    events = _annotate(
        "When the Israeli attack came on the school in Jabaliya at 3.45pm on Tuesday, Mr Ging said "
        "about 350 Palestinians were inside.",
        "2009-01-08",
    )
    assert _day(events, "attack.civilians") == "2009-01-06"
    events = _annotate("Rebels shelled Kadugli on Tuesday, the army said.", "2009-01-08")
    assert [e.date["value"] for e in events if e.date and e.family == "attack"] == ["2009-01-06"]
    # "told The Age last night": the night of the telling, not of the attack.
    told = _annotate("The attack on the school in Jabaliya killed 40 people, Mr Ging told The Age last night.", "2009-01-08")
    assert all((e.date or {}).get("how") != "text" for e in told if e.family == "attack")


def test_a_day_in_a_where_clause_is_the_clauses_event() -> None:
    # Published on Monday 11 March 2013: the vigil that night; the shooting was on Saturday.
    events = _annotate(
        "Police intervened when more than a hundred people joined in a candlelit vigil in the East "
        "Flatbush neighborhood in Brooklyn, where 16-year-old Kimani Gray was shot Saturday.",
        "2013-03-11",
    )
    assert [e.date["value"] for e in events if e.date and e.family == "protest"] == ["2013-03-11"]


@pytest.mark.parametrize(
    "sentence",
    [
        "The march grew out of a candlelight vigil for Kimani Gray, 16, killed by police bullets on Saturday.",
        "Hundreds marched in memory of the boy who was shot dead by police on Saturday.",
    ],
)
def test_a_day_after_another_event_told_in_the_passive_is_that_events(sentence: str) -> None:
    # Published on Monday 11 March 2013: the march that day; the killing on Saturday the 9th.
    events = _annotate(sentence, "2013-03-11")
    assert [e.date["value"] for e in events if e.date and e.family == "protest"] == ["2013-03-11"]
    assert [e.date["value"] for e in events if e.date and e.family == "attack"] == ["2013-03-09"]


def test_a_day_told_in_an_aside_about_someone_is_not_the_storys_day() -> None:
    """The memorial turned ugly on the story's day (Monday 11 March 2013); Saturday is the day of
    the shooting told in the aside, and the sentences after take the story's day, not Saturday."""
    events = _annotate(
        "Memorial for Kimani Gray, who was fatally wounded by police Saturday after allegedly pointing a gun "
        "in their direction, turned ugly as nearly 100 angry mourners clashed with cops in Brooklyn. "
        "Rioters smashed car windows and looted a pharmacy.",
        "2013-03-11",
    )
    assert {e.date["value"] for e in events if e.date and e.family == "riot"} == {"2013-03-11"}
    assert [e.date["value"] for e in events if e.date and e.family == "attack"] == ["2013-03-09"]


def test_a_day_in_a_where_aside_is_not_the_riot_told_after_it() -> None:
    events = _annotate(
        "Police intervened when people joined in a candlelit vigil in Brooklyn, where 16-year-old Kimani Gray "
        "was shot 11 times by police on Saturday, according to witnesses who saw youths throwing bottles at police.",
        "2013-03-11",
    )
    assert {(e.family, e.date["value"]) for e in events if e.date} == {("riot", "2013-03-11"), ("attack", "2013-03-09")}


def test_an_undated_riot_is_not_the_first_day_of_the_wave_told_before() -> None:
    events = _annotate(
        "The killing of a teenager by police sparked five days of rioting in Athens. "
        "Protesters threw two petrol bombs at the main courthouse in Athens.",
        "2008-12-11",
    )
    assert sorted(e.date["value"] for e in events if e.date and e.family == "riot") == ["2008-12-06", "2008-12-11"]


def test_an_event_told_a_day_before_the_storys_is_its_own_on_that_day() -> None:
    events = _annotate(
        "A car bomb exploded near a crowded market in Baghdad on Thursday, killing at least 18 people. "
        "The blast came a day after a string of attacks across the country killed more than 50 people.",
        "2013-05-16",
    )
    got = sorted((e.kind, e.date["value"], e.fatalities) for e in events if e.date and e.layer == "material")
    assert got == [("attack.bombing", "2013-05-16", 18), ("attack.civilians", "2013-05-15", 50)]


def test_the_other_day_of_one_day_after_is_at_its_own_place_and_never_shifted_twice() -> None:
    events = _annotate(
        "Warplanes bombed a camp near Bentiu on Thursday, officials said. "
        "The raid on the camp near Bentiu came one day after bombings in another region of South Sudan.",
        "2011-11-11",
    )
    got = sorted((e.date["value"], (e.place or {}).get("name")) for e in events if e.date and e.layer == "material")
    assert ("2011-11-09", "South Sudan") in got  # the earlier bombings: not at Bentiu, a day before
    assert all(d >= "2011-11-09" for d, _ in got)
    events = _annotate("The bombing came two days after gunmen attacked a checkpoint, killing four soldiers.", "2013-05-16")
    assert {e.date["value"] for e in events if e.date and e.layer == "material"} == {"2013-05-14"}


def test_a_new_strike_told_with_its_toll_is_no_toll_of_the_last() -> None:
    events = _annotate(
        "Heavy clashes continued in the north on Tuesday and airstrikes hit across the coastal strip. An airstrike "
        "in the southern city of Rafah left one militant dead and three wounded, medics said.",
        "2009-01-07",
    )
    told = [x["text"] for e in events if e.kind == "attack.airstrike" for x in e.evidence]
    assert any(t.startswith("An airstrike in the southern city of Rafah") for t in told)


def test_unrest_an_event_sparked_begins_on_its_day() -> None:
    events = _annotate(
        "The Monday killing of a student by police unleashed a wave of unrest across the country, "
        "officials in Dhaka said.",
        "2018-08-09",
    )
    assert [e.date["value"] for e in events if e.family == "riot" and e.date] == ["2018-08-06"]


@pytest.mark.parametrize(
    "opening",
    [
        "Hundreds of thousands of civilians have been uprooted since June by fighting in Blue Nile, the agency said.",
        "Since fighting between the army and the rebels began in July, thousands have fled Blue Nile.",
    ],
)
def test_a_span_opened_since_a_month_dates_no_later_sentence(opening: str) -> None:
    events = _annotate(f"{opening} Aircraft bombed the town of Kurmuk, residents said.", "2011-11-11")
    assert [e.date["value"] for e in events if e.kind == "attack.airstrike" and e.date] == ["2011-11-11"]


def test_an_event_some_days_before_the_storys_gets_no_day_of_the_story() -> None:
    events = _annotate(
        "Warplanes bombed a refugee camp near Bentiu on Thursday. The attack on the camp near Bentiu comes shortly "
        "after reports of aerial bombardments in Upper Nile state.",
        "2011-11-11",
    )
    got = sorted(((e.place or {}).get("name"), e.date["value"]) for e in events if e.family == "attack" and e.date)
    assert ("Upper Nile", "2011-11-10") not in got and ("Upper Nile", "2011-11-11") not in got
    assert any(place == "Bentiu" for place, _ in got)


@pytest.mark.parametrize(
    "between",
    [
        # a day carried from the sentence just before, past a quote that tells no event
        "Tuesday was calm, but on Wednesday a crowd gathered again. \"They were staying in the dark,\" a witness said.",
        # a sentence with no event that moves the story on: Wednesday's, not Monday's march two sentences back
        "Tuesday was calm, but on Wednesday part of the crowd became unruly.",
    ],
)
def test_an_undated_sentence_goes_on_at_the_day_the_story_has_reached(between: str) -> None:
    events = _annotate(
        "Two police officers shot and killed a teenager in Brooklyn on Saturday night. On Monday, about 130 people "
        f"marched toward the police station in Brooklyn. {between} Protesters began throwing bricks and bottles at officers.",
        "2013-03-14",
    )
    bricks = [e for e in events if any(x["text"].startswith("Protesters began throwing") for x in e.evidence)]
    assert [e.date["value"] for e in bricks if e.date] == ["2013-03-13"]  # not Saturday's lead, nor Monday's march


def test_a_day_something_was_said_does_not_move_the_story_on() -> None:
    events = _annotate(
        "Rebels attacked the town of Kadugli on Sunday. The army said on Tuesday that the town was calm. "
        "Rebels also burned houses in Kadugli.",
        "2011-06-08",
    )
    burned = [e for e in events if any(x["text"].startswith("Rebels also burned") for x in e.evidence)]
    assert burned and all(e.date and e.date["value"] == "2011-06-05" for e in burned)


def test_youths_who_trash_shops_riot_and_critics_who_trash_a_plan_do_not() -> None:
    assert [e.family for e in _annotate("Youths trashed two shops in Leeds on Monday night.", "2011-08-10")] == ["riot"]
    assert [e for e in _annotate("Critics trashed the plan in London on Monday.", "2011-08-10") if e.layer == "material"] == []


def test_a_cause_that_sparked_days_of_riots_does_not_date_what_the_story_tells_after_it() -> None:
    events = _annotate(
        "Greeks reacted with fury to a report on the death of a schoolboy. The fatal shooting of Alexis, 15, on "
        "Saturday sparked five days of riots across Greece. Protesters threw two petrol bombs at the main "
        "courthouse in Athens.",
        "2008-12-11",
    )
    bombs = [e for e in events if any(x["text"].startswith("Protesters threw") for x in e.evidence)]
    assert bombs and all(e.date and e.date["value"] != "2008-12-06" for e in bombs)  # not Saturday's


def test_a_killing_retold_by_its_victims_name_keeps_its_day() -> None:
    events = _annotate(
        "Two plainclothes officers shot and killed a 16-year-old in Brooklyn on Saturday. A vigil for Kimani Gray "
        "turned into a riot in Brooklyn tonight. One person was attacked outside a Rite Aid store tonight, police "
        "said. Gray, 16, was shot eleven times after police said he pulled out a revolver.",
        "2013-03-12",
    )
    retold = [e for e in events if any(x["text"].startswith("Gray, 16") for x in e.evidence)]
    assert [e.date["value"] for e in retold if e.date] == ["2013-03-09"]


def test_a_day_after_an_acts_active_toll_stays_the_acts() -> None:
    events = _annotate("Gunmen stormed the hotel, killing 20 people on Saturday.", "2013-03-11")
    assert {e.date["value"] for e in events if e.date} == {"2013-03-09"}


def test_a_political_brawl_is_no_riot() -> None:
    assert [e.kind for e in _annotate("The partisan brawl over Medicare went on in Washington on Tuesday.", "2012-09-20")
            if e.layer == "material"] == []  # fmt: skip


def test_a_date_joined_by_of_after_an_event_noun_is_that_events() -> None:
    events = _annotate(
        "Isis urged lone wolves to kill, as in the Sousse beach massacre in Tunisia of July this year.", "2015-11-20"
    )
    assert [e.date["value"] for e in events if e.date and e.family == "attack"] == ["2015-07"]


def test_a_strike_on_two_targets_a_recalled_bombing_and_the_attack_named_again() -> None:
    """Cruise missiles at camps in Afghanistan and a plant in Khartoum, in retaliation for the
    Aug. 7 embassy bombings; later "condemned the attack ... near Khost" is the Afghan strike."""
    text = (
        "U.S. warships fired cruise missiles at terrorist camps in Afghanistan and a chemical plant in "
        "Khartoum on Thursday, in retaliation for the Aug. 7 bombings of the U.S. embassies in Nairobi "
        "and Dar es Salaam, President Clinton said.\n\n"
        "Last week, Pakistani authorities arrested a suspect in Karachi on Aug. 7, the day of the attacks. "
        "He was handed over to Kenyan authorities and flown to Nairobi for questioning about the bombings.\n\n"
        "The Taliban militia condemned the attack and said 21 people were killed in the strikes near Khost."
    )
    events = [e for e in _annotate(text, "1998-08-21") if e.layer == "material"]
    strikes = {(e.place or {}).get("country_code"): (e.date or {}).get("value") for e in events if e.kind == "attack.shelling"}
    assert strikes == {"SD": "1998-08-20", "AF": "1998-08-20"}
    bombings = [e for e in events if e.kind == "attack.bombing"]
    assert {(e.place or {}).get("name") for e in bombings} == {"Nairobi", "Dar es Salaam"}
    # Unclaimed: no state is their doer, not the warships' nor the Kenyan authorities'.
    assert all((e.actor1 or {}).get("type") == "unidentified" for e in bombings)
    assert all((e.date or {}).get("value") == "1998-08-07" for e in bombings)


def test_a_suicide_car_bombing_its_toll_and_a_third_victim_are_one_event_each() -> None:
    """A wire story: the suicide car bomber, the hospital's higher toll and "a third soldier
    was wounded" retell their blasts; "the deadliest attack since January" dates nothing."""
    text = (
        "A suicide car bomber killed at least 25 people at a police recruitment centre in the northern "
        "Iraqi city of Mosul on Tuesday, police said, the deadliest attack in the city since January.\n\n"
        "Hospital officials put the toll at 31 dead and more than 40 wounded.\n\n"
        "The U.S. military said two American soldiers were killed by a roadside bomb in western Baghdad "
        "on Monday. A third soldier was wounded."
    )
    events = [e for e in _annotate(text, "2006-03-01") if e.layer == "material"]
    got = sorted((e.kind, (e.place or {}).get("name"), (e.date or {}).get("value")) for e in events)
    assert got == [("attack.bombing", "Baghdad", "2006-02-27"), ("attack.suicide", "Mosul", "2006-02-28")]
    mosul = next(e for e in events if e.kind == "attack.suicide")
    assert (mosul.actor1 or {}).get("type") not in ("state", "police")  # the hospital counts, it did not bomb


def test_last_week_is_the_month_it_lies_in_not_the_storys_day() -> None:
    # Published Friday 22 May 2015: last week is 11-17 May.
    assert _day(_annotate("Militants captured Ramadi last week.", "2015-05-22"), "territory.capture") == "2015-05"
    # A week across two months (27 April - 3 May) is of the month that holds most of its days,
    # never the story's day: April.
    assert _day(_annotate("Militants captured Ramadi last week.", "2015-05-08"), "territory.capture") == "2015-04"


def test_two_captures_in_one_sentence_and_a_yardstick_year() -> None:
    """"The fall of Palmyra comes days after the militants captured Ramadi ... in their biggest
    victory in Iraq this year": Ramadi's capture is its own event, and "this year" is a yardstick."""
    text = (
        "Islamic State militants seized full control of the Syrian town of Palmyra on Thursday.\n\n"
        "The fall of Palmyra comes days after the militants captured Ramadi, the capital of Iraq's Anbar "
        "province, in their biggest victory in Iraq this year."
    )
    events = [e for e in _annotate(text, "2015-05-22") if e.kind == "territory.capture"]
    got = {(e.place or {}).get("name"): (e.date or {}).get("value") for e in events}
    assert got.get("Palmyra") == "2015-05-21" and "Ramadi" in got and got["Ramadi"] != "2015"
    assert len(events) == 2  # "the fall of Palmyra" retells Thursday's capture
    assert _day(_annotate("The latest clashes erupted in Aleppo in 2013.", "2015-05-22"), "riot.mob") == "2013"


def test_a_disaster_story_has_no_blasts_or_flights_of_war_and_a_birthplace_is_no_scene() -> None:
    text = (
        "Massive earthquake and tsunami hit Japan\n\n"
        "A magnitude 8.9 earthquake struck off the coast of Japan on Friday, unleashing a tsunami.\n\n"
        "A major explosion hit a petrochemical plant in Sendai.\n\n"
        "Thousands of people were ordered to evacuate coastal areas in California, Oregon and Washington."
    )
    assert [e.kind for e in _annotate(text, "2011-03-11") if e.layer == "material"] == []
    events = _annotate(
        "The second, who blew himself up outside the national soccer stadium, was a 25-year-old born in Idlib.",
        "2015-11-16",
    )
    assert events and all((e.place or {}).get("name") != "Idlib" for e in events)


def test_the_attacks_named_again_elsewhere_are_the_attacks_told_first() -> None:
    """Where a suspect lived or passed a check is no new attack: "the attacks" told again."""
    text = (
        "Gunmen and suicide bombers attacked the Bataclan concert hall and cafes in Paris on Friday, "
        "killing 129 people.\n\n"
        "Ali O., who is also suspected of helping Salah Abdeslam flee after the attacks, also lived in Molenbeek.\n\n"
        "The morning after the attacks, Mr. Abdeslam went through a roadside check in Cambrai, France."
    )
    events = [e for e in _annotate(text, "2015-11-16") if e.layer == "material"]
    assert {(e.place or {}).get("name") for e in events} == {"Paris"}
    assert {(e.date or {}).get("value") for e in events} == {"2015-11-13"}


def test_an_undated_story_joins_the_attacks_named_again_and_dates_nothing() -> None:
    from sitrep.clean import clean
    from sitrep.model import RawArticle
    from sitrep.pipeline import extract

    text = (
        "Gunmen and suicide bombers attacked the Bataclan concert hall and cafes in Paris, killing 129 people.\n\n"
        "Ali O., who is also suspected of helping Salah Abdeslam flee after the attacks, also lived in Molenbeek."
    )
    events = [e for e in extract(clean(RawArticle(id="t", source="t", text=text), assume_clean=True)).events if e.layer == "material"]
    assert [(e.place or {}).get("name") for e in events] == ["Paris"]
    assert all(e.date is None or "value" in e.date for e in events)


def test_a_wars_toll_is_no_events_fatalities() -> None:
    events = _annotate(
        "Some 2 million people died in the north-south civil war, waged for all but a few years since 1955.",
        "2011-11-10",
    )
    assert all(e.fatalities is None for e in events)
    assert [e.fatalities for e in _annotate("A car bomb killed 12 people in Kirkuk on Monday.", "2011-11-10")] == [12]


def test_a_year_written_onto_the_event_noun_dates_it() -> None:
    # "the 2004 train bombings in Madrid" in a story of 2015 is the bombings of 2004, not new ones.
    for text in (
        "Friday's attacks were the deadliest in Western Europe since the 2004 train bombings in Madrid, which killed 191 people.",
        "It is also the deadliest in Europe since the 2004 Madrid bombings.",
    ):
        assert _day(_annotate(text, "2015-11-20"), "attack.bombing") == "2004", text


def test_days_before_an_event_count_from_that_event() -> None:
    # "Two days before the attacks" is no date two days before the story's day.
    events = _annotate(
        "Two days before the attacks, Abrini was seen driving a car with Salah Abdeslam at a petrol station in Ressons.",
        "2015-11-20",
    )
    assert not any(e.date and e.date["value"] == "2015-11-18" for e in events)
    assert _day(_annotate("He was arrested in Kabul two days before.", "2015-11-20"), "detention.arrest") == "2015-11-18"


def test_a_killing_recalled_from_long_ago_keeps_its_year_and_today_s_riot_its_day() -> None:
    # The lead tells of an accidental ricochet; the 1985 killing "by an officer" is violence all
    # the same, dated by its own clause's year (not "this week"), and today's petrol bombs,
    # told with no day, are not joined to the demonstration of 1985.
    events = _annotate(
        "Fury at report clearing Greek police over death of schoolboy. Greeks have reacted with fury to "
        "an official report which concluded a schoolboy was killed by an accidental ricochet. Students who "
        "took to the streets this week have pointed out similarities to the case of Michalis Kaltezas, who "
        "was killed by an officer during a demonstration in Athens in 1985. Protesters threw two petrol "
        "bombs at Athens's main courthouse.",
        "2008-12-11",
    )
    assert _day(events, "attack.civilians") == "1985"
    bombs = next(e for e in events if "petrol bombs" in e.evidence[0]["text"] and e.evidence[0]["text"].startswith("Protesters"))
    assert bombs.date is not None and bombs.date["value"] == "2008-12-11"


def test_a_passage_on_1973_keeps_its_days_and_today_s_barricades_their_own() -> None:
    # "Nov. 17" after "In November 1973" is 1973's; "Nearby streets are barricaded", told in
    # the present after that passage, is not dated to 1973 nor joined to its barricades.
    text = (
        "Rioters clashed with police in Athens on Dec. 6. In November 1973, students barricaded themselves inside "
        "the Polytechnic in Athens. Fearful that the revolt would spread, on Nov. 17 the national police moved in "
        "with tanks, killing protesters. Nearby streets are barricaded with the carcasses of burnt cars."
    )
    events = _annotate(text, "2008-12-15")
    killing = next(e for e in events if any("tanks" in x["text"] for x in e.evidence))
    assert killing.date is not None and killing.date["value"].startswith("1973-11")
    now = [e for e in events if any("Nearby streets" in x["text"] for x in e.evidence)]
    assert now and all(not str((e.date or {}).get("value", "")).startswith("1973") for e in now)


def test_a_day_without_its_year_after_the_story_is_last_year_s_for_a_told_happening() -> None:
    past = _annotate("The e-mails revealed nothing new about the Sept. 11 attack in Benghazi, which killed four Americans.", "2013-05-13")
    assert _day(past, "attack.civilians") == "2012-09-11"
    planned = _annotate("Rallies are planned for Sept. 11 in Athens.", "2013-05-13")
    assert _day(planned, "protest") == "2013-09-11"


def test_with_no_publication_date_today_s_shooting_is_not_the_1985_killing() -> None:
    # Without a publication date "on Saturday" cannot be resolved; the killing "in 1985"
    # told later in the story must not lend the shooting its year.
    rec = {**_record("ecb+/19_14ecb"), "published": None}
    events = _annotate_record_of(rec)
    shooting = next(e for e in events if any("fatal shooting of Alexis" in x["text"] for x in e.evidence) and e.family == "attack")
    assert shooting.date is None or not str(shooting.date["value"]).startswith("1985")
    assert any(e.date and e.date["value"] == "1985" for e in events if e.family == "attack")


def _annotate_record_of(rec: dict[str, Any]) -> list[Event]:
    from sitrep.evaluate.articles import annotate_record

    return annotate_record(rec)


def test_a_day_written_onto_a_press_conference_and_would_do_not_date_the_bombing() -> None:
    # Published Friday 11 November 2011: the bombing "on Tuesday" is 8 November, not the
    # conference's 9 November, and "would not retaliate" makes no Tuesday a coming one.
    events = _annotate(
        "In a November 9 press conference, South Sudan President Salva Kiir stated his country would not retaliate "
        "for the reported bombing of Guffa in Upper Nile state on Tuesday, which he said killed seven.",
        "2011-11-11",
    )
    assert _day(events, "attack.bombing") == "2011-11-08"


def test_a_speakers_denunciation_is_no_protest_but_a_crowds_is() -> None:
    said = _annotate("Party officials scheduled a news conference in Tampa on Tuesday to denounce the plank.", "2012-08-22")
    crowd = _annotate("Residents closed a road in Blida on Tuesday to denounce a power cut.", "2022-03-17")
    assert [e.kind for e in said if e.family == "protest"] == []
    assert [e.kind for e in crowd if e.family == "protest"] == ["protest"]


@pytest.mark.parametrize(
    "text, published",
    [
        # A definite noun names the story's killing again, whatever day the narrative has reached.
        ("Police shot dead a student in Nairobi on Friday. Crowds marched through Nairobi on Sunday night. "
         "The interior minister said on Monday that this shooting would be investigated.", "2017-08-15"),
        # "the one-week anniversary of the shooting": a week before the sentence's own day.
        ("On Friday, the one-week anniversary of the shooting, crowds marched through Nairobi.", "2017-08-19"),
        # "to mark a week since the police shooting": the same count, told another way.
        ("Vigils were held in Nairobi on Friday to mark a week since the police shooting of a student.", "2017-08-19"),
        # "the sister of the teen killed by police": the victim named by the killing, on Tuesday's arrest.
        ("Police shot dead a teenager in Nairobi on Friday. On Tuesday the sister of the teen killed by police "
         "was arrested while crossing a street in Nairobi.", "2017-08-16"),
    ],
)
def test_a_killing_named_again_or_marked_keeps_its_own_day(text: str, published: str) -> None:
    events = _annotate(text, published)
    killings = [e for e in events if e.family == "attack"]
    assert killings and {e.date["value"] for e in killings if e.date} == {"2017-08-11"}


@pytest.mark.parametrize(
    "rid, words, day",
    [
        # "this shooting", said days later in a story that has moved on to Wednesday night's riot.
        ("ecb+/19_7ecbplus", "this shooting", "2013-03-09"),
        # "a vigil to mark the shooting" late on Saturday: not Saturday's killing.
        ("ecb+/19_5ecb", "to mark the shooting", None),
        # "gathered at the site of the shooting": the killing "eight days ago", told as background.
        ("ecb+/19_1ecb", "site of the shooting", "2008-12-06"),
        # "whether he had his back to the police when they opened fire": a detail of Saturday's killing.
        ("ecb+/19_3ecbplus", "when they opened fire", "2013-03-09"),
        # "sister of the teen killed by police, was arrested" on Wednesday: the victim named by the killing.
        ("ecb+/19_1ecbplus", "the teen killed", "2013-03-09"),
    ],
)
def test_a_killing_named_again_in_a_real_story_is_not_put_on_a_later_day(rid: str, words: str, day: str | None) -> None:
    events = _annotate_record(rid)
    told = [e for e in events if e.family == "attack" and any(x["text"][: x["trigger"]["end"] - x["start"]].endswith(words) for x in e.evidence)]
    assert {(e.date or {}).get("value") for e in told} == ({day} if day else set())


@pytest.mark.parametrize(
    "text, want",
    [
        # "ago" closes the noun's own phrase: the killing is eight days before, by police, and told.
        ("Riots broke out in Nairobi on Saturday in protest at the killing by police of a student, James Otieno, "
         "eight days ago.", [("riot", "2017-08-19", None), ("attack", "2017-08-12", "Police Forces of Kenya")]),
        # A cause with no day of its own stays untold: Monday is the protests'.
        ("Protests against the killing of a student in Nairobi continued on Monday.", [("protest", "2017-08-14", None)]),
    ],
)
def test_a_cause_of_unrest_told_with_its_own_day_is_an_event_of_that_day(text: str, want: list[tuple[str, str, str | None]]) -> None:
    events = [e for e in _annotate(text, "2017-08-20") if e.layer == "material"]
    got = [(e.family, (e.date or {}).get("value"), (e.actor1 or {}).get("name") if e.family == "attack" else None) for e in events]
    assert got == want


def test_riots_overnight_and_what_a_when_clause_tells_are_the_nights_not_the_calm_days() -> None:
    # "The city was calm on Sunday but ... sporadic riots overnight, when a few hundred youths
    # ... attacked a government building": Saturday night's riot, one event.
    events = _annotate_record("ecb+/19_8ecb")
    night = [e for e in events if any("riots overnight" in x["text"] for x in e.evidence) and e.family == "riot"]
    assert [(e.date or {}).get("value") for e in night] == ["2008-12-13"]


@pytest.mark.parametrize(
    "text, kind, day",
    [
        # "where, the night before, a group rampaged": the night before the sentence's Tuesday.
        ("On Tuesday, detectives could be seen inside a pharmacy in Lyon where, the night before, "
         "a group of youths rampaged through the aisles and looted the shelves.", "riot.mob", "2017-08-14"),
        # "police arrested two men there the next day": the day after the attack's Monday.
        ("Gunmen attacked a checkpoint in Kabul on Monday and police arrested two men there the next day.", "detention.arrest", "2017-08-15"),
        # "the day before, on Monday": Monday is the attack's own day.
        ("The day before, on Monday, gunmen attacked a checkpoint in Kabul.", "clash.armed", "2017-08-14"),
    ],
)
def test_a_day_counted_from_the_sentences_day_moves_the_event(text: str, kind: str, day: str) -> None:
    events = [e for e in _annotate(text, "2017-08-16") if e.kind == kind]
    assert events and {e.date["value"] for e in events if e.date} == {day}


def test_a_day_told_in_the_past_perfect_is_the_earlier_events() -> None:
    events = _annotate("Somali troops retook the town of Baidoa, which the militants had seized last month.", "2013-09-18")
    retaken = [e for e in events if e.kind == "territory.regain"]
    assert retaken and all(e.date and e.date["value"] != "2013-08" for e in retaken)


def test_a_day_in_a_since_clause_dates_what_began_then_not_the_sentences_act() -> None:
    seized = _annotate("Rebels seized the town of Afmadow, the first town to fall since the offensive began on Jan. 3.", "2011-02-10")
    captures = [e for e in seized if e.family == "territory"]
    assert captures and all(e.date and e.date["value"] != "2011-01-03" for e in captures)
    toll = _annotate("More than 600 people have been killed in Gaza since the conflict began on December 27.", "2009-01-08")
    assert [e.date["value"] for e in toll if e.family == "attack" and e.date] == ["2008-12-27"]


def test_an_event_told_of_yesterday_is_not_moved_later_by_the_sentences_after_it() -> None:
    # "Yesterday, the police explained that officers shot and killed ... Kimani Gray": the
    # shooting happened by the day it was explained, whatever day later quotes carry.
    events = _annotate_record("ecb+/19_10ecbplus")
    shot = [e for e in events if e.family == "attack" and e.evidence[0]["text"].startswith("Yesterday, the police explained")]
    assert shot and all(e.date and e.date["value"] <= "2013-03-10" for e in shot)


def test_a_tally_of_arrests_since_a_killing_is_not_on_the_day_of_the_killing() -> None:
    events = _annotate(
        "Police shot and killed a 16-year-old boy in Brooklyn on Saturday night. Since the shooting, over 50 arrests "
        "have been made over four nights of protesting in East Flatbush.",
        "2013-03-14",
    )
    arrests = [e for e in events if e.family == "detention"]
    assert arrests and all(e.date and e.date["value"] != "2013-03-09" for e in arrests)


def test_a_killing_with_its_own_day_and_toll_is_not_the_undated_strike_told_before() -> None:
    # "40 died when bombs hit a school in Jabaliya" (undated) and "a tank firing on a building,
    # killing four of them, on Monday" a few km away: two killings; the strike takes no Monday.
    events = _annotate(
        "More than 40 people died when Israeli bombs hit a UN school in Jabaliya. Israel says it targets only "
        "fighters, a claim undermined by a tank firing on a building used by Israeli troops in Gaza City, killing "
        "four of them, on Monday.",
        "2009-01-07",
    )
    school = [e for e in events if e.family == "attack" and e.evidence[0]["text"].startswith("More than 40")]
    assert school and all(not e.date or e.date["value"] != "2009-01-05" for e in school)
