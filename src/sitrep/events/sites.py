"""A named site the gazetteer lacks ("the area of Guffa", "Leego village") and the country it lies in (#25)."""

from __future__ import annotations

import re

from sitrep.events.lexicon import cues
from sitrep.model import Place
from sitrep.rxfactor import compiled

# "the area of Guffa", "Guffa village": a named place (not "The town, known as Shushi", a determiner); when the gazetteer does not know it,
# the event is there, not in the town the story was about before.
_NAMED_SITE = compiled(
    r"\b(?:village|town|area|city|district|region|camp|county|neighbou?rhood|settlement|locality|port)\s+of\s+((?:(?:el|al|an|ad|as|ash|ar|at|az)-)?[A-Z][\w'’-]+)"
    r"|\b(?!(?:The|This|That|These|Those|A|An|Its|Their|His|Her|Our|Each|Every|Another|One|Which|Whose|No)\b)([A-Z][\w'’-]+)\s+(?:village|town|district|camp|settlement)\b"
    # "the strategic Elephant Pass military base": a base the gazetteer lacks, somewhere in the story's land
    r"|\b(?!(?:The|This|That|These|Those|A|An|Its|Their|His|Her|Our|Each|Every|Another|One|Which|Whose|No)\b)((?:[A-Z][a-z][\w'’-]*\s+)?[A-Z][a-z][\w'’-]*)\s+(?:military\s+|army\s+|naval\s+|air\s+)?(?:base|garrison|barracks)\b"
)


_FORCES_AFTER = cues()["forces_after"]
_SETTLEMENT = compiled(r"\b(?:village|town|settlement|port)\b")
_BASE = compiled(r"\b(?:base|garrison|barracks)\b")


def unknown_site(sentence: str, places: list[Place], s_start: int, country: Place | None = None, home: Place | None = None, town_only: bool = False) -> tuple[Place, str] | None:
    """A named site the gazetteer does not know and the country the sentence puts it in, the
    nearest named before it ("the South Sudanese area of Guffa": South Sudan, "Guffa"), else
    ``country``, the story's ("retook the village of Leego": somewhere in Somalia, not the town
    the last sentence was about); a base, in ``home`` (the story's country, the dateline's too). With ``town_only`` (the
    land is the scene already), only a town or village counts."""
    pos = 0
    while (m := _NAMED_SITE.search(sentence, pos)) is not None:
        pos = m.start() + 1  # (overlapping: "the West Bank town of el-Bireh" after "Bank town", a place's end)
        if town_only and not _SETTLEMENT.search(m.group(0)):
            continue  # (beside a land the scene already names, only a town: "the West Bank town of el-Bireh")
        a, b = next(m.span(g) for g in (1, 2, 3) if m.group(g))
        if any(p.start < s_start + b and s_start + a < p.end for p in places):
            continue  # a place the gazetteer knows
        # (a land's adjective on the site itself, "the South Sudanese area of", not on the act: "An Israeli air strike on the village of")
        before = [
            p for p in places if s_start <= p.start and p.end <= s_start + a and p.feature in ("country", "region")
            and (not p.adjectival or s_start + m.start() - p.end <= 16) and not _FORCES_AFTER.match(sentence, p.end - s_start)
        ]  # (nor whose forces acted: "U.S. warships shelled positions ... defending the town of Souk el-Gharb")
        if before:
            return before[-1], sentence[a:b]
        if country is not None and _SETTLEMENT.search(m.group(0)):
            return country, sentence[a:b]  # (a district or an area may well be the last town's)
        if (land := home or country) is not None and _BASE.search(m.group(0)):
            return land, sentence[a:b]  # a base: in the country the dateline names, if the body names none
    return None


# What a capture's trigger takes when it is one post inside a place, not the place itself.
SITE_AFTER = compiled(
    r"\s+(?:(?:the|a|an|another|its|their|two|three|several|some)\s+)?(?:[\w-]+(?:'s|’s)?\s+){0,3}?"
    r"(jails?|prisons?|(?:military |army |air |police )?bases?|checkpoints?|check posts?|outposts?|(?:military |army |police |border )?posts?(?! office| of)|"
    r"security posts?|police stations?|barracks|garrisons?|airports?|airfields?|army positions?|"
    r"military positions?)\b",
    re.IGNORECASE,
)
