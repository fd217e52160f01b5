"""A raid on a village told with its killings and abductions is one attack (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def test_an_abduction_told_as_part_of_a_killing_raid_is_the_raid() -> None:
    events = material_events(
        "Insurgents killed at least 30 people in an overnight attack on a village in Borno state, Nigeria, "
        "burning homes and abducting women and children, residents said Monday.",
        "2016-05-02",
    )
    assert [(e.kind, e.fatalities) for e in events] == [("attack.civilians", 30)]


def test_an_abduction_told_on_its_own_verb_stays_an_abduction_without_the_dead() -> None:
    events = material_events("Gunmen kidnapped 20 women and killed five people in Borno state, Nigeria, on Sunday.", "2016-05-02")
    kinds = {e.kind: e.fatalities for e in events}
    assert kinds.get("abduction", "missing") is None and kinds.get("attack.civilians") == 5


def test_gunmen_storming_a_village_and_killing_are_an_attack_not_a_capture() -> None:
    events = material_events("Gunmen stormed a village in Borno state, Nigeria, on Sunday, killing five people.", "2016-05-02")
    assert {e.kind for e in events} == {"attack.civilians"}


def test_rebels_storming_a_town_and_taking_control_capture_it() -> None:
    events = material_events("Rebels stormed the town of Kidal in Mali on Sunday and took control of the army base.", "2016-05-02")
    assert "territory.capture" in {e.kind for e in events}


_BAGHDAD = (
    "BAGHDAD (Reuters) - A car bomb exploded in a crowded market in the Shi'ite district of Sadr City on Thursday, "
    "killing at least 24 people, police sources said.\n"
    "Iraqi forces have been fighting to retake Mosul since October.\n"
    "The coalition said its aircraft had struck 12 Islamic State targets near Mosul on Wednesday.\n"
    "Security forces arrested three suspects in connection with the market bombing, a spokesman said."
)


def test_suspects_arrested_over_the_storys_bombing_are_arrested_where_it_was() -> None:
    events = material_events(_BAGHDAD, "2017-01-06")
    arrest = next(e for e in events if e.family == "detention")
    # (the bombing's place: the town or its district, not Mosul, which the last sentences were about)
    assert (arrest.place or {}).get("name") in ("Sadr City", "Baghdad")


def test_suspects_arrested_over_an_attack_elsewhere_stay_in_the_storys_town() -> None:
    events = material_events(
        "BRUSSELS (AP) - Police searched a flat in Brussels on Monday. Gunmen killed 130 people in Paris on Friday. "
        "Two men were arrested in Brussels on Saturday. Police said a third man was detained in connection with the attacks.",
        "2015-11-16",
    )
    arrests = [e for e in events if e.family == "detention"]
    assert arrests and all((e.place or {}).get("name") != "Paris" for e in arrests)


def test_a_survivors_home_and_a_radio_station_are_not_where_the_attack_was() -> None:
    events = material_events(
        "A black car pulled up outside the Bataclan concert hall at 21:40 on Friday, and three heavily armed gunmen "
        "got out. Less than three hours later they were dead, having killed 89 people at the venue. \"It looked like "
        "an abattoir,\" said a 30-year-old from South Shields in north-east England who survived the attack. A "
        "journalist with Europe 1, a French radio network, lay on the ground while the attack continued.",
        "2015-11-14",
    )
    killing = next(e for e in events if e.kind == "attack.civilians")
    assert (killing.place or {}).get("country_code") == "FR"


def test_police_storming_a_balcony_take_no_territory() -> None:
    events = material_events("Police said they had stormed the balcony, and the gunmen blew themselves up.", "2015-11-14")
    assert "territory" not in {e.family for e in events}


def test_a_hospitals_name_and_a_bar_owners_town_are_not_the_scene() -> None:
    events = material_events(
        "Gunmen opened fire on diners outside a bar in Paris on Friday night, killing five people. Ibrahim, a small-time "
        "criminal and Brussels bar owner, blew himself up outside the bar. Paramedics rushed one woman to Brussels "
        "General Hospital where she died.",
        "2015-11-14",
    )
    assert {(e.place or {}).get("name") for e in events} == {"Paris"}
