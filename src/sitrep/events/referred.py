"""Arrests told as made over an attack the article told before (#25): "Security forces arrested
three suspects in connection with the market bombing" happened where that bombing was, not in
the town the last sentence was about.

Only an arrest with no place of its own moves, and only to the story's own scene: it takes the
place of the attack its words name (the one whose sentence carries the noun's modifier,
"market", else the story's first) when that attack happened where the story is. Suspects
"arrested in connection with the Paris attacks" in a story from Brussels stay in Brussels.
"""

from __future__ import annotations

import re
from typing import Any

from sitrep.events.agree import places_agree
from sitrep.events.towns import place_json
from sitrep.model import Event, Place
from sitrep.rxfactor import compiled

# "in connection with the market bombing", "over Sunday's attack", "for their role in the killing".
_OVER = compiled(
    r"\b(?:in\s+connection\s+with|over|for\s+(?:their|his|her|its)\s+(?:alleged\s+)?(?:role|roles|part|involvement)\s+in|"
    r"(?:suspected|accused)\s+of\s+(?:involvement\s+in|carrying\s+out|plotting))\s+"
    r"(?:the|this|that|these|last\s+\w+['’]s|\w+day['’]s)\s+(?P<mod>(?:[\w-]+\s+){0,2}?)"
    r"(?P<noun>attacks?|bombings?|blasts?|explosions?|killings?|shootings?|massacres?|ambush(?:es)?|assaults?)\b",
    re.IGNORECASE,
)
# Places an arrest may hold without having named them.
_CARRIED = ("context", "article", "country")


def arrests_at_their_attack(events: list[Event], focus: Place | None) -> None:
    """Put an arrest made over an earlier attack at that attack's place, when it names none and
    the attack happened at the story's main place ``focus``."""
    if focus is None or focus.feature in ("country", "region", "continent"):
        return
    scene = place_json(focus, None)
    for e in events:
        if e.family != "detention" or (e.place or {}).get("how") not in _CARRIED:
            continue
        ev = e.evidence[0]
        m = _OVER.search(str(ev["text"]))
        if m is None:
            continue
        told = [
            x for x in events
            if x.evidence[0]["start"] < ev["start"] and x.family == "attack" and x.layer == "material"
            and not x.background and x.place and not x.place.get("how")
        ]  # fmt: skip
        if not told:
            continue
        words = [w.lower() for w in m.group("mod").split()]
        named = [x for x in told if words and all(re.search(rf"\b{re.escape(w)}\b", str(x.evidence[0]["text"]), re.IGNORECASE) for w in words)]
        attack = (named or told)[0] if len(named) <= 1 else named[-1]
        if attack.place is not None and places_agree(attack.place, scene):
            e.place = {**attack.place, "how": "context"}


# "on Aug. 7, the day of the attacks", "the anniversary of the bombing": a time named by an earlier event.
_WHEN_OF = compiled(
    r"\b(?:(?:day|days|night|week|weeks|eve|anniversary|date|time|hours?)\s+(?:of|after|before)"
    r"|(?:about|over|for|into|behind|in connection with|connected with|linked to|related to|responsible for|suspected in|wanted in|blamed for|questioning about|questioned about))"
    r"\s+the\s+(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


def recalls_back(text: str, start: int, place: Place, found: list[tuple[Any, int, int]], s_start: int, clause: tuple[int, int]) -> bool:
    """Whether a noun naming a time by an event ("the day of the attacks"), after another
    event's place, refers back to an event told before: the place is the other event's."""
    if not _WHEN_OF.search(text, max(0, start - 40), start):
        return False
    return any(clause[0] <= s_start + te <= place.start for _, ts, te in found if s_start + ts != start)
