"""Passages of 1990s-style wire copy written for sitrep's tests (#25 probe of fifteen 1990s
stories: Luxor, Lesotho, Guinea-Bissau, Omagh, Moscow, the Ocalan protests, Chiapas, Kandy):
forces flown in or sent over a border are deployments, a side's own ceasefire is an agreement,
what did not happen ("rather than surrender", "had meant to take hostages") is no event, and a
clock, a bishop's see, a hospital's town or a crowd's homeland is not where anything happened."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="p", source="p", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _names(events: list[Event]) -> set[str]:
    return {str((e.place or {}).get("name")) for e in events}


def test_forces_flown_in_sent_over_a_border_or_manning_checkpoints_are_deployed() -> None:
    texts = {
        "1998-09-23": "MASERU, Lesotho (AP) -- South African troops fought rebel soldiers on Wednesday.\n\n"
        "About 600 South African soldiers, backed by armoured cars and helicopters, crossed into the tiny mountain kingdom before dawn on Tuesday. "
        "Army troops set up checkpoints on the roads into the capital on Wednesday.",
        "1998-06-12": "DAKAR, June 12 (Xinhua) -- Heavy fighting rocked Bissau on Thursday. Senegal sent about 1,300 troops into Guinea-Bissau on Tuesday.",
        "1997-11-18": "CAIRO, Egypt (AP) -- Militants killed 58 tourists in Luxor on Monday. Hundreds of extra police and soldiers were flown into Luxor on Tuesday to guard hotels.",
    }
    told = {e.evidence[0]["text"][:20] for day, text in texts.items() for e in _material(text, day) if e.family == "deployment"}
    assert told == {"About 600 South Afri", "Army troops set up c", "Senegal sent about 1", "Hundreds of extra po"}, told


def test_a_side_s_own_ceasefire_is_an_agreement_and_what_did_not_happen_is_no_event() -> None:
    text = (
        "OMAGH, Northern Ireland, Aug 22 (Reuters) - On Saturday a republican splinter group, the Irish National Liberation Army, declared a ceasefire of its own. "
        "Officials said at least two of the gunmen appeared to have shot themselves rather than surrender. "
        "It said the gunmen had meant to take tourists hostage to win the release of their leader."
    )
    events = _material(text, "1998-08-22")
    assert [e.family for e in events if e.family == "agreement"] == ["agreement"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert not [e for e in events if e.kind in ("force.surrender", "abduction")], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]


def test_a_clock_s_zone_is_no_place() -> None:
    text = (
        "BEIJING, May 9 (Xinhua) -- Students protested outside the U.S. Embassy here on Sunday.\n\n"
        "NATO forces attacked the Chinese Embassy in Belgrade with missiles shortly before midnight local time on Friday, or early Saturday morning Beijing time."
    )
    article = extract(clean(RawArticle(id="c", source="c", text=text, published="1999-05-09")))
    body = [article.text[p.start : p.end] for p in article.places if p.field == "text"]
    assert "Beijing" not in body, body


def test_days_after_a_dated_day_of_another_year_take_its_year() -> None:
    text = (
        "SAN CRISTOBAL DE LAS CASAS, Mexico (AP) -- Federal agents detained the mayor on Thursday.\n\n"
        "The Zapatistas launched their uprising on Jan. 1, 1994, seizing San Cristobal. "
        "At least 145 people were killed in 12 days of fighting before the government declared a cease-fire on Jan. 12."
    )
    events = _material(text, "1997-12-26")
    ceasefire = next(e for e in events if e.family == "agreement")
    fighting = next(e for e in events if e.kind == "clash.armed")
    assert (ceasefire.date or {}).get("value") == "1994-01-12"
    assert (fighting.date or {}).get("value") == "1994-01-01"


def test_a_bishop_s_see_a_hospital_s_town_and_a_crowd_s_homeland_are_not_the_scene() -> None:
    text = (
        "SAN CRISTOBAL DE LAS CASAS, Mexico (AP) -- Gunmen massacred 45 Indians in the hamlet of Acteal on Monday.\n\n"
        "A Red Cross official said at least 25 wounded people, many of them children, were being treated at hospitals in San Cristobal and the state capital, Tuxtla Gutierrez. "
        "Bishop Samuel Ruiz Garcia of Tapachula, who visited the hamlet, said church workers had counted 45 bodies. "
        "Police said more than 160 people, most of them from Chechnya and other parts of the North Caucasus, had been detained."
    )
    names = _names(_material(text, "1997-12-26"))
    assert not names & {"Tuxtla Gutierrez", "Tapachula", "Chechen Republic", "North Caucasus"}, names


def test_a_crowd_storming_a_mission_riots_and_a_leader_seized_is_no_town_taken() -> None:
    text = (
        "BERLIN, Feb 17 (Reuters) - Kurdish protests swept Europe after Turkey announced on Tuesday that it had seized Ocalan in Kenya. "
        "Kurdish rebel leader Abdullah Ocalan was flown to Turkey.\n\n"
        "In The Hague, about 30 protesters stormed the Greek ambassador's residence. "
        "In London, some 70 Kurds forced their way into the Greek embassy."
    )
    events = _material(text, "1999-02-17")
    assert not [e for e in events if e.family == "territory"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    riots = {str((e.place or {}).get("name")) for e in events if e.family == "riot"}
    assert {"The Hague", "London"} <= riots, riots


def test_armed_men_who_attack_are_no_mob_and_an_assault_rifle_is_no_assault() -> None:
    text = (
        "SAN CRISTOBAL DE LAS CASAS, Mexico (AP) -- Survivors said dozens of men in dark clothing, armed with AK-47 assault rifles and machetes, "
        "attacked as the refugees prayed in a wooden chapel in Acteal on Monday."
    )
    events = _material(text, "1997-12-26")
    assert not [e for e in events if e.family == "riot"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert [e.evidence[0]["trigger"]["text"] for e in events if e.family == "attack"] == ["attacked"]


def test_the_wounded_brought_home_are_no_new_attack() -> None:
    text = (
        "CAIRO, Egypt (AP) -- Islamic militants massacred 58 foreign tourists at a temple in Luxor on Monday.\n\n"
        "Switzerland said it would send a special aircraft to Luxor on Wednesday to bring home the wounded and relatives of the dead."
    )
    attacks = [e for e in _material(text, "1997-11-18") if e.family == "attack"]
    assert [e.evidence[0]["trigger"]["text"] for e in attacks] == ["massacred"]


def test_a_barracks_named_like_a_town_abroad_is_not_that_town() -> None:
    text = (
        "DAKAR, June 12 (Xinhua) -- Heavy artillery fire rocked Bissau, capital of Guinea-Bissau, on Thursday, according to reports reaching here.\n\n"
        "Residents said shells fell on districts near the Bra military barracks. Mutineers seized the Bra barracks, the country's main arsenal, on Sunday. "
        "More than 2,000 foreigners, most of them Portuguese, French and Lebanese nationals, have been evacuated by sea since Wednesday."
    )
    events = _material(text, "1998-06-12")
    assert all((e.place or {}).get("country_code") != "IT" for e in events), [(e.kind, e.place) for e in events]


def test_days_counted_from_a_told_day_and_a_month_opening_a_sentence() -> None:
    text = (
        "AMBON, Indonesia (AP) -- Soldiers patrolled the streets on Saturday.\n\n"
        "On Nov. 22, Muslim mobs in the Ketapang area of Jakarta burned more than a dozen churches after a brawl with Christian security guards from Ambon. "
        "Eight days later, Christian mobs in Kupang, on the island of Timor, retaliated by burning mosques.\n\n"
        "Last May, rioting in Jakarta and other cities killed some 1,200 people."
    )
    days = {(str((e.place or {}).get("name")), str((e.date or {}).get("value"))) for e in _material(text, "1999-01-23") if e.family == "riot"}
    assert {("Jakarta", "1998-11-22"), ("Kupang", "1998-11-30"), ("Jakarta", "1998-05")} <= days, days


def test_a_district_with_a_two_word_name_is_not_the_town_of_its_first_word() -> None:
    text = (
        "AMBON, Indonesia (AP) -- Sporadic clashes flared again late Friday in the Batu Merah district, where gangs set fire to houses. "
        "The violence began Tuesday when a quarrel at a bus terminal in Batu Merah turned into a brawl."
    )
    article = extract(clean(RawArticle(id="b", source="b", text=text, published="1999-01-23")))
    assert "Batu" not in {p.name for p in article.places}, [(p.name, p.country_code) for p in article.places]


def test_a_charge_an_order_and_troops_flown_in_from_afar_put_no_pin() -> None:
    text = (
        "AMBON, Indonesia (AP) -- Christians and Muslims fought in Ambon for a fifth day on Saturday.\n\n"
        "Gen. Wiranto on Thursday ordered troops in Ambon to shoot anyone caught looting, and two army battalions were flown in from Ujung Pandang on Thursday and Friday. "
        "Police said dozens of people had been detained for arson and looting since Tuesday."
    )
    events = _material(text, "1999-01-23")
    assert not [e for e in events if e.family == "looting"], [e.evidence[0]["text"][:40] for e in events if e.family == "looting"]
    deployed = [e for e in events if e.family == "deployment"]
    assert deployed and "Ujung Pandang" not in _names(deployed), _names(deployed)


def test_a_march_someone_said_they_would_hold_on_friday_is_next_friday() -> None:
    text = "PHNOM PENH, September 10 (Xinhua) -- Police broke up a protest on Thursday. Student leaders said they would march again on Friday."
    planned = [e for e in _material(text, "1998-09-10") if e.modality == "planned"]
    assert [(e.date or {}).get("value") for e in planned] == ["1998-09-11"], [(e.kind, e.date) for e in planned]


def test_a_town_the_gazetteer_lacks_in_a_named_land_stays_apart_from_the_land_s_towns() -> None:
    text = (
        "BAGHDAD, Iraq (AP) -- U.S. and British missiles hit Baghdad for a second night on Thursday.\n\n"
        "In the West Bank town of el-Bireh, Israeli troops shot and killed a Palestinian on Thursday when stone-throwers confronted soldiers during a protest against the attacks. "
        "About 3,000 people marched in Nablus the same day. In Yemen's capital, San'a, thousands of people marched after Friday prayers."
    )
    protests = {(str((e.place or {}).get("name")), (e.place or {}).get("site")) for e in _material(text, "1998-12-18") if e.family == "protest"}
    assert ("Nablus", None) in protests and any(site == "el-bireh" for _, site in protests), protests
    assert any(name == "Sanaa" for name, _ in protests), protests


def test_a_day_in_a_sentence_that_names_its_year_and_foreigners_flown_out() -> None:
    text = (
        "BAGHDAD, Iraq (AP) -- Missiles hit Baghdad on Thursday. U.N. weapons inspectors had flown out of Baghdad to Bahrain on Wednesday.\n\n"
        "The attacks are the heaviest on Iraq since the 1991 Gulf War, when a U.S.-led coalition began bombing on Jan. 17."
    )
    events = _material(text, "1998-12-18")
    assert [(e.date or {}).get("value") for e in events if e.family == "evacuation"] == ["1998-12-16"]
    assert "1991-01-17" in {(e.date or {}).get("value") for e in events if e.family == "attack"}, [(e.kind, e.date) for e in events]


def test_a_radio_station_named_after_a_town_is_no_scene_and_a_base_seized_is_taken() -> None:
    text = (
        "BOGOTA, Colombia, Nov. 4 -- Colombian troops regained control today of Mitu after three days of fighting.\n\n"
        "A rebel commander, speaking to a Bogota radio station by satellite telephone, said the FARC had lost only a handful of fighters. "
        "A Red Cross plane that was allowed to land on Monday evacuated four wounded children.\n\n"
        "In August, rebels seized an antinarcotics base at Miraflores, in Guaviare province, taking scores of police officers captive."
    )
    events = _material(text, "1998-11-04")
    assert "Bogota" not in _names(events), [(e.kind, (e.place or {}).get("name")) for e in events]
    assert [e.family for e in events if e.family == "territory" and (e.date or {}).get("value") == "1998-08"] == ["territory"]


def test_what_a_crowd_protests_against_is_not_a_second_protest_where_that_happened() -> None:
    text = (
        "BEIJING, May 9 (Xinhua) -- Thousands of college students and residents of Beijing demonstrated outside the U.S. Embassy here for a second day on Sunday "
        "to protest against the NATO missile attack on the Chinese Embassy in Belgrade.\n\n"
        "The U.S.-led NATO forces attacked the Chinese Embassy in the Federal Republic of Yugoslavia (FRY) with missiles shortly before midnight local time on Friday, "
        "or early Saturday morning Beijing time."
    )
    events = _material(text, "1999-05-09")
    crowds = [str((e.place or {}).get("name")) for e in events if e.family in ("protest", "riot")]
    assert crowds == ["Beijing"], crowds
    attacks = [e for e in events if e.family == "attack"]
    assert attacks and all((e.place or {}).get("country_code") == "CS" for e in attacks), [(e.kind, e.place) for e in attacks]


def test_missions_occupied_by_a_crowd_are_riots_and_a_meeting_to_plan_killings_is_none() -> None:
    text = (
        "BERLIN, Feb 17 (Reuters) - Kurdish protests swept Europe on Tuesday.\n\n"
        "In Vienna, Kurds occupied the Greek embassy and held several staff members for hours before giving themselves up to police. "
        "Greek missions were also briefly occupied in Paris and Bonn.\n\n"
        "The detained man met with rebel leaders in Turkey to coordinate assassinations, police said."
    )
    events = _material(text, "1999-02-17")
    riots = {str((e.place or {}).get("name")) for e in events if e.family == "riot"}
    assert {"Vienna", "Paris", "Bonn"} <= riots, riots
    assert not [e for e in events if e.family in ("territory", "attack")], [(e.kind, e.place) for e in events]


def test_a_clause_joined_by_and_shares_the_day_and_a_speaking_body_or_model_is_no_place() -> None:
    riots = (
        "LOS ANGELES, May 1 -- Sporadic looting flared across Los Angeles today.\n\n"
        "In San Francisco, bands of youths smashed store windows and looted shops downtown on Thursday night, and the police arrested more than 100 people."
    )
    arrests = [(e.date or {}).get("value") for e in _material(riots, "1992-05-01") if e.kind == "detention.arrest"]
    assert arrests == ["1992-04-30"], arrests
    text = (
        "NAIROBI, Kenya (AP) -- The Falcon 50 jet was hit by a missile and fell near the airport in Kigali on Wednesday. "
        "France sent several hundred troops to secure the airport, the French Foreign Ministry said in Paris. "
        "The Stavropol regional administration said on Sunday that more than 100 people had been killed."
    )
    article = extract(clean(RawArticle(id="f", source="f", text=text, published="1994-04-09")))
    assert "VE" not in {p.country_code for p in article.places}, [(p.name, p.country_code) for p in article.places]
    assert not _names(_material(text, "1994-04-09")) & {"Paris", "Stavropol"}, _names(_material(text, "1994-04-09"))


def test_a_deal_reached_people_who_left_the_town_and_a_body_s_name_is_no_place() -> None:
    text = (
        "BELGRADE, November 19 (Xinhua) -- The Yugoslav army took full control of Vukovar on Monday.\n\n"
        "Under an agreement reached in Zagreb on Monday, the sick and wounded at Vukovar hospital were to be evacuated. "
        "Tanjug said several thousand people had left the town since Monday, most of them by bus to reception centers in Serbia. "
        "Protesters gathered outside police headquarters at Parker Center on Wednesday."
    )
    events = _material(text, "1991-11-19")
    families = [e.family for e in events]
    assert "agreement" in families and "displacement" in families, families
    assert "attack" not in families, [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert [e.modality for e in events if e.family == "evacuation"] == ["planned"]
    article = extract(clean(RawArticle(id="v", source="v", text=text, published="1991-11-19")))
    assert "Parker" not in {p.name for p in article.places}
    walker = "William Walker, who heads the mission of the Organization for Security and Cooperation in Europe, called it a massacre."
    assert not [e for e in _material(walker, "1999-01-17") if (e.place or {}).get("name") == "Europe"]


def test_crowds_stoning_cars_riot_and_a_movement_named_after_its_land_is_no_scene() -> None:
    riot = (
        "LOS ANGELES, May 1 -- Sporadic looting flared across Los Angeles for a third day today. "
        "By early evening on Wednesday, crowds at the intersection of Florence and Normandie Avenues were stoning passing cars. "
        "Police officers who had tried to make arrests there were ordered to pull back."
    )
    events = _material(riot, "1992-05-01")
    assert [(e.date or {}).get("value") for e in events if e.family == "riot"] == ["1992-04-29"], [(e.kind, e.date) for e in events]
    assert not [e for e in events if e.kind == "detention.arrest"]
    liberia = (
        "FREETOWN, Sierra Leone, April 10 -- Fighters battled in Monrovia for a fifth day today. The fighting broke out on Saturday morning "
        "when fighters of Charles Taylor's National Patriotic Front of Liberia attacked the home of Roosevelt Johnson."
    )
    assert "Liberia" not in _names(_material(liberia, "1996-04-10"))


def test_a_request_to_authorise_strikes_and_the_wounded_flown_out_are_no_events() -> None:
    text = (
        "SARAJEVO, Bosnia-Herzegovina, Feb 6 (Reuter) - A mortar bomb killed 68 people in Sarajevo's Markale market on Saturday.\n\n"
        "Boutros-Ghali wrote to NATO on Sunday asking the alliance to authorise air strikes. "
        "U.N. officials said they were arranging to fly some of the most badly wounded out of the city for treatment abroad. "
        "United Nations officials in Zagreb, Croatia, said that more than 100 of their personnel were being held."
    )
    events = _material(text, "1994-02-06")
    assert [e.evidence[0]["trigger"]["text"] for e in events if e.family == "attack"] == ["mortar"], [(e.kind, e.evidence[0]["trigger"]["text"]) for e in events]
    assert "Croatia" not in _names(events)


def test_the_tail_of_a_longer_name_is_no_town_of_its_own() -> None:
    text = (
        "FREETOWN, Sierra Leone, April 10 -- American military helicopters ferried hundreds more foreigners out of Monrovia today "
        "as fighters loyal to Liberia's rival warlords battled for a fifth day in the streets of the capital.\n\n"
        "Since the airlift began on Tuesday, Air Force MH-53 helicopters have carried several hundred people of dozens of nationalities, "
        "among them scores of Americans, from the United States Embassy compound in the Mamba Point district to Freetown."
    )
    article = extract(clean(RawArticle(id="m", source="m", text=text, published="1996-04-10")))
    assert "Point" not in {p.name for p in article.places}, [(p.name, p.country_code) for p in article.places]
