"""Kinds the arguments change (#25): a town that capitulates is handed over, forces that
evacuate retreat, police who barricade a street deploy."""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.actors import ARMED, ARSON, PASSIVE_BEFORE
from sitrep.events.lexicon import Kind, Lexicon
from sitrep.model import Place
from sitrep.rxfactor import compiled

# A person's name: two capitalised words ("Elian Gonzalez").
_NAME_AFTER = compiled(r"\s+((?-i:[A-Z])[a-z]+)\s+(?-i:[A-Z])[a-z]+\b")

_SUBJECT_START = compiled(r"^(?:.*\b(?:that|and|but)\s+)?(?:the\s+(?:city|town|provincial capital|district)\s+of\s+)?$", re.IGNORECASE | re.DOTALL)
_PEOPLE = compiled(r"\b(?:him|her|them|their bodies|bodies|villagers|people|civilians|men|women|children|a man|a woman)\b", re.IGNORECASE)


# "after hundreds of Albanians fled across the sea": people named right before "fled" flee, whoever else the sentence names.
_PEOPLE_FLED = compiled(r"\b(?:people|civilians|residents|villagers|refugees|families|children|women|migrants|(?-i:[A-Z])[a-z]+(?:ans|is|ese))\s+(?:(?:have|had|who)\s+)*$", re.IGNORECASE)
_TROOPS = compiled(r"\b(?:troops|soldiers|forces|army|tanks|marines|paratroopers|units)\b", re.IGNORECASE)
_POLICE_ONLY = compiled(r"\b(?:police|officers|policemen|troops|soldiers|riot gear|security forces)\b", re.IGNORECASE)
# "seized Ocalan in Kenya": one capitalised word the article elsewhere writes after a given name.
_ONE_NAME_AFTER = compiled(r"\s+((?-i:[A-Z])[a-z]{2,})\b(?!\s+(?-i:[A-Z]))")
# What a crowd storms or sits in: a mission or a seat of power, not a town.
_SEAT_AFTER = compiled(
    r"\s+(?:(?:the|an?|its|their)\s+)?(?:[\w.'’-]+\s+){0,3}?(?:embass(?:y|ies)|consulates?(?:-general)?|missions?|residence|parliament|"
    r"offices|ministry|city hall|town hall|headquarters|state television|television station|radio station|palace|compound|grounds)\b",
    re.IGNORECASE,
)
_SEAT_PASSIVE = compiled(r"\b(?:embass(?:y|ies)|consulates?(?:-general)?|missions|offices|residences?)\s+(?:were|was|had been|have been)\s+(?:\w+\s+)?$", re.IGNORECASE)
_GUNMEN = compiled(r"\b(?:gunm[ae]n|guerrillas?|rebels?|militants?|commandos?|terrorists?|armed)\b", re.IGNORECASE)
_HELD = compiled(r"\b(?:held|holding|hostages?|detained)\b", re.IGNORECASE)
_CROWD = compiled(r"\b(?:protest\w*|demonstrat\w*|youths?|rioters?|crowds?|mobs?|students|residents|anarchists)\b", re.IGNORECASE)


