"""Who did it: a coalition the text does not name is NATO's only where NATO fought (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def _doer(text: str, published: str) -> str | None:
    (event,) = material_events(text, published)
    return (event.actor1 or {}).get("name")


def test_coalition_troops_are_natos_in_afghanistan_only() -> None:
    assert _doer("Coalition troops clashed with insurgents in Kandahar on Monday.", "2010-04-06") == "NATO: North Atlantic Treaty Organization"
    assert _doer("Coalition troops clashed with militiamen in Basra on Monday.", "2004-04-06") == "Coalition Forces"
    assert _doer("NATO aircraft struck targets near Tripoli on Monday.", "2011-04-06") == "NATO: North Atlantic Treaty Organization"


def test_a_security_force_is_the_host_states_not_natos() -> None:
    assert _doer("A security force killed two militants in Maiduguri on Monday.", "2014-04-06") == "Military Forces of Nigeria"
