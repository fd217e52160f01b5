"""Mentions of one happening in one article are joined; a happening in another land is not (#25)."""

from __future__ import annotations

import json

from sitrep.evaluate.articles import annotate_record, material
from sitrep.model import Event
from tests.conftest import EVAL, need_shared


def _story(rid: str) -> list[Event]:
    path = need_shared(EVAL / "stories.dev.jsonl")
    row = next(json.loads(line) for line in path.open(encoding="utf-8") if f'"id": "{rid}"' in line)
    record = {"id": row["id"], "text": row["text"], "published": row.get("published"), "title": row.get("title")}
    return [e for e in annotate_record(record) if material(e.kind)]


def test_bombs_on_a_camp_across_the_border_are_not_the_clashes_in_sudan_that_day() -> None:
    # "Military aircraft from Sudan crossed the new international border with South Sudan and
    # dropped bombs Thursday in and around a camp filled with refugees": the story's camp, Yida,
    # in South Sudan; not Talodi in Sudan, where the article's last paragraph tells of clashes.
    events = _story("ecb+/41_8ecbplus")
    first = next(e for e in events if e.evidence[0]["text"].startswith("Military aircraft from Sudan"))
    assert (first.place or {}).get("country_code") == "SS", first.place
    # the fighting in South Kordofan and the clashes in Talodi that day stay one event of their own
    talodi = [e for e in events if (e.place or {}).get("name") == "Talodi"]
    assert talodi and not any(str(ev["text"]).startswith("Military aircraft") for e in talodi for ev in e.evidence)


def test_a_home_is_no_scene_and_a_bomb_set_off_is_no_air_strike() -> None:
    # "The third attacker, identified as Bilal Hadfi, a 20-year-old French citizen living in
    # Belgium, detonated his explosives ... 300 meters from the stadium": in Paris, not in
    # Belgium, and not the airstrike in Syria the article told first.
    events = _story("wikiref/ParisAttacks2015.11")
    hadfi = next(e for e in events if any("Bilal Hadfi" in str(ev["text"]) for ev in e.evidence))
    assert (hadfi.place or {}).get("country_code") == "FR", hadfi.place
    assert hadfi.kind != "attack.airstrike"
