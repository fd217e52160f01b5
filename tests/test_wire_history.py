"""Wire stories of older wars: the dead at sea, named insurgents, the campaign's background (#25)."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract

_COLOMBO = (
    "COLOMBO, Sri Lanka (AP) - Tamil Tiger rebels attacked a navy patrol off the northeastern coast on Wednesday, "
    "sinking two gunboats and killing at least 12 sailors, the military said.\n\n"
    "The rebels used suicide boats packed with explosives in the attack near Trincomalee, a military spokesman said.\n\n"
    "The rebels have been fighting since 1983 for an independent homeland for minority Tamils."
)
_GROZNY = (
    "GROZNY, Russia (Reuters) - Chechen rebels ambushed a Russian military convoy near Gudermes on Monday, killing "
    "five soldiers, officials said.\n\n"
    "Federal forces have been fighting separatists in Chechnya since 1999, when Moscow sent troops back into the region."
)


def _events(text: str, published: str) -> list[Event]:
    """The material events of a whole wire story, its dateline read apart as sitrep reads it."""
    article = clean(RawArticle(id="t", source="t", text=text, published=published))
    return [e for e in extract(article).events if e.layer == "material"]


def test_a_sea_attack_counts_its_sailors_names_its_group_and_is_one_event() -> None:
    events = _events(_COLOMBO, "2008-01-17")
    attacks = [e for e in events if not e.background]
    assert len(attacks) == 1
    assert attacks[0].fatalities == 12 and (attacks[0].actor1 or {}).get("name") == "LTTE: Liberation Tigers of Tamil Eelam"


def test_a_campaign_of_decades_is_no_pin_and_not_the_last_towns() -> None:
    """"have been fighting since 1983 for an independent homeland": a war's span, no happening a map
    can place (the gold rules: generic or habitual events are out); it was the country's, 1983, and
    must never be the last sentence's town."""
    events = _events(_COLOMBO, "2008-01-17")
    assert not [e for e in events if e.background or ((e.place or {}).get("name") == "Trincomalee" and e.family == "clash")]


def test_troops_a_capital_sent_are_deployed_where_they_went_in_the_year_told() -> None:
    events = _events(_GROZNY, "2001-05-22")
    sent = next(e for e in events if e.kind == "deployment")
    assert (sent.place or {}).get("name") != "Moscow" and (sent.date or {}).get("value") == "1999"


def test_a_fight_and_a_car_bomb_told_in_two_clauses_are_two_events_the_dead_the_bombs() -> None:
    events = _events(
        "FALLUJAH, Iraq (Reuters) - U.S. Marines battled insurgents in the streets of Fallujah on Tuesday, and a car "
        "bomb in Baghdad killed at least 10 Iraqi policemen, officials said.",
        "2004-11-10",
    )
    by_place = {(e.place or {}).get("name"): e for e in events}
    assert by_place["Fallujah"].kind == "clash.armed" and by_place["Fallujah"].fatalities is None
    assert by_place["Baghdad"].fatalities == 10


def test_the_deadliest_attack_since_a_year_when_another_killed_is_two_times() -> None:
    events = _events(
        "SARAJEVO, Bosnia-Herzegovina (AP) - A mortar shell slammed into a crowded marketplace in central Sarajevo on "
        "Monday, killing at least 37 people, U.N. officials said.\n\n"
        "It was the deadliest attack on the capital since February 1994, when a shell killed 68 people at the same market.",
        "1995-08-29",
    )
    dead = sorted((str((e.date or {}).get("value")), e.fatalities) for e in events)
    assert dead == [("1994-02", 68), ("1995-08-28", 37)]


def test_the_janjaweed_are_a_militia_in_2004_and_the_rsf_after_2013() -> None:
    text = "Janjaweed militiamen raided the village of Tawila in North Darfur on Saturday, killing 32 civilians."
    then = _events(text, "2004-09-13")
    now = _events(text, "2023-06-13")
    assert [(e.actor1 or {}).get("name") for e in then] == ["Janjaweed Militia"]
    assert [(e.actor1 or {}).get("name") for e in now] == ["Rapid Support Forces"]


def test_ground_troops_are_the_forces_of_their_demonym() -> None:
    events = _events("Israeli ground troops fought Hezbollah fighters near the border town of Bint Jbeil on Sunday.", "2006-07-30")
    assert [(e.actor1 or {}).get("name") for e in events] == ["Military Forces of Israel"]
