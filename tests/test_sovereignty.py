"""A place is coded to the state it was in on the event's day, not to today's map."""

from __future__ import annotations

from sitrep.places.sovereignty import state_then
from tests.annotate import material_events


def test_a_state_that_split_off_was_its_parent_before_independence() -> None:
    assert state_then("SS", "1955") == "SD"
    assert state_then("SS", "2011-07-08") == "SD"
    assert state_then("SS", "2011-07-09") == "SS"
    assert state_then("SS", "2011-11") == "SS"
    assert state_then("ER", "1991-05") == "ET"
    assert state_then("FR", "1955") == "FR"


def test_a_date_that_straddles_independence_keeps_todays_state() -> None:
    # July 2011 or 2011 may fall on either side of 9 July 2011.
    assert state_then("SS", "2011-07") == "SS"
    assert state_then("SS", "2011") == "SS"
    assert state_then(None, "1955") is None


def test_an_old_war_in_south_sudan_is_coded_to_sudan_and_todays_fighting_to_south_sudan() -> None:
    events = material_events(
        "Government troops clashed with rebels near Malakal in South Sudan on Monday. "
        "Some 2 million people died in South Sudan's north-south civil war, fought since 1955.",
        "2011-11-12",
    )
    by_year = {str((e.date or {}).get("value"))[:4]: (e.place or {}).get("country_code") for e in events}
    assert by_year.get("1955") == "SD"
    assert by_year.get("2011") == "SS"


def test_a_recalled_shelling_in_eritrea_was_in_ethiopia() -> None:
    events = material_events("In 1988 rebels shelled Asmara in Eritrea. The government said so on Monday.", "2011-11-12")
    assert [(e.place or {}).get("country_code") for e in events] == ["ET"]
    assert events[0].place is not None and events[0].place["name"] == "Asmara"
