"""Disasters with casualties (#25): an earthquake, a flood, a fire or a collapse that harms people
is an event to map (family "disaster", no doer), told once however many hazards its sentence
chains, and never read out of a figure of speech, a harmless blaze or a riot's dead."""

from __future__ import annotations

import json
import re
from pathlib import Path

from sitrep.acled import row
from sitrep.clean import clean
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract, run
from sitrep.store import Store
from sitrep.store import consolidated as sql
from tests.conftest import EVAL, need_shared

_QUAKE = """Strong earthquake kills at least 34 in western Indonesia

PADANG, Indonesia (Reuters) - A magnitude 7.2 earthquake struck off the coast of West Sumatra on Wednesday, killing at least 34 people and trapping dozens under collapsed buildings in the city of Padang, officials said.

The quake hit at 5:16 p.m. local time at a depth of 80 km, about 50 km west of Padang, the U.S. Geological Survey said. Indonesia's meteorology agency briefly issued a tsunami warning but lifted it an hour later.

In 2004, a quake off Aceh province triggered a tsunami that killed about 230,000 people in a dozen countries around the Indian Ocean.
"""


def _material(text: str, published: str) -> list[Event]:
    article = extract(clean(RawArticle(id="d", source="d", text=text, published=published)))
    return [e for e in article.events if e.layer == "material"]


def _disasters(text: str, published: str) -> list[Event]:
    return [e for e in _material(text, published) if e.family == "disaster"]


def test_an_earthquake_that_kills_is_one_disaster_with_its_toll_and_no_doer() -> None:
    found = _disasters(_QUAKE, "2009-09-30")
    today = [e for e in found if not e.background]
    assert len(today) == 1
    quake = today[0]
    assert (quake.place or {}).get("name") == "Padang"
    assert (quake.date or {}).get("value") == "2009-09-30"
    assert quake.fatalities == 34
    assert quake.actor1 is None and quake.actor2 is None
    assert quake.acled is None  # ACLED codes no disasters: no row in its export
    assert row(quake.to_json(), {}) is None


def test_a_quake_and_the_tsunami_it_set_off_are_one_recalled_disaster() -> None:
    recalled = [e for e in _disasters(_QUAKE, "2009-09-30") if (e.date or {}).get("value") == "2004"]
    assert len(recalled) == 1
    assert recalled[0].background and recalled[0].fatalities == 230000
    assert (recalled[0].place or {}).get("name") == "Aceh"


def test_harm_denied_figures_of_speech_and_quiet_hazards_are_no_disaster() -> None:
    for sentence in (
        "No one was injured when the blaze hit the Wasilla Bible Church on Sunday.",
        "On April 20, a 6.4-magnitude earthquake jolted Indonesia's Maluku, but caused no casualties or material damage.",
        "The vote was a political earthquake that killed the government's hopes of a majority.",
        "A flood of refugees has crossed the border since Monday, and many died on the way.",
        "The quake hit at 5:16 p.m. local time at a depth of 80 km, the U.S. Geological Survey said.",
    ):
        assert _disasters(sentence, "2013-07-03") == [], sentence


def test_a_deadly_stampede_is_a_disaster_not_violence() -> None:
    events = _material("At least 20 pilgrims died in a stampede in Mina on Thursday.", "2015-09-25")
    assert [(e.kind, (e.place or {}).get("name"), (e.date or {}).get("value"), e.fatalities) for e in events] == [
        ("disaster", "Mina", "2015-09-24", 20)
    ]


def test_the_dead_of_a_riot_are_the_riots_not_a_collapse() -> None:
    events = _material(
        "Last Wednesday evening, 39 people died and more than 400 were injured when a wall collapsed at the stadium in Brussels during violent riots just before the final.",
        "1985-06-05",
    )
    assert [e.family for e in events] == ["riot"]
    assert (events[0].place or {}).get("name") == "Brussels"


def test_a_province_a_country_owns_is_the_scene() -> None:
    # "in Indonesia's Aceh province": the province, for a bombing as for a quake.
    for text in (
        "A powerful earthquake in Indonesia's Aceh province flattened buildings Tuesday, killing at least five people.",
        "A powerful bomb in Indonesia's Aceh province flattened buildings Tuesday, killing at least five people.",
    ):
        events = _material(text, "2013-07-03")
        assert [(e.place or {}).get("name") for e in events] == ["Aceh"], text


def test_the_aceh_earthquake_stories_each_map_the_quake_in_indonesia() -> None:
    """ECB+ topic 37, the 2 July 2013 Aceh earthquake, as the outlets wrote it."""
    path = need_shared(EVAL / "stories.dev.jsonl")
    rows = [r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"].startswith("ecb+/37_") and r["id"].endswith("ecbplus")]
    # (Not the first flash, "no immediate reports of damage": a quake that harms no one is not mapped.)
    leads = [r for r in rows if "2013" in str(r.get("published")) and "Aceh" in r["text"][:400] and re.search(r"\b(?:kill|dead|injur)", r["text"][:400])]
    assert len(leads) >= 5
    for r in leads:
        article = extract(clean(RawArticle(id=r["id"], source=r["id"], text=r["text"], published=r.get("published"), title=r.get("title"))))
        quakes = [e for e in article.events if e.family == "disaster" and (e.date or {}).get("value") == "2013-07-02"]
        assert quakes, r["id"]
        assert all((e.place or {}).get("country_code") == "ID" for e in quakes), r["id"]


def test_the_aceh_quake_is_one_pin_across_its_reports(tmp_path: Path) -> None:
    """Every report of the 2 July 2013 Aceh earthquake (ECB+ topic 37) names another town or
    only the province: stored together, they make one disaster on the map, not one a town."""
    path = need_shared(EVAL / "stories.dev.jsonl")
    rows = [r for r in map(json.loads, path.open(encoding="utf-8")) if r["id"].startswith("ecb+/37_") and r["id"].endswith("ecbplus")]
    corpus = tmp_path / "aceh.jsonl"
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    with Store(tmp_path / "aceh.db") as store:
        run([corpus], store, max_bytes=20 * 1024 * 1024)
        events = [e for e in sql.consolidated(store.conn) if e["family"] == "disaster"]
    quake = [e for e in events if str((e.get("date") or {}).get("value")).startswith("2013-07-0")]
    assert len(quake) == 1
    assert len(quake[0]["articles"]) >= 8
    assert (quake[0]["place"] or {}).get("admin1") == "Aceh"
