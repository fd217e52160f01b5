"""Whole wire stories of other decades read as a user would (#25): one event per happening,
each at its own place and day."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract

_IRAQ = """BAGHDAD (Reuters) - A suicide car bomber blew himself up outside a police recruiting centre in central Baghdad on Tuesday, killing at least 27 people and wounding 60, police said.

The blast, the deadliest in the capital in weeks, tore through a crowd of young men queuing to apply for jobs at the centre.

In a separate attack, gunmen ambushed a police patrol in the northern city of Mosul, killing three policemen, a police spokesman said. U.S. troops later arrested four suspects in a raid on a house in the city.

In Falluja, U.S. Marines clashed with insurgents for a second day, the U.S. military said.

Iraqi Prime Minister Iyad Allawi condemned the bombing as "a cowardly crime" and vowed that attacks would not derail elections planned for January.

Insurgents have targeted Iraqi police repeatedly, seeing them as collaborators with the U.S.-led occupation. More than 700 Iraqi police have been killed since April 2003, the Interior Ministry said.

A roadside bomb exploded near a U.S. convoy on the road to Baghdad airport on Monday night, but there were no casualties, the U.S. military said.
"""


def _material(text: str, published: str) -> list[Event]:
    article = extract(clean(RawArticle(id="w", source="w", text=text, published=published)))
    return [e for e in article.events if e.layer == "material"]


def _at(events: list[Event], name: str) -> list[Event]:
    return [e for e in events if (e.place or {}).get("name") == name]


def test_the_blast_and_the_bombing_retell_the_suicide_bombing() -> None:
    events = _material(_IRAQ, "2004-09-14")
    baghdad = [e for e in events if e.family == "attack" and (e.date or {}).get("value") == "2004-09-14" and (e.place or {}).get("name") == "Baghdad"]
    assert [e.kind for e in baghdad] == ["attack.suicide"]
    # A plan's month dates the plan, not the bombing the sentence condemns.
    assert not [e for e in events if str((e.date or {}).get("value")).startswith("2004-01")]


def test_a_separate_attack_opener_and_its_ambush_are_one_event() -> None:
    assert [e.kind for e in _at(_material(_IRAQ, "2004-09-14"), "Mosul") if e.family in ("attack", "clash")] == ["clash.armed"]


def test_a_clash_after_a_bombing_keeps_its_own_town() -> None:
    assert [e.kind for e in _at(_material(_IRAQ, "2004-09-14"), "Falluja")] == ["clash.armed"]


def test_troops_of_a_country_do_not_make_it_the_story_place() -> None:
    # "U.S. troops", "U.S. Marines", "the U.S.-led occupation": whose forces, not where.
    assert not _at(_material(_IRAQ, "2004-09-14"), "United States")


def test_fighting_that_has_killed_thousands_is_one_fight_with_its_toll() -> None:
    text = "GROZNY, Russia (AP) -- Fighting in the city has killed thousands of people since December."
    assert [e.kind for e in _material(text, "1995-01-05")] == ["clash.armed"]


_LANKA = """COLOMBO, Sri Lanka (AP) - Sri Lankan troops killed at least 40 Tamil Tiger rebels in fierce fighting in the north of the island, the military said Sunday, as government forces pressed an offensive on the rebels' de facto capital of Kilinochchi.

Nine soldiers were also killed and 35 wounded in the clashes Saturday near the town of Paranthan, military spokesman Brig. Udaya Nanayakkara said.

The government pulled out of a Norwegian-brokered cease-fire in January, saying the rebels had violated it thousands of times. The Tigers have fought since 1983 for an independent state for minority Tamils, and more than 70,000 people have died in the conflict.
"""


def test_the_other_sides_dead_in_the_clashes_join_the_fight_told_before() -> None:
    fights = [e for e in _material(_LANKA, "2008-11-16") if e.family == "clash"]
    assert [(e.date or {}).get("value") for e in fights] == ["2008-11-15"]


def test_pulling_out_of_a_cease_fire_is_no_retreat() -> None:
    assert not [e for e in _material(_LANKA, "2008-11-16") if e.family == "force"]


def test_a_wars_toll_is_the_countrys_from_the_year_it_began() -> None:
    tolls = [e for e in _material(_LANKA, "2008-11-16") if "died" in e.evidence[0]["trigger"]["text"]]
    assert [((e.place or {}).get("name"), (e.date or {}).get("value"), e.background) for e in tolls] == [("Sri Lanka", "1983", True)]
