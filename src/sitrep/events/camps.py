"""Camps: where people displaced are, and the camp a story is about (#25).

"attacked a refugee camp in South Sudan" in a story about the Yida camp is at Yida;
"a second round of bombs hit" while "our reporter arrived at the camp" is at the camp
the story named before, not at the province the story names most.
"""

from __future__ import annotations

import re

from sitrep.model import Place
from sitrep.rxfactor import compiled

_CAMP_AFTER = compiled(r"\s+(?:(?:refugee|displacement|IDP|transit)\s+)?(?:camps?|settlements?)\b", re.IGNORECASE)


_A_CAMP_IN = compiled(r"\b(?:a|the|one)\s+(?:[\w-]+\s+){0,2}?camps?\s+(?:(?:for|of)\s+(?:[\w-]+\s+){1,3}?)?(?:in|inside|of)\s+(?:the\s+)?$", re.IGNORECASE)


def the_camp(text: str, places: list[Place], country: Place) -> Place | None:
    """"attacked a refugee camp in South Sudan": the one camp of that country the article names."""
    if not _A_CAMP_IN.search(text, max(0, country.start - 50), country.start):
        return None
    camps = {
        (p.entry): p for p in places
        if not p.adjectival and p.country_code == country.country_code and p.feature != "country"
        and (_CAMP_AFTER.match(text, p.end) or "camp" in p.name.lower())
    }  # fmt: skip
    return next(iter(camps.values())) if len(camps) == 1 else None


def camp_in(text: str, places: list[Place], sentence: tuple[int, int]) -> Place | None:
    """The camp a sentence names ("take refuge at the Yida camp"): where a displacement is
    mapped, not the region people fled ("fled fighting in South Kordofan")."""
    for p in places:
        if sentence[0] <= p.start < sentence[1] and not p.adjectival and (
            _CAMP_AFTER.match(text, p.end) or "camp" in p.name.lower()
        ):
            return p
    return None


# "arrived at the camp", "inside the refugee camp": the camp the story named before.
_THE_CAMP = compiled(r"\b(?:the|this)\s+(?:(?:refugee|displacement|IDP|transit)\s+)?camp\b(?!\s+(?:of|for|in|near)\b)", re.IGNORECASE)


def camp_told(text: str, places: list[Place], clause: tuple[int, int]) -> Place | None:
    """The one camp named before a clause that speaks of "the camp" (none when two were named)."""
    if not _THE_CAMP.search(text, clause[0], clause[1]):
        return None
    camps = {
        (p.entry): p for p in places
        if p.end <= clause[0] and not p.adjectival and p.feature != "country"
        and (_CAMP_AFTER.match(text, p.end) or "camp" in p.name.lower())
    }  # fmt: skip
    return next(iter(camps.values())) if len(camps) == 1 else None
