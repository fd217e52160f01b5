"""Passages of wire and newspaper copy from the 1970s to the 2010s written for sitrep's tests
(#25 probe of forty-five stories: Belfast 1972, Cyprus 1974, Rhodesia 1978, Moscow 2002,
Tak Bai 2004, Beirut 1983, Colombo 1987, Chibok 2014, MH17, Yemen 2015, Rakhine 2017): a
paper's dateline on a line of its own, AFP's "Kano (Nigeria) (AFP) -", and what follows."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="p", source="p", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _seen(events: list[Event]) -> list[tuple[str, str | None, str | None]]:
    return [(e.kind, (e.place or {}).get("name"), (e.date or {}).get("value")) for e in events]


def test_a_papers_dateline_on_its_own_line_dates_today_and_places_the_story() -> None:
    # The Times printed the story of the 21st on the 22nd, under "Belfast, July 21".
    text = (
        "From Our Correspondent\nBelfast, July 21\n\n"
        "Nine people were killed and about 130 injured this afternoon when the Provisional IRA set off 22 bombs in the city in the space of 75 minutes. "
        "Police had earlier put the death toll at 11, but revised it tonight.\n\n"
        "The first bomb exploded at 2.10 pm at a bus station on the edge of the city centre, injuring several people."
    )
    article = extract(clean(RawArticle(id="t", source="t", text=text, published="1972-07-22")))
    assert article.dateline == "Belfast, July 21", article.dateline
    events = [e for e in article.events if e.layer == "material"]
    assert events and all((e.date or {}).get("value") == "1972-07-21" for e in events), _seen(events)
    assert all((e.place or {}).get("name") == "Belfast" for e in events), _seen(events)


def test_a_weekday_or_an_update_line_is_no_dateline() -> None:
    from sitrep.clean.meta import dateline_at

    assert dateline_at("Monday, July 21") is None
    assert dateline_at("Updated July 21") is None
    assert dateline_at("Nicosia, Cyprus, July 23") is not None


def test_afp_dateline_with_the_land_in_brackets_is_where_it_was_filed_not_the_scene() -> None:
    text = (
        "Kano (Nigeria) (AFP) - Suspected Boko Haram Islamists stormed a girls' boarding school in Chibok in northeastern Nigeria "
        "late on Monday and abducted more than 100 students, officials said on Tuesday.\n\n"
        "The gunmen arrived in trucks and buses and set fire to houses in the town before taking the girls away, a local official said. "
        "Residents put the number of abducted girls at more than 100."
    )
    article = extract(clean(RawArticle(id="k", source="k", text=text, published="2014-04-15")))
    assert article.dateline == "Kano (Nigeria) (AFP) -", article.dateline
    events = [e for e in article.events if e.layer == "material"]
    assert events and "Kano" not in {(e.place or {}).get("name") for e in events}, _seen(events)
    assert any(e.family == "abduction" and (e.place or {}).get("name") == "Chibok" for e in events), _seen(events)


def test_the_tail_of_a_longer_arabic_name_is_not_the_town_or_province_so_named() -> None:
    text = (
        "BEIRUT, Oct 24 (Reuters) - At the French paratroop post in the Ramlet al-Baida district, destroyed by a second suicide driver, "
        "French officials said 26 bodies had been recovered. A Lebanese army communique said Druze gunners shelled army positions at "
        "Souk el-Gharb late on Sunday, wounding three soldiers. Fighting also raged near Deir el-Balah."
    )
    article = extract(clean(RawArticle(id="b", source="b", text=text, published="1983-10-24")))
    names = {p.name for p in article.places}
    assert not names & {"Baida", "Gharb"}, names
    assert "Deir el-Balah" in names, names  # a whole name the gazetteer holds stays
    shelled = [e for e in article.events if e.layer == "material" and "shelled" in e.evidence[0]["text"]]
    assert shelled and all((e.place or {}).get("country_code") == "LB" for e in shelled), _seen(shelled)


def test_a_new_paragraph_after_one_on_the_past_is_back_in_the_story_s_present() -> None:
    text = (
        "BEIRUT, Oct 24 (Reuters) - Rescue workers pulled more bodies from the wreckage of the Marine headquarters at Beirut airport today "
        "as the death toll from Sunday's suicide truck-bomb attack rose to 161.\n\n"
        "The Marines landed in Beirut in September 1982, after Christian militiamen killed hundreds of Palestinians in the refugee camps "
        "of the city that month, in the wake of Israel's invasion of Lebanon in June.\n\n"
        "There was fresh fighting in the mountains overlooking the capital."
    )
    events = _material(text, "1983-10-24")
    fighting = [e for e in events if e.evidence[0]["text"].startswith("There was fresh fighting")]
    assert fighting and all(str((e.date or {}).get("value", "")).startswith("1983-10") for e in fighting), _seen(fighting)


def test_a_listening_post_and_a_police_headquarters_are_where_it_was_said_not_where_it_happened() -> None:
    text = (
        "NICOSIA, Cyprus (AP) — Iran said Thursday the death toll from last week's attack on the Kurdish town of Halabja had reached 5,000.\n\n"
        "Tehran radio, monitored in Nicosia, said about 7,000 people were injured when Iraqi planes bombed the town with chemical weapons.\n\n"
        "In South Africa, police headquarters in Pretoria said a patrol was attacked with stones and gasoline bombs in Uitenhage."
    )
    events = _material(text, "1988-03-24")
    names = {(e.place or {}).get("name") for e in events}
    assert not names & {"Nicosia", "Pretoria"}, _seen(events)


def test_names_of_ships_airlines_weapons_and_wars_are_no_scenes() -> None:
    text = (
        "HRABOVE, Ukraine, July 17 (Reuters) - A Malaysia Airlines airliner carrying 295 people from Amsterdam to Kuala Lumpur was brought down "
        "over eastern Ukraine on Thursday, and Kiev said it was hit by an SA-11 (Buk) missile.\n\n"
        "It was the deadliest attack on a civilian airliner since the Vietnam War. On Sunday, the missile frigate Linyi evacuated "
        "122 Chinese citizens from Aden. An Iran Air Airbus landed at Balad Air Base in Salah Al Din province, Iraq."
    )
    article = extract(clean(RawArticle(id="m", source="m", text=text, published="2014-07-17")))
    names = {p.name for p in article.places}
    assert not names & {"Buk", "Linyi", "Vietnam", "Iran", "Malaysia"}, names
    assert "Balad" in names, names  # an air base named after its town stays
    events = [e for e in article.events if e.layer == "material"]
    downed = [e for e in events if "brought down" in e.evidence[0]["text"]]
    assert downed and all((e.place or {}).get("country_code") == "UA" for e in downed), _seen(events)
    assert "Kuala Lumpur" not in {(e.place or {}).get("name") for e in events}, _seen(events)


def test_a_comparison_since_an_old_massacre_dates_and_places_that_one_apart() -> None:
    text = (
        "BEIRUT, Aug 21 (Reuters) - Syrian opposition activists said hundreds of people were killed in a poison gas attack on the Eastern Ghouta on Wednesday.\n\n"
        "If confirmed, Wednesday's attack would be the deadliest use of chemical weapons since Saddam Hussein's forces gassed thousands of Kurds "
        "in the Iraqi town of Halabja in 1988. Police later tear-gassed protesters in Damascus."
    )
    events = _material(text, "2013-08-21")
    halabja = [e for e in events if (e.place or {}).get("name") == "Halabja"]
    assert halabja and all((e.date or {}).get("value") == "1988" and e.background for e in halabja), _seen(events)
    assert not any((e.date or {}).get("value") == "2013-08-21" for e in halabja), _seen(events)


def test_the_land_a_demand_names_is_not_where_hostages_were_taken() -> None:
    text = (
        "MOSCOW, Oct 26 (Reuters) - Russian special forces stormed a Moscow theatre at dawn on Saturday, ending a 57-hour siege by Chechen guerrillas. "
        "Officials said 50 of the hostage-takers were killed in the assault.\n\n"
        "The guerrillas seized the theatre on Wednesday evening during a performance of a musical, taking more than 800 people hostage and "
        "demanding an end to the war in Chechnya. On Friday they freed several children."
    )
    events = _material(text, "2002-10-26")
    taken = [e for e in events if e.family == "abduction"]
    assert taken and all((e.place or {}).get("name") == "Moscow" for e in taken), _seen(taken)
    assert all((e.date or {}).get("value") == "2002-10-23" for e in taken), _seen(taken)  # no hostage-taking on the day of the storming


def test_what_a_crowd_demands_or_a_town_lives_behind_is_no_event() -> None:
    text = (
        "TAK BAI, Thailand (AP) — Security forces opened fire on Muslim demonstrators in southern Thailand on Monday, killing six people.\n\n"
        "The violence erupted after a crowd of about 2,000 gathered outside the police station in Tak Bai to demand the release of six village "
        "defense volunteers. In the north, the Protestant leaders said, the IRA has operated behind barricades for months."
    )
    events = _material(text, "2004-10-25")
    assert not [e for e in events if e.family in ("release", "riot")], _seen(events)


def test_an_escape_from_house_arrest_is_no_arrest_and_a_dissolved_parliament_no_group_change() -> None:
    text = (
        "SANAA (AP) — The Houthis seized Sanaa in September and dissolved parliament in February. "
        "Hadi escaped house arrest in the capital last month and fled to Aden. Police arrested two men in Taiz on Wednesday."
    )
    events = _material(text, "2015-03-26")
    assert not [e for e in events if e.kind == "group.change"], _seen(events)
    assert [(e.place or {}).get("name") for e in events if e.kind == "detention.arrest"] == ["Taiz"], _seen(events)


def test_a_capital_bureau_does_not_pull_a_provincial_story_home_nor_a_province_its_neighbour() -> None:
    text = (
        "BANGKOK, Oct. 26 (Xinhua) -- A total of 78 Muslim protesters detained after Monday's violent demonstration in southern Thailand's "
        "Narathiwat province died of suffocation while being transported to an army camp, Thai officials said Tuesday.\n\n"
        "The detainees, among some 1,300 people arrested outside the Tak Bai district police station, were packed into army trucks for the "
        "journey to the Ingkayuth Borihan army camp in Pattani province's Nong Chik district, officials said.\n\n"
        "Six other people were killed on Monday afternoon when security forces used water cannon, tear gas and live ammunition to disperse "
        "about 2,000 protesters.\n\n"
        "Thai Prime Minister Thaksin Shinawatra told reporters in Bangkok that the deaths were an accident. Violence in Narathiwat, Yala and "
        "Pattani has claimed more than 400 lives this year."
    )
    events = _material(text, "2004-10-26")
    assert "Bangkok" not in {(e.place or {}).get("name") for e in events}, _seen(events)
    held = [e for e in events if e.kind == "detention.arrest"]
    assert held and {(e.place or {}).get("name") for e in held} == {"Tak Bai"}, _seen(events)


def test_a_speaker_s_town_opening_a_sentence_is_not_where_the_killing_he_condemned_happened() -> None:
    text = (
        "SALISBURY, Rhodesia, Sept 5 (Reuter) - Guerrillas shot dead ten survivors of an airliner crash near Kariba on Sunday, the "
        "authorities said.\n\n"
        "In London, Dr David Owen, the Foreign Secretary, condemned the killing of the survivors as an appalling crime."
    )
    events = _material(text, "1978-09-05")
    assert events and "London" not in {(e.place or {}).get("name") for e in events}, _seen(events)


def test_a_foreign_land_naming_whose_warships_fired_is_not_the_scene() -> None:
    text = (
        "BEIRUT, Lebanon (AP) — A suicide truck bomb killed 120 Marines at Beirut airport on Sunday.\n\n"
        "U.S. warships shelled Druze and Syrian-backed positions in the mountains last month to support Lebanese troops "
        "defending the town of Souk el-Gharb."
    )
    events = _material(text, "1983-10-23")
    shelled = [e for e in events if "shelled" in e.evidence[0]["text"]]
    assert shelled and all((e.place or {}).get("country_code") == "LB" for e in shelled), _seen(events)


def test_a_day_counted_back_across_a_said_clause_and_the_town_of_the_dateline() -> None:
    text = (
        "HRABOVE, Ukraine, July 17 (Reuters) - A Malaysian airliner was brought down over eastern Ukraine on Thursday. "
        "The disaster came three days after Ukraine said one of its An-26 military transport planes had been shot down over the Luhansk region."
    )
    events = _material(text, "2014-07-17")
    an26 = [e for e in events if "An-26" in e.evidence[0]["text"]]
    assert an26 and all((e.date or {}).get("value") == "2014-07-14" for e in an26), _seen(events)

    text = (
        "HALABJA, Iraqi Kurdistan — The dead of Halabja still lie where they fell last Wednesday.\n\n"
        "Survivors said Iraqi aircraft bombed the town with conventional explosives for much of the morning of March 16.\n\n"
        "Iranian officials in Tehran say Iraq used chemical weapons. Tehran radio said Iranian forces had taken the area, and Iran's "
        "leaders in Tehran vowed revenge on Iraq for what Iran calls a crime against Iran's Kurdish allies. Mr Jalal Talabani, the "
        "leader of the Patriotic Union of Kurdistan, said his fighters were in the hills."
    )
    events = _material(text, "1988-03-22")
    bombed = [e for e in events if "bombed the town" in e.evidence[0]["text"]]
    assert bombed and all((e.place or {}).get("name") == "Halabja" for e in bombed), _seen(events)


def test_held_after_monday_s_protest_is_monday_s_and_freed_captives_who_speak_or_stepped_up_attacks_are_no_events() -> None:
    text = (
        "BANGKOK, Oct. 26 (Xinhua) -- A total of 78 Muslim protesters detained after Monday's violent demonstration in southern Thailand's "
        "Narathiwat province died of suffocation in army trucks, Thai officials said Tuesday."
    )
    events = _material(text, "2004-10-26")
    held = [e for e in events if e.kind == "detention.arrest"]
    assert held and all((e.date or {}).get("value") == "2004-10-25" for e in held), _seen(events)

    text = (
        "MOSCOW, Oct 26 (Reuters) - Two hostages were shot dead early on Saturday, according to the FSB security service, though some "
        "freed captives said they had heard no executions. Chechen rebels have stepped up attacks this year."
    )
    events = _material(text, "2002-10-26")
    assert [e.kind for e in events] == ["attack.civilians"], _seen(events)


def test_hearings_into_a_shooting_recall_it_on_no_new_day() -> None:
    text = (
        "MANILA, Jan. 28 (Reuters) - Marines and police shot dead 13 farmers marching on the presidential palace in Manila on Thursday. "
        "A commission headed by a former Supreme Court justice began hearings into the Mendiola shooting on Monday."
    )
    events = _material(text, "1987-01-28")
    assert "1987-01-26" not in {(e.date or {}).get("value") for e in events}, _seen(events)
    assert any(e.kind == "attack.civilians" and (e.date or {}).get("value") == "1987-01-22" for e in events), _seen(events)


def test_an_undated_act_in_a_dated_dateline_is_the_dateline_s_day_not_the_paper_s() -> None:
    text = (
        "NICOSIA, Cyprus, July 22 — A shaky cease-fire took effect across Cyprus at 4 P.M. today.\n\n"
        "Sporadic firing could still be heard after the deadline around Nicosia International Airport, where troops beat back a "
        "Turkish attack earlier in the day, officers said."
    )
    events = _material(text, "1974-07-23")
    assert events and {(e.date or {}).get("value") for e in events} == {"1974-07-22"}, _seen(events)


def test_not_the_first_time_is_no_new_event() -> None:
    text = (
        "Grabove (Ukraine) (AFP) - International monitors reached the crash site of flight MH17 on Friday.\n\n"
        "It is not the first time a civilian airliner has been shot down."
    )
    assert _material(text, "2014-07-18") == [], _seen(_material(text, "2014-07-18"))


def test_forces_sealing_off_a_town_people_seized_by_gunmen_a_building_blown_up_and_arms_found() -> None:
    text = (
        "BELFAST, Northern Ireland (AP) — Irish Republican Army guerrillas exploded more than 20 bombs across Belfast on Friday.\n\n"
        "By nightfall troops and police had sealed off the center of Belfast, searching every car. The toll at the Oxford Street "
        "bus station, which was blown up at 3 p.m., rose to six.\n\n"
        "Soldiers searching houses in the Creggan district found rifles, ammunition and bomb-making material, an army spokesman said. "
        "Police say eight more people were seized by gunmen from a farm near the border on Sunday night."
    )
    kinds = {e.kind for e in _material(text, "1972-07-21")}
    assert {"deployment", "weapons.disrupted", "abduction"} <= kinds, kinds


def test_shelling_that_goes_on_since_a_day_is_shelling() -> None:
    text = (
        "BEIRUT, Aug 26 (Reuters) - Government forces have continued to shell Moadamiyeh and the eastern Ghouta since Wednesday, "
        "activists said."
    )
    assert [e.kind for e in _material(text, "2013-08-26")] == ["attack.shelling"], _seen(_material(text, "2013-08-26"))


def test_foreigners_escorted_or_taken_off_the_beaches_are_evacuated_and_a_witness_s_home_is_no_scene() -> None:
    text = (
        "NICOSIA, Cyprus, July 22 — A shaky cease-fire took effect across Cyprus at 4 P.M. today.\n\n"
        "British troops escorted a convoy of several thousand foreign tourists and residents from Nicosia to the British sovereign base "
        "at Dhekelia today. Royal Navy helicopters took some 1,500 British and other foreign holiday-makers off the beaches near Kyrenia.\n\n"
        "\"We spent two nights in the cellar with the shells going over,\" said a schoolteacher from Manchester, England."
    )
    events = _material(text, "1974-07-23")
    assert [e.kind for e in events].count("evacuation") >= 1, _seen(events)
    assert not {"Manchester", "England", "United Kingdom"} & {(e.place or {}).get("name") for e in events}, _seen(events)


def test_a_bare_month_after_a_month_and_year_in_the_same_sentence_is_of_that_year() -> None:
    from datetime import date

    from sitrep.times import find_times

    sentence = (
        "The Marines landed in Beirut for the second time in September 1982, after Christian militiamen killed hundreds of "
        "Palestinians in the camps, in the wake of Israel's invasion of Lebanon in June."
    )
    values = {t.text: t.value for t in find_times(sentence, date(1983, 10, 24))}
    assert values.get("June") == "1982-06", values
    values = {t.text: t.value for t in find_times("Talks began in June. The invasion came in September 1982.", date(1983, 10, 24))}
    assert values.get("June") == "1983-06", values  # (another sentence keeps the story's year)
