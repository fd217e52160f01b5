"""A weapon found or thrown away is no attack; a campaign rally is no protest (#25)."""

from __future__ import annotations

import pytest

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str = "2015-11-20") -> list[Event]:
    raw = RawArticle(id="t", source="t", text=text, published=published)
    return [e for e in extract(clean(raw, assume_clean=True)).events if e.layer == "material"]


@pytest.mark.parametrize(
    "text",
    [
        "Detectives are examining what looks like a suicide bomb belt left in a bin in Lyon.",
        "Police found a suicide vest in a flat in Marseille on Thursday.",
        "The suspect fled to Belgium after throwing away his suicide belt.",
    ],
)
def test_a_suicide_vest_as_an_object_is_no_attack(text: str) -> None:
    assert not [e for e in _material(text) if e.family == "attack"], text


@pytest.mark.parametrize(
    "text",
    [
        "Two gunmen detonated suicide vests outside the stadium in Lyon on Friday.",
        "The third man was killed by activating his explosive belt in Lyon.",
        "A suicide bomber blew himself up at a checkpoint in Kabul on Friday.",
    ],
)
def test_a_vest_detonated_is_a_suicide_attack(text: str) -> None:
    assert [e.kind for e in _material(text) if e.family == "attack"] == ["attack.suicide"], text


def test_a_campaign_rally_is_no_protest_but_a_rally_in_the_street_is() -> None:
    assert not [e for e in _material("Speaking at an election rally in Athens, he vowed to cut taxes.") if e.family == "protest"]
    protests = _material("Thousands rallied in Athens on Friday against the new taxes.")
    assert [e.family for e in protests] == ["protest"]
