"""More passages of 1990s-style wire copy written for sitrep's tests (#25 probe of fifteen
1990s stories: Budyonnovsk, Burundi 1993, Racak, Bombay 1992, Oklahoma City): Reuters' old
credit "(Reuter)" opens a dateline, a bureau next door does not pull a story home, a capital
warned is a government, and a riot's dead are the riot's."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="p", source="p", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _where(events: list[Event], family: str) -> list[str]:
    return [str((e.place or {}).get("name")) for e in events if e.family == family]


def test_reuter_credit_opens_a_dateline_whose_town_holds_the_story() -> None:
    text = (
        "KIZLYAR, Russia, Jan 11 (Reuter) - Chechen gunmen holding hostages in a hospital in this southern town released some of them on Thursday. "
        "Officials in Chechnya said talks would go on.\n\n"
        "Relatives of the hostages gathered outside the town administration on Wednesday, demanding talks with Chechnya's rebels. "
        "Chechnya's separatists have fought Russian troops in Chechnya since December 1994."
    )
    article = extract(clean(RawArticle(id="r", source="r", text=text, published="1996-01-11")))
    assert [p.name for p in article.places if p.field == "dateline"][:1] == ["Kizlyar"], [(p.name, p.field) for p in article.places]
    events = [e for e in article.events if e.layer == "material"]
    assert _where(events, "protest") == ["Kizlyar"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_a_bureau_next_door_does_not_pull_the_story_home() -> None:
    text = (
        "NAIROBI, March 3 (Xinhua) -- Thousands of Somalis have fled into Kenya to escape fighting in Somalia, according to reports reaching here today.\n\n"
        "Aid workers in Nairobi said more than 20,000 Somalis had crossed into Kenya since Sunday. "
        "The fighting in Mogadishu had spread to Baidoa and Kismayo in southern Somalia, they said, and militias hold most of Somalia. "
        "Mogadishu has had no government since 1991.\n\n"
        "Many of the refugees told relief workers that gunmen had attacked their villages. "
        "\"The gunmen came to our village on Saturday and started shooting,\" said a woman who reached the border with her children."
    )
    events = _material(text, "1993-03-03")
    shooting = [e for e in events if "started shooting" in e.evidence[0]["text"]]
    assert shooting and all((e.place or {}).get("country_code") == "SO" for e in shooting), [(e.kind, e.place) for e in shooting]


def test_a_capital_warned_that_something_will_follow_is_a_government_not_a_scene() -> None:
    text = (
        "Mourners in Kosovo on Sunday buried 40 people who monitors say were killed by Serbian police, as NATO warned Belgrade that it was ready to act. "
        "NATO generals were due in Belgrade this week. Serbian police shelled hills in Kosovo on Sunday.\n\n"
        "\"They had no guns,\" a woman said. Many villagers who had returned on Saturday fled again into the woods."
    )
    events = _material(text, "1999-01-17")
    assert _where(events, "displacement") == ["Kosovo"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_a_riot_s_dead_are_the_riot_s_and_troops_called_in_are_deployed() -> None:
    text = (
        "CALCUTTA, Dec 10 (Reuter) - Troops were called into Calcutta on Tuesday after rioting there killed more than 30 people. "
        "In Ahmedabad, four days of rioting that has killed at least 50 people went on on Wednesday. "
        "The state governor called out the army in Surat on Wednesday."
    )
    events = _material(text, "1992-12-10")
    assert not [e for e in events if e.kind == "attack.civilians"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert sorted(_where(events, "deployment")) == ["Calcutta", "Surat"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_towns_taken_prisoners_freed_people_seized_and_fire_exchanged_are_events() -> None:
    text = (
        "FREETOWN, Sierra Leone (AP) -- West African troops said Monday they had driven rebels from most of central Freetown after five days of fighting.\n\n"
        "Rebels threw open the gates of the Pademba Road prison in Freetown on Wednesday, freeing hundreds of inmates. "
        "In the east, the rebels say they also took Kenema on Sunday. "
        "In Kenema, gunfire was still being exchanged on Monday between rebels and troops. "
        "A Lebanese businessman, Ali Hamdan, was seized in Bo on Saturday."
    )
    events = _material(text, "1999-01-11")
    kinds = {(e.family, str((e.place or {}).get("name"))) for e in events}
    assert {("territory", "Freetown"), ("release", "Freetown"), ("territory", "Kenema"), ("clash", "Kenema"), ("abduction", "Bo")} <= kinds, kinds


def test_the_capital_marched_through_is_the_dateline_s_and_a_state_withdrawing_diplomats_evacuates() -> None:
    text = (
        "KHARTOUM, Sudan (AP) -- Thousands of Sudanese marched through the capital Friday, a day after American missiles hit camps in Afghanistan.\n\n"
        "Protesters converged on the U.S. Embassy, which has stood empty since Washington withdrew its diplomats in 1996."
    )
    events = _material(text, "1998-08-21")
    assert _where(events, "protest") == ["Khartoum"], [(e.kind, (e.place or {}).get("name")) for e in events]
    assert _where(events, "evacuation") == ["Khartoum"], [(e.kind, (e.place or {}).get("name")) for e in events]
    assert not [e for e in events if e.family == "force"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_towns_a_where_clause_or_a_list_of_enclaves_names_are_each_a_scene() -> None:
    text = "Protests broke out on Friday in Pakistan, where thousands of people burned flags in Lahore and in the northwestern city of Peshawar."
    events = _material(text, "1998-08-22")
    assert sorted(_where(events, "protest")) == ["Lahore", "Peshawar"], [(e.kind, (e.place or {}).get("name")) for e in events]
    events = _material("Serb gunners shelled Tuzla and the eastern enclaves of Srebrenica and Gorazde on Saturday.", "1995-05-27")
    assert sorted(_where(events, "attack")) == ["Gorazde", "Srebrenica", "Tuzla"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_months_apart_a_wounded_witness_and_retreating_rebels() -> None:
    text = (
        "COLOMBO, Sri Lanka (AP) -- The army captured Kilinochchi from the rebels in September 1996, two months after the Tigers overran the army base at Mullaitivu. "
        "Troops clashed with the retreating rebels near Kilinochchi on Tuesday. "
        "\"They came in waves,\" a wounded corporal told reporters at a military hospital in Anuradhapura."
    )
    events = _material(text, "1998-09-30")
    overran = [e for e in events if e.evidence[0]["trigger"]["text"] == "overran"]
    assert [(e.date or {}).get("value") for e in overran] == ["1996-07"], [(e.kind, e.date) for e in events]
    assert not [e for e in events if e.family == "force"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert "Anuradhapura" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, e.place) for e in events]


def test_a_riot_of_another_year_does_not_make_a_rally_a_riot_and_a_town_opening_a_sentence_is_the_city() -> None:
    text = (
        "HEBRON, West Bank (AP) -- Israeli troops clashed with Palestinians in Hebron on Thursday.\n\n"
        "In Jerusalem, about 100 settlers rallied outside the prime minister's office Friday, demanding more homes.\n\n"
        "Hebron, where 130,000 Palestinians live, has long been a flashpoint. Sixty-seven Jews were killed in riots in the city in 1929."
    )
    events = _material(text, "1998-08-21")
    assert [e.kind for e in events if "rallied" in e.evidence[0]["text"]] == ["protest"], [(e.kind, e.evidence[0]["text"][:30]) for e in events]
    assert [str((e.place or {}).get("name")) for e in events if "1929" in e.evidence[0]["text"]] == ["Hebron"], [(e.kind, e.place) for e in events]


def test_a_wave_told_as_its_nth_day_starts_days_before_and_the_capital_is_the_story_s_land_s() -> None:
    text = "LOS ANGELES, May 1 -- Sporadic looting flared across Los Angeles for a third day today, officials said."
    events = _material(text, "1992-05-01")
    assert [(e.date or {}).get("value") for e in events if e.family == "looting"] == ["1992-04-29"], [(e.kind, e.date) for e in events]
    text = (
        "FREETOWN, Sierra Leone (AP) -- Fighting raged in Monrovia on Tuesday as rival factions battled for the Liberian capital, officials in Monrovia said.\n\n"
        "Looting spread through Monrovia, and fighters shelled the barracks in Monrovia. "
        "The fighting is the worst since October 1992, when rebel forces attacked the capital in an offensive called Operation Octopus."
    )
    events = _material(text, "1996-04-10")
    recalled = [e for e in events if "Octopus" in e.evidence[0]["text"]]
    assert recalled and {str((e.place or {}).get("name")) for e in recalled} == {"Monrovia"}, [(e.kind, e.place) for e in recalled]


def test_a_name_after_abu_or_before_a_slavic_surname_is_a_person_not_a_town() -> None:
    events = _material(
        "ADEN, Yemen (Reuters) -- Officials said the captured leader was Zein al-Mihdar, also known as Abu Hassan, and that he was arrested in Abyan on Tuesday.",
        "1998-12-29",
    )
    assert "Hassan" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, e.place) for e in events]
    events = _material("PRIJEDOR, Bosnia (AP) -- British commandos seized Milan Kovacevic, the hospital director, on Thursday.", "1998-04-09")
    assert "Milan" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, e.place) for e in events]


def test_a_radio_s_seat_and_sources_who_said_here_are_no_scene() -> None:
    events = _material(
        "ISLAMABAD, Aug 11 (Xinhua) -- The fall of Mazar-i-Sharif was announced on Saturday by the Taliban's Radio Shariat in Kabul, "
        "which said the movement had taken full control of the city.",
        "1998-08-11",
    )
    assert _where(events, "territory") == ["Mazar-i-Sharif"], [(e.kind, (e.place or {}).get("name")) for e in events]
    events = _material(
        "JAKARTA, May 4 (Xinhua) -- At least 31 people were killed when troops opened fire on a crowd of demonstrators in North Aceh district of Aceh province on Monday, "
        "hospital sources said here Tuesday.",
        "1999-05-04",
    )
    assert events and "Jakarta" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, (e.place or {}).get("name")) for e in events]


def test_forces_taking_up_positions_patrolling_landing_or_sent_to_a_town_are_deployed() -> None:
    text = (
        "LAGOS, Nigeria (AP) -- Soldiers in armored cars patrolled the main roads of Lagos on Wednesday night. "
        "Two more companies of troops had been sent to Ibadan on Tuesday, the army said. "
        "Armored vehicles of the presidential guard took up positions around the offices of the head of state in Abuja on Thursday. "
        "U.S. Marines landed in Mogadishu in December 1992."
    )
    events = _material(text, "1998-07-09")
    assert sorted(_where(events, "deployment")) == ["Abuja", "Ibadan", "Lagos", "Mogadishu"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_staff_pulled_out_are_evacuated_and_suspects_seized_by_troops_arrested() -> None:
    text = (
        "NAIROBI, Kenya (AP) -- The United Nations said Thursday it was pulling all of its remaining international staff out of Mogadishu. "
        "In December, Dutch troops seized two Bosnian Croat suspects in the Vitez area."
    )
    events = _material(text, "1998-04-16")
    assert _where(events, "evacuation") == ["Mogadishu"], [(e.kind, (e.place or {}).get("name")) for e in events]
    assert _where(events, "detention") == ["Vitez"], [(e.kind, (e.place or {}).get("name")) for e in events]


def test_a_day_of_last_year_and_the_second_verb_s_own_day() -> None:
    text = (
        "TOKYO (AP) -- Police raided the sect's offices on Wednesday. "
        "Police are investigating a link to an incident in Matsumoto on June 27 last year, when sarin gas killed seven people. "
        "Those soldiers were released in Caqueta province in June of last year. "
        "Rebels seized eight soldiers near Podujevo on Jan. 8 and freed them on Wednesday after mediation by the monitors."
    )
    events = _material(text, "1995-03-22")
    days = {e.evidence[0]["trigger"]["text"]: (e.date or {}).get("value") for e in events}
    assert days.get("killed") == "1994-06-27" and days.get("released") == "1994-06", days
    assert days.get("freed") == "1995-03-22" and days.get("seized") == "1995-01-08", days


def test_a_day_told_before_a_comma_closed_days_after_phrase_is_the_main_verb_s() -> None:
    text = "On the night of July 1, two days after the commission announced its decision, arsonists set fire to ten Catholic churches in County Antrim."
    events = _material(text, "1998-07-12")
    assert [(e.date or {}).get("value") for e in events] == ["1998-07-01"], [(e.kind, e.date) for e in events]


def test_hostages_freed_are_no_new_kidnapping_and_a_since_clause_keeps_its_own_day() -> None:
    text = (
        "ADEN, Yemen (Reuters) -- Yemeni troops stormed a kidnappers' hideout in Abyan on Tuesday. Twelve hostages were freed, two of them with gunshot wounds.\n\n"
        "Iran today held the Taliban responsible for 11 diplomats who have been missing since Taliban forces overran Mazar-i-Sharif on Saturday."
    )
    events = _material(text, "1998-08-11")
    freed = [e.kind for e in events if "Twelve hostages" in e.evidence[0]["text"]]
    assert freed == ["release"], freed
    overran = [(e.date or {}).get("value") for e in events if e.evidence[0]["trigger"]["text"] == "overran"]
    assert overran == ["1998-08-08"], [(e.kind, e.date) for e in events]


def test_a_village_of_another_land_after_the_trigger_and_a_business_district_named_like_a_province() -> None:
    text = (
        "KIRYAT SHMONA, Israel (AP) -- Hezbollah guerrillas fired dozens of Katyusha rockets into northern Israel on Wednesday, wounding 13 people, "
        "a day after an Israeli air raid killed a woman and her six children in the Lebanese village of Janta."
    )
    events = _material(text, "1998-12-23")
    where = {e.kind: (e.place or {}).get("country_code") for e in events}
    assert where.get("attack.airstrike") == "LB" and where.get("attack.shelling") == "IL", where
    events = _material("ABIDJAN, Dec 26 (Reuters) - Armoured cars were posted at main crossroads in the Plateau business district on Saturday.", "1999-12-26")
    assert {(e.place or {}).get("country_code") for e in events} == {"CI"}, [(e.kind, e.place) for e in events]


def test_villages_named_by_where_they_lie_people_by_what_befell_them_and_the_dead_of_days_of_violence() -> None:
    text = (
        "BUJUMBURA, Burundi (AP) -- Hutu rebels attacked an army camp near the airport on Thursday and then killed scores of civilians in surrounding villages. "
        "Rebels also raided a site for displaced families in Kayanza, killing 11 people. "
        "Troops were deployed in Bujumbura as riots spread, and officials said at least six people had been killed in two days of violence."
    )
    events = _material(text, "1998-01-02")
    kinds = [e.kind for e in events]
    assert "siege" not in kinds and "displacement" not in kinds, kinds
    assert [e.fatalities for e in events if e.family == "riot"] == [6] and not [e for e in events if e.family == "attack" and e.fatalities == 6], [(e.kind, e.fatalities) for e in events]


def test_people_seized_as_suspects_are_arrested_and_reinforcements_come_from_elsewhere() -> None:
    text = (
        "PRIJEDOR, Bosnia (AP) -- British soldiers seized two Serbs accused of war crimes near this northwestern town on Wednesday. "
        "Police said reinforcements from Bulawayo would be brought into Harare on Wednesday."
    )
    events = _material(text, "1998-04-09")
    assert [e.family for e in events if "Serbs" in e.evidence[0]["text"]] == ["detention"], [(e.kind, e.evidence[0]["text"][:30]) for e in events]
    assert "Bulawayo" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, e.place) for e in events]


def test_an_ocean_s_coast_a_committee_named_after_a_town_and_shots_in_the_air_put_no_pin() -> None:
    text = (
        "KINSHASA, Congo (AP) -- Rebels said Wednesday they had captured a military base near the Atlantic coast on Tuesday.\n\n"
        "\"The soldiers drove through town shooting in the air,\" a Goma shopkeeper said. "
        "The Helsinki Committee for Human Rights said about 5,000 people had fled villages in eastern Congo since Sunday."
    )
    events = _material(text, "1998-08-05")
    names = {str((e.place or {}).get("name")) for e in events}
    assert not names & {"Atlantic", "Helsinki"}, [(e.kind, e.place) for e in events]
    assert not [e for e in events if "in the air" in e.evidence[0]["text"]], [(e.kind, e.evidence[0]["text"][:40]) for e in events]


def test_a_prefecture_named_after_its_capital_is_the_prefecture() -> None:
    from sitrep.pipeline import locate

    text = "TOKYO (AP) -- Sarin killed seven people in the central city of Matsumoto, Nagano Prefecture, last year. Police raided a compound in Yamanashi prefecture."
    article = locate(clean(RawArticle(id="n", source="n", text=text, published="1995-03-22")))
    told = {(p.text, p.feature) for p in article.places if p.field == "text"}
    assert ("Nagano Prefecture", "admin1") in told and ("Yamanashi prefecture", "admin1") in told, told


def test_hostages_named_in_passing_are_no_new_kidnapping_but_hostages_taken_or_shot_are_events() -> None:
    text = (
        "BUDYONNOVSK, Russia (Reuter) - Chechen gunmen holding hundreds of hostages in a hospital in this southern town agreed on Sunday to go home.\n\n"
        "Several hundred relatives of hostages gathered outside the town administration building on Saturday. "
        "A regional official said that only three hostages had died. "
        "On Thursday the gunmen shot five hostages, among them two women."
    )
    events = _material(text, "1995-06-18")
    taken = [e.evidence[0]["text"][:20] for e in events if e.kind == "abduction"]
    assert taken == ["Chechen gunmen holdi"], [(e.kind, e.evidence[0]["text"][:30]) for e in events]
    assert [e.family for e in events if "shot five" in e.evidence[0]["text"]] == ["attack"], [(e.kind, e.evidence[0]["text"][:30]) for e in events]


def test_a_movement_named_after_a_town_is_no_scene() -> None:
    text = "SANAA, Yemen (Reuters) - Officials identified the kidnappers as members of the Islamic Army of Aden-Abyan, a little-known group, and said three were arrested on Tuesday."
    events = _material(text, "1998-12-29")
    assert events and "Aden" not in {str((e.place or {}).get("name")) for e in events}, [(e.kind, e.place) for e in events]


def test_with_no_publication_date_an_event_years_before_the_story_s_year_is_recalled() -> None:
    text = (
        "Gunmen attacked a concert hall in Paris on Nov. 13, 2015, and police stormed the hall on Nov. 13, 2015.\n\n"
        "In 1962, at the entrance to the Charonne Metro station, police killed nine people who had been demonstrating against the Algerian War."
    )
    events = extract(clean(RawArticle(id="u", source="u", text=text))).events
    old = [e for e in events if e.layer == "material" and str((e.date or {}).get("value") or "").startswith("1962")]
    new = [e for e in events if e.layer == "material" and str((e.date or {}).get("value") or "").startswith("2015")]
    assert old and all(e.background for e in old), [(e.kind, e.date, e.background) for e in old]
    assert new and not any(e.background for e in new), [(e.kind, e.date, e.background) for e in new]
