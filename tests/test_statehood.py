"""A country's independence is an event at its capital (#25)."""

from __future__ import annotations

import pytest

from tests.annotate import material_events


@pytest.mark.parametrize(
    ("text", "capital", "month"),
    [
        ("A peace deal ended the war and South Sudan became its own country in July after a referendum.", "Juba", "2011-07"),
        ("South Sudan split off into a separate country in July after voting for secession in January.", "Juba", "2011-07"),
        ("Kosovo declared independence from Serbia in February 2008, a step Belgrade still rejects.", "Pristina", "2008-02"),
    ],
)
def test_a_new_state_is_born_at_its_capital(text: str, capital: str, month: str) -> None:
    events = [e for e in material_events(text, "2011-11-10") if e.kind == "other"]
    assert [((e.place or {}).get("name"), str((e.date or {}).get("value"))[:7]) for e in events] == [(capital, month)]


def test_a_demand_for_independence_is_no_new_state() -> None:
    events = material_events("Thousands of protesters in Barcelona demanded independence for Catalonia on Sunday.", "2017-10-02")
    assert "other" not in {e.kind for e in events}
