"""The actor names of a text, scanned once a sentence and kept while its events are read; and
the country written before a name, or told before for bare forces."""

from __future__ import annotations

import re
from bisect import bisect_left

from sitrep.events.lexicon import Lexicon
from sitrep.model import Place
from sitrep.rxfactor import compiled

# The actor names of the last text read: an article's events are read one after another,
# and scanning the whole text once costs less than scanning each event's clause.
# One tuple, replaced whole, so that threads reading other texts never see a mix.
# A sentence is read once, and only one with an event in it (the whole text, where the caller
# gives no sentence): a name never runs across two sentences.
_last: tuple[str, Lexicon, dict[tuple[int, int], tuple[list[re.Match[str]], list[int]]]] | None = None


_SAID_BEFORE = compiled(r",\s+(?:said|says|according\s+to)\s+(?:an?\s+|the\s+)?$", re.IGNORECASE)
# ("Ghazni police chief said": an officer who told it, not a side)
_TITLE_SAID_AFTER = compiled(r"\s+(?:chief|spokes(?:man|woman|person)|official|officer|commander|source)s?\s+(?:said|says|told)\b", re.IGNORECASE)
_WORN_AFTER = compiled(r"\s+(?:uniforms?|fatigues|camouflage|clothes|clothing)\b", re.IGNORECASE)


def actor_matches(lex: Lexicon, text: str, lo: int, hi: int, chunk: tuple[int, int] | None) -> list[re.Match[str]]:
    """The actor names of ``text`` that start in ``lo:hi`` (an event's clause) of ``chunk``."""
    global _last
    last = _last
    if last is None or last[0] is not text or last[1] is not lex:
        last = (text, lex, {})
        _last = last
    key = chunk or (0, len(text))
    if key not in last[2]:
        # ("gunmen dressed in army uniforms": what they wore; ", said police officer Ashok Kumar": who told it)
        found = [m for m in lex.actors.finditer(text, *key) if not _WORN_AFTER.match(text, m.end()) and not _SAID_BEFORE.search(text, max(0, m.start() - 20), m.start()) and not _TITLE_SAID_AFTER.match(text, m.end())]
        last[2][key] = (found, [m.start() for m in found])
    found, starts = last[2][key]
    return found[bisect_left(starts, lo) : bisect_left(starts, hi)]


# "Israeli soldiers shot dead six ... The army imposed a curfew on Hebron": the army named bare
# is the one the story named before with its country.
_FORCES_AFTER = compiled(r"\s+(?:army|troops|soldiers|forces|military|police|policemen|security\s+forces)\b", re.IGNORECASE)


def forces_told(text: str, places: list[Place], pos: int) -> str | None:
    """The country of the state's forces the text named last before ``pos`` ("Israeli soldiers")."""
    told = [p for p in places if p.end <= pos and p.adjectival and _FORCES_AFTER.match(text, p.end)]
    return told[-1].country_code if told else None


# A model's designation between a demonym and its craft: "an Israeli F-16 warplane", "Russian Su-25 jets".
_MODEL = compiled(r"\s+(?:[A-Z][\w-]*\d[\w-]*|[A-Z]{2,}(?:-\d+)?|Apache|Cobra|Black\s+Hawk|Harrier|Tornado|Mirage|Predator|Reaper)\s+")


def demonym_before(places: list[Place], pos: int, gap: int = 5, text: str | None = None) -> str | None:
    """The country of a demonym or country name just before ``pos`` ("Afghan forces", "UK government",
    with ``text`` also "Israeli F-16 warplane")."""
    for p in places:
        # "Afghan forces", "UK government", "US-led forces"
        if (p.adjectival or p.feature == "country") and (0 <= pos - p.end <= gap or (text is not None and _MODEL.fullmatch(text, p.end, pos))):
            return p.country_code
    return None
