"""Ground forces sent into a territory are a deployment, dated by their own words (#25)."""

from __future__ import annotations

from tests.annotate import material_events


def test_ground_forces_that_invaded_are_a_deployment_on_their_day() -> None:
    events = material_events(
        "An airstrike in the Gaza City neighbourhood of Zeitun, where much of the fighting has taken place since "
        "ground forces invaded on Saturday, left one militant dead, medics said.",
        "2009-01-08",
    )
    moves = [e for e in events if e.kind == "deployment"]
    assert [str((e.date or {}).get("value")) for e in moves] == ["2009-01-03"]


def test_a_ground_invasion_is_a_deployment() -> None:
    assert "deployment" in {e.kind for e in material_events("Israel began a ground invasion of Gaza on Saturday.", "2009-01-05")}


def test_a_journey_to_fight_is_no_fight() -> None:
    events = material_events(
        "Hundreds of young men have travelled to Syria to fight with armed groups there, officials said on Monday.", "2015-11-16"
    )
    assert "clash.armed" not in {e.kind for e in events}
