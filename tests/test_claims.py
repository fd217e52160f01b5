"""A group that claims an attack told before is its doer (#25)."""

from __future__ import annotations

from tests.annotate import material_events as _material


def test_a_claimed_attack_has_the_claimant_as_its_doer() -> None:
    events = _material(
        "A car bomb exploded in a crowded market in Baghdad on Thursday, killing at least 24 people. "
        "Islamic State claimed responsibility for the attack in a statement posted online.",
        "2017-01-06",
    )
    bombings = [e for e in events if e.family == "attack"]
    assert [(e.actor1 or {}).get("name") for e in bombings] == ["Islamic State (Iraq)"]
    assert bombings[0].actor1 and bombings[0].actor1.get("how") == "claimed"


def test_both_attacks_claimed_and_an_unclaimed_one_stays_unnamed() -> None:
    both = _material(
        "A roadside bomb hit a convoy near Afgoye on Tuesday. Hours later, a suicide bomber blew himself up at a "
        "checkpoint in Mogadishu, killing three guards. Al-Shabaab claimed responsibility for both attacks.",
        "2013-09-18",
    )
    assert {(e.actor1 or {}).get("name") for e in both if e.family == "attack"} == {"Al Shabaab"}
    nobody = _material(
        "A car bomb exploded in a crowded market in Baghdad on Thursday. No group has claimed responsibility for the blast.",
        "2017-01-06",
    )
    assert [(e.actor1 or {}).get("type") for e in nobody if e.family == "attack"] == ["unidentified"]
