"""Acts told as causes, plans and memories in whole stories of stories.dev: no pin of their
own, and no pin where they were planned (#25, review of 20 random stories.dev events)."""

from __future__ import annotations

import json

from sitrep.clean import clean
from sitrep.evaluate.articles import annotate_record, material
from sitrep.model import Event, RawArticle
from sitrep.pipeline import extract
from tests.conftest import EVAL, need_shared


def _material(rid: str) -> list[Event]:
    path = need_shared(EVAL / "stories.dev.jsonl")
    row = next(json.loads(line) for line in path.open(encoding="utf-8") if f'"id": "{rid}"' in line)
    record = {"id": row["id"], "text": row["text"], "published": row.get("published"), "title": row.get("title")}
    return [e for e in annotate_record(record) if material(e.kind)]


def _told_in(events: list[Event], words: str) -> list[Event]:
    return [e for e in events if any(words in x["text"] for x in e.evidence)]


def test_strikes_a_attack_is_said_to_answer_are_no_event_of_the_story() -> None:
    # "It said the attacks were retaliation for French airstrikes against the group in Syria and Iraq."
    events = _material("wikiref/ParisAttacks2015.7")
    assert not [e for e in _told_in(events, "retaliation for French airstrikes") if e.kind == "attack.airstrike"]


def test_rockets_an_offensive_answered_are_not_shelling_in_gaza() -> None:
    # "Israeli air attacks on Gaza, which Israel says it launched in response to rocket attacks by
    # Hamas militants": no Hamas shelling at Gaza.
    events = _material("ecb+/41_5ecb")
    assert not [e for e in events if (e.actor1 or {}).get("name") == "Hamas Movement" and (e.place or {}).get("name") == "Gaza"]


def test_where_attacks_were_planned_is_not_where_they_struck() -> None:
    # "attacks that were apparently planned in Syria, organised in Belgium and conducted on French soil"
    events = _material("wikiref/ParisAttacks2015.30")
    assert not [e for e in _told_in(events, "planned in Syria") if (e.place or {}).get("name") in ("Syria", "Belgium")]


def test_where_a_bomber_had_also_lived_is_no_scene() -> None:
    text = "Another suicide bomber at the stadium, 20-year-old Bilel Hadfi, had also lived in Belgium."
    events = extract(clean(RawArticle(id="t", source="t", text=text, published="2015-11-20"))).events
    assert events and not [e for e in events if (e.place or {}).get("country_code") == "BE"]


def test_an_arrest_recalled_with_no_day_in_an_undated_story_is_no_event() -> None:
    # "... efforts to bring Mr. Nichols to justice since his arrest": the story has no date and the
    # sentence none; the arrest is told as known.
    events = _material("ecb+/3_7ecb")
    assert not _told_in(events, "since his arrest")
    assert [e.kind for e in _told_in(events, "took hostage")] == ["abduction"]


def test_a_year_s_count_of_attacks_is_the_country_s_not_a_town_s() -> None:
    # "more than 1,500 people killed in attacks so far this year" in a story about Chibok.
    events = _told_in(_material("wikiref/michelle.obama.102"), "so far this year")
    assert events and all((e.place or {}).get("name") == "Nigeria" for e in events)


def test_an_age_in_a_list_of_named_attackers_is_no_toll() -> None:
    # "Brahim Abdeslam, 31 - named as attacker who died near Bataclan concert hall"
    events = _material("wikiref/ParisAttacks2015.32")
    assert events and 31 not in [e.fatalities for e in events]


def test_the_french_capital_is_paris() -> None:
    # "Muted by shock and sadness, the French capital yesterday woke to the reality of 128 people dead"
    events = _told_in(_material("wikiref/ParisAttacks2015.4"), "the French capital")
    assert events and all((e.place or {}).get("name") == "Paris" for e in events)


def test_a_name_s_act_told_as_known_is_background() -> None:
    # "Since Comeaux's jailbreak, all visitors and employees at the Estelle prison unit are again
    # subject to mandatory pat-downs": the escape told as known, no release of that day.
    events = _material("ecb+/3_11ecbplus")
    assert not [e for e in _told_in(events, "Since Comeaux's jailbreak") if e.family == "release"]
