"""Places named only as references (#25): a distance's yardstick ("95 miles from Kabul"), a
border, a team, someone's home, a street or a paper named after a town. None is a scene."""

from __future__ import annotations

import re

from sitrep.events.lexicon import cues
from sitrep.model import Place
from sitrep.rxfactor import compiled

_REFERENCE = compiled(
    r"(?<![A-Za-z])(?:(?:miles|kilomet(?:er|re)s|km|mi)\)?\s+(?:(?:north|south|east|west)(?:-?(?:east|west))?\s+)?(?:from|of)"
    r"|(?:border|frontier|boundary) with|(?i:bordering|adjoining)"  # ("in a town bordering Northern Ireland": beside it, not in it)
    # "the stronghold on the border just opposite the Thai province of Surin": across, not in it
    r"|(?i:opposite|across\s+the\s+(?:border|river|frontier)\s+from)(?:\s+the(?:\s+[\w-]+){0,2}?\s+(?i:province|state|region|district|town|city)\s+of)?"
    # "the European cup final between Liverpool and Juventus": a team, not a scene
    r"|(?i:final|match|game|semi-?final|tie|derby|fixture)\s+(?:between|against)|(?i:played|beat|defeated|hosted?)\s+(?:against\s+)?"
    # "Bilal Hadfi, a French citizen living in Belgium, detonated his explosives": a home, not a scene
    r"|(?i:born|raised|grew up|native of|hail(?:s|ed|ing) from|(?:citizen|national|man|woman|resident)s? (?:living|residing)|who (?:had |has )?(?:lived|lives|resided|been living))(?:\s+in)?)\s+(?:the\s+)?$"
)
# Street words, shared by the street-after-a-name test and the street-address test below.
STREET_WORDS = ("Avenue", "Ave.", "Street", "St.", "Road", "Rd.", "Boulevard", "Blvd.", "Lane", "Drive", "Parkway", "Highway")
STREET_AFTER = compiled(r"\s+(?:" + "|".join(w.rstrip(".") for w in STREET_WORDS) + r")\b")
# "the central Bolivar Square" in Bogota: a square named for a province (this mention only:
# "Waterloo Square" is in Waterloo, named again as the town elsewhere in the story).
_SQUARE_AFTER = compiled(r"\s+(?:Square|Bridge)\b")
# A paper named after its town: "reports this morning's Anchorage Daily News".
_PAPER_AFTER = compiled(r"\s+(?:Daily\s+)?(?:News|Times|Post|Herald|Tribune|Journal|Gazette|Chronicle|Globe|Observer|Telegraph|Courier|Examiner|Inquirer|Dispatch|Register|Star-Ledger|Star-Tribune|Daily)\b(?!\s+(?:Square|Street|Avenue|Building|Tower))")
# "speaking to a Bogota radio station": a medium named after its town, not where anything happened.
_STATION_AFTER = compiled(r"\s+(?:radio|television|TV)(?:\s+(?:station|network|channel))?\b", re.IGNORECASE)
# "The Stavropol regional administration said 100 had been killed": the body speaking, not the scene.
_BODY_SAID = compiled(
    r"\s+(?:(?:regional|provincial|city|state|local|municipal|district|interior|health)\s+)?(?:administration|government|authorities|officials|police|prosecutors?|governor|council|ministry|command)"
    r"\s+(?:(?:also|later|earlier)\s+)?(?:said|says|announced|reported|told|confirmed|denied|put)\b",
    re.IGNORECASE,
)
# "France sent troops ..., the French Foreign Ministry said in Paris": where it was said.
_SAID_IN = compiled(r"\b(?:said|says|told reporters|announced|declared|stated)\s+(?:(?:on\s+)?\w+day\s+)?in\s+$", re.IGNORECASE)
# "the Organization for Security and Cooperation in Europe": a body's name, not a scene.
_BODY_NAME_BEFORE = compiled(
    r"\b(?:Organi[sz]ation|Conference|Council|Commission|Committee|Agency|Court|Bank|Union)\s+(?:for|of|on)\s+(?:[A-Z][\w-]*\s+(?:and\s+)?){1,4}(?:in|of)\s+$"
    # "fighters of Charles Taylor's National Patriotic Front of Liberia", "the Islamic Army of Aden-Abyan": a movement's name
    r"|\b(?:[A-Z][\w'’-]*\s+){1,3}(?:Front|Movement|Party|Alliance|League|Congress|Army|Union)\s+(?:for\s+(?:[A-Z][\w-]*\s+(?:and\s+)?){1,3}(?:in|of)\s+|of\s+)$"
)
# A trip's ends, a demand's object, someone's home town: none is a scene (cues.tsv says why, with sources).
_CUES = cues()
_ROUTE_BEFORE = _CUES["route_before"]
_ROUTE_ON = compiled(r"(?:,?\s+(?-i:[A-Z])[\w'’.-]*){0,3},?\s+to\s+(?-i:[A-Z])")
_DEMANDED = _CUES["demanded_before"]
_SOMEONE_FROM = _CUES["someone_from"]
_SOURCE_BEFORE = compiled(r"\baccording\s+to\s+(?:the\s+)?$", re.IGNORECASE)
_INSTITUTION_AFTER = compiled(r"\s+(?:[\w-]+\s+)?(?:cent(?:re|er)|institute|foundation|agency|clinic)\b", re.IGNORECASE)
# "in rue de la Fontaine au Roi", "Avenida de Mayo", "Place de la Republique": a street or a
# square named after a town, the way French, Spanish, Italian or Russian addresses write it.
_STREET_BEFORE = compiled(
    r"(?:\b(?i:rue|boulevard|avenue|avenida|calle|rua|quai|piazza|piazzale|ulitsa|prospekt)|\bVia|\b(?i:place|plaza|pra[cç]a|largo)(?=\s+(?i:de|du|des|del|della|di|do|da|dos|das)\b))"
    r"\s+(?:(?i:de|du|des|del|della|delle|dei|di|do|da|dos|das)\s+)?(?:(?i:la|le|les|lo|los|las)\s+|(?i:l)['’]\s*)?$"
)

