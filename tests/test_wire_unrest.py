"""Days and places of unrest in wire copy (#25): stories written for sitrep's tests in the style of
AP and Reuters reports of the 1998 Jakarta riots and the 2008 Kenyan election violence. A rally
called for Thursday was dated to last Thursday, a banned rally was mapped, a tribe was read as a
town, a day written onto another noun ("last week's election") dated the act, and a town
qualified by its province ("Solo in central Java, where") gave way to the province."""

from __future__ import annotations

from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract


def _material(text: str, published: str) -> list[Event]:
    events = extract(clean(RawArticle(id="u", source="u", text=text, published=published))).events
    return [e for e in events if e.layer == "material" and e.modality != "hypothetical"]


def _day(e: Event) -> str:
    return str((e.date or {}).get("value"))


_NAIROBI = """NAIROBI, Kenya (AP) -- A mob set fire to a church sheltering about 200 people near the western town of Eldoret on Tuesday, killing at least 35 people, police said.

The attack came as violence over last week's disputed presidential election spread across the country.

In Nairobi's Kibera slum, police fired tear gas to disperse thousands of opposition supporters who tried to march to the city center. At least five people were shot dead, a police official said.

Opposition leader Raila Odinga, who says President Mwai Kibaki stole the Dec. 27 vote, called for a million-man rally in Nairobi on Thursday. The government banned the rally.

In the coastal city of Mombasa, looters ransacked shops owned by members of Kibaki's Kikuyu tribe."""


def test_a_rally_called_for_thursday_is_planned_ahead_and_a_banned_rally_is_none() -> None:
    events = _material(_NAIROBI, "2008-01-01")
    rallies = [e for e in events if e.family == "protest" and e.modality == "planned"]
    assert [_day(e) for e in rallies] == ["2008-01-03"]
    assert not [e for e in events if "banned" in str(e.evidence[0]["text"]) and e.family == "protest"]


def test_a_tribe_is_no_town_and_a_day_written_onto_another_noun_dates_nothing_here() -> None:
    events = _material(_NAIROBI, "2008-01-01")
    assert {(e.place or {}).get("name") for e in events if e.family == "looting"} == {"Mombasa"}
    assert "Kikuyu" not in {(e.place or {}).get("name") for e in events}
    assert all(_day(e) >= "2008-01" for e in events if e.family in ("attack", "riot", "looting"))
    shot = [e for e in events if e.fatalities == 5]
    assert shot and all((e.place or {}).get("name") == "Nairobi" for e in shot)


def test_a_town_its_province_qualifies_is_the_scene_of_the_where_clause_on_the_story_s_day() -> None:
    story = """JAKARTA, Indonesia (Reuters) - Rioters looted and burned shops across Jakarta for a second day on Thursday.

The students were shot dead on Tuesday during a protest at Trisakti University in west Jakarta. Thousands of students have been demonstrating for weeks to demand the resignation of President Suharto.

Unrest also spread to the city of Solo in central Java, where crowds attacked banks and government buildings."""
    solo = [e for e in _material(story, "1998-05-14") if (e.place or {}).get("name") == "Solo"]
    assert solo and {_day(e) for e in solo} == {"1998-05-14"}