def reread(
    lex: Lexicon, kind: Kind, text: str, clause: tuple[int, int], start: int, end: int,
    places: list[Place], actor1: dict[str, Any] | None, actor2: dict[str, Any] | None,
) -> Kind:  # fmt: skip
    """Kinds the arguments change: a town that capitulates is handed over; forces that
    evacuate retreat."""
    if kind.name == "riot" and text[start:end].lower().startswith("barricad") and (
        (actor1 and actor1["type"] == "state")
        or (
            (actor1 is None or actor1.get("text") is None)
            and _POLICE_ONLY.search(text, max(0, start - 150), clause[1]) and not _CROWD.search(text, max(0, start - 150), clause[1])
        )
    ):
        # "police barricaded the avenue", "officers in riot gear ... and barricades were placed":
        # forces closing streets do not riot.
        return lex.kinds["deployment"]
    if kind.name == "force.surrender" and actor1 is None:
        # "Qala-i-Naw, capital of Badghis province, also capitulated": the subject is a place.
        before = [p for p in places if clause[0] <= p.start and p.end <= start and p.feature in ("city", "admin2", "admin1", "landmark")]
        if before and _SUBJECT_START.match(text[clause[0] : before[0].start]):
            return lex.kinds["territory.handover"]
    if kind.name == "riot" and actor1 and actor1["type"] in ARMED and ARSON.search(text, start, end):
        # "the military troops set fire to houses": forces burning homes do not riot;
        # "villagers were set on fire" by them is an attack.
        people = _PEOPLE.search(text, start, end) or (actor2 and actor2["type"] == "civilians" and PASSIVE_BEFORE.search(text[max(clause[0], start - 20) : start]))
        return lex.kinds["attack.civilians" if people else "looting"]
    if kind.name == "force.retreat" and text[start:end].lower().startswith("fle") and (
        not (actor1 and actor1["type"] in ARMED) or _PEOPLE_FLED.search(text, max(clause[0], start - 30), start)
    ):
        # "civilians fled as bombs fell", "refugees fleeing the fighting": people displaced, no force retreating.
        return lex.kinds["displacement"]
    if kind.name == "abduction" and actor1 and actor1["type"] == "state" and text[start:end].lower().startswith(("captur", "seiz", "snatch")):
        return lex.kinds["detention.arrest"]  # "Police captured 20 people at the border": a state's forces detain
    if kind.name == "displacement" and actor1 and actor1["type"] in ARMED and re.search(r"\b(?:across|over) the (?:border|frontier)", text[start:end]):
        return lex.kinds["deployment"]  # "Thousands of troops streamed across the border": forces moving in, no one displaced
    if kind.name == "evacuation" and actor1 and actor1["type"] == "state" and re.match(r"\s+(?:to|from)\b", text[end : end + 6]):
        return lex.kinds["force.retreat"]
    if kind.name == "territory.capture" and text[start:end].lower().startswith(("captur", "seiz")) and " " not in text[start:end] and (
        (name := _NAME_AFTER.match(text, end)) is not None and not any(p.start == name.start(1) for p in places)
    ):  # fmt: skip
        # "agents seized Elian Gonzalez from the home": a person taken, not a town
        return lex.kinds["detention.arrest" if actor1 and actor1["type"] == "state" else "abduction"]
    if kind.name == "territory.capture" and actor1 and actor1["type"] == "state" and text[start:end].lower() == "entered" and _TROOPS.search(text, max(clause[0], start - 100), start):
        return lex.kinds["deployment"]  # "its troops had entered Mekelle": a state's forces move in (rebels "entered Kinshasa": a capture)
    if kind.name == "territory.capture" and actor1 and actor1["type"] == "state" and text[start:end].lower().endswith(" out of"):
        return lex.kinds["territory.regain"]  # "Government forces drove Islamic State fighters out of Sirte"
    if kind.name == "territory.regain" and actor1 and actor1["type"] in ("rebel", "unidentified", "militia") and not re.search(r"\band\s+(?:then\s+|later\s+)?$", text[clause[0] : start]):
        # (not a second verb, whose doer may be the first verb's subject: "the FARDC clashed against M23 rebels and regained the territory")
        return lex.kinds["territory.capture"]  # "Tigrayan forces retook Mekelle": an armed group takes a town, no government regains it
    if kind.name == "territory.capture" and text[start:end].lower().startswith(("captur", "seiz")) and " " not in text[start:end] and (
        (one := _ONE_NAME_AFTER.match(text, end)) is not None and not any(p.start == one.start(1) for p in places)
        and re.search(rf"\b(?-i:[A-Z])[a-z]+\s+{one.group(1)}\b", text) is not None
    ):  # fmt: skip
        # "Turkey announced that it had seized Ocalan in Kenya": the rebel leader Abdullah Ocalan, no town
        return lex.kinds["detention.arrest" if actor1 and actor1["type"] == "state" else "abduction"]
    if kind.family == "territory" and (actor1 is None or actor1["type"] in ("protesters", "rioters", "civilians")) and (
        _SEAT_AFTER.match(text, end) or _SEAT_PASSIVE.search(text, max(clause[0], start - 60), start)
    ) and not _GUNMEN.search(text, clause[0], clause[1]) and (
        text[start:end].lower().startswith(("storm", "broke", "burst", "forced", "occup")) or (actor1 is None and _CROWD.search(text, max(clause[0], start - 60), start))
    ):  # fmt: skip
        # "about 30 protesters stormed the Greek ambassador's residence", "Kurds occupied the
        # Greek embassy and held several staff members", "Greek missions were also briefly
        # occupied in Paris": a crowd breaking in or holding people riots (a sit-in is a protest)
        held = text[start:end].lower().startswith(("storm", "broke", "burst", "forced")) or _HELD.search(text, end, clause[1])
        return lex.kinds["riot" if held or _SEAT_PASSIVE.search(text, max(clause[0], start - 60), start) else "protest"]
    if kind.family == "territory" and actor1 and actor1["type"] in ("protesters", "rioters"):
        return lex.kinds["protest"]  # "protesters occupied city hall": a sit-in, no territory taken
    return kind