# "the French newspaper Liberation reported": a paper's or a channel's name, not a town.
_MEDIUM_BEFORE = compiled(
    r"\b(?:newspapers?|daily|dailies|paper|magazine|weekly|tabloid|broadcaster|channel|television|radio|TV|website|news agency|news site)\s+$",
    re.IGNORECASE,
)


# "near the Atlantic coast": a sea's shore, where the land's town is not named; "the Helsinki Committee
# for Human Rights": a body named after a town.
_NAMED_AFTER = compiled(r"\s+(?:Committee|Accords?)\b")
_COAST_AFTER = compiled(r"\s+(?:coast|coastline|seaboard|shore)\b")
_OCEANS = frozenset({"Atlantic", "Pacific", "Indian Ocean", "Arctic", "Atlantic Ocean", "Pacific Ocean", "Arctic Ocean"})
# "the Plateau business district" of Abidjan: a city's quarter named like a province abroad.
_QUARTER_AFTER = compiled(r"\s+(?:business|commercial|residential|diplomatic|financial|government|shopping)\s+(?:district|quarter|area|centre|center)\b", re.IGNORECASE)


# The last text's answers, by place span: a story's places are asked about once per trigger.
# (A tuple, replaced whole, so that threads reading other texts never see a mix.)
_seen: tuple[str, dict[tuple[int, int, bool], bool]] = ("", {})


def reference(text: str, p: Place) -> bool:
    """A place named only to say how far away something is ("95 miles from Kabul"), a
    street named after a town ("Albany Avenue" in Brooklyn is not Albany), or a paper's name."""
    global _seen
    memo = _seen[1] if _seen[0] is text else None
    if memo is None:
        memo = {}
        _seen = (text, memo)
    key = (p.start, p.end, p.adjectival)
    if (known := memo.get(key)) is None:
        known = memo[key] = _reference(text, p)
    return known


def _reference(text: str, p: Place) -> bool:
    before = text[max(0, p.start - 40) : p.start]
    if _SOURCE_BEFORE.search(before) and _INSTITUTION_AFTER.match(text, p.end):
        return True  # "according to the Erawan emergency centre": a source named after a place, not a scene
    if _DEMANDED.search(text, max(0, p.start - 70), p.start) or _SOMEONE_FROM.search(text, max(0, p.start - 60), p.start):
        return True
    if (route := _ROUTE_BEFORE.search(text, max(0, p.start - 110), p.start)) and (route.group().rstrip().endswith(" to") or _ROUTE_ON.match(text, p.end)):
        return True
    return bool(_REFERENCE.search(before) or _MEDIUM_BEFORE.search(before) or _SAID_IN.search(before) or _BODY_NAME_BEFORE.search(text, max(0, p.start - 70), p.start) or _STREET_BEFORE.search(before)) or bool(STREET_AFTER.match(text, p.end) or _PAPER_AFTER.match(text, p.end) or _SQUARE_AFTER.match(text, p.end) or (not p.adjectival and _STATION_AFTER.match(text, p.end)) or _BODY_SAID.match(text, p.end) or (p.feature in ("admin1", "country", "region") and _QUARTER_AFTER.match(text, p.end) is not None) or _NAMED_AFTER.match(text, p.end) is not None or (p.name in _OCEANS and _COAST_AFTER.match(text, p.end) is not None))


_BESIDE = compiled(r"\b(?:bordering|adjoining)\s+(?:the\s+)?$", re.IGNORECASE)


def beside_only(text: str, places: list[Place], span: tuple[int, int]) -> bool:
    """Whether the sentence at ``span`` places what it tells only beside a place ("in a town
    bordering Northern Ireland"): not there, nor at the story's town inside it."""
    return any(span[0] <= p.start < span[1] and _BESIDE.search(text, max(span[0], p.start - 20), p.start) for p in places)
